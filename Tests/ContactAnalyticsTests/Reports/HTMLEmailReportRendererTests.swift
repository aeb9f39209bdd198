import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import ContactAnalytics

/// `--format html-email`: what mail clients keep. Gmail, Outlook and most webmail drop `<style>` blocks (or
/// rewrite them), `<script>`, inline `<svg>`, external images and fonts; they keep tables and `style`
/// attributes. So the e-mail has none of the first and everything it shows is a table cell.
@Suite struct HTMLEmailReportRendererTests {
    typealias H = HTMLReportRendererTests

    static func render(_ report: ContactReport = ReportFixture.report, rows: Int = 10) -> String {
        HTMLEmailReportRenderer(options: ReportRenderOptions(maxTableRows: rows)).render(report)
    }

    @Test func hasNothingMailClientsDrop() throws {
        for report in [ReportFixture.report, ReportFixture.empty] {
            let html = Self.render(report)
            let document = try H.parse(html)
            let names = Set(H.elements(document).compactMap(\.localName))
            for dropped in ["style", "script", "svg", "img", "link", "iframe", "object", "form", "input", "details"] {
                #expect(!names.contains(dropped), "<\(dropped)>")
            }
            for element in H.elements(document) {
                for attribute in element.attributes ?? [] {
                    let name = attribute.name ?? ""
                    #expect(!["class", "src", "href", "id"].contains(name) && !name.hasPrefix("on"), "\(name) on \(element.name ?? "")")
                }
            }
            #expect(!html.contains("url("))
            #expect(!html.contains("@media") && !html.contains("var(--"))
            let withoutNamespace = html.replacingOccurrences(of: "http://www.w3.org/1999/xhtml", with: "")
            #expect(!withoutNamespace.contains("http"))
        }
    }

    @Test func hostileNamesStayText() throws {
        var report = ReportFixture.report
        report.causes[0].key = "<script>alert('x')</script>/\"quoted\"-&-more"
        let html = Self.render(report)
        let document = try H.parse(html)
        #expect(H.named(document, "script").isEmpty)
        #expect(H.named(document, "b").allSatisfy { $0.stringValue != "Bold" })
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/<wbr/>script&gt;/<wbr/>&quot;quoted&quot;-<wbr/>&amp;-<wbr/>more"))
        let headers = H.named(document, "th").compactMap(\.stringValue)
        #expect(headers.contains(report.causes[0].key))
        #expect(headers.contains(ReportFixture.scriptCause))
        #expect(headers.contains(ReportFixture.formulaQueue))
        #expect(!html.contains("<b>Bold"))
    }

    @Test func paretoBarsAreTableCells() throws {
        let document = try H.parse(Self.render())
        let table = try #require(H.named(document, "table").first { table in
            H.cells(table).first == ["Cause", "Cost", "EUR", "Cumulative"]
        })
        let rows = H.cells(table).filter { $0.count == 4 }.dropFirst()
        #expect(rows.count == ReportFixture.report.causes.count)
        #expect(rows.first.map { [$0[0], $0[2], $0[3]] } == ["delivery/where-is-my-order", "2,945.50", "28.6 %"])
        // The bar of the costliest cause fills its cell; 402 / 2,945.50 = 13.6 % -> 14 %.
        let bars = H.named(table, "td").filter { H.attribute($0, "style")?.hasPrefix("background:#0072B2;") == true }
        #expect(H.attribute(bars.first, "width") == "100%")
        #expect(H.attribute(bars.last, "width") == "14%")
        #expect(bars.count == rows.count)
    }

    @Test func longTablesShowTheirFirstRowsAndSumTheRest() throws {
        let html = Self.render(rows: 5)
        let document = try H.parse(html)
        let agents = try #require(H.named(document, "table").first { H.cells($0).first?.first == "Agent" })
        let rows = H.cells(agents)
        // 12 agents: 5 shown and "… 7 more agents" summing their contacts: 100 + 90 + ... + 40 = 490.
        #expect(rows.count == 1 + 5 + 1)
        #expect(rows.last?.first == "… 7 more agents")
        #expect(rows.last?[1] == "490")
        // The arrivals keep all 24 hours, as rows.
        let arrivals = try #require(H.named(document, "table").first { H.cells($0).first?.first == "Hour" })
        #expect(H.cells(arrivals).count == 1 + 24)
        #expect(H.cells(arrivals).first == ["Hour", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Total"])
    }

    @Test func heatmapsAreShadedInline() throws {
        let document = try H.parse(Self.render())
        let matrix = try #require(H.named(document, "table").first { H.cells($0).first?.first == "From \\ to" })
        #expect(H.cells(matrix).last == ["Total", "15", "14", "2", "0", "31"])
        let busiest = try #require(H.named(matrix, "td").first { $0.stringValue == "14" && H.attribute($0, "style")?.hasPrefix("background") == true })
        #expect(H.attribute(busiest, "style")?.hasPrefix(HeatScale.inlineStyle(8)) == true)
    }

    @Test func isAFormatOfItsOwn() {
        #expect(ReportFormat(rawValue: "html-email") == .htmlEmail)
        #expect(ReportFormat.htmlEmail.fileExtension == "html")
        #expect(!ReportFormat.htmlEmail.isBinary)
        #expect(ReportFormat.htmlEmail.renderer(options: ReportRenderOptions()) is HTMLEmailReportRenderer)
    }
}
