import Foundation
import Testing
@testable import ContactAnalytics

/// `CSVReader.cleanColumnName(_:)` trims ASCII names by their bytes: it gives exactly the Foundation trim
/// (`foundationCleanColumnName(_:)`, leading byte-order marks and `whitespacesAndNewlines`) on every ASCII byte
/// at either end, and on non-ASCII names (which it hands to Foundation).
@Suite struct ColumnNameCleaningTests {
    @Test func everyASCIIByteAtEitherEndTrimsAsFoundationDoes() {
        var wrong: [String] = []
        for byte in UInt8(0)..<0x80 {
            let c = String(UnicodeScalar(byte))
            for name in [c, c + "id" + c, "id" + c, c + "id", c + c + "a b" + c, " " + c + "x" + c + "\r\n"]
            where CSVReader.cleanColumnName(name) != CSVReader.foundationCleanColumnName(name) {
                wrong.append(name)
            }
        }
        #expect(wrong.isEmpty, "\(wrong.map { Array($0.utf8) })")
    }

    @Test func namesTrimAsExpected() {
        #expect(CSVReader.cleanColumnName("  ticket_id \t") == "ticket_id")
        #expect(CSVReader.cleanColumnName("\r\nCreated at\u{0B}\u{0C}") == "Created at")
        #expect(CSVReader.cleanColumnName("") == "")
        #expect(CSVReader.cleanColumnName(" \t ") == "")
        #expect(CSVReader.cleanColumnName("a\u{1F}") == "a\u{1F}")
        #expect(CSVReader.cleanColumnName("\u{FEFF}\u{FEFF} id ") == "id")
        #expect(CSVReader.cleanColumnName("\u{00A0}Kanava\u{2003}") == "Kanava")
        #expect(CSVReader.cleanColumnName(" Päivämäärä ") == "Päivämäärä")
        #expect(CSVReader.cleanColumnName("id\u{85}") == "id")
        for name in ["\u{FEFF}id", "\u{FEFF} x\u{3000}", "é ", " e\u{301}", "\u{85}a", "日付 "] {
            #expect(CSVReader.cleanColumnName(name) == CSVReader.foundationCleanColumnName(name))
        }
    }

    /// Random ASCII names built from letters, blanks and control bytes.
    @Test func randomASCIINamesTrimAsFoundationDoes() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x1C, 0x1F, 0x00, 0x7F, 0x41, 0x5F, 0x7A, 0x2D]
        var wrong: [String] = []
        for _ in 0..<2000 {
            let count = Int.random(in: 0...8, using: &generator)
            let bytes = (0..<count).map { _ in alphabet.randomElement(using: &generator) ?? 0x20 }
            let name = String(decoding: bytes, as: UTF8.self)
            if CSVReader.cleanColumnName(name) != CSVReader.foundationCleanColumnName(name) { wrong.append(name) }
        }
        #expect(wrong.isEmpty, "\(wrong.map { Array($0.utf8) })")
    }
}
