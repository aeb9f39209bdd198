import TextDistance

/// A JSON value read from a configuration file, with the line and column where it starts, so every error
/// in a configuration names its key path and location.
public struct ConfigurationNode: Sendable, Equatable {
    public enum Value: Sendable, Equatable {
        case null
        case bool(Bool)
        case number(Double)
        case string(String)
        case array([ConfigurationNode])
        /// Members in file order. A key given twice keeps both; lookups take the last.
        case object([Member])
    }

    public struct Member: Sendable, Equatable {
        public var key: String
        public var node: ConfigurationNode
    }

    public var value: Value
    /// The file the node was read from.
    public var file: String
    /// 1-based line and column of the first character of the value.
    public var line: Int
    public var column: Int
    /// The key path from the root (`fcr.window_days`, `taxonomy.causes[3].process`).
    public var path: String

    public init(value: Value, file: String, line: Int, column: Int, path: String) {
        self.value = value
        self.file = file
        self.line = line
        self.column = column
        self.path = path
    }

    /// `FILE:LINE:COLUMN`.
    public var location: String { "\(file):\(line):\(column)" }

    /// The error to throw when this node is not what the configuration expects.
    public func error(_ message: String) -> ContactStatError {
        let subject = path.isEmpty ? "" : "\(path): "
        return ContactStatError(.configuration, subject + message, at: location)
    }

    /// The kind of value, for messages ("a string", "an object").
    public var kindDescription: String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    // MARK: Typed access

    /// The members of an object, or an error naming the path.
    public func members() throws -> [Member] {
        guard case .object(let members) = value else { throw error("expected an object, found \(kindDescription)") }
        return members
    }

    /// The member `key` of an object (the last one if repeated), or `nil` when absent or `null`.
    public func member(_ key: String) throws -> ConfigurationNode? {
        let found = try members().last { $0.key == key }?.node
        if let found, case .null = found.value { return nil }
        return found
    }

    /// Throws when the object has a key not in `known`, suggesting the closest known key.
    public func rejectUnknownKeys(_ known: [String]) throws {
        for member in try members() where !known.contains(member.key) {
            var message = "unknown key '\(member.key)'"
            if let suggestion = EditDistance.suggestion(for: member.key, among: known) {
                message += "; did you mean '\(suggestion)'?"
            } else {
                message += "; expected one of: \(known.joined(separator: ", "))"
            }
            if !path.isEmpty { message = "\(path): " + message }
            throw ContactStatError(.configuration, message, at: member.node.location)
        }
    }

    public func stringValue() throws -> String {
        guard case .string(let s) = value else { throw error("expected a string, found \(kindDescription)") }
        return s
    }

    public func doubleValue() throws -> Double {
        guard case .number(let n) = value else { throw error("expected a number, found \(kindDescription)") }
        return n
    }

    public func intValue() throws -> Int {
        let n = try doubleValue()
        guard n.rounded() == n, abs(n) < 1e15 else { throw error("expected a whole number, found \(n)") }
        return Int(n)
    }

    public func boolValue() throws -> Bool {
        guard case .bool(let b) = value else { throw error("expected true or false, found \(kindDescription)") }
        return b
    }

    public func arrayValue() throws -> [ConfigurationNode] {
        guard case .array(let items) = value else { throw error("expected an array, found \(kindDescription)") }
        return items
    }

    /// A string, or an array of strings (a single string is read as a one-element list).
    public func stringList() throws -> [String] {
        switch value {
        case .string(let s): return [s]
        case .array(let items): return try items.map { try $0.stringValue() }
        default: throw error("expected a string or an array of strings, found \(kindDescription)")
        }
    }
}
