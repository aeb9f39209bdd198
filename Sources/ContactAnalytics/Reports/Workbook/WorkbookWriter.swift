/// Writes sheets of typed cells as an Office Open XML workbook (`.xlsx`): one sheet per `WorkbookSheet`, the
/// header row bold and frozen, numbers as numbers with a number format for their kind (percent, money with
/// its currency, durations, dates), column widths fitted to the content, and no formulas: text is always an
/// inline string. The archive is stored (uncompressed), so it needs nothing but CRC-32, and the same sheets
/// always give the same bytes. LibreOffice and Excel open it with no import dialog, in any locale.
public enum WorkbookWriter {
    /// The workbook's bytes.
    public static func workbook(_ sheets: [WorkbookSheet]) -> [UInt8] {
        var zip = ZipWriter()
        let names = uniqueNames(sheets.map(\.name))
        let currencies = Array(Set(sheets.flatMap { $0.rows.flatMap { $0 } }.compactMap { cell -> String? in
            if case .money(_, let code) = cell { return code }
            return nil
        })).sorted()
        zip.add("[Content_Types].xml", Array(contentTypes(sheetCount: sheets.count).utf8))
        zip.add("_rels/.rels", Array(rootRelationships.utf8))
        zip.add("xl/workbook.xml", Array(workbookXML(names).utf8))
        zip.add("xl/_rels/workbook.xml.rels", Array(workbookRelationships(sheetCount: sheets.count).utf8))
        zip.add("xl/styles.xml", Array(styles(currencies: currencies).utf8))
        for (index, sheet) in sheets.enumerated() {
            zip.add("xl/worksheets/sheet\(index + 1).xml", Array(sheetXML(sheet, currencies: currencies).utf8))
        }
        return zip.finished()
    }

    // MARK: Names

    /// Tab names Excel accepts: at most 31 characters, none of `[]:*?/\`, unique ignoring case.
    static func uniqueNames(_ names: [String]) -> [String] {
        var used: Set<String> = []
        return names.map { name in
            var cleaned = String(name.map { "[]:*?/\\".contains($0) ? "-" : $0 }.prefix(31))
            if cleaned.isEmpty { cleaned = "Sheet" }
            var candidate = cleaned
            var number = 2
            while used.contains(candidate.lowercased()) {
                let suffix = " (\(number))"
                candidate = String(cleaned.prefix(31 - suffix.count)) + suffix
                number += 1
            }
            used.insert(candidate.lowercased())
            return candidate
        }
    }

    // MARK: Parts

    private static func contentTypes(sheetCount: Int) -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
            + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
            + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
            + #"<Default Extension="xml" ContentType="application/xml"/>"#
            + #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
            + #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        for index in 1...max(1, sheetCount) where index <= sheetCount {
            xml += #"<Override PartName="/xl/worksheets/sheet\#(index).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }
        return xml + "</Types>"
    }

    private static let rootRelationships = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#
        + "</Relationships>"

    private static func workbookXML(_ names: [String]) -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
            + #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
            + "<sheets>"
        for (index, name) in names.enumerated() {
            xml += #"<sheet name="\#(escape(name))" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#
        }
        return xml + "</sheets></workbook>"
    }

    private static func workbookRelationships(sheetCount: Int) -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
            + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for index in 0..<sheetCount {
            xml += #"<Relationship Id="rId\#(index + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#(index + 1).xml"/>"#
        }
        xml += #"<Relationship Id="rId\#(sheetCount + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
        return xml + "</Relationships>"
    }

    // MARK: Styles

    /// Cell style indexes: 0 text, 1 header, 2 integer, 3 decimal, 4 percent, 5 duration, 6 date-time, then one
    /// money style per currency.
    private enum Style: Int {
        case text = 0, header, integer, decimal, percent, duration, dateTime
    }

    private static func styles(currencies: [String]) -> String {
        var formats = [(164, #"0.0%"#), (165, #"[h]:mm:ss"#), (166, #"yyyy\-mm\-dd\ hh:mm"#)]
        for (index, code) in currencies.enumerated() {
            formats.append((167 + index, #"#,##0.00\ "\#(escape(code.replacingOccurrences(of: "\"", with: "")))""#))
        }
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
            + #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
            + #"<numFmts count="\#(formats.count)">"#
        for (id, code) in formats { xml += #"<numFmt numFmtId="\#(id)" formatCode="\#(escape(code))"/>"# }
        xml += "</numFmts>"
            + #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>"#
            + #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
            + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
            + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        let cellFormats = [(0, 0), (0, 1), (1, 0), (2, 0), (164, 0), (165, 0), (166, 0)]
            + currencies.indices.map { (167 + $0, 0) }
        xml += #"<cellXfs count="\#(cellFormats.count)">"#
        for (format, font) in cellFormats {
            let apply = format == 0 ? "" : #" applyNumberFormat="1""#
            let bold = font == 0 ? "" : #" applyFont="1""#
            xml += #"<xf numFmtId="\#(format)" fontId="\#(font)" fillId="0" borderId="0" xfId="0"\#(apply)\#(bold)/>"#
        }
        return xml + "</cellXfs>"
            + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
            + "</styleSheet>"
    }

    // MARK: Sheets

    private static func sheetXML(_ sheet: WorkbookSheet, currencies: [String]) -> String {
        let columnCount = max(sheet.header.count, sheet.rows.map(\.count).max() ?? 0)
        var widths = sheet.header.map { Double($0.count) + 2 }
        widths += Array(repeating: 8, count: max(0, columnCount - widths.count))
        var rowsXML = "<row r=\"1\">"
        for (column, name) in sheet.header.enumerated() {
            rowsXML += cellXML(.text(name), reference: reference(column, 1), style: Style.header.rawValue)
        }
        rowsXML += "</row>"
        for (index, row) in sheet.rows.enumerated() {
            let number = index + 2
            rowsXML += "<row r=\"\(number)\">"
            for (column, cell) in row.enumerated() where cell != .empty {
                let (style, width) = styleAndWidth(cell, currencies: currencies)
                widths[column] = max(widths[column], width)
                rowsXML += cellXML(cell, reference: reference(column, number), style: style)
            }
            rowsXML += "</row>"
        }
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
            + #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
            + #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#
        if columnCount > 0 {
            xml += "<cols>"
            for (index, width) in widths.enumerated() {
                let fitted = min(60, max(8, width))
                xml += #"<col min="\#(index + 1)" max="\#(index + 1)" width="\#(fitted)" customWidth="1"/>"#
            }
            xml += "</cols>"
        }
        return xml + "<sheetData>" + rowsXML + "</sheetData></worksheet>"
    }

    private static func styleAndWidth(_ cell: WorkbookCell, currencies: [String]) -> (Int, Double) {
        switch cell {
        case .text(let text): (Style.text.rawValue, Double(text.count) + 1)
        case .integer(let value): (Style.integer.rawValue, Double(String(value).count) + 2)
        case .decimal(let value): (Style.decimal.rawValue, Double(String(Int(value)).count) + 5)
        case .percent: (Style.percent.rawValue, 8)
        case .money(let value, let code):
            (Style.dateTime.rawValue + 1 + (currencies.firstIndex(of: code) ?? 0), Double(String(Int(value)).count) + 10)
        case .duration: (Style.duration.rawValue, 10)
        case .dateTime: (Style.dateTime.rawValue, 17)
        case .empty: (Style.text.rawValue, 0)
        }
    }

    private static func cellXML(_ cell: WorkbookCell, reference: String, style: Int) -> String {
        let styled = style == 0 ? "" : #" s="\#(style)""#
        func number(_ value: Double) -> String {
            value.isFinite ? (value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)) : "0"
        }
        switch cell {
        case .text(let text):
            return #"<c r="\#(reference)"\#(styled) t="inlineStr"><is><t xml:space="preserve">\#(escape(text))</t></is></c>"#
        case .integer(let value):
            return #"<c r="\#(reference)"\#(styled)><v>\#(value)</v></c>"#
        case .decimal(let value), .percent(let value), .money(let value, _):
            guard value.isFinite else { return "" }
            return #"<c r="\#(reference)"\#(styled)><v>\#(number(value))</v></c>"#
        case .duration(let seconds):
            guard seconds.isFinite else { return "" }
            return #"<c r="\#(reference)"\#(styled)><v>\#(number(seconds / 86_400))</v></c>"#
        case .dateTime(let year, let month, let day, let hour, let minute, let second):
            let days = CivilDate(year: year, month: month, day: day).daysSinceEpoch
                - CivilDate(year: 1899, month: 12, day: 30).daysSinceEpoch
            let serial = Double(days) + Double(hour * 3600 + minute * 60 + second) / 86_400
            return #"<c r="\#(reference)"\#(styled)><v>\#(number(serial))</v></c>"#
        case .empty:
            return ""
        }
    }

    /// `A1`-style reference of a 0-based column and 1-based row.
    static func reference(_ column: Int, _ row: Int) -> String {
        var letters = ""
        var rest = column + 1
        while rest > 0 {
            let digit = (rest - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + digit))) + letters
            rest = (rest - 1) / 26
        }
        return letters + String(row)
    }

    /// Text as XML character data and attribute values (`MarkupEscaping.html`: the five markup characters
    /// escaped; control characters XML 1.0 forbids shown as U+FFFD).
    static func escape(_ text: String) -> String {
        MarkupEscaping.html(text)
    }
}
