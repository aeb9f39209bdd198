import Foundation
import Testing
@testable import ContactAnalytics

/// Output safety: a value taken from the input never becomes a spreadsheet formula in CSV output, nor
/// markup in HTML output.
@Suite("Reliability: output safety")
struct OutputSafetyTests {
    /// Values a hostile export could carry in a queue, agent or cause name.
    static let hostileValues = [
        "=HYPERLINK(\"http://example.invalid\",\"click\")", "+SUM(1,2)", "-2+3", "@cmd", "\t=1+1", "\r=1+1",
        "=1+1", "<script>alert(1)</script>", "\" onmouseover=\"alert(2)", "<img src=x onerror=alert(3)>",
        "' onfocus='alert(4)", "a&b",
    ]

    @Test("CSVWriter: a cell a spreadsheet would evaluate stays text", arguments: [
        ("=1+1", "'=1+1"), ("+SUM(A1)", "'+SUM(A1)"), ("-2+3", "'-2+3"), ("@cmd", "'@cmd"),
        ("\t=1", "'\t=1"), ("\r=1", "\"'\r=1\""), ("=A1,B1", "\"'=A1,B1\""),
        // A lone sign ("-" for "none") evaluates to nothing: left as it is.
        ("-", "-"), ("+", "+"),
        ("-3", "-3"), ("+4.5", "+4.5"), ("-1e5", "-1e5"), ("plain", "plain"), (" =1", "\" =1\""),
    ])
    func csvWriterGuards(field: String, written: String) {
        let writer = CSVWriter()
        #expect(writer.row([field]) == written + "\r\n")
    }

    @Test("CSV report (tidy table and per-section files): hostile names from the input stay text")
    func csvReportCellsStayText() throws {
        let report = try Self.hostileReport().report
        let tidy = CSVReportRenderer().renderBytes(report)
        var outputs = [tidy]
        outputs += CSVReportRenderer().renderFiles(report).map(\.bytes)
        outputs.append(CSVReportRenderer(options: ReportRenderOptions(csv: CSVOutputOptions(preset: .excelCommaDecimal)))
            .renderBytes(report))
        var guardedCells = 0
        for (index, bytes) in outputs.enumerated() {
            let delimiter: CSVDelimiter = index == outputs.count - 1 ? .semicolon : .comma
            var reader = try InputOpener.open(source: ByteChunkSource(bytes: bytes),
                                              options: ReaderOptions(delimiter: delimiter, format: .csv))
            var record = RawRecord()
            while try reader.next(into: &record) {
                for cell in record.strings {
                    if cell.hasPrefix("'") { guardedCells += 1 }
                    guard let first = cell.utf8.first else { continue }
                    let evaluates = [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"),
                                     0x09, 0x0D].contains(first)
                    #expect(!evaluates || CSVWriter.isPlainNumber(cell), "cell \(cell.debugDescription) would evaluate")
                }
            }
        }
        // Every hostile queue and agent name that starts like a formula shows up guarded.
        let tidyText = String(decoding: tidy, as: UTF8.self)
        #expect(tidyText.contains("\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"click\"\")\""))
        #expect(tidyText.contains(",'-2+3,"))
        #expect(tidyText.contains(",'@cmd,"))
        #expect(guardedCells >= 10)
    }

    @Test("HTML report escapes every value from the input: <script> in a subject, queue, agent, cause stays inert")
    func htmlEscapes() throws {
        let result = try Self.hostileReport()
        #expect(result.report.summary.contacts == Self.hostileValues.count * 2)
        for rendered in [HTMLReportRenderer(options: ReportRenderOptions(maxTableRows: 100)).render(result.report),
                         HTMLEmailReportRenderer(options: ReportRenderOptions(maxTableRows: 100)).render(result.report)] {
            // Long names get line-break opportunities (`<wbr/>`) after `/` and `-`: markup of ours, not of the input.
            let html = rendered.replacingOccurrences(of: "<wbr/>", with: "")
            let lowered = html.lowercased()
            #expect(!lowered.contains("<script"))
            #expect(!lowered.contains("<img"))
            #expect(!lowered.contains("<svg onload"))
            #expect(!html.contains("\" onmouseover="))
            #expect(!html.contains("' onfocus="))
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(html.contains("&lt;i&gt;Billing&lt;/i&gt;"))
            #expect(html.contains("&lt;svg onload=alert(5)&gt;"))
            #expect(html.contains("a&amp;b"))
        }
    }

    /// A report over an export whose queue and agent names are the hostile values, whose subjects carry
    /// `<script>`, whose file name is markup, and whose (configured) cause has a formula for a name and markup
    /// for a process.
    static func hostileReport() throws -> ContactAnalysis.Result {
        let workspace = try ReliabilityWorkspace("output")
        defer { workspace.remove() }
        let header = ["ticket_id", "created_at", "customer_id", "channel", "subject", "queue", "agent"]
        var rows: [[String]] = []
        for (index, value) in hostileValues.enumerated() {
            let day = String(format: "%02d", index + 1)
            rows.append(["T\(index)", "2026-01-\(day)T10:00:00Z", "C\(index)", "email",
                         "<script>alert('subject')</script> refund please", value, value])
            rows.append(["U\(index)", "2026-01-\(day)T11:00:00Z", "D\(index)", "chat", "hello <b>there</b>",
                         "q<\(index)>", value])
        }
        let path = try workspace.write("<svg onload=alert(5)>.csv", ReliabilityWorkspace.csv(header: header, rows: rows))
        let configuration = #"""
        { "taxonomy": { "extends": "none", "causes": [ {
            "path": "billing/refund", "name": "=Cause", "process": "<i>Billing</i>", "avoidable": true,
            "rules": [ { "keywords": ["refund"] } ] } ] } }
        """#
        let node = try ConfigurationParser.parse(configuration, file: "hostile.json")
        let taxonomy = try ContactStatConfiguration(node: node, file: "hostile.json").taxonomy
        return try ContactAnalysis.run(AnalysisOptions(ingest: IngestOptions(files: [path]), taxonomy: taxonomy))
    }
}
