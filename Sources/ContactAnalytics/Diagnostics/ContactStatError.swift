/// An error that ends a run, with a human message and the exit code the command line uses for it
/// (`cli-and-json.md`: 64 usage or invalid configuration, 65 unreadable input data, 74 I/O).
public struct ContactStatError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The command line or configuration asks for something impossible.
        case usage
        /// The input data cannot be read as a contact export.
        case dataFormat
        /// A file could not be opened, read or written.
        case io
        /// The configuration file is invalid.
        case configuration
    }

    public var kind: Kind
    /// The message; the settings it refers to stay typed (`MessageText.settings`) for the front end to name.
    public var text: MessageText
    /// `FILE[:LINE[:COLUMN]]` where it applies.
    public var location: String?

    public init(_ kind: Kind, _ message: String, at location: String? = nil) {
        self.init(kind, MessageText(message), at: location)
    }

    public init(_ kind: Kind, _ text: MessageText, at location: String? = nil) {
        self.kind = kind
        self.text = text
        self.location = location
    }

    /// The message with settings in plain words.
    public var message: String { text.description }

    /// The process exit code for this error.
    public var exitCode: Int32 {
        switch kind {
        case .usage: 64
        case .dataFormat: 65
        case .io: 74
        case .configuration: 64
        }
    }

    /// `FILE:LINE:COLUMN: message`, or just the message, settings named by `names`.
    public func description(_ names: SettingNames) -> String {
        if let location { return "\(location): \(text.rendered(names))" }
        return text.rendered(names)
    }

    /// `FILE:LINE:COLUMN: message`, settings in plain words.
    public var description: String { description(.plain) }
}
