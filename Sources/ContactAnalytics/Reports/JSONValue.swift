/// An ordered JSON document for report output: objects keep their members in the order given, numbers are
/// pre-formatted text, so the same report always serialises to the same bytes (Foundation's
/// `JSONSerialization` orders keys differently across platforms and prints doubles unpredictably).
public enum JSONValue: Sendable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// An integer, written in decimal.
    case integer(Int)
    /// A number already formatted as a JSON number literal (`0.734`, `31540.00`).
    case number(String)
    /// A string, escaped when written.
    case string(String)
    /// An array, in order.
    case array([JSONValue])
    /// Members in output order. Keys are expected to be unique; they are written as given.
    case object([(String, JSONValue)])

    /// A rate or other real number, 4 decimals at most (``ReportNumberFormat/fraction(_:)``); `null` for
    /// `nil` or a value that is not finite.
    public static func fraction(_ value: Double?) -> JSONValue {
        guard let value, let text = ReportNumberFormat.fraction(value) else { return .null }
        return .number(text)
    }

    /// A ratio's value as a fraction; `null` when the denominator is 0.
    public static func ratio(_ ratio: Ratio) -> JSONValue {
        fraction(ratio.value)
    }

    /// Money with exactly two decimals (`31540.00`); `null` for `nil` or not finite.
    public static func money(_ value: Double?) -> JSONValue {
        guard let value, let text = ReportNumberFormat.fixed(value, places: 2) else { return .null }
        return .number(text)
    }

    /// A metric's value written as its kind says (`MetricKind`): an integer, a fraction, money with two
    /// decimals; `null` when it has none.
    public static func metric(_ value: MetricValue, kind: MetricKind) -> JSONValue {
        switch (value, kind) {
        case (.count(let count), _): .integer(count)
        case (.real(let number), .money): money(number)
        case (.real(let number), _): fraction(number)
        }
    }

    /// A string or `null`.
    public static func optionalString(_ value: String?) -> JSONValue {
        value.map { .string($0) } ?? .null
    }

    /// The document, pretty-printed with two-space indentation and a final newline. A short array of
    /// scalars (about 80 characters) stays on one line.
    public func serialized() -> String {
        var out = ""
        write(into: &out, indent: 0)
        out += "\n"
        return out
    }

    /// A rough length for deciding whether an array of scalars fits on one line.
    private var inlineLength: Int {
        if case .string(let text) = self { return text.utf8.count + 4 }
        return 8
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    private func write(into out: inout String, indent: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .integer(let value): out += String(value)
        case .number(let text): out += text
        case .string(let text): JSONValue.writeString(text, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            if items.allSatisfy(\.isScalar), items.reduce(0, { $0 + $1.inlineLength }) <= 80 {
                out += "["
                for (index, item) in items.enumerated() {
                    if index > 0 { out += ", " }
                    item.write(into: &out, indent: indent)
                }
                out += "]"
                return
            }
            let pad = String(repeating: " ", count: indent + 2)
            out += "[\n"
            for (index, item) in items.enumerated() {
                out += pad
                item.write(into: &out, indent: indent + 2)
                out += index == items.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            let pad = String(repeating: " ", count: indent + 2)
            out += "{\n"
            for (index, member) in members.enumerated() {
                out += pad
                JSONValue.writeString(member.0, into: &out)
                out += ": "
                member.1.write(into: &out, indent: indent + 2)
                out += index == members.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        }
    }

    /// A JSON string literal: `"` and `\` escaped, control characters as `\n`, `\r`, `\t`, `\b`, `\f` or
    /// `\u00XX`, U+2028 and U+2029 as `\u2028`/`\u2029` (safe to embed in JavaScript); everything else as
    /// UTF-8.
    static func writeString(_ text: String, into out: inout String) {
        out += "\""
        // Most texts need no escape: appended whole (appending scalar by scalar made writing a report's JSON
        // cost some 800 instructions a byte).
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }) {
            out += text
            out += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16, uppercase: false)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
