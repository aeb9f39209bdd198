import Testing
@testable import ContactAnalytics

/// The `letter` and `internal` channels in the cost model and the reports.
@Suite struct LetterAndInternalChannelTests {
    @Test func aLetterCostsItsOwn() {
        let letter = CostModel.builtIn.channelCost(.letter)
        // 1.50 + 0.90 x 12 default minutes = 12.30; a 20-minute letter: 1.50 + 0.90 x 20 = 19.50.
        #expect(abs(letter.cost(handleSeconds: nil) - 12.30) < 1e-9)
        #expect(abs(letter.cost(handleSeconds: 1200) - 19.50) < 1e-9)
        #expect(letter != CostModel.builtIn.channelCost(.email))
    }

    @Test func internalContactsAreNotInTheCostModel() {
        let channels = CostModel.builtIn.definitions.map(\.channel)
        #expect(channels == Channel.allCases.filter { $0 != .internal })
        #expect(channels.firstIndex(of: .letter) == 2)
    }

    @Test func theTextReportListsTheWholeCostModel() {
        var report = ReportFixture.report
        report.definitions.costModel = CostModel.builtIn.definitions
        let text = TextReportRenderer(options: ReportRenderOptions(maxTableRows: 3)).render(report)
        let lines = text.split(separator: "\n").map(String.init)
        let start = lines.firstIndex { $0.hasPrefix("Cost model") } ?? lines.count
        let rows = lines.dropFirst(start + 3).prefix { !$0.isEmpty }
        #expect(rows.map { String($0.prefix { $0 != " " }) }
                == ["phone", "email", "letter", "chat", "social", "messaging", "web", "self_service", "sms",
                    "in_person", "other"])
    }

    @Test func theDataSectionCountsInternalAndOutboundRowsApart() {
        var report = ReportFixture.report
        report.input.rowsExcluded = 7
        report.input.rowsInternal = 5
        let text = TextReportRenderer().render(report)
        // The line wraps where the data section's label column ends: compare with the wrapping undone.
        let unwrapped = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        #expect(unwrapped.contains("2 outbound excluded, 5 internal excluded (opened by staff or systems)"))
        let markdown = MarkdownReportRenderer().render(report)
        #expect(markdown.contains("2 outbound excluded, 5 internal excluded (opened by staff or systems)"))
        let json = JSONReportRenderer().render(report)
        #expect(json.contains("\"rows_excluded_outbound\": 2"))
        #expect(json.contains("\"rows_excluded_internal\": 5"))
    }
}
