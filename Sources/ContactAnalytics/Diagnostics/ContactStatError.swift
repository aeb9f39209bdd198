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
    public var message: String
    /// `FILE[:LINE[:COLUMN]]` where it applies.
    public var location: String?

    public init(_ kind: Kind, _ message: String, at location: String? = nil) {
        self.kind = kind
        self.message = message
        self.location = location
    }

    /// The process exit code for this error.
    public var exitCode: Int32 {
        switch kind {
        case .usage: 64
        case .dataFormat: 65
        case .io: 74
        case .configuration: 64
        }
    }

    /// `FILE:LINE:COLUMN: message`, or just the message.
    public var description: String {
        if let location { return "\(location): \(message)" }
        return message
    }
}
