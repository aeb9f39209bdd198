/// Writes canonical contacts (`CanonicalContactColumns`) as CSV (a header, then a row per contact; an empty
/// field is a missing value) or JSON Lines (an object per line; a missing value is `null`).
public struct CanonicalContactWriter: Sendable {
    /// The two formats of the canonical export.
    public enum Format: String, Sendable, CaseIterable {
        case csv, jsonl
    }

    public var format: Format
    /// CSV without the spreadsheet formula guard: the export feeds databases, which must get the text as it is.
    private let csv = CSVWriter(guardsFormulas: false, lineTerminator: [0x0A])

    public init(format: Format) {
        self.format = format
    }

    /// Appends the header (CSV only).
    public func appendHeader(to buffer: inout [UInt8]) {
        if format == .csv { csv.appendRow(CanonicalContactColumns.names, to: &buffer) }
    }

    /// Appends the contact numbered `order`.
    public func append(_ contact: ContactRecord, order: Int, to buffer: inout [UInt8]) {
        let values = CanonicalContactColumns.values(of: contact, order: order)
        switch format {
        case .csv:
            csv.appendRow(values.map { value -> String in
                switch value {
                case .text(let text): text ?? ""
                case .integer(let number): number.map(String.init) ?? ""
                case .number(let number): number.map(CanonicalContactColumns.format) ?? ""
                }
            }, to: &buffer)
        case .jsonl:
            var line = "{"
            for (index, (name, value)) in zip(CanonicalContactColumns.names, values).enumerated() {
                if index > 0 { line += "," }
                JSONValue.writeString(name, into: &line)
                line += ":"
                switch value {
                case .text(let text?): JSONValue.writeString(text, into: &line)
                case .integer(let number?): line += String(number)
                case .number(let number?) where number.isFinite: line += CanonicalContactColumns.format(number)
                default: line += "null"
                }
            }
            line += "}\n"
            buffer.append(contentsOf: line.utf8)
        }
    }
}
