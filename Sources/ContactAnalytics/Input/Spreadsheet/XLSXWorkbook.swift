/// An Office Open XML workbook (`.xlsx`, as Excel and LibreOffice save it): its sheets, shared strings, cell
/// number formats and date system, read from the zip archive's parts.
struct XLSXWorkbook: Sendable {
    /// A sheet: its name and the archive member that holds it.
    struct Sheet: Sendable, Equatable {
        var name: String
        var part: String
    }

    let archive: ZipArchive
    let sheets: [Sheet]
    /// The text of each shared string, by index.
    let sharedStrings: [String]
    /// The number format kind of each cell style (`s` attribute), by index.
    let styles: [CellNumberFormat]
    /// Whether dates count from 1904-01-01 (`workbookPr date1904`).
    let date1904: Bool

    /// Opens the workbook at `path`.
    ///
    /// - Throws: `ContactStatError(.dataFormat)` naming `displayName` when the zip holds no workbook (a `.docx`,
    ///   a plain zip) or a part is damaged.
    init(path: String, displayName: String) throws {
        let archive = try ZipArchive(path: path, displayName: displayName)
        self.archive = archive
        guard let workbookMember = archive.member("xl/workbook.xml") else {
            throw ContactStatError(.dataFormat, "is a zip archive but not an Excel workbook (no xl/workbook.xml)",
                                   at: displayName)
        }
        // Relationship ids to part names.
        var targets: [String: String] = [:]
        if let rels = archive.member("xl/_rels/workbook.xml.rels") {
            var scanner = XMLScanner(source: try archive.source(of: rels))
            while let event = try scanner.next() {
                if case .start("Relationship", let attributes, _) = event, let id = attributes["Id"],
                   let target = attributes["Target"] {
                    targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
                }
            }
        }
        var sheets: [Sheet] = []
        var date1904 = false
        var scanner = XMLScanner(source: try archive.source(of: workbookMember))
        while let event = try scanner.next() {
            guard case .start(let name, let attributes, _) = event else { continue }
            if name == "workbookPr" {
                date1904 = ["1", "true"].contains(attributes["date1904"] ?? "")
            } else if name == "sheet", let sheetName = attributes["name"] {
                let part = attributes["id"].flatMap { targets[$0] } ?? "xl/worksheets/sheet\(sheets.count + 1).xml"
                sheets.append(Sheet(name: sheetName, part: part))
            }
        }
        self.sheets = sheets
        self.date1904 = date1904
        sharedStrings = try archive.member("xl/sharedStrings.xml").map { try XLSXWorkbook.readSharedStrings(archive, $0) } ?? []
        styles = try archive.member("xl/styles.xml").map { try XLSXWorkbook.readStyles(archive, $0) } ?? []
    }

    /// The sheet called `name` (case-insensitive), or the first sheet when `name` is `nil`.
    ///
    /// - Throws: a usage error listing the sheets when there is no such sheet.
    func sheet(named name: String?) throws -> Sheet {
        if let name {
            if let sheet = sheets.first(where: { $0.name.caseInsensitiveCompare(name) == .orderedSame }) { return sheet }
            throw ContactStatError(.usage, "has no sheet '\(name)'; its sheets: "
                                   + sheets.map { "'\($0.name)'" }.joined(separator: ", "), at: archive.name)
        }
        guard let first = sheets.first else {
            throw ContactStatError(.dataFormat, "is a workbook without sheets", at: archive.name)
        }
        return first
    }

    /// The text of each `<si>`: its `<t>` elements joined (rich text runs), phonetic runs (`<rPh>`) left out.
    private static func readSharedStrings(_ archive: ZipArchive, _ member: ZipArchive.Member) throws -> [String] {
        var strings: [String] = []
        var scanner = XMLScanner(source: try archive.source(of: member))
        var current = ""
        var inText = false
        var inPhonetic = false
        while let event = try scanner.next() {
            switch event {
            case .start("si", _, let selfClosing):
                current = ""
                if selfClosing { strings.append("") }
            case .end("si"):
                strings.append(current)
            case .start("rPh", _, let selfClosing):
                inPhonetic = !selfClosing
            case .end("rPh"):
                inPhonetic = false
            case .start("t", _, let selfClosing):
                inText = !selfClosing
            case .end("t"):
                inText = false
            case .text(let text):
                if inText && !inPhonetic { current += text }
            default:
                break
            }
        }
        return strings
    }

    /// The number format kind of each `<xf>` in `<cellXfs>`.
    private static func readStyles(_ archive: ZipArchive, _ member: ZipArchive.Member) throws -> [CellNumberFormat] {
        var custom: [Int: CellNumberFormat] = [:]
        var styles: [CellNumberFormat] = []
        var inCellFormats = false
        var scanner = XMLScanner(source: try archive.source(of: member))
        while let event = try scanner.next() {
            switch event {
            case .start("numFmt", let attributes, _):
                if let id = attributes["numFmtId"].flatMap({ Int($0) }), let code = attributes["formatCode"] {
                    custom[id] = CellNumberFormat.custom(code)
                }
            case .start("cellXfs", _, let selfClosing):
                inCellFormats = !selfClosing
            case .end("cellXfs"):
                inCellFormats = false
            case .start("xf", let attributes, _) where inCellFormats:
                let id = attributes["numFmtId"].flatMap { Int($0) } ?? 0
                styles.append(custom[id] ?? CellNumberFormat.builtIn(id))
            default:
                break
            }
        }
        return styles
    }
}
