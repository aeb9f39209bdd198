import Testing
@testable import ContactAnalytics

@Suite struct ReportGoldenTests {
    /// The text formats; the workbook's golden is its sheets as text (`XLSXReportRendererTests`).
    static let textFormats = ReportFormat.allCases.filter { !$0.isBinary }

    /// The golden's file name: `report.html`, and `report.email.html` for the e-mail variant.
    static func goldenName(_ stem: String, _ format: ReportFormat) -> String {
        format == .htmlEmail ? "\(stem).email.html" : "\(stem).\(format.fileExtension)"
    }

    @Test(arguments: textFormats)
    func fixtureMatchesGolden(format: ReportFormat) {
        let bytes = format.render(ReportFixture.report, options: ReportRenderOptions())
        GoldenFile.assertGolden(bytes, named: Self.goldenName("report", format))
    }

    @Test(arguments: textFormats)
    func emptyReportMatchesGolden(format: ReportFormat) {
        let bytes = format.render(ReportFixture.empty, options: ReportRenderOptions())
        GoldenFile.assertGolden(bytes, named: Self.goldenName("empty", format))
    }

    @Test func csvSectionFilesMatchGolden() {
        let files = CSVReportRenderer(options: ReportRenderOptions()).renderFiles(ReportFixture.report)
        for file in files {
            GoldenFile.assertGolden(file.bytes, named: "sections/\(file.fileName)")
        }
    }

    @Test func excelPresetMatchesGolden() {
        let options = ReportRenderOptions(csv: CSVOutputOptions(preset: .excelCommaDecimal))
        GoldenFile.assertGolden(ReportFormat.csv.render(ReportFixture.report, options: options),
                                named: "report-excel-comma-decimal.csv")
    }
}
