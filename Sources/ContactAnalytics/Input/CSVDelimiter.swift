/// The field separators a CSV input may use.
public enum CSVDelimiter: UInt8, Sendable, CaseIterable {
    /// `,`
    case comma = 0x2C
    /// `;` (spreadsheets in locales with a decimal comma)
    case semicolon = 0x3B
    /// A tab character.
    case tab = 0x09
    /// `|`
    case pipe = 0x7C

    /// Parses a user's spelling: `,` `;` `|`, a tab character, or the words `comma`, `semicolon`, `tab`,
    /// `pipe` (case-insensitive). `nil` for anything else.
    public init?(_ text: String) {
        switch text.lowercased() {
        case ",", "comma": self = .comma
        case ";", "semicolon": self = .semicolon
        case "\t", "\\t", "tab": self = .tab
        case "|", "pipe": self = .pipe
        default: return nil
        }
    }

    /// The delimiter a header line uses: each candidate is counted outside quoted fields, and the most
    /// frequent wins. Ties (including a line with none of them, i.e. a single column) go to the earlier of
    /// `,` `;` tab `|`, so comma is the default.
    ///
    /// A `"` opens a quoted field only at the start of the line or right after a candidate delimiter (or
    /// after spaces following one), so a stray quote inside a name does not hide the delimiters after it.
    /// Leading empty lines are skipped; counting stops at the first line break outside quotes.
    public static func detect<C: Collection>(inHeaderLine line: C) -> CSVDelimiter where C.Element == UInt8 {
        scanHeader(line).delimiter
    }

    /// `detect(inHeaderLine:)`, also telling whether the header line's end was seen (when not, the caller
    /// may look further).
    static func scanHeader<C: Collection>(_ line: C) -> (delimiter: CSVDelimiter, lineComplete: Bool)
    where C.Element == UInt8 {
        var counts = [0, 0, 0, 0]
        var inQuotes = false
        var afterQuoteInQuotes = false
        var atFieldStart = true
        var started = false
        var complete = false
        for byte in line {
            let isLineBreak = byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
            if !started {
                if isLineBreak { continue }
                started = true
            }
            if inQuotes {
                if afterQuoteInQuotes {
                    afterQuoteInQuotes = false
                    if byte == UInt8(ascii: "\"") { continue } // doubled quote
                    inQuotes = false
                } else {
                    if byte == UInt8(ascii: "\"") { afterQuoteInQuotes = true }
                    continue
                }
            }
            if isLineBreak {
                complete = true
                break
            }
            switch byte {
            case CSVDelimiter.comma.rawValue: counts[0] += 1; atFieldStart = true
            case CSVDelimiter.semicolon.rawValue: counts[1] += 1; atFieldStart = true
            case CSVDelimiter.tab.rawValue: counts[2] += 1; atFieldStart = true
            case CSVDelimiter.pipe.rawValue: counts[3] += 1; atFieldStart = true
            case UInt8(ascii: "\""):
                if atFieldStart { inQuotes = true }
                atFieldStart = false
            case UInt8(ascii: " "): break
            default: atFieldStart = false
            }
        }
        var best = 0
        for index in 1..<4 where counts[index] > counts[best] { best = index }
        return ([CSVDelimiter.comma, .semicolon, .tab, .pipe][best], complete)
    }
}
