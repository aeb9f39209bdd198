/// Reads one sheet of an Excel workbook (`.xlsx`) as records: the first row that holds a value is the header,
/// each later row that holds a value a record (its line is the row number Excel shows).
///
/// Cells are read as Excel shows them: shared and inline strings as text; numbers as written (`3.5`), or, in
/// a cell whose number format is a date, as the timestamp text `2022-01-21 13:47:00` (1900 and 1904 date
/// systems; see `SpreadsheetSerialDate`); a time-of-day format below one day as `09:12:58`; booleans `TRUE` and
/// `FALSE`; errors as their text (`#N/A`); formulas by their saved result (never evaluated). Empty cells are
/// empty fields, rows without a value are skipped (as empty CSV lines are), and a row shorter than the header
/// is filled with empty fields. The sheet is streamed: memory holds the shared strings and one row.
public struct XLSXReader: RecordReader {
    public private(set) var header: [String] = []
    public private(set) var headerVersion = 0
    public private(set) var diagnostics: [Diagnostic] = []
    /// The name in messages (the path as given).
    public let name: String
    /// The sheet read.
    public let sheetName: String
    /// The row number of the header.
    public private(set) var headerLine = 0

    private let workbook: XLSXWorkbook
    private var scanner: XMLScanner
    private var cells: [String] = []
    /// The number of the last row read (empty or not).
    private var lastRow = 0
    /// The most columns a row may have: `limits.maxFields`, and never beyond XFD.
    private let maxColumns: Int

    /// A sheet's last column is XFD, the 16,384th.
    static let sheetColumns = 16_384

    /// Opens the workbook at `path` and reads the header of `sheet` (the first sheet when `nil`).
    ///
    /// - Throws: `ContactStatError(.dataFormat)` for a damaged or non-workbook zip, an empty sheet, a cell
    ///   beyond column XFD or beyond `limits.maxFields` columns; a usage error for a sheet the workbook lacks.
    public init(path: String, displayName: String? = nil, sheet: String? = nil, limits: ReaderLimits = ReaderLimits()) throws {
        let name = displayName ?? path
        self.name = name
        maxColumns = min(max(1, limits.maxFields), XLSXReader.sheetColumns)
        workbook = try XLSXWorkbook(path: path, displayName: name)
        let chosen = try workbook.sheet(named: sheet)
        sheetName = chosen.name
        guard let member = workbook.archive.member(chosen.part) else {
            throw ContactStatError(.dataFormat, "names sheet '\(chosen.name)' in part \(chosen.part), which it lacks",
                                   at: name)
        }
        scanner = XMLScanner(source: try workbook.archive.source(of: member))
        var first = RawRecord()
        guard try readRow(into: &first) else {
            throw ContactStatError(.dataFormat, "sheet '\(chosen.name)' is empty", at: name)
        }
        header = first.strings.map { $0.trimmingCharacters(in: .whitespaces) }
        headerLine = first.line
        headerVersion = 1
    }

    public mutating func next(into record: inout RawRecord) throws -> Bool {
        guard try readRow(into: &record) else { return false }
        while record.count < header.count { record.append(bytes: EmptyCollection<UInt8>()) }
        return true
    }

    /// Reads rows up to the next one holding a value; `false` at the end of the sheet.
    private mutating func readRow(into record: inout RawRecord) throws -> Bool {
        while let event = try scanner.next() {
            guard case .start("row", let attributes, let selfClosing) = event, !selfClosing else { continue }
            // A row without its number follows the one before (empty rows included).
            let rowNumber = attributes["r"].flatMap { Int($0) } ?? (lastRow + 1)
            lastRow = rowNumber
            try readCells(row: rowNumber)
            guard cells.contains(where: { !$0.isEmpty }) else { continue }
            record.removeAll()
            record.line = rowNumber
            for cell in cells { record.append(cell) }
            return true
        }
        return false
    }

    /// Reads the cells of the current row, number `row`, into `cells` (by column: a gap is an empty field).
    private mutating func readCells(row: Int) throws {
        cells.removeAll(keepingCapacity: true)
        var column = -1
        while let event = try scanner.next() {
            switch event {
            case .end("row"):
                return
            case .start("c", let attributes, let selfClosing):
                column = attributes["r"].flatMap(XLSXReader.columnIndex) ?? column + 1
                if column >= maxColumns {
                    let cell = "\(sheetName)!" + (attributes["r"] ?? "row \(row)")
                    throw ContactStatError(.dataFormat, column >= XLSXReader.sheetColumns
                        ? "\(cell): the cell lies beyond column XFD, the last column of a sheet"
                        : "\(cell): the row has more than \(maxColumns) columns", at: name)
                }
                let value = selfClosing ? "" : try readCell(type: attributes["t"] ?? "n",
                                                            style: attributes["s"].flatMap { Int($0) } ?? 0)
                while cells.count < column { cells.append("") }
                if column < cells.count { cells[column] = value } else { cells.append(value) }
            default:
                continue
            }
        }
    }

    /// The text of the cell whose start tag was just read, up to its end tag.
    private mutating func readCell(type: String, style: Int) throws -> String {
        var value = ""
        var inline = ""
        var inValue = false
        var inText = false
        while let event = try scanner.next() {
            switch event {
            case .end("c"):
                return cellText(type: type, style: style, value: value, inline: inline)
            case .start("v", _, let selfClosing):
                inValue = !selfClosing
            case .end("v"):
                inValue = false
            case .start("t", _, let selfClosing):
                inText = !selfClosing
            case .end("t"):
                inText = false
            case .start("rPh", _, _):
                // A phonetic run's text is not the cell's.
                try skip(to: "rPh")
            case .text(let text):
                if inValue { value += text } else if inText { inline += text }
            default:
                continue
            }
        }
        throw ContactStatError(.dataFormat, "sheet '\(sheetName)' ends inside a cell", at: name)
    }

    private mutating func skip(to end: String) throws {
        while let event = try scanner.next() {
            if case .end(end) = event { return }
        }
    }

    private func cellText(type: String, style: Int, value: String, inline: String) -> String {
        switch type {
        case "s":
            guard let index = Int(value), workbook.sharedStrings.indices.contains(index) else { return value }
            return workbook.sharedStrings[index]
        case "inlineStr":
            return inline
        case "b":
            return value == "1" ? "TRUE" : value == "0" ? "FALSE" : value
        case "str", "e", "d":
            return value
        default:
            let format = workbook.styles.indices.contains(style) ? workbook.styles[style] : .number
            if format != .number, let text = SpreadsheetSerialDate.text(value, format: format, date1904: workbook.date1904) {
                return text
            }
            return value
        }
    }

    /// The 0-based column of a cell reference such as `AB12` (`nil` when it has no letters); a column beyond
    /// XFD is some column at or past `sheetColumns` (however many letters it has: no overflow).
    static func columnIndex(_ reference: String) -> Int? {
        var index = 0
        var letters = 0
        for byte in reference.utf8 {
            let upper = byte & ~0x20
            guard upper >= UInt8(ascii: "A") && upper <= UInt8(ascii: "Z") else { break }
            index = min(index * 26 + Int(upper - UInt8(ascii: "A")) + 1, sheetColumns + 1)
            letters += 1
        }
        return letters == 0 ? nil : index - 1
    }
}
