/// A small streaming XML scanner for the parts of a workbook: start tags with their attributes, end tags and
/// text, read from a `ByteChunkSource` in pieces so a sheet of any size is scanned in bounded memory.
///
/// Enough XML for SpreadsheetML, no more: names lose their namespace prefix (`x:row` is `row`); the five
/// predefined entities and character references are decoded; CDATA is text; comments, processing instructions
/// and a document type declaration are skipped (no entity is ever expanded from one). Malformed markup is a
/// `ContactStatError(.dataFormat)` naming the part.
struct XMLScanner {
    enum Event: Equatable {
        case start(name: String, attributes: [String: String], selfClosing: Bool)
        case end(name: String)
        case text(String)
    }

    private var source: ByteChunkSource
    private var buffer: [UInt8] = []
    private var position = 0
    private var ended = false

    init(source: ByteChunkSource) {
        self.source = source
    }

    /// The next event, `nil` at the end of the part.
    mutating func next() throws -> Event? {
        while true {
            guard try available(1) else { return nil }
            if buffer[position] != UInt8(ascii: "<") {
                let end = try index(of: UInt8(ascii: "<"), from: position) ?? buffer.count
                let text = XMLScanner.decode(buffer[position..<end])
                position = end
                return .text(text)
            }
            guard try available(2) else { throw malformed("ends inside a tag") }
            switch buffer[position + 1] {
            case UInt8(ascii: "?"):
                try skip(past: Array("?>".utf8))
            case UInt8(ascii: "!"):
                if try starts(with: "<!--") {
                    try skip(past: Array("-->".utf8))
                } else if try starts(with: "<![CDATA[") {
                    guard let end = try index(of: Array("]]>".utf8), from: position + 9) else {
                        throw malformed("ends inside CDATA")
                    }
                    // `index` may have moved the buffer: the section starts 9 bytes after `position` still.
                    let text = String(decoding: buffer[(position + 9)..<end], as: UTF8.self)
                    position = end + 3
                    return .text(text)
                } else {
                    try skip(past: [UInt8(ascii: ">")])
                }
            case UInt8(ascii: "/"):
                guard let end = try index(of: UInt8(ascii: ">"), from: position) else { throw malformed("ends inside a tag") }
                let name = XMLScanner.localName(buffer[(position + 2)..<end])
                position = end + 1
                return .end(name: name)
            default:
                return try startTag()
            }
        }
    }

    // MARK: Tags

    private mutating func startTag() throws -> Event {
        // The end of the tag: the first '>' outside quoted attribute values.
        // (Offsets from `position`: reading more moves the buffer.)
        var offset = 1
        var quote: UInt8 = 0
        while true {
            if position + offset >= buffer.count {
                guard try readMore() else { throw malformed("ends inside a tag") }
                continue
            }
            let byte = buffer[position + offset]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                break
            }
            offset += 1
        }
        let index = position + offset
        var bodyEnd = index
        let selfClosing = buffer[index - 1] == UInt8(ascii: "/")
        if selfClosing { bodyEnd -= 1 }
        let body = buffer[(position + 1)..<bodyEnd]
        position = index + 1
        var cursor = body.startIndex
        while cursor < body.endIndex && !XMLScanner.isSpace(body[cursor]) { cursor += 1 }
        let name = XMLScanner.localName(body[body.startIndex..<cursor])
        var attributes: [String: String] = [:]
        while cursor < body.endIndex {
            while cursor < body.endIndex && XMLScanner.isSpace(body[cursor]) { cursor += 1 }
            let nameStart = cursor
            while cursor < body.endIndex && body[cursor] != UInt8(ascii: "=") && !XMLScanner.isSpace(body[cursor]) {
                cursor += 1
            }
            if nameStart == cursor { break }
            let attributeName = XMLScanner.localName(body[nameStart..<cursor])
            while cursor < body.endIndex && (XMLScanner.isSpace(body[cursor]) || body[cursor] == UInt8(ascii: "=")) {
                cursor += 1
            }
            guard cursor < body.endIndex else { throw malformed("has an attribute without a value in <\(name)>") }
            let quote = body[cursor]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
                throw malformed("has an unquoted attribute value in <\(name)>")
            }
            let valueStart = cursor + 1
            guard let valueEnd = body[valueStart...].firstIndex(of: quote) else {
                throw malformed("has an unclosed attribute value in <\(name)>")
            }
            attributes[attributeName] = XMLScanner.decode(body[valueStart..<valueEnd])
            cursor = valueEnd + 1
        }
        return .start(name: name, attributes: attributes, selfClosing: selfClosing)
    }

    // MARK: Buffer

    /// Whether at least `count` bytes are at hand from `position` (reading more as needed).
    private mutating func available(_ count: Int) throws -> Bool {
        while buffer.count - position < count {
            guard try readMore() else { return false }
        }
        return true
    }

    /// Reads another piece, first dropping what was consumed; `false` at the end.
    private mutating func readMore() throws -> Bool {
        if ended { return false }
        if position > 0 {
            buffer.removeFirst(position)
            position = 0
        }
        if try source.read(appendingTo: &buffer) == 0 {
            ended = true
            return false
        }
        return true
    }

    private mutating func index(of byte: UInt8, from start: Int) throws -> Int? {
        var from = start - position
        while true {
            if let found = buffer[(position + from)...].firstIndex(of: byte) { return found }
            from = buffer.count - position
            guard try readMore() else { return nil }
        }
    }

    private mutating func index(of sequence: [UInt8], from start: Int) throws -> Int? {
        var from = start - position
        while true {
            var index = position + from
            while index + sequence.count <= buffer.count {
                if buffer[index] == sequence[0] && buffer[index..<(index + sequence.count)].elementsEqual(sequence) {
                    return index
                }
                index += 1
            }
            from = max(from, buffer.count - position - sequence.count + 1)
            guard try readMore() else { return nil }
        }
    }

    private mutating func starts(with text: String) throws -> Bool {
        let bytes = Array(text.utf8)
        guard try available(bytes.count) else { return false }
        return buffer[position..<(position + bytes.count)].elementsEqual(bytes)
    }

    private mutating func skip(past sequence: [UInt8]) throws {
        guard let end = try index(of: sequence, from: position + 2) else { throw malformed("ends inside markup") }
        position = end + sequence.count
    }

    private func malformed(_ what: String) -> ContactStatError {
        ContactStatError(.dataFormat, "is not well-formed XML: it \(what)", at: source.name)
    }

    // MARK: Text

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    static func localName(_ bytes: ArraySlice<UInt8>) -> String {
        let trimmed = bytes.drop { isSpace($0) }
        let start = trimmed.lastIndex(of: UInt8(ascii: ":")).map { $0 + 1 } ?? trimmed.startIndex
        var end = trimmed.endIndex
        while end > start && isSpace(trimmed[end - 1]) { end -= 1 }
        return String(decoding: trimmed[start..<end], as: UTF8.self)
    }

    /// Text with entities and character references decoded (an unknown entity is kept as written).
    static func decode(_ bytes: ArraySlice<UInt8>) -> String {
        guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "&"), let semicolon = bytes[index...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else {
                out.append(byte)
                index += 1
                continue
            }
            let entity = String(decoding: bytes[(index + 1)..<semicolon], as: UTF8.self)
            var replacement: String?
            switch entity {
            case "lt": replacement = "<"
            case "gt": replacement = ">"
            case "amp": replacement = "&"
            case "quot": replacement = "\""
            case "apos": replacement = "'"
            default:
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                    replacement = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
                } else if entity.hasPrefix("#") {
                    replacement = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
                }
            }
            if let replacement {
                out.append(contentsOf: replacement.utf8)
                index = semicolon + 1
            } else {
                out.append(byte)
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
