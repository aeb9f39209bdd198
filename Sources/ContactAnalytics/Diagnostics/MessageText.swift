/// The text of a message that may refer to settings: literal text and typed `Setting` references, written
/// as a string literal with `\(setting:)` interpolations:
///
/// ```swift
/// let text: MessageText = "name one with \(setting: .map) opened_at=COLUMN or pick a \(setting: .preset)"
/// text.rendered(SettingNames { "--" + $0.rawValue })  // "name one with --map opened_at=COLUMN or pick a --preset"
/// text.description                                 // "name one with map opened_at=COLUMN or pick a preset"
/// ```
///
/// So the library's messages say which setting is concerned and the front end says how it is given.
public struct MessageText: Sendable, Hashable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// A piece of a message.
    public enum Part: Sendable, Hashable {
        case text(String)
        case setting(Setting)
    }

    /// The pieces, adjacent text merged (so equal messages have equal parts).
    public private(set) var parts: [Part] = []

    public init() {}

    public init(_ text: String) {
        append(text)
    }

    public init(stringLiteral value: String) {
        append(value)
    }

    public init(stringInterpolation: StringInterpolation) {
        parts = stringInterpolation.text.parts
    }

    /// The settings the message refers to, in order.
    public var settings: [Setting] {
        parts.compactMap { if case .setting(let setting) = $0 { setting } else { nil } }
    }

    /// The message with each setting named by `names`.
    public func rendered(_ names: SettingNames) -> String {
        var out = ""
        for part in parts {
            switch part {
            case .text(let text): out += text
            case .setting(let setting): out += names(setting)
            }
        }
        return out
    }

    /// The message with settings in plain words.
    public var description: String { rendered(.plain) }

    public var isEmpty: Bool { parts.isEmpty }

    public mutating func append(_ text: String) {
        guard !text.isEmpty else { return }
        if case .text(let last) = parts.last {
            parts[parts.count - 1] = .text(last + text)
        } else {
            parts.append(.text(text))
        }
    }

    public mutating func append(_ other: MessageText) {
        for part in other.parts {
            switch part {
            case .text(let text): append(text)
            case .setting: parts.append(part)
            }
        }
    }

    public static func + (lhs: MessageText, rhs: MessageText) -> MessageText {
        var result = lhs
        result.append(rhs)
        return result
    }

    public static func + (lhs: MessageText, rhs: String) -> MessageText {
        var result = lhs
        result.append(rhs)
        return result
    }

    public static func += (lhs: inout MessageText, rhs: MessageText) { lhs.append(rhs) }

    public static func += (lhs: inout MessageText, rhs: String) { lhs.append(rhs) }

    /// Builds a `MessageText` from a string literal: `\(setting: .map)` refers to a setting, any other
    /// interpolation is text.
    public struct StringInterpolation: StringInterpolationProtocol {
        var text = MessageText()

        public init(literalCapacity: Int, interpolationCount: Int) {}

        public mutating func appendLiteral(_ literal: String) { text.append(literal) }

        public mutating func appendInterpolation(setting: Setting) { text.parts.append(.setting(setting)) }

        public mutating func appendInterpolation(_ message: MessageText) { text.append(message) }

        public mutating func appendInterpolation<T>(_ value: T) { text.append(String(describing: value)) }
    }
}
