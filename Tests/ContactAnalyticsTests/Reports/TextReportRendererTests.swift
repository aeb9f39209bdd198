import Testing
@testable import ContactAnalytics

@Suite struct TextReportRendererTests {
    static func longNames() -> ContactReport {
        var report = ReportFixture.report
        report.causes[0].key = "delivery/" + String(repeating: "very-long-cause-name-", count: 6)
        report.causes[1].process = "A process with an unreasonably long name for a table column"
        report.queues[0].key = String(repeating: "Q", count: 130)
        report.input.files = (1...6).map { "/very/long/path/to/the/exports/folder/export-\($0)-of-many.csv" }
        report.input.files.append(String(repeating: "x", count: 150))
        report.emergingCauses[0].cause = String(repeating: "emerging/", count: 20)
        return report
    }

    @Test(arguments: [("fixture", ReportFixture.report), ("empty", ReportFixture.empty), ("long names", longNames())])
    func everyLineFitsOneHundredColumns(name: String, report: ContactReport) {
        for colour in [false, true] {
            let text = TextReportRenderer(options: ReportRenderOptions(colour: colour)).render(report)
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                let visible = line.replacingOccurrences(of: "\u{1B}[1m", with: "").replacingOccurrences(of: "\u{1B}[0m", with: "")
                #expect(visible.count <= 100, "\(name): \(visible.count) columns: \(visible)")
            }
            #expect(!text.lowercased().contains("nan"))
        }
    }

    @Test func colourOnlyWhenAsked() {
        let plain = TextReportRenderer(options: ReportRenderOptions(colour: false)).render(ReportFixture.report)
        let coloured = TextReportRenderer(options: ReportRenderOptions(colour: true)).render(ReportFixture.report)
        #expect(!plain.contains("\u{1B}"))
        #expect(coloured.contains("\u{1B}[1mHeadline figures\u{1B}[0m"))
        #expect(coloured.replacingOccurrences(of: "\u{1B}[1m", with: "").replacingOccurrences(of: "\u{1B}[0m", with: "") == plain)
    }

    @Test func inputCannotSendEscapeSequences() {
        var report = ReportFixture.report
        report.queues[0].key = "\u{1B}[31mred\u{07}"
        let text = TextReportRenderer().render(report)
        #expect(!text.contains("\u{1B}"))
        #expect(text.contains("?[31mred?"))
    }

    @Test func longTablesShowTheFirstRowsAndSumTheRest() {
        let text = TextReportRenderer(options: ReportRenderOptions(maxTableRows: 3)).render(ReportFixture.report)
        let lines = text.split(separator: "\n").map(String.init)
        let restLine = lines.first { $0.hasPrefix("… 4 more causes") }
        // The hidden causes: 150 + 140 + 120 + 60 contacts, 24 + 10 + 12 + 2 repeats, cost 1,380 + 812 + 690 + 402.
        let cells = restLine?.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        #expect(cells == ["…", "4", "more", "causes", "470", "48", "3,284.00"])
        #expect(!lines.contains { $0.hasPrefix("returns/refund-status") && $0.contains("Logistics") })
        #expect(lines.contains { $0.hasPrefix("… 9 more agents") })
    }

    @Test func tablesAlignNumbersRight() throws {
        let text = TextReportRenderer().render(ReportFixture.report)
        let lines = text.split(separator: "\n").map(String.init)
        let header = try #require(lines.firstIndex { $0.hasPrefix("Process  ") })
        let rows = Array(lines[(header + 2)...(header + 4)])
        #expect(rows.map { $0.split(separator: " ").first.map(String.init) } == ["Logistics", "Billing", "Accounts"])
        // Right-aligned: every row ends at the same column, and each contact count ends under "Contacts".
        let end = lines[header].range(of: "Contacts")?.upperBound
        for row in rows {
            #expect(row.count == lines[header].count)
            let endIndex = try #require(end)
            let offset = lines[header].distance(from: lines[header].startIndex, to: endIndex)
            #expect(row[row.index(row.startIndex, offsetBy: offset - 1)].isNumber)
        }
    }

    @Test func wrapsAtWordsWithHangingIndent() {
        let lines = TextReportRenderer.wrap("alpha beta gamma delta epsilon", width: 12, indent: 2)
        #expect(lines == ["alpha beta", "  gamma", "  delta", "  epsilon"])
        #expect(TextReportRenderer.wrap("short", width: 12, indent: 2) == ["short"])
        #expect(TextReportRenderer.wrap("abcdefghijklmnop", width: 6, indent: 0) == ["abcdef", "ghijkl", "mnop"])
    }
}
