/// Writes CSV rows (RFC 4180) into a byte buffer: every field that needs it is quoted and its quotes
/// doubled; nothing is joined with a bare delimiter.
///
/// **Formula-injection guard.** A spreadsheet evaluates a cell that begins with `=`, `+`, `-`, `@`, tab or
/// carriage return. When `guardsFormulas` is on, such a *text* cell gets a leading apostrophe (`'=1+1`),
/// which spreadsheets show as text; a cell that is a plain number (`-3`, `+4.5`, `-1,5` with a decimal comma)
/// or a lone `+` or `-` is left as it is, since it evaluates to itself.
public struct CSVWriter: Sendable {
    public var delimiter: UInt8
    public var guardsFormulas: Bool
    /// The line terminator: `\r\n` (RFC 4180, what Excel writes) by default.
    public var lineTerminator: [UInt8]

    public init(delimiter: UInt8 = UInt8(ascii: ","), guardsFormulas: Bool = true,
                lineTerminator: [UInt8] = [0x0D, 0x0A]) {
        self.delimiter = delimiter
        self.guardsFormulas = guardsFormulas
        self.lineTerminator = lineTerminator
    }

    /// Appends one row.
    public func appendRow<S: Sequence>(_ fields: S, to buffer: inout [UInt8]) where S.Element == String {
        var first = true
        for field in fields {
            if !first { buffer.append(delimiter) }
            first = false
            appendField(field, to: &buffer)
        }
        buffer.append(contentsOf: lineTerminator)
    }

    /// One row as a `String` (tests, small outputs).
    public func row(_ fields: [String]) -> String {
        var buffer: [UInt8] = []
        appendRow(fields, to: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    /// Appends one field, quoted when it contains the delimiter, a quote, CR or LF, or begins or ends with
    /// a space (which some importers trim).
    public func appendField(_ field: String, to buffer: inout [UInt8]) {
        let guarded = guardsFormulas && CSVWriter.needsFormulaGuard(field)
        var needsQuotes = false
        for byte in field.utf8 where byte == delimiter || byte == UInt8(ascii: "\"") || byte == 0x0A || byte == 0x0D {
            needsQuotes = true
            break
        }
        if let first = field.utf8.first, first == UInt8(ascii: " ") { needsQuotes = true }
        if let last = field.utf8.last, last == UInt8(ascii: " ") { needsQuotes = true }
        if !needsQuotes {
            if guarded { buffer.append(UInt8(ascii: "'")) }
            buffer.append(contentsOf: field.utf8)
            return
        }
        buffer.append(UInt8(ascii: "\""))
        if guarded { buffer.append(UInt8(ascii: "'")) }
        for byte in field.utf8 {
            if byte == UInt8(ascii: "\"") { buffer.append(byte) }
            buffer.append(byte)
        }
        buffer.append(UInt8(ascii: "\""))
    }

    /// `true` when a spreadsheet would evaluate `field` as a formula: it begins with `=`, `+`, `-`, `@`, tab
    /// or CR and is not simply a number.
    public static func needsFormulaGuard(_ field: String) -> Bool {
        guard let first = field.utf8.first else { return false }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "@"), 0x09, 0x0D:
            return true
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            // A lone sign ("-" for "none" in many exports) is not a formula.
            return field.utf8.count > 1 && !isPlainNumber(field)
        default:
            return false
        }
    }

    /// A sign, digits, at most one `.` or `,` decimal separator, optional exponent: what spreadsheets take
    /// as a number.
    static func isPlainNumber(_ field: String) -> Bool {
        var bytes = field.utf8[...]
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        var digits = 0, separators = 0, exponent = false
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let b = bytes[index]
            if b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") {
                digits += 1
            } else if (b == UInt8(ascii: ".") || b == UInt8(ascii: ",")) && !exponent {
                separators += 1
            } else if (b == UInt8(ascii: "e") || b == UInt8(ascii: "E")) && digits > 0 && !exponent {
                exponent = true
                let next = bytes.index(after: index)
                if next < bytes.endIndex, bytes[next] == UInt8(ascii: "-") || bytes[next] == UInt8(ascii: "+") {
                    index = next
                }
            } else {
                return false
            }
            index = bytes.index(after: index)
        }
        return digits > 0 && separators <= 1
    }
}
