import Testing
@testable import ContactAnalytics

@Suite struct CSVWriterTests {
    @Test(arguments: [
        (["a", "b"], "a,b\r\n"),
        (["a,b", "c"], "\"a,b\",c\r\n"),
        (["say \"hi\""], "\"say \"\"hi\"\"\"\r\n"),
        (["line\nbreak"], "\"line\nbreak\"\r\n"),
        ([" padded"], "\" padded\"\r\n"),
        (["=1+1"], "'=1+1\r\n"),
        (["=HYPERLINK(\"x\")"], "\"'=HYPERLINK(\"\"x\"\")\"\r\n"),
        (["-3", "+4.5", "-1,5"], "-3,+4.5,\"-1,5\"\r\n"),
        (["-x", "@a", "\tb"], "'-x,'@a,'\tb\r\n"),
        (["", ""], ",\r\n"),
    ])
    func writesRows(fields: [String], expected: String) {
        #expect(CSVWriter().row(fields) == expected)
    }

    @Test func guardCanBeTurnedOffAndDelimiterChanged() {
        #expect(CSVWriter(guardsFormulas: false).row(["=1"]) == "=1\r\n")
        #expect(CSVWriter(delimiter: UInt8(ascii: ";"), lineTerminator: [0x0A]).row(["a;b", "0,5"]) == "\"a;b\";0,5\n")
    }

    @Test(arguments: [("1e5", true), ("-1.5e-3", true), ("1.2.3", false), ("-", false), ("+", false), ("-1,5", true),
                      ("12a", false)])
    func recognisesPlainNumbers(text: String, isNumber: Bool) {
        #expect(CSVWriter.isPlainNumber(text) == isNumber)
    }
}
