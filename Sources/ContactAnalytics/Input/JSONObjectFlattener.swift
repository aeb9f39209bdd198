/// Parses the complete text of one JSON object and flattens it into named fields.
///
/// - Nested objects are flattened with dotted keys: `{"via": {"channel": "x"}}` gives `via.channel`. An
///   empty nested object gives no field.
/// - An array of scalars becomes one field, its items joined with `", "` (`null` items are empty); an empty
///   array is an empty field. An array holding any object or array becomes one field with the whole array
///   as compact JSON text; an array of objects also gives, for each key of its objects (flattened the same
///   way), a field `array.key` with the non-empty values joined with `", "` (`tags: [{"name": "a"},
///   {"name": "b"}]` → `tags.name` = `a, b`). When every object has an `id` and a `value` (Zendesk's
///   `custom_fields`), it gives instead one field per id: `custom_fields.360001` = that object's value.
/// - A value pair as ServiceNow's Table API gives it (`{"display_value": "Email", "value": "email"}`, with an
///   optional `link`) becomes the field itself holding the display value, and `key.value` the raw value; a
///   reference without a display value (`{"link": ..., "value": "sys_id"}`) becomes the field holding
///   the value.
/// - Strings are unescaped (every JSON escape, `\uXXXX` with surrogate pairs; a lone surrogate becomes
///   U+FFFD). Numbers keep their literal text, `true`/`false` stay as such, `null` is an empty field.
/// - A repeated key keeps the last value.
/// - Raw string bytes that are not valid UTF-8 are decoded as Windows-1252 (`decodedAsWindows1252`).
///
/// Keys are numbered (`keys`, kept across the objects one flattener reads), so that readers find a key's
/// column without hashing its text. JSON Lines repeat their keys in the same order: a key whose raw text is
/// plain ASCII (no backslash, no byte of 0x80 or above) is first compared, byte by byte, with the key found at
/// the same place of the previous object (or the one after it, when a key is missing); only when it differs
/// is its `String` made and looked up. Any other key takes that slow path every time (it is unescaped and
/// normalized to NFC as always).
struct JSONObjectFlattener: Sendable {
    /// One flattened field: its key's number in `keys` and its value's bytes in `values`.
    struct Field: Sendable {
        var keyID: Int
        var range: Range<Int>
    }

    /// A plain-ASCII key as it appeared in an object: its parent's key number (-1 at the top level), its
    /// number, and its raw bytes in the sequence's byte buffer.
    private struct KeySighting: Sendable {
        var parent: Int
        var id: Int
        var bytes: Range<Int>
    }

    /// A grammar error at a byte offset of the object's text.
    struct SyntaxError: Error, Sendable {
        var offset: Int
        var message: String
    }

    private(set) var fields: [Field] = []
    /// Every key this flattener has given a field, in order of first appearance: `keys[field.keyID]`.
    private(set) var keys: [String] = []
    private var keyIDs: [String: Int] = [:]
    /// The plain-ASCII keys of the previous object and of the current one, in order, with their raw bytes.
    private var previousSightings: [KeySighting] = []
    private var previousKeyBytes: [UInt8] = []
    private var sightings: [KeySighting] = []
    private var sightingKeyBytes: [UInt8] = []
    /// Where in `previousSightings` the next key is expected.
    private var expectedSighting = 0
    /// While `sharing`, the current object's keys so far are the previous object's first `sharedSightings`,
    /// not copied (`sightings` is empty): JSON Lines with the same keys in the same order copy nothing.
    private var sharing = true
    private var sharedSightings = 0
    private(set) var values: [UInt8] = []
    /// `flatten`'s `textOffset`, or -1: string values are copied to `values`.
    private var textBase = -1

    /// Added to the range of a string value left in the flattened text (`flatten(_:keepingValues:textOffset:)`):
    /// far above any buffer's size, so such a range cannot be one in `values`.
    static let textReference = 1 << 48

    /// Where in the flattened text's buffer the value of a field whose range is `range` is, when it was left
    /// there (`textReference` added to its range); `nil` for a value in `values`, at `range` itself.
    @inline(__always)
    static func textRange(of range: Range<Int>) -> Range<Int>? {
        range.lowerBound >= textReference
            ? (range.lowerBound - textReference)..<(range.upperBound - textReference) : nil
    }
    private(set) var decodedAsWindows1252 = false
    private var keyBytes: [UInt8] = []
    private var stringBytes: [UInt8] = []

    /// Flattens the object `text` (exactly one object, optionally surrounded by whitespace).
    ///
    /// With `keepingValues`, the values are appended after the bytes `values` already holds, and the fields'
    /// ranges index `values` as a whole: `JSONChunk.parse` swaps its buffer in (`exchangeValues`) and gathers
    /// a chunk's values without copying each object's.
    ///
    /// With `textOffset` (the offset of `text` in a larger buffer, such as a `JSONChunk`'s bytes), a string value
    /// that needs no decoding (no escape; ASCII or valid UTF-8) is not copied: its field's range is
    /// `textReference` plus its offset in that buffer (`textRange(of:)`), and only the other values go to
    /// `values`.
    mutating func flatten(_ text: UnsafeBufferPointer<UInt8>, keepingValues: Bool = false,
                          textOffset: Int? = nil) throws(SyntaxError) {
        textBase = textOffset ?? -1
        fields.removeAll(keepingCapacity: true)
        if !keepingValues { values.removeAll(keepingCapacity: true) }
        decodedAsWindows1252 = false
        if !sharing || sharedSightings != previousSightings.count {
            if sharing { copySharedSightings() }
            swap(&previousSightings, &sightings)
            swap(&previousKeyBytes, &sightingKeyBytes)
        }
        sightings.removeAll(keepingCapacity: true)
        sightingKeyBytes.removeAll(keepingCapacity: true)
        sharing = true
        sharedSightings = 0
        expectedSighting = 0
        var cursor = Cursor(text: text)
        cursor.skipWhitespace()
        try parseObject(&cursor, prefix: "", parent: -1)
        cursor.skipWhitespace()
        if !cursor.atEnd { throw SyntaxError(offset: cursor.index, message: "unexpected text after the object") }
    }

    /// Exchanges the values buffer with `buffer` (see `flatten(_:keepingValues:)`).
    mutating func exchangeValues(with buffer: inout [UInt8]) {
        swap(&values, &buffer)
    }

    /// Ends sharing: copies the previous object's first `sharedSightings` sightings as the current object's.
    private mutating func copySharedSightings() {
        sharing = false
        let shared = previousSightings[..<sharedSightings]
        sightings.append(contentsOf: shared)
        if let last = shared.last { sightingKeyBytes.append(contentsOf: previousKeyBytes[..<last.bytes.upperBound]) }
    }

    /// The key of field `field`.
    func key(of field: Field) -> String { keys[field.keyID] }

    /// The number of `key`, numbering it if it is new.
    private mutating func keyID(of key: String) -> Int {
        if let id = keyIDs[key] { return id }
        keys.append(key)
        keyIDs[key] = keys.count - 1
        return keys.count - 1
    }

    /// The number of the key of raw text `raw` (plain ASCII) in the object of key number `parent`, whose
    /// key is `prefix`: found by comparing bytes with the previous object's keys where possible.
    private mutating func keyID(ofPlain raw: UnsafeBufferPointer<UInt8>, prefix: String, parent: Int) -> Int {
        var id = -1
        var candidate = expectedSighting
        while candidate < min(expectedSighting + 2, previousSightings.count) {
            let sighting = previousSightings[candidate]
            if sighting.parent == parent, sighting.bytes.count == raw.count, previousKeyBytes.withUnsafeBufferPointer({ seen in
                Self.sameBytes(UnsafeBufferPointer(rebasing: seen[sighting.bytes]), raw)
            }) {
                id = sighting.id
                expectedSighting = candidate + 1
                break
            }
            candidate += 1
        }
        if sharing {
            if id >= 0 && candidate == sharedSightings {
                sharedSightings += 1
                return id
            }
            copySharedSightings()
        }
        if id < 0 {
            // ASCII text is already NFC.
            let name = String(decoding: raw, as: UTF8.self)
            id = keyID(of: prefix.isEmpty ? name : prefix + "." + name)
        }
        let start = sightingKeyBytes.count
        sightingKeyBytes.append(contentsOf: raw)
        sightings.append(KeySighting(parent: parent, id: id, bytes: start..<sightingKeyBytes.count))
        return id
    }

    /// The number of the key at the cursor's `"` when it is, byte for byte, the key the previous object had at
    /// the same place while the keys so far are shared (JSON Lines repeat their keys in order): the cursor then
    /// after its closing `"`, and the key counted as shared, exactly as `plainString` and
    /// `keyID(ofPlain:prefix:parent:)` would leave them; otherwise `nil`, the cursor and the counts unmoved.
    ///
    /// No scan for the key's end and no bookkeeping beyond the count: the previous key's length says where the
    /// closing quote must be, and its bytes (plain ASCII: only plain keys are sighted) are compared eight at a
    /// time. The same bytes followed by a quote are the same plain key.
    @inline(__always)
    private mutating func repeatedKeyID(_ cursor: inout Cursor, parent: Int) -> Int? {
        guard sharing, expectedSighting == sharedSightings, expectedSighting < previousSightings.count,
              let text = cursor.text.baseAddress else { return nil }
        let sighting = previousSightings[expectedSighting]
        let start = cursor.index + 1, count = sighting.bytes.count
        guard sighting.parent == parent, start + count < cursor.text.count,
              text[start + count] == UInt8(ascii: "\"") else { return nil }
        let same = previousKeyBytes.withUnsafeBufferPointer { seen in
            guard let seenBase = seen.baseAddress else { return count == 0 }
            return ByteWord.sameBytes(text + start, seenBase + sighting.bytes.lowerBound, count: count)
        }
        guard same else { return nil }
        expectedSighting += 1
        sharedSightings += 1
        cursor.index = start + count + 1
        return sighting.id
    }

    /// Whether `a` and `b` (of the same count) hold the same bytes (`ByteWord.sameBytes`).
    @inline(__always)
    private static func sameBytes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let left = a.baseAddress, let right = b.baseAddress else { return a.count == b.count }
        return ByteWord.sameBytes(left, right, count: a.count)
    }

    // MARK: - Grammar

    private mutating func parseObject(_ cursor: inout Cursor, prefix: String, parent: Int) throws(SyntaxError) {
        try cursor.expect(UInt8(ascii: "{"), "expected '{'")
        cursor.skipWhitespace()
        if cursor.peek == UInt8(ascii: "}") {
            cursor.index += 1
            return
        }
        while true {
            cursor.skipWhitespace()
            guard cursor.peek == UInt8(ascii: "\"") else {
                throw cursor.error("expected a string key in the object")
            }
            let id: Int
            if let repeated = repeatedKeyID(&cursor, parent: parent) {
                id = repeated
            } else if let raw = cursor.plainString() {
                id = keyID(ofPlain: raw, prefix: prefix, parent: parent)
            } else {
                keyBytes.removeAll(keepingCapacity: true)
                try Self.parseString(&cursor, into: &keyBytes, windows1252: &decodedAsWindows1252)
                let name = TextNormalization.nfc(String(decoding: keyBytes, as: UTF8.self))
                id = keyID(of: prefix.isEmpty ? name : prefix + "." + name)
            }
            cursor.skipWhitespace()
            try cursor.expect(UInt8(ascii: ":"), "expected ':' after the key")
            cursor.skipWhitespace()
            try parseField(&cursor, keyID: id)
            cursor.skipWhitespace()
            if cursor.peek == UInt8(ascii: ",") {
                cursor.index += 1
                continue
            }
            try cursor.expect(UInt8(ascii: "}"), "expected ',' or '}' in the object")
            return
        }
    }

    /// A member's value: becomes one field, or several for a nested object.
    private mutating func parseField(_ cursor: inout Cursor, keyID: Int) throws(SyntaxError) {
        let start = values.count
        switch cursor.peek {
        case UInt8(ascii: "{"):
            let firstField = fields.count
            let key = keys[keyID]
            try parseObject(&cursor, prefix: key, parent: keyID)
            foldValuePair(key: key, keyID: keyID, from: firstField)
            return
        case UInt8(ascii: "["):
            let arrayStart = cursor.index
            if try parseArray(&cursor) {
                fields.append(Field(keyID: keyID, range: start..<values.count))
                try spreadObjectArray(cursor.text, from: arrayStart, to: cursor.index, key: keys[keyID])
                return
            }
        case UInt8(ascii: "\""):
            if textBase >= 0, let run = cursor.plainUTF8String() {
                // Left in the text: the field names its bytes there.
                let offset = Self.textReference + textBase
                fields.append(Field(keyID: keyID, range: (offset + run.lowerBound)..<(offset + run.upperBound)))
                return
            }
            try parseScalar(&cursor)
        default:
            try parseScalar(&cursor)
        }
        fields.append(Field(keyID: keyID, range: start..<values.count))
    }

    /// A `{display_value, value[, link]}` or `{link, value}` object just flattened into `fields[first...]`:
    /// folded into the field `key` (display value, else value) and `key.value`.
    private mutating func foldValuePair(key: String, keyID: Int, from first: Int) {
        let added = fields[first...]
        guard added.count >= 2, added.count <= 3 else { return }
        let prefix = key + "."
        var display: Field?, raw: Field?, link = false
        for field in added {
            let fieldKey = keys[field.keyID]
            switch fieldKey.dropFirst(prefix.count) {
            case "display_value" where fieldKey.hasPrefix(prefix): display = field
            case "value" where fieldKey.hasPrefix(prefix): raw = field
            case "link" where fieldKey.hasPrefix(prefix): link = true
            default: return
            }
        }
        guard let raw, display != nil || link else { return }
        fields.removeSubrange(first...)
        if let display {
            fields.append(Field(keyID: keyID, range: display.range))
            fields.append(Field(keyID: self.keyID(of: prefix + "value"), range: raw.range))
        } else {
            fields.append(Field(keyID: keyID, range: raw.range))
        }
    }

    /// The objects of the array `text[start..<end]` (already kept whole as compact JSON): their keys as
    /// `key.member` fields, values joined, or one field per `id` (see the type's documentation).
    private mutating func spreadObjectArray(_ text: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int,
                                            key: String) throws(SyntaxError) {
        var cursor = Cursor(text: UnsafeBufferPointer(rebasing: text[..<end]))
        cursor.index = start + 1
        var elements: [(keys: [String], values: [[UInt8]])] = []
        while true {
            cursor.skipWhitespace()
            guard let first = cursor.peek, first != UInt8(ascii: "]") else { break }
            let elementStart = cursor.index
            let mark = values.count
            try appendCompact(&cursor)
            values.removeSubrange(mark...)
            if first == UInt8(ascii: "{") {
                var inner = JSONObjectFlattener()
                do {
                    try inner.flatten(UnsafeBufferPointer(rebasing: text[elementStart..<cursor.index]))
                } catch {
                    throw SyntaxError(offset: elementStart + error.offset, message: error.message)
                }
                if inner.decodedAsWindows1252 { decodedAsWindows1252 = true }
                elements.append((inner.fields.map { inner.keys[$0.keyID] },
                                 inner.fields.map { Array(inner.values[$0.range]) }))
            }
            cursor.skipWhitespace()
            if cursor.peek == UInt8(ascii: ",") { cursor.index += 1 }
        }
        guard !elements.isEmpty else { return }
        // Zendesk's custom fields: one field per id.
        if elements.allSatisfy({ $0.keys.contains("id") && $0.keys.contains("value") }) {
            for element in elements {
                guard let id = element.keys.firstIndex(of: "id"), let value = element.keys.firstIndex(of: "value"),
                      !element.values[id].isEmpty else { continue }
                let start = values.count
                values.append(contentsOf: element.values[value])
                let fieldKey = key + "." + String(decoding: element.values[id], as: UTF8.self)
                fields.append(Field(keyID: keyID(of: fieldKey), range: start..<values.count))
            }
            return
        }
        var order: [String] = []
        var joined: [String: [UInt8]] = [:]
        for element in elements {
            for (name, value) in zip(element.keys, element.values) {
                if joined[name] == nil {
                    order.append(name)
                    joined[name] = []
                }
                guard !value.isEmpty else { continue }
                if joined[name]?.isEmpty == false { joined[name]?.append(contentsOf: [UInt8(ascii: ","), UInt8(ascii: " ")]) }
                joined[name]?.append(contentsOf: value)
            }
        }
        for name in order {
            let start = values.count
            values.append(contentsOf: joined[name] ?? [])
            fields.append(Field(keyID: keyID(of: key + "." + name), range: start..<values.count))
        }
    }

    /// An array as one value: items joined with ", ", or compact JSON when it holds a container (then
    /// returns `true`).
    private mutating func parseArray(_ cursor: inout Cursor) throws(SyntaxError) -> Bool {
        let arrayStart = cursor.index
        let valuesStart = values.count
        cursor.index += 1
        cursor.skipWhitespace()
        if cursor.peek == UInt8(ascii: "]") {
            cursor.index += 1
            return false
        }
        var first = true
        while true {
            cursor.skipWhitespace()
            if cursor.peek == UInt8(ascii: "{") || cursor.peek == UInt8(ascii: "[") {
                values.removeSubrange(valuesStart...)
                cursor.index = arrayStart
                try appendCompact(&cursor)
                return true
            }
            if !first { values.append(contentsOf: [UInt8(ascii: ","), UInt8(ascii: " ")]) }
            first = false
            try parseScalar(&cursor)
            cursor.skipWhitespace()
            if cursor.peek == UInt8(ascii: ",") {
                cursor.index += 1
                continue
            }
            try cursor.expect(UInt8(ascii: "]"), "expected ',' or ']' in the array")
            return false
        }
    }

    /// A string, number, `true`, `false` or `null`, appended to `values` as field text.
    private mutating func parseScalar(_ cursor: inout Cursor) throws(SyntaxError) {
        guard let first = cursor.peek else { throw cursor.error("unexpected end of the object") }
        switch first {
        case UInt8(ascii: "\""):
            try Self.parseString(&cursor, into: &values, windows1252: &decodedAsWindows1252)
        case UInt8(ascii: "t"):
            try cursor.expectWord("true")
            values.append(contentsOf: "true".utf8)
        case UInt8(ascii: "f"):
            try cursor.expectWord("false")
            values.append(contentsOf: "false".utf8)
        case UInt8(ascii: "n"):
            try cursor.expectWord("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let range = try cursor.number()
            values.append(contentsOf: UnsafeBufferPointer(rebasing: cursor.text[range]))
        default:
            throw cursor.error("expected a value")
        }
    }

    /// Any value, appended to `values` as compact JSON (no insignificant whitespace; strings re-escaped).
    private mutating func appendCompact(_ cursor: inout Cursor) throws(SyntaxError) {
        cursor.skipWhitespace()
        switch cursor.peek {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let open = cursor.peek ?? 0
            let close = open == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
            values.append(open)
            cursor.index += 1
            cursor.skipWhitespace()
            if cursor.peek == close {
                values.append(close)
                cursor.index += 1
                return
            }
            while true {
                cursor.skipWhitespace()
                if open == UInt8(ascii: "{") {
                    guard cursor.peek == UInt8(ascii: "\"") else {
                        throw cursor.error("expected a string key in the object")
                    }
                    try appendCompact(&cursor)
                    cursor.skipWhitespace()
                    try cursor.expect(UInt8(ascii: ":"), "expected ':' after the key")
                    values.append(UInt8(ascii: ":"))
                }
                try appendCompact(&cursor)
                cursor.skipWhitespace()
                if cursor.peek == UInt8(ascii: ",") {
                    values.append(UInt8(ascii: ","))
                    cursor.index += 1
                    continue
                }
                try cursor.expect(close, open == UInt8(ascii: "{") ? "expected ',' or '}' in the object"
                                                                   : "expected ',' or ']' in the array")
                values.append(close)
                return
            }
        case UInt8(ascii: "\""):
            stringBytes.removeAll(keepingCapacity: true)
            try Self.parseString(&cursor, into: &stringBytes, windows1252: &decodedAsWindows1252)
            values.append(UInt8(ascii: "\""))
            for byte in stringBytes { appendEscaped(byte) }
            values.append(UInt8(ascii: "\""))
        case UInt8(ascii: "n"):
            try cursor.expectWord("null")
            values.append(contentsOf: "null".utf8)
        default:
            try parseScalar(&cursor)
        }
    }

    private mutating func appendEscaped(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): values.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
        case UInt8(ascii: "\\"): values.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
        case UInt8(ascii: "\n"): values.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
        case UInt8(ascii: "\r"): values.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
        case UInt8(ascii: "\t"): values.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
        case 0..<0x20:
            let hex = Array("0123456789abcdef".utf8)
            values.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                       hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
        default: values.append(byte)
        }
    }

    /// A string starting at the cursor's `"`, unescaped into `output` as UTF-8.
    private static func parseString(_ cursor: inout Cursor, into output: inout [UInt8],
                                    windows1252: inout Bool) throws(SyntaxError) {
        cursor.index += 1
        let text = cursor.text
        while true {
            let runStart = cursor.index
            let (end, high) = Self.endOfStringRun(text, from: runStart)
            cursor.index = end
            let run = UnsafeBufferPointer(rebasing: text[runStart..<cursor.index])
            if high && !UTF8Validation.isValid(run) {
                windows1252 = true
                Windows1252.appendUTF8(of: run, to: &output)
            } else {
                output.append(contentsOf: run)
            }
            guard let byte = cursor.peek else { throw cursor.error("unterminated string") }
            if byte == UInt8(ascii: "\"") {
                cursor.index += 1
                return
            }
            if byte < 0x20 { throw cursor.error("control character in a string (escape it)") }
            try parseEscape(&cursor, into: &output)
        }
    }

    /// Where the run of plain string bytes from `start` ends (at the first quote, backslash or control byte, or
    /// the end of `text`), and whether the run holds a byte of 0x80 or more. Eight bytes at a time
    /// (`ByteWord`): e-mail bodies make most of a realistic export's string bytes.
    @inline(__always)
    static func endOfStringRun(_ text: UnsafeBufferPointer<UInt8>, from start: Int) -> (end: Int, high: Bool) {
        guard let bytes = text.baseAddress else { return (start, false) }
        let count = text.count
        let quotes = ByteWord.repeating(UInt8(ascii: "\"")), backslashes = ByteWord.repeating(UInt8(ascii: "\\"))
        let spaces = ByteWord.repeating(0x20), highBits: UInt64 = 0x8080_8080_8080_8080
        var i = start
        var high: UInt64 = 0
        while i &+ 8 <= count {
            let word = ByteWord.load(bytes, at: i)
            // A control byte (below 0x20) is one the subtraction borrows from while its top bit is clear.
            let marks = ByteWord.zeroBytes(word ^ quotes) | ByteWord.zeroBytes(word ^ backslashes)
                | ((word &- spaces) & ~word & highBits)
            if marks != 0 {
                let stop = ByteWord.firstMarked(marks)
                // The bytes before the stop only (`stop` is at most 7).
                high |= word & ((1 &<< UInt64(stop &* 8)) &- 1)
                return (i &+ stop, high & highBits != 0)
            }
            high |= word
            i &+= 8
        }
        while i < count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            high |= UInt64(byte)
            i &+= 1
        }
        return (i, high & highBits != 0)
    }

    /// A backslash escape at the cursor.
    private static func parseEscape(_ cursor: inout Cursor, into output: inout [UInt8]) throws(SyntaxError) {
        let escapeStart = cursor.index
        cursor.index += 1
        guard let kind = cursor.peek else { throw cursor.error("unterminated string") }
        cursor.index += 1
        switch kind {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): output.append(kind)
        case UInt8(ascii: "b"): output.append(0x08)
        case UInt8(ascii: "f"): output.append(0x0C)
        case UInt8(ascii: "n"): output.append(0x0A)
        case UInt8(ascii: "r"): output.append(0x0D)
        case UInt8(ascii: "t"): output.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try cursor.hex4()
            if (0xD800..<0xDC00).contains(scalar) {
                // A high surrogate: combine with a following low surrogate escape, if there is one.
                let save = cursor.index
                if cursor.peek == UInt8(ascii: "\\"), cursor.index + 1 < cursor.text.count,
                   cursor.text[cursor.index + 1] == UInt8(ascii: "u") {
                    cursor.index += 2
                    let low = try cursor.hex4()
                    if (0xDC00..<0xE000).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        cursor.index = save
                        scalar = 0xFFFD
                    }
                } else {
                    scalar = 0xFFFD
                }
            } else if (0xDC00..<0xE000).contains(scalar) {
                scalar = 0xFFFD
            }
            appendUTF8(scalar, to: &output)
        default:
            throw SyntaxError(offset: escapeStart, message: "invalid escape in a string")
        }
    }

    private static func appendUTF8(_ scalar: UInt32, to output: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            output.append(UInt8(scalar))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | (scalar >> 6)))
            output.append(UInt8(0x80 | (scalar & 0x3F)))
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | (scalar >> 12)))
            output.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            output.append(UInt8(0xF0 | (scalar >> 18)))
            output.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            output.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }
}

/// A position in an object's text.
private struct Cursor {
    let text: UnsafeBufferPointer<UInt8>
    var index = 0

    init(text: UnsafeBufferPointer<UInt8>) {
        self.text = text
    }

    var atEnd: Bool { index >= text.count }

    var peek: UInt8? { index < text.count ? text[index] : nil }

    /// The raw text of the string at the cursor's `"` when it is plain ASCII (no escape, no control
    /// character, no byte of 0x80 or above), the cursor then after its closing `"`; otherwise `nil`, the
    /// cursor unmoved.
    /// Eight bytes at a time (`JSONObjectFlattener.endOfStringRun`).
    mutating func plainString() -> UnsafeBufferPointer<UInt8>? {
        let start = index + 1
        let (end, high) = JSONObjectFlattener.endOfStringRun(text, from: start)
        guard !high, end < text.count, text[end] == UInt8(ascii: "\"") else { return nil }
        index = end + 1
        return UnsafeBufferPointer(rebasing: text[start..<end])
    }

    /// The range in `text` of the string at the cursor's `"` when it needs no decoding (no escape, no control
    /// character; ASCII or valid UTF-8), the cursor then after its closing `"`; otherwise `nil`, the cursor
    /// unmoved (`JSONObjectFlattener.parseString` decodes it, or reports its error).
    mutating func plainUTF8String() -> Range<Int>? {
        let start = index + 1
        let (end, high) = JSONObjectFlattener.endOfStringRun(text, from: start)
        guard end < text.count, text[end] == UInt8(ascii: "\"") else { return nil }
        if high && !UTF8Validation.isValid(UnsafeBufferPointer(rebasing: text[start..<end])) { return nil }
        index = end + 1
        return start..<end
    }

    mutating func skipWhitespace() {
        while index < text.count {
            let byte = text[index]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            index += 1
        }
    }

    func error(_ message: String) -> JSONObjectFlattener.SyntaxError {
        JSONObjectFlattener.SyntaxError(offset: index, message: message)
    }

    mutating func expect(_ byte: UInt8, _ message: String) throws(JSONObjectFlattener.SyntaxError) {
        guard peek == byte else { throw error(message) }
        index += 1
    }

    mutating func expectWord(_ word: StaticString) throws(JSONObjectFlattener.SyntaxError) {
        let count = word.utf8CodeUnitCount
        let matches = index + count <= text.count && word.withUTF8Buffer { expected in
            (0..<count).allSatisfy { text[index + $0] == expected[$0] }
        }
        guard matches else { throw error("expected a value") }
        index += count
    }

    /// Four hex digits of a `\u` escape.
    mutating func hex4() throws(JSONObjectFlattener.SyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = peek else { throw error("incomplete \\u escape") }
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("invalid \\u escape (expected 4 hex digits)")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    /// A JSON number; returns its text's range.
    mutating func number() throws(JSONObjectFlattener.SyntaxError) -> Range<Int> {
        let start = index
        if peek == UInt8(ascii: "-") { index += 1 }
        if peek == UInt8(ascii: "0") {
            index += 1
        } else if digits() == 0 {
            throw JSONObjectFlattener.SyntaxError(offset: start, message: "invalid number")
        }
        if peek == UInt8(ascii: ".") {
            index += 1
            if digits() == 0 { throw error("invalid number (digits expected after '.')") }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            index += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
            if digits() == 0 { throw error("invalid number (digits expected in the exponent)") }
        }
        if let next = peek, next >= UInt8(ascii: "0") && next <= UInt8(ascii: "9") || next == UInt8(ascii: ".") {
            throw JSONObjectFlattener.SyntaxError(offset: start, message: "invalid number")
        }
        return start..<index
    }

    private mutating func digits() -> Int {
        let start = index
        while let byte = peek, byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { index += 1 }
        return index - start
    }
}
