import Foundation
import Testing

/// Text after the closing quote of a quoted field (`Fixtures/e2e/text-after-quote.csv`): every value is kept
/// as read, every place is a field warning at the closing quote's `FILE:LINE:COLUMN`, counted in the report's
/// `input.field_warnings` and by `validate`; `--strict` fails only on rejected records, as documented.
///
/// ```
/// line  row  subject as written          read as                    warning at
/// 2     T1   "He said "hi" to me"        He said hi" to me"          2:33 (the quote before hi)
/// 3     T2   "ab"c                       abc                         3:27
/// 4     T3   plain                       plain                       -
/// 5     T4   "a" (a space after)         "a "                        5:26
/// 6     T5   "5" screen"                 5 screen"                   6:26
/// 7     T6   "open quote,phone           (a quote never closed on its line: the field takes line 8 up
/// 8     T7   ...,"x"y,chat                to the quote before x)     8:24
/// ```
/// Rows read 6 (T7 is inside T6's subject; T6's channel is chat), none rejected, 5 field warnings.
@Suite struct TextAfterQuoteTests {
    static let file = "Fixtures/e2e/text-after-quote.csv"
    static let rejected = "Fixtures/e2e/text-after-quote-rejected.csv"
    static let message = "warning: text after the closing quote of a quoted field (an unescaped quote inside it?); kept as is"

    static func warning(_ file: String, _ place: String) -> String {
        "\(file):\(place): \(message) [column \"subject\"]"
    }

    @Test(arguments: ["1", "2"])
    func eachPlaceIsLocatedAndCounted(threads: String) throws {
        let result = try BinaryRunner.run(["report", "-f", "json", "--timezone", "UTC", "--threads", threads, Self.file])
        #expect(result.status == 0)
        let json = try ReportJSON(result.stdoutBytes)
        #expect(json.int("input.rows_read") == 6)
        #expect(json.int("input.rows_rejected") == 0)
        #expect(json.int("input.field_warnings") == 5)
        let warnings = result.stderr.split(separator: "\n").filter { $0.contains("closing quote") }.map(String.init)
        #expect(warnings == ["2:33", "3:27", "5:26", "6:26", "8:24"].map { Self.warning(Self.file, $0) })
    }

    @Test func valuesAreKeptAsRead() throws {
        let result = try BinaryRunner.run(["classify", "-q", "--timezone", "UTC", Self.file])
        #expect(result.status == 0)
        let rows = result.stdout
        #expect(rows.contains("T1,2026-03-02 09:00:00,\"He said hi\"\" to me\"\"\",phone,"))
        #expect(rows.contains("T2,2026-03-02 10:00:00,abc,chat,"))
        #expect(rows.contains("T4,2026-03-02 12:00:00,\"a \",email,"))
        #expect(rows.contains("T5,2026-03-02 13:00:00,\"5 screen\"\"\",phone,"))
        #expect(rows.contains("T6,2026-03-02 14:00:00,\"open quote,phone\nT7,2026-03-02 15:00:00,x\"\"y\",chat,"))
    }

    @Test func validateNamesTheCount() throws {
        let result = try BinaryRunner.run(["validate", "--timezone", "UTC", Self.file])
        #expect(result.status == 0)
        #expect(result.stdout.contains("rows read 6 = contacts 6 + rejected 0 + duplicates dropped 0\n"))
        #expect(result.stdout.contains("field warnings 5 (unreadable values left empty, closed before opened 0, "
                                       + "text after a closing quote kept 5)\n"))
    }

    /// `--strict` is about rejected records (`README`: exit 1 when any record is rejected): text after a quote
    /// alone leaves the status 0; when the unescaped quotes also split a field (`"He said "hi, there" to me"`
    /// has 5 fields against the header's 4), the record is rejected and `--strict` exits 1.
    @Test func strictFailsOnlyOnRejectedRecords() throws {
        for command in ["validate", "report"] {
            let kept = try BinaryRunner.run([command, "--strict", "--timezone", "UTC", Self.file])
            #expect(kept.status == 0, "\(command)")
            let split = try BinaryRunner.run([command, "--strict", "--timezone", "UTC", Self.rejected])
            #expect(split.status == 1, "\(command)")
            #expect(split.stderr.contains(Self.warning(Self.rejected, "2:33") + "\n"))
            #expect(split.stderr.contains("\(Self.rejected):2: error: record rejected: has 5 fields; the header has 4"))
        }
        let lenient = try BinaryRunner.run(["validate", "--timezone", "UTC", Self.rejected])
        #expect(lenient.status == 0)
    }

    /// `--quiet` silences the warnings; the count stays in the report.
    @Test func quietSilencesThem() throws {
        let result = try BinaryRunner.run(["report", "-q", "-f", "json", "--timezone", "UTC", Self.file])
        #expect(result.stderr == "")
        #expect(try ReportJSON(result.stdoutBytes).int("input.field_warnings") == 5)
    }
}
