import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import ContactAnalytics

@Suite struct HTMLReportRendererTests {
    static func parse(_ html: String) throws -> XMLDocument {
        try XMLDocument(xmlString: html, options: [])
    }

    static func parse(_ report: ContactReport) throws -> XMLDocument {
        try parse(HTMLReportRenderer().render(report))
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

    static func withID(_ node: XMLNode, _ id: String) -> XMLElement? {
        elements(node).first { attribute($0, "id") == id }
    }

    /// The text of each cell of each row of a table.
    static func cells(_ table: XMLElement) -> [[String]] {
        named(table, "tr").map { row in
            (row.children ?? []).compactMap { $0 as? XMLElement }.map { $0.stringValue ?? "" }
        }
    }

    @Test func everyChartHasATitleDescriptionAndLabel() throws {
        let document = try Self.parse(ReportFixture.report)
        let svgs = Self.named(document, "svg")
        // The rates over time, then one small multiple per channel (the Pareto is a table of bars).
        #expect(svgs.compactMap { Self.attribute($0, "id") }
            == ["chart-rates", "chart-channel-phone", "chart-channel-email", "chart-channel-chat", "chart-channel-social"])
        for svg in svgs {
            let id = try #require(Self.attribute(svg, "id"))
            let children = (svg.children ?? []).compactMap { $0 as? XMLElement }
            #expect(children.first?.localName == "title")
            #expect(children.first?.stringValue?.isEmpty == false)
            #expect(children.dropFirst().first?.localName == "desc")
            #expect(Self.attribute(svg, "role") == "img")
            #expect(Self.attribute(svg, "aria-labelledby") == "\(id)-title \(id)-desc")
            #expect(Self.withID(document, "\(id)-title") != nil && Self.withID(document, "\(id)-desc") != nil)
            // In a figure with a visible title.
            var figure = svg.parent as? XMLElement
            while let current = figure, current.localName != "figure" { figure = current.parent as? XMLElement }
            let caption = try #require(figure.flatMap { Self.named($0, "figcaption").first })
            #expect(Self.named(caption, "span").first?.stringValue?.isEmpty == false)
        }
    }

    @Test func isSelfContainedAndInert() throws {
        let html = HTMLReportRenderer().render(ReportFixture.report)
        let document = try Self.parse(html)
        #expect(Self.named(document, "script").isEmpty)
        #expect(Self.named(document, "b").isEmpty)
        #expect(Self.named(document, "img").isEmpty && Self.named(document, "link").isEmpty)
        for element in Self.elements(document) {
            for attribute in element.attributes ?? [] {
                let name = attribute.name ?? ""
                #expect(name != "src" && name != "href" && !name.hasPrefix("on"), "\(name) on \(element.name ?? "")")
            }
        }
        let withoutNamespaces = html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "")
            .replacingOccurrences(of: "http://www.w3.org/1999/xhtml", with: "")
        #expect(!withoutNamespaces.contains("http"))
        #expect(!withoutNamespaces.contains("//"))
        // The only url() is a pattern in the same document (the hatch of a partial period).
        #expect(html.components(separatedBy: "url(").dropFirst().allSatisfy { $0.hasPrefix("#") })
        #expect(!html.contains("@import"))
        #expect(!html.contains("@font-face"))
    }

    @Test func stylesheetLaysOutForPhonesAndPrintsOnA4() {
        let css = HTMLReportRenderer.css
        #expect(css.contains("@media (max-width: 640px)"))
        #expect(css.contains("@page { size: A4;"))
        let print = css.components(separatedBy: "@media print {")[1]
        #expect(print.contains("figure, .card, table.short, table.heatmap, table.facts, tr { break-inside: avoid; }"))
        #expect(print.contains("thead { display: table-header-group; }"))
        #expect(print.contains(".table-wrap { overflow: visible; }"))
        // Wide tables scroll in their own box, the first column fixed.
        #expect(css.contains(".table-wrap { max-width: 100%; overflow-x: auto;"))
        #expect(css.contains(".table-wrap th:first-child { position: sticky; left: 0;"))
        // A chart and a table side by side only when both fit; a table never shrinks below its content.
        #expect(css.contains(".chart-row { display: flex; flex-wrap: wrap;"))
    }

    @Test func hostileNamesStayText() throws {
        var report = ReportFixture.report
        report.causes[0].key = "<script>alert('x')</script>/\"quoted\"-&-more"
        report.queues[0].key = "Tier \"1\" & <i>co</i>"
        let html = HTMLReportRenderer().render(report)
        let document = try Self.parse(html)
        #expect(Self.named(document, "script").isEmpty)
        #expect(Self.named(document, "i").isEmpty)
        #expect(!html.contains("<script>") && !html.contains("<i>co"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/<wbr/>script&gt;/<wbr/>&quot;quoted&quot;-<wbr/>&amp;-<wbr/>more"))
        #expect(html.contains("<th scope=\"row\">Tier &quot;1&quot; &amp; &lt;i&gt;co&lt;/<wbr/>i&gt;</th>"))
        let headers = Self.named(document, "th").compactMap(\.stringValue)
        #expect(headers.contains(report.causes[0].key))
        #expect(headers.contains(report.queues[0].key))
        #expect(headers.contains(ReportFixture.scriptCause))
        #expect(headers.contains("Lea <b>Bold</b>"))
        #expect(headers.contains(ReportFixture.formulaQueue))
    }

    @Test func longNamesWrapOnlyAfterSlashesAndHyphens() {
        #expect(MarkupEscaping.htmlBreakable("delivery/where-is-my-order")
            == "delivery/<wbr/>where-<wbr/>is-<wbr/>my-<wbr/>order")
        #expect(MarkupEscaping.htmlBreakable("2026-04 *") == "2026-04 *")
        #expect(MarkupEscaping.htmlBreakable("a<b>/c&d-\"e\"-fghijklmnop") == "a&lt;b&gt;/<wbr/>c&amp;d-<wbr/>&quot;e&quot;-<wbr/>fghijklmnop")
        let html = HTMLReportRenderer().render(ReportFixture.report)
        #expect(html.contains("<th scope=\"row\">delivery/<wbr/>where-<wbr/>is-<wbr/>my-<wbr/>order</th>"))
    }

    @Test func paretoNamesTheCostliestCausesAsBars() throws {
        let document = try Self.parse(ReportFixture.report)
        let figure = try #require(Self.withID(document, "chart-pareto"))
        let table = try #require(Self.named(figure, "table").first)
        let rows = Self.cells(table)
        #expect(rows.first == ["Cause", "Cost (EUR)", "Cumulative share"])
        // Every cause of the fixture is named (7 causes, fewer than 10): no note, no "other".
        #expect(rows.count == 1 + ReportFixture.report.causes.count)
        #expect(rows[1] == ["delivery/where-is-my-order", "", "2,945.50", "28.6 %"])
        #expect(rows.last?.first == ReportFixture.scriptCause)
        #expect(rows.last?.last == "100.0 %")
        #expect(!(figure.stringValue ?? "").contains("other"))
        let bars = Self.named(table, "span").filter { Self.attribute($0, "class") == "bar" }
        #expect(Self.attribute(bars.first, "style") == "width: 100%")
        // 402 / 2,945.50 = 13.6 %
        #expect(Self.attribute(bars.last, "style") == "width: 14%")
    }

    @Test func paretoLeavesTheTailToANote() throws {
        var report = ReportFixture.report
        // Costs 199, 198, ..., 180: the ten named sum to 1,945; the other ten to 1,845 of 3,790 (48.7 %).
        report.causes = (1...20).map { index in
            BreakdownRow(key: "cause-\(index)", metrics: MetricSet(contacts: 10, costTotal: Double(200 - index)))
        }
        let document = try Self.parse(report)
        let figure = try #require(Self.withID(document, "chart-pareto"))
        let rows = Self.cells(try #require(Self.named(figure, "table").first))
        #expect(rows.count == 1 + 10)
        #expect(rows[1] == ["cause-1", "", "199.00", "5.3 %"])
        #expect(rows[10] == ["cause-10", "", "190.00", "51.3 %"])
        let caption = try #require(Self.named(figure, "figcaption").first?.stringValue)
        #expect(caption.contains("The 10 costliest causes (EUR)"))
        #expect(caption.contains("The other 10 causes cost EUR 1,845.00 together (48.7 % of the total); the table lists every cause."))
        // 190 / 199 = 95.5 %
        let bars = Self.named(figure, "span").filter { Self.attribute($0, "class") == "bar" }
        #expect(Self.attribute(bars.last, "style") == "width: 95%")
    }

    @Test func trendLabelsDoNotOverlapAndThePartialPeriodIsMarked() throws {
        // 13 weeks in 564 px: a slot is 43.4 px, a label needs 100: every 3rd, counted back from the latest.
        #expect(ChartAxis.labelledIndexes(count: 13, slot: 564.0 / 13, labelWidth: 100) == [0, 3, 6, 9, 12])
        #expect(ChartAxis.labelledIndexes(count: 4, slot: 141, labelWidth: 100) == [0, 1, 2, 3])
        #expect(ChartAxis.labelledIndexes(count: 0, slot: 10, labelWidth: 100).isEmpty)

        var report = ReportFixture.report
        report.periods[3].partial = true
        let document = try Self.parse(report)
        let svg = try #require(Self.withID(document, "chart-rates"))
        let labels = Self.named(svg, "text").filter { Self.attribute($0, "class") == "label" }.compactMap(\.stringValue)
        #expect(labels == ["2026-W06", "2026-W07", "2026-W08", "2026-W09 *"])
        // FCR has no value in W09; the avoidable rate's segment into the partial W09 is dashed, its point hollow.
        let solid = Self.named(svg, "polyline")
        #expect(solid.map { (Self.attribute($0, "points") ?? "").split(separator: " ").count } == [3, 3])
        let dashed = Self.named(svg, "line").filter { Self.attribute($0, "class") == "line partial" }
        #expect(dashed.count == 1 + 1)   // the segment, and the legend's sample
        let hollow = Self.elements(svg).filter { Self.attribute($0, "class") == "point partial" }
        #expect(hollow.count == 1 + 1)
        #expect(hollow.first.flatMap { Self.named($0, "title").first?.stringValue } == "2026-W09 (partial) Avoidable rate: 57.1 %")
        #expect(Self.named(svg, "text").contains { $0.stringValue == "* partial week: not a whole one" })
        // Axis titles with units.
        let titles = Self.named(svg, "text").filter { Self.attribute($0, "class") == "axis-title" }.compactMap(\.stringValue)
        #expect(titles == ["Rate (%)", "Week"])
        // Lines differ by marker too, not by colour alone.
        #expect(Self.named(svg, "circle").count > 0 && Self.named(svg, "rect").count > 0)
    }

    @Test func smallMultiplesShareOneScaleAndHatchThePartialPeriod() throws {
        var report = ReportFixture.report
        report.periods[0].partial = true
        let document = try Self.parse(report)
        let phone = try #require(Self.withID(document, "chart-channel-phone"))
        let social = try #require(Self.withID(document, "chart-channel-social"))
        // The largest count of any channel in any period is 145 (phone, W09): steps of 100, so both axes end at 200.
        for panel in [phone, social] {
            let ticks = Self.named(panel, "text").filter { Self.attribute($0, "class") == "tick" }.compactMap(\.stringValue)
            #expect(ticks.contains("200"))
        }
        #expect(Self.named(phone, "text").contains { $0.stringValue == "520 contacts" })
        let columns = Self.named(phone, "rect").filter { (Self.attribute($0, "class") ?? "").hasPrefix("column") }
        #expect(columns.map { Self.named($0, "title").first?.stringValue ?? "" }
            == ["2026-W06 (partial): 120", "2026-W07: 125", "2026-W08: 130", "2026-W09: 145"])
        #expect(Self.attribute(columns[0], "fill") == "url(#chart-channel-phone-hatch)")
        #expect(Self.withID(phone, "chart-channel-phone-hatch")?.localName == "pattern")
        #expect(Self.attribute(columns[1], "fill") == "#0072B2")
        let html = HTMLReportRenderer().render(report)
        #expect(html.contains("A hatched bar is a partial week (*): the data covers only part of it."))
    }

    @Test func channelSwitchesAreAFromToHeatmap() throws {
        let document = try Self.parse(ReportFixture.report)
        let table = try #require(Self.withID(document, "table-channel-switches"))
        // phone→email 14, chat→phone 9, email→phone 6, social→chat 2; the busiest (14) is level 8.
        #expect(Self.cells(table) == [
            ["From \\ to", "phone", "email", "chat", "social", "Total"],
            ["phone", "·", "14", "", "", "14"],
            ["email", "6", "·", "", "", "6"],
            ["chat", "9", "", "·", "", "9"],
            ["social", "", "", "2", "·", "2"],
            ["Total", "15", "14", "2", "0", "31"],
        ])
        let classes = Self.named(table, "td").compactMap { Self.attribute($0, "class") }
        #expect(classes[1] == "num heat8")   // phone → email 14
        #expect(classes[5] == "num heat4")   // email → phone 6: ceil(6 / 14 * 8) = 4
        #expect(classes[10] == "num heat6")  // chat → phone 9: ceil(5.14) = 6
        #expect(classes[0] == "num same")
    }

    @Test func heatScaleLevels() {
        let scale = HeatScale(busiest: 56)
        #expect([0, 1, 7, 8, 28, 55, 56].map(scale.level) == [0, 1, 1, 2, 4, 8, 8])
        #expect(HeatScale(busiest: 0).level(1) == 8)
        #expect(HeatScale.inlineStyle(8) == "background:#0060a0;color:#ffffff;")
        #expect(HeatScale.inlineStyle(2) == "background:#c6dcec;")
        #expect(HeatScale.css.contains(".heat8 { background: #0060a0; color: #fff; }"))
    }

    @Test func emptyReportSaysSoInsteadOfDrawing() throws {
        let html = HTMLReportRenderer().render(ReportFixture.empty)
        let document = try Self.parse(html)
        let svgs = Self.named(document, "svg")
        #expect(svgs.compactMap { Self.attribute($0, "id") } == ["chart-rates"])
        #expect(Self.named(svgs[0], "text").contains { $0.stringValue == "No rates to chart" })
        #expect(html.contains("<p class=\"empty\">No cost to chart.</p>"))
        #expect(html.contains("No repeat changed channel."))
        #expect(!html.lowercased().contains("nan"))
    }

    @Test func sectionsFollowTheContent() throws {
        // Every table of the shared content is a section of its own, in order, so a new one needs no edit here.
        let content = ReportContent(report: ReportFixture.report)
        let document = try Self.parse(ReportFixture.report)
        let ids = Self.named(document, "section").compactMap { Self.attribute($0, "id") }
        #expect(ids == ["summary", "headline", "data"] + content.tables.map(\.id).filter { $0 != "cost-model" } + ["definitions"])
    }

    @Test func escapesForXML() {
        #expect(MarkupEscaping.html("<a href=\"x\">&'</a>") == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;")
        #expect(MarkupEscaping.html("bell\u{07}nul\u{00}") == "bell\u{FFFD}nul\u{FFFD}")
        #expect(MarkupEscaping.html("tab\tok") == "tab\tok")
    }

    @Test func controlCharactersInInputKeepTheDocumentWellFormed() throws {
        var report = ReportFixture.report
        report.causes[0].key = "bad\u{01}name & <more>/with-a-long-path"
        let document = try Self.parse(report)
        #expect(Self.named(document, "svg").count == 5)
        _ = try Self.parse(HTMLEmailReportRenderer().render(report))
    }
}
