/// A small, independent RFC 4180 reader for reading the CSV renderer's output back in tests: quoted fields
/// with doubled quotes, any one-byte delimiter, CRLF or LF line ends, a leading UTF-8 BOM reported apart.
struct RFC4180TestReader {
    enum Failure: Error, Equatable { case unterminatedQuote, textAfterClosingQuote(row: Int) }

    /// Rows of fields, and whether the input began with a BOM.
    static func read(_ bytes: [UInt8], delimiter: UInt8) throws -> (rows: [[String]], bom: Bool) {
        var input = bytes[...]
        let bom = input.starts(with: [0xEF, 0xBB, 0xBF])
        if bom { input = input.dropFirst(3) }
        var rows: [[String]] = []
        var row: [String] = []
        var field: [UInt8] = []
        var index = input.startIndex
        var quoted = false, wasQuoted = false
        func endField() { row.append(String(decoding: field, as: UTF8.self)); field.removeAll(); wasQuoted = false }
        while index < input.endIndex {
            let byte = input[index]
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    let next = input.index(after: index)
                    if next < input.endIndex, input[next] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index = next
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(byte)
                }
            } else if byte == UInt8(ascii: "\"") && field.isEmpty && !wasQuoted {
                quoted = true
                wasQuoted = true
            } else if byte == delimiter {
                endField()
            } else if byte == 0x0D || byte == 0x0A {
                if byte == 0x0D {
                    let next = input.index(after: index)
                    if next < input.endIndex, input[next] == 0x0A { index = next }
                }
                endField()
                rows.append(row)
                row = []
            } else {
                if wasQuoted { throw Failure.textAfterClosingQuote(row: rows.count + 1) }
                field.append(byte)
            }
            index = input.index(after: index)
        }
        if quoted { throw Failure.unterminatedQuote }
        if !field.isEmpty || !row.isEmpty { endField(); rows.append(row) }
        return (rows, bom)
    }
}
