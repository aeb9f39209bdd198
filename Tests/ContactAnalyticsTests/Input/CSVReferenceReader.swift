import Foundation
@testable import ContactAnalytics

/// A deliberately simple CSV reader for tests: the whole input in memory, one obvious loop, no state
/// machine, no chunks. It implements the documented rules so the streaming reader can be compared with it.
struct CSVReferenceReader {
    struct Record: Equatable, CustomStringConvertible {
        var fields: [[UInt8]]
        var line: Int
        var decodedAsWindows1252: Bool
        /// Where text follows a closing quote: the quote's line and byte column, and the field.
        var textAfterQuote: [TextAfterClosingQuote] = []

        var description: String {
            "line \(line): " + fields.map { "[" + String(decoding: $0, as: UTF8.self) + "]" }.joined(separator: " ")
                + textAfterQuote.map { " (text after the quote at \($0.line):\($0.column), field \($0.field))" }.joined()
        }
    }

    struct UnclosedQuote: Error, Equatable {
        var line: Int
        var column: Int
    }

    /// Every record, the header first.
    static func records(_ input: [UInt8], delimiter: UInt8) throws -> [Record] {
        let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var bytes = input
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var records: [Record] = []
        var i = 0
        var line = 1
        var lineStart = 0
        // The file's first line end decides: CR alone ends lines only in a CR-only file.
        let firstEnd = bytes.firstIndex { $0 == cr || $0 == lf }
        let crEndsLines = firstEnd.map { bytes[$0] == cr && ($0 + 1 == bytes.count || bytes[$0 + 1] != lf) } ?? false
        func isLoneCR(_ at: Int) -> Bool { bytes[at] == cr && !(at + 1 < bytes.count && bytes[at + 1] == lf) }
        // Whether a line ends at i: LF, CRLF, or a lone CR in a CR-only file.
        func endsLine(_ at: Int) -> Bool { bytes[at] == lf || (bytes[at] == cr && (crEndsLines || !isLoneCR(at))) }
        // Consumes one line break at i (CRLF as one; a lone CR in an LF file is skipped, not counted).
        func lineBreak() {
            if !endsLine(i) {
                i += 1
                return
            }
            if bytes[i] == cr && i + 1 < bytes.count && bytes[i + 1] == lf { i += 1 }
            i += 1
            line += 1
            lineStart = i
        }
        while i < bytes.count {
            if bytes[i] == cr || bytes[i] == lf {
                lineBreak()
                continue
            }
            var record = Record(fields: [], line: line, decodedAsWindows1252: false)
            while true {
                var field: [UInt8] = []
                var closingQuote: TextAfterClosingQuote?
                if i < bytes.count && bytes[i] == quote {
                    let openLine = line, openColumn = i - lineStart + 1
                    i += 1
                    while true {
                        guard i < bytes.count else { throw UnclosedQuote(line: openLine, column: openColumn) }
                        let b = bytes[i]
                        if b == quote {
                            if i + 1 < bytes.count && bytes[i + 1] == quote {
                                field.append(quote)
                                i += 2
                                continue
                            }
                            closingQuote = TextAfterClosingQuote(line: line, column: i - lineStart + 1,
                                                                 field: record.fields.count)
                            i += 1
                            break
                        }
                        if b == cr || b == lf {
                            field.append(b)
                            if b == cr && i + 1 < bytes.count && bytes[i + 1] == lf { field.append(lf) }
                            lineBreak()
                            continue
                        }
                        field.append(b)
                        i += 1
                    }
                }
                let textStart = i
                while i < bytes.count && bytes[i] != delimiter && !endsLine(i) {
                    field.append(bytes[i])
                    i += 1
                }
                // Any byte between the closing quote and the field's end is text after the quote.
                if let closingQuote, i > textStart { record.textAfterQuote.append(closingQuote) }
                if String(validating: field, as: UTF8.self) == nil {
                    let text = String(data: Data(field), encoding: .windowsCP1252) ?? "DECODING FAILED"
                    field = Array(text.utf8)
                    record.decodedAsWindows1252 = true
                }
                record.fields.append(field)
                if i < bytes.count && bytes[i] == delimiter {
                    i += 1
                    continue
                }
                if i < bytes.count { lineBreak() }
                break
            }
            records.append(record)
        }
        return records
    }

    /// A header name as the reader cleans it.
    static func columnName(_ bytes: [UInt8]) -> String {
        var name = Substring(String(decoding: bytes, as: UTF8.self).precomposedStringWithCanonicalMapping)
        while name.first == "\u{FEFF}" { name = name.dropFirst() }
        return name.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
