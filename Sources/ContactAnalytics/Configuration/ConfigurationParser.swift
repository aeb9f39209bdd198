import Foundation

/// Parses a configuration file: JSON with the JSON5 conveniences people write by hand — `//` and `/* */`
/// comments, trailing commas, single-quoted strings and unquoted keys — into `ConfigurationNode`s that keep
/// their line, column and key path.
///
/// Configuration files are small, so the parser works on the whole file in memory. Nesting is limited to
/// `maximumDepth` levels so a hostile file cannot exhaust the stack.
public struct ConfigurationParser {
    public static let maximumDepth = 64

    private let bytes: [UInt8]
    private let file: String
    private var position = 0
    private var line = 1
    private var lineStart = 0

    private init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    /// Parses `text` as read from `file` (used in locations).
    public static func parse(_ text: String, file: String) throws -> ConfigurationNode {
        try parse(bytes: Array(text.utf8), file: file)
    }

    /// Parses UTF-8 bytes (a leading BOM is skipped).
    public static func parse(bytes: [UInt8], file: String) throws -> ConfigurationNode {
        var parser = ConfigurationParser(bytes: bytes, file: file)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            parser.position = 3
            parser.lineStart = 3
        }
        try parser.skipTrivia()
        let root = try parser.parseValue(path: "", depth: 0)
        try parser.skipTrivia()
        if parser.position < bytes.count {
            throw parser.failure("unexpected text after the configuration object")
        }
        return root
    }

    /// Reads and parses a file.
    public static func parse(contentsOf path: String) throws -> ConfigurationNode {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ContactStatError(.io, "cannot read the configuration file", at: path)
        }
        return try parse(bytes: [UInt8](data), file: path)
    }

    // MARK: Grammar

    private var column: Int { position - lineStart + 1 }

    private func failure(_ message: String) -> ContactStatError {
        ContactStatError(.configuration, message, at: "\(file):\(line):\(column)")
    }

    private mutating func parseValue(path: String, depth: Int) throws -> ConfigurationNode {
        guard depth < Self.maximumDepth else { throw failure("nesting deeper than \(Self.maximumDepth) levels") }
        guard position < bytes.count else { throw failure("unexpected end of file, expected a value") }
        let startLine = line, startColumn = column
        func node(_ value: ConfigurationNode.Value) -> ConfigurationNode {
            ConfigurationNode(value: value, file: file, line: startLine, column: startColumn, path: path)
        }
        switch bytes[position] {
        case UInt8(ascii: "{"):
            position += 1
            var members: [ConfigurationNode.Member] = []
            try skipTrivia()
            while true {
                guard position < bytes.count else { throw failure("unexpected end of file inside an object") }
                if bytes[position] == UInt8(ascii: "}") { position += 1; break }
                let key = try parseKey()
                try skipTrivia()
                guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                    throw failure("expected ':' after the key '\(key)'")
                }
                position += 1
                try skipTrivia()
                let childPath = path.isEmpty ? key : "\(path).\(key)"
                members.append(.init(key: key, node: try parseValue(path: childPath, depth: depth + 1)))
                try skipTrivia()
                guard position < bytes.count else { throw failure("unexpected end of file inside an object") }
                if bytes[position] == UInt8(ascii: ",") {
                    position += 1
                    try skipTrivia()
                } else if bytes[position] != UInt8(ascii: "}") {
                    throw failure("expected ',' or '}' after the value of '\(key)'")
                }
            }
            return node(.object(members))
        case UInt8(ascii: "["):
            position += 1
            var items: [ConfigurationNode] = []
            try skipTrivia()
            while true {
                guard position < bytes.count else { throw failure("unexpected end of file inside an array") }
                if bytes[position] == UInt8(ascii: "]") { position += 1; break }
                items.append(try parseValue(path: "\(path)[\(items.count)]", depth: depth + 1))
                try skipTrivia()
                guard position < bytes.count else { throw failure("unexpected end of file inside an array") }
                if bytes[position] == UInt8(ascii: ",") {
                    position += 1
                    try skipTrivia()
                } else if bytes[position] != UInt8(ascii: "]") {
                    throw failure("expected ',' or ']' in an array")
                }
            }
            return node(.array(items))
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            return node(.string(try parseString()))
        case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return node(.number(try parseNumber()))
        default:
            let word = scanIdentifier()
            switch word {
            case "true": return node(.bool(true))
            case "false": return node(.bool(false))
            case "null": return node(.null)
            case "": throw failure("unexpected character '\(Character(UnicodeScalar(bytes[position])))'")
            default: throw failure("unexpected word '\(word)'; strings need quotes")
            }
        }
    }

    private mutating func parseKey() throws -> String {
        guard position < bytes.count else { throw failure("unexpected end of file, expected a key") }
        if bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'") {
            return try parseString()
        }
        let word = scanIdentifier()
        if word.isEmpty { throw failure("expected a key in quotes") }
        return word
    }

    private mutating func scanIdentifier() -> String {
        let start = position
        while position < bytes.count {
            let b = bytes[position]
            let isWord = (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
                || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "_") || b == UInt8(ascii: "$")
            if !isWord { break }
            position += 1
        }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    private mutating func parseNumber() throws -> Double {
        let start = position
        while position < bytes.count {
            let b = bytes[position]
            let isNumeric = (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "-")
                || b == UInt8(ascii: "+") || b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E")
            if !isNumeric { break }
            position += 1
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            position = start
            throw failure("'\(text)' is not a number")
        }
        return value
    }

    private mutating func parseString() throws -> String {
        let quote = bytes[position]
        let openLine = line, openColumn = column
        position += 1
        var out: [UInt8] = []
        while position < bytes.count {
            let b = bytes[position]
            if b == quote {
                position += 1
                return TextNormalization.nfc(String(decoding: out, as: UTF8.self))
            }
            if b == UInt8(ascii: "\n") {
                throw ContactStatError(.configuration, "string opened at column \(openColumn) is not closed on its line",
                                       at: "\(file):\(openLine):\(openColumn)")
            }
            if b == UInt8(ascii: "\\") {
                position += 1
                guard position < bytes.count else { break }
                let e = bytes[position]
                switch e {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "u"):
                    let scalar = try parseUnicodeEscape()
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                    continue
                default: out.append(e) // \" \' \\ \/ and JSON5's identity escapes
                }
                position += 1
                continue
            }
            out.append(b)
            position += 1
        }
        throw ContactStatError(.configuration, "string is never closed", at: "\(file):\(openLine):\(openColumn)")
    }

    /// Reads `uXXXX` (position at `u`), combining a surrogate pair; leaves position after the escape.
    private mutating func parseUnicodeEscape() throws -> UnicodeScalar {
        func hex4() throws -> UInt32 {
            guard position + 4 < bytes.count else { throw failure("incomplete \\u escape") }
            var v: UInt32 = 0
            for i in 1...4 {
                let c = bytes[position + i]
                let d: UInt32
                switch c {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
                default: throw failure("invalid \\u escape")
                }
                v = v * 16 + d
            }
            position += 5
            return v
        }
        let high = try hex4()
        if (0xD800..<0xDC00).contains(high), position + 1 < bytes.count,
           bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") {
            position += 1
            let low = try hex4()
            if (0xDC00..<0xE000).contains(low),
               let scalar = UnicodeScalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) {
                return scalar
            }
            throw failure("invalid surrogate pair in \\u escape")
        }
        guard let scalar = UnicodeScalar(high) else { throw failure("invalid \\u escape") }
        return scalar
    }

    /// Skips white space and comments, tracking lines.
    private mutating func skipTrivia() throws {
        while position < bytes.count {
            let b = bytes[position]
            if b == UInt8(ascii: "\n") {
                position += 1
                line += 1
                lineStart = position
            } else if b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\r") {
                position += 1
            } else if b == UInt8(ascii: "/"), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "/") {
                while position < bytes.count, bytes[position] != UInt8(ascii: "\n") { position += 1 }
            } else if b == UInt8(ascii: "/"), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "*") {
                let openLine = line, openColumn = column
                position += 2
                var closed = false
                while position + 1 < bytes.count {
                    if bytes[position] == UInt8(ascii: "*"), bytes[position + 1] == UInt8(ascii: "/") {
                        position += 2
                        closed = true
                        break
                    }
                    if bytes[position] == UInt8(ascii: "\n") {
                        line += 1
                        lineStart = position + 1
                    }
                    position += 1
                }
                if !closed {
                    throw ContactStatError(.configuration, "comment is never closed", at: "\(file):\(openLine):\(openColumn)")
                }
            } else {
                return
            }
        }
    }
}
