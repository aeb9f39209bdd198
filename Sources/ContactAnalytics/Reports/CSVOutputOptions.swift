/// Spreadsheet options for CSV output (`--csv-delimiter`, `--decimal-comma`, `--bom`, `--spreadsheet`).
///
/// **Decimal comma and the delimiter.** With `decimalComma` numbers are written `0,734`. When no delimiter
/// was given, the delimiter then becomes `;` (what spreadsheets in comma-decimal locales expect). An explicit
/// `,` delimiter is honoured: every number with a decimal part is then quoted (`"0,734"`), which is valid
/// RFC 4180 and reads back correctly, but is awkward to open by double-click; use `;` or the
/// ``SpreadsheetPreset/excelCommaDecimal`` preset instead.
public struct CSVOutputOptions: Sendable, Equatable {
    /// The delimiter asked for, or `nil` for the default (`,`, or `;` with `decimalComma`).
    public var delimiter: UInt8?
    /// Write numbers with `,` as the decimal separator. Only numeric cells change; text is never touched.
    public var decimalComma: Bool
    /// Start the output (and every per-section file) with a UTF-8 byte-order mark, so Excel reads UTF-8.
    public var byteOrderMark: Bool

    /// Plain RFC 4180: `,`, decimal point, no BOM.
    public init(delimiter: UInt8? = nil, decimalComma: Bool = false, byteOrderMark: Bool = false) {
        self.delimiter = delimiter
        self.decimalComma = decimalComma
        self.byteOrderMark = byteOrderMark
    }

    /// The options a preset stands for.
    public init(preset: SpreadsheetPreset) {
        switch preset {
        case .standard: self.init()
        case .excelCommaDecimal: self.init(delimiter: UInt8(ascii: ";"), decimalComma: true, byteOrderMark: true)
        case .excel: self.init(delimiter: UInt8(ascii: ","), decimalComma: false, byteOrderMark: true)
        }
    }

    /// The delimiter actually written: the one asked for, else `;` with a decimal comma, else `,`.
    public var effectiveDelimiter: UInt8 {
        delimiter ?? (decimalComma ? UInt8(ascii: ";") : UInt8(ascii: ","))
    }

    /// A number's text as written: `0.734`, or `0,734` with `decimalComma` (the one place both `report`'s CSV
    /// and `classify` turn the separator).
    public func numberText(_ text: String) -> String {
        decimalComma ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// Reads a `--csv-delimiter` value: one ASCII character other than `"`, CR or LF, or the words `tab`,
    /// `comma`, `semicolon`, `pipe` (and `\t`). `nil` for anything else.
    public static func parseDelimiter(_ text: String) -> UInt8? {
        switch text.lowercased() {
        case "tab", "\\t": return 0x09
        case "comma": return UInt8(ascii: ",")
        case "semicolon": return UInt8(ascii: ";")
        case "pipe": return UInt8(ascii: "|")
        default:
            let bytes = Array(text.utf8)
            guard bytes.count == 1, let byte = bytes.first, byte < 0x80,
                  byte != UInt8(ascii: "\""), byte != 0x0A, byte != 0x0D else { return nil }
            return byte
        }
    }
}
