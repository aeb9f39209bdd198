import Testing
@testable import ContactAnalytics

@Suite struct MarkdownReportRendererTests {
    /// `|` not preceded by a backslash.
    static func unescapedPipes(_ line: String) -> Int {
        var count = 0
        var escaped = false
        for character in line {
            if escaped { escaped = false; continue }
            if character == "\\" { escaped = true } else if character == "|" { count += 1 }
        }
        return count
    }

    @Test func tablesKeepTheirShapeWhateverTheNames() {
        let text = MarkdownReportRenderer().render(ReportFixture.report)
        var columns: Int?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            guard line.hasPrefix("|") else { columns = nil; continue }
            let pipes = Self.unescapedPipes(line)
            if let columns { #expect(pipes == columns, "\(line)") } else { columns = pipes }
        }
        #expect(text.contains("| billing/invoice\\|vat | Billing |"))
    }

    @Test func inputMarkupIsShownAsText() {
        let text = MarkdownReportRenderer().render(ReportFixture.report)
        #expect(!text.contains("<script>"))
        #expect(!text.contains("<b>"))
        #expect(text.contains("product/\\<script\\>alert(1)\\</script\\>"))
        #expect(MarkupEscaping.markdown("a|b*c_d`e[f]g<h>&i\nj") == "a\\|b\\*c\\_d\\`e\\[f\\]g\\<h\\>&amp;i j")
    }

    @Test func longTablesAreFolded() {
        let text = MarkdownReportRenderer(options: ReportRenderOptions(maxTableRows: 3)).render(ReportFixture.report)
        #expect(text.contains("<details><summary>All 7 causes</summary>"))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = lines.firstIndex { $0.hasPrefix("## Load drivers: causes") } ?? 0
        let shortTable = lines[(start + 2)...].prefix { $0.hasPrefix("|") }
        #expect(shortTable.count == 2 + 3)
        #expect(text.components(separatedBy: "<details>").count == text.components(separatedBy: "</details>").count)
        // Without a limit hit, the table is not folded.
        #expect(!MarkdownReportRenderer().render(ReportFixture.report).contains("All 7 causes"))
    }

    @Test func emptyReportReadsCleanly() {
        let text = MarkdownReportRenderer().render(ReportFixture.empty)
        #expect(text.contains("_No causes._"))
        #expect(text.contains("No contacts were counted in the reporting range"))
        #expect(!text.lowercased().contains("nan"))
    }
}
