import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import ContactAnalytics

@Suite struct HTMLReportRendererTests {
    static func parse(_ report: ContactReport) throws -> XMLDocument {
        try XMLDocument(xmlString: HTMLReportRenderer().render(report), options: [])
    }

    /// Every element in document order.
    static func elements(_ node: XMLNode) -> [XMLElement] {
        var result: [XMLElement] = []
        for child in node.children ?? [] {
            if let element = child as? XMLElement {
                result.append(element)
                result += elements(element)
            }
        }
        return result
    }

    /// An attribute's value. (`attribute(forName:)` finds nothing in a namespaced document on Linux.)
    static func attribute(_ element: XMLElement?, _ name: String) -> String? {
        element?.attributes?.first { $0.name == name }?.stringValue
    }

    static func named(_ node: XMLNode, _ name: String) -> [XMLElement] {
        elements(node).filter { $0.localName == name }
    }

    @Test func isWellFormedWithOneSVGPerChart() throws {
        let document = try Self.parse(ReportFixture.report)
        let svgs = Self.named(document, "svg")
        #expect(svgs.compactMap { Self.attribute($0, "id") } == ["chart-pareto", "chart-rates", "chart-channel-mix"])
        for svg in svgs {
            let title = Self.named(svg, "title").first { $0.parent == svg }
            #expect(title?.stringValue?.isEmpty == false)
            #expect(Self.attribute(svg, "aria-labelledby")?.contains("-title") == true)
            #expect(Self.attribute(svg, "role") == "img")
            // A table beside the chart, in the same row.
            let row = svg.parent?.parent as? XMLElement
            #expect(Self.attribute(row, "class") == "chart-row")
            #expect(Self.named(try #require(row), "table").count == 1)
        }
    }

    @Test func isSelfContainedAndInert() throws {
        let html = HTMLReportRenderer().render(ReportFixture.report)
        let document = try Self.parse(ReportFixture.report)
        #expect(Self.named(document, "script").isEmpty)
        #expect(Self.named(document, "b").isEmpty)
        for element in Self.elements(document) {
            for attribute in element.attributes ?? [] {
                let name = attribute.name ?? ""
                #expect(name != "src" && name != "href" && !name.hasPrefix("on"), "\(name) on \(element.name ?? "")")
            }
        }
        let withoutNamespaces = html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "")
            .replacingOccurrences(of: "http://www.w3.org/1999/xhtml", with: "")
        #expect(!withoutNamespaces.contains("http"))
        #expect(!html.contains("url("))
        #expect(!html.contains("@import"))
        #expect(html.contains("@media print"))
        // The hostile names are there, as text.
        let headers = Self.named(document, "th").compactMap(\.stringValue)
        #expect(headers.contains(ReportFixture.scriptCause))
        #expect(headers.contains("Lea <b>Bold</b>"))
        #expect(headers.contains(ReportFixture.formulaQueue))
        #expect(html.contains("product/&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    @Test func chartsDrawTheFigures() throws {
        let document = try Self.parse(ReportFixture.report)
        let svgs = Self.named(document, "svg")
        try #require(svgs.count == 3)
        let bars = Self.named(svgs[0], "rect").filter { Self.attribute($0, "class") == "bar" }
        #expect(bars.count == ReportFixture.report.causes.count)
        #expect(bars.first.flatMap { Self.named($0, "title").first?.stringValue }
            == "delivery/where-is-my-order: EUR 2,945.50, cumulative 28.6 %")
        #expect(Self.named(svgs[0], "polyline").count == 1)
        // FCR has no value in the last week: its line stops, the avoidable-rate line does not.
        let lines = Self.named(svgs[1], "polyline")
        #expect(lines.count == 2)
        #expect(lines.map { (Self.attribute($0, "points") ?? "").split(separator: " ").count } == [3, 4])
        // 4 weeks x 4 channels segments, plus 4 legend swatches.
        let segments = Self.named(svgs[2], "rect")
        #expect(segments.count == 16 + 4)
        #expect(Self.named(svgs[2], "text").compactMap(\.stringValue).filter { ["phone", "email", "chat", "social"].contains($0) }.count == 4)
    }

    @Test func paretoFoldsTheTail() throws {
        var report = ReportFixture.report
        report.causes = (1...20).map { index in
            BreakdownRow(key: "cause-\(index)", metrics: MetricSet(contacts: 10, costTotal: Double(200 - index)))
        }
        let document = try Self.parse(report)
        let svg = try #require(Self.named(document, "svg").first)
        let bars = Self.named(svg, "rect").filter { Self.attribute($0, "class") == "bar" }
        #expect(bars.count == 13)
        #expect(bars.last.flatMap { Self.named($0, "title").first?.stringValue }?.hasPrefix("other (8): EUR 1,468.00") == true)
    }

    @Test func emptyReportStillHasItsCharts() throws {
        let document = try Self.parse(ReportFixture.empty)
        let svgs = Self.named(document, "svg")
        #expect(svgs.count == 3)
        for svg in svgs {
            #expect(Self.named(svg, "text").contains { $0.stringValue?.hasPrefix("No ") == true })
        }
        #expect(!HTMLReportRenderer().render(ReportFixture.empty).lowercased().contains("nan"))
    }

    @Test func escapesForXML() {
        #expect(MarkupEscaping.html("<a href=\"x\">&'</a>") == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;")
        #expect(MarkupEscaping.html("bell\u{07}nul\u{00}") == "bell\u{FFFD}nul\u{FFFD}")
        #expect(MarkupEscaping.html("tab\tok") == "tab\tok")
    }

    @Test func controlCharactersInInputKeepTheDocumentWellFormed() throws {
        var report = ReportFixture.report
        report.causes[0].key = "bad\u{01}name & <more>"
        let document = try Self.parse(report)
        #expect(Self.named(document, "svg").count == 3)
    }
}
