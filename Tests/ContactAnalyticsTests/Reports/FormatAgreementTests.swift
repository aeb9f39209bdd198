import Foundation
import Testing
@testable import ContactAnalytics

/// Every format shows the same figures for the same slice: for each slice kind the metric keys of the JSON rows
/// equal the CSV columns and the catalog's slice metrics, their values agree, and every column of the human
/// tables (text, Markdown, HTML share `ReportContent`) that shows a metric agrees with the JSON value.
@Suite struct FormatAgreementTests {
    /// Each slice section and the keys its rows carry besides metrics (JSON; CSV).
    static let sections: [(name: String, json: Set<String>, csv: Set<String>)] = [
        ("channels", ["channel"], ["channel"]),
        ("causes", ["cause", "process", "avoidable", "name"], ["cause", "process", "avoidable_cause", "name"]),
        ("processes", ["process"], ["process"]),
        ("cause_groups", ["cause_group"], ["cause_group"]),
        ("queues", ["queue"], ["queue"]),
        ("agents", ["agent"], ["agent"]),
        ("periods", ["period", "partial", "channels", "start", "change"],
         ["period", "start", "partial", "previous_period"]),
    ]

    static let sliceKeys = MetricCatalog.sliceMetrics.map(\.key)

    /// A JSON section's rows as (key, scalar text) pairs.
    static func jsonRows(_ report: ContactReport, _ section: String) -> [[(String, String)]] {
        guard case .object(let root) = JSONReportRenderer().document(report),
              let value = root.first(where: { $0.0 == section })?.1, case .array(let rows) = value else {
            Issue.record("no JSON section \(section)")
            return []
        }
        return rows.map { row in
            guard case .object(let members) = row else { return [] }
            return members.map { key, value in (key, scalar(value)) }
        }
    }

    static func scalar(_ value: JSONValue) -> String {
        switch value {
        case .null: ""
        case .integer(let number): String(number)
        case .number(let text): text
        case .string(let text): text
        case .bool(let flag): flag ? "true" : "false"
        case .array, .object: "<structure>"
        }
    }

    static func csvFile(_ report: ContactReport, _ section: String) throws -> [[String]] {
        let files = CSVReportRenderer().renderFiles(report)
        guard let file = files.first(where: { $0.fileName == section + ".csv" }) else {
            Issue.record("no CSV file \(section)")
            return []
        }
        return try RFC4180TestReader.read(file.bytes, delimiter: UInt8(ascii: ",")).rows
    }

    /// The fixture reports by name (a name keeps the test's description short).
    static func fixture(_ name: String) -> ContactReport {
        name == "empty" ? ReportFixture.empty : ReportFixture.report
    }

    @Test(arguments: ["report", "empty"])
    func jsonAndCSVCarryTheSameMetrics(fixture: String) throws {
        let report = Self.fixture(fixture)
        for (section, jsonOwn, csvOwn) in Self.sections {
            let json = Self.jsonRows(report, section)
            let csv = try Self.csvFile(report, section)
            guard let header = csv.first else { Issue.record("empty CSV \(section)"); continue }
            // Periods also have a column per channel and the change columns: not metrics of a slice.
            let csvMetrics = header.filter { column in
                !csvOwn.contains(column) && !column.hasPrefix("contacts_") && !column.hasPrefix("change_")
            }
            #expect(csvMetrics == Self.sliceKeys, "CSV \(section)")
            #expect(csv.count - 1 == json.count, "\(section) rows")
            for (jsonRow, csvRow) in zip(json, csv.dropFirst()) {
                // In a cause row `avoidable` is the cause's flag; the count is `avoidable_contacts`.
                let jsonMetrics = jsonRow.filter { !jsonOwn.contains($0.0) }.map { key, value in
                    (key == JSONReportRenderer.causeAvoidableCountKey ? "avoidable" : key, value)
                }
                #expect(Set(jsonMetrics.map(\.0)) == Set(Self.sliceKeys), "JSON \(section)")
                #expect(jsonMetrics.count == Self.sliceKeys.count, "JSON \(section) has a key twice")
                let jsonValues = Dictionary(jsonMetrics, uniquingKeysWith: { first, _ in first })
                for (column, cell) in zip(header, csvRow) where Self.sliceKeys.contains(column) {
                    #expect(jsonValues[column] == cell, "\(section) \(column): JSON \(jsonValues[column] ?? "-"), CSV \(cell)")
                }
            }
        }
    }

    /// The human tables of slices and the JSON section their rows come from, in the same order.
    static let tables: [(id: String, section: String)] = [
        ("processes", "processes"), ("causes", "causes"), ("channels", "channels"), ("queues", "queues"),
        ("agents", "agents"), ("trend", "periods"),
    ]

    /// A human cell read back as the JSON number it shows: `73.4 %` -> 0.734, `1,240` -> 1240, `–` -> nil.
    static func number(_ cell: String, kind: MetricKind) -> Double? {
        guard cell != ReportNumberFormat.missing else { return nil }
        var text = cell.replacingOccurrences(of: ",", with: "")
        if kind == .rate { text = text.replacingOccurrences(of: " %", with: "") }
        guard let value = Double(text) else { return nil }
        return kind == .rate ? value / 100 : value
    }

    @Test(arguments: ["report", "empty"])
    func humanTablesShowTheSameFigures(fixture: String) {
        let report = Self.fixture(fixture)
        let content = ReportContent(report: report)
        for (id, section) in Self.tables {
            guard let table = content.tables.first(where: { $0.id == id }) else {
                Issue.record("no table \(id)")
                continue
            }
            let json = Self.jsonRows(report, section)
            #expect(table.rows.count == json.count, "\(id) rows")
            var checked = 0
            for (index, column) in table.columns.enumerated() {
                guard let metric = MetricCatalog.sliceMetrics.first(where: { $0.columnHeader == column.header }) else {
                    continue
                }
                checked += 1
                for (row, jsonRow) in zip(table.rows, json) {
                    let key = section == "causes" && metric.key == "avoidable"
                        ? JSONReportRenderer.causeAvoidableCountKey : metric.key
                    let jsonText = jsonRow.first { $0.0 == key }?.1 ?? "absent"
                    let shown = Self.number(row[index], kind: metric.kind)
                    // A percentage has one decimal (0.0005 of a fraction), JSON four; money two decimals in both.
                    let tolerance = metric.kind == .rate ? 0.00056 : 0.0001
                    if jsonText.isEmpty {
                        #expect(shown == nil, "\(id) \(metric.key): shown \(row[index]), JSON null")
                    } else if let expected = Double(jsonText), let shown {
                        #expect(abs(shown - expected) <= tolerance, "\(id) \(metric.key): \(row[index]) vs \(jsonText)")
                    } else {
                        Issue.record("\(id) \(metric.key): \(row[index]) vs JSON \(jsonText)")
                    }
                }
            }
            #expect(checked >= 4, "\(id) shows at least four metrics")
        }
    }

    /// Every human column is either a name, a change against the previous period, or a catalog metric.
    @Test func humanColumnsAreCatalogMetrics() {
        let content = ReportContent(report: ReportFixture.report)
        let headers = Set(MetricCatalog.sliceMetrics.map(\.columnHeader))
        for (id, _) in Self.tables {
            guard let table = content.tables.first(where: { $0.id == id }) else { continue }
            for column in table.columns where column.numeric {
                #expect(headers.contains(column.header) || column.header.hasPrefix("Δ"), "\(id) \(column.header)")
            }
        }
    }

    /// The whole range: CSV's summary rows are every summary metric of the catalog (the export's FCR flag only
    /// when the export has one) with the values JSON writes, and JSON's summary shows each of them, in the
    /// contract's nested objects or under its own key.
    @Test(arguments: ["report", "empty"])
    func summaryCarriesEveryWholeRangeMetric(fixture: String) throws {
        let report = Self.fixture(fixture)
        let rows = try RFC4180TestReader.read(CSVReportRenderer().renderBytes(report), delimiter: UInt8(ascii: ",")).rows
        let summary = rows.filter { $0.first == "summary" }.map { ($0[3], $0[4]) }
        let expected = MetricCatalog.summaryMetrics.filter { $0.key != "export_fcr" || report.summary.exportFCR != nil }
        #expect(Set(summary.map(\.0)) == Set(expected.map(\.key)).union(["customers_identified", "top_customer_share"]))
        for metric in expected {
            let cell = summary.first { $0.0 == metric.key }?.1
            #expect(cell == Self.scalar(JSONValue.metric(metric.value(of: report.summary), kind: metric.kind)), "\(metric.key)")
        }
        guard case .object(let root) = JSONReportRenderer().document(report),
              case .object(let members)? = root.first(where: { $0.0 == "summary" })?.1 else {
            Issue.record("no JSON summary")
            return
        }
        for metric in MetricCatalog.summaryMetrics {
            #expect(JSONReportRenderer.summaryContract.contains(metric.key) || members.contains { $0.0 == metric.key },
                    "\(metric.key)")
        }
    }

    /// The xlsx workbook is the CSV report with `--output-dir`, typed: a sheet per CSV file with its name, its
    /// header (so every slice sheet's metric columns are the catalog's keys, in order) and its rows; every cell
    /// is the CSV cell's value (a number to the digit, text as written before the formula guard), and a metric
    /// column's cells are of its kind's type (count integer, rate percentage, money in the report's currency,
    /// duration, score decimal).
    @Test(arguments: ["report", "empty"])
    func xlsxSheetsAreTheCSVFilesTyped(fixture: String) throws {
        let report = Self.fixture(fixture)
        let files = CSVReportRenderer().renderFiles(report)
        let sheets = XLSXReportRenderer().sheets(report)
        #expect(sheets.map { $0.name + ".csv" } == files.map(\.fileName))
        let currency = report.definitions.currency
        for (sheet, file) in zip(sheets, files) {
            let csv = try RFC4180TestReader.read(file.bytes, delimiter: UInt8(ascii: ",")).rows
            #expect([sheet.header] == Array(csv.prefix(1)), "\(sheet.name) header")
            #expect(sheet.rows.count == csv.count - 1, "\(sheet.name) rows")
            if let own = Self.sections.first(where: { $0.name == sheet.name })?.csv {
                let metrics = sheet.header.filter { !own.contains($0) && !$0.hasPrefix("contacts_") && !$0.hasPrefix("change_") }
                #expect(metrics == Self.sliceKeys, "\(sheet.name) metric columns")
            }
            for (row, csvRow) in zip(sheet.rows, csv.dropFirst()) {
                for (index, (cell, text)) in zip(row, csvRow).enumerated() {
                    let column = sheet.header[index]
                    if case .dateTime = cell {
                        // The wall-clock time in the report's zone of the instant CSV writes in ISO 8601.
                        let local = try Self.wallClock(iso8601: text, zone: report.definitions.timezone)
                        #expect(Self.csvText(cell) == local, "\(sheet.name) \(column): \(cell) vs CSV \(text)")
                    } else {
                        #expect(Self.csvText(cell) == text, "\(sheet.name) \(column): \(cell) vs CSV \(text)")
                    }
                    guard let metric = MetricCatalog.sliceMetrics.first(where: { $0.key == column }), cell != .empty else { continue }
                    switch (metric.kind, cell) {
                    case (.count, .integer), (.rate, .percent), (.duration, .duration), (.score, .decimal): break
                    case (.money, .money(_, let code)): #expect(code == currency)
                    default: Issue.record("\(sheet.name) \(column): \(metric.kind) written as \(cell)")
                    }
                }
            }
        }
    }

    /// A workbook cell as the CSV writes the same value (text with the CSV's formula guard, which
    /// `RFC4180TestReader` keeps; an instant without its offset).
    static func csvText(_ cell: WorkbookCell) -> String {
        func number(_ value: Double) -> String { ReportNumberFormat.fraction(value) ?? "?" }
        switch cell {
        case .text(let text): return (CSVWriter.needsFormulaGuard(text) ? "'" : "") + text
        case .integer(let value): return String(value)
        case .decimal(let value), .percent(let value), .duration(let value): return number(value)
        case .money(let value, _): return ReportNumberFormat.fixed(value, places: 2) ?? "?"
        case .dateTime(let year, let month, let day, let hour, let minute, let second):
            let pad = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
            return "\(year)-\(pad(month))-\(pad(day))T\(pad(hour)):\(pad(minute)):\(pad(second))"
        case .empty: return ""
        }
    }

    /// `2026-02-01T22:00:00Z` in `Europe/Helsinki` -> `2026-02-02T00:00:00` (Foundation's parser and calendar).
    static func wallClock(iso8601 text: String, zone: String) throws -> String {
        let date = try #require(ISO8601DateFormatter().date(from: text), "not ISO 8601: \(text)")
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: zone))
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let pad = { (value: Int?) in String(format: "%02d", value ?? -1) }
        return "\(parts.year ?? 0)-\(pad(parts.month))-\(pad(parts.day))T\(pad(parts.hour)):\(pad(parts.minute)):\(pad(parts.second))"
    }
}
