import Testing
@testable import ContactAnalytics

/// `PlaceholderValue`: what exports write for "nothing here".
@Suite struct PlaceholderValueTests {
    @Test(arguments: [nil, "", "   ", "\t\n", "N/A", " n/a ", "NA", "n.a.", "None", "NULL", "nil", "NaN",
                      "undefined", "Unknown", "Not applicable", "-", "--", "?", "…", "\u{00A0}—\u{00A0}"])
    func placeholdersHoldNothing(_ value: String?) {
        #expect(PlaceholderValue.isEmptyOrPlaceholder(value))
    }

    /// Values that say something, however short: a word that merely starts like a placeholder, a number, a
    /// non-ASCII letter, a Finnish or Swedish "no" (an answer, not a placeholder).
    @Test(arguments: ["No Access", "Nail", "nano", "N/A2", "0", "Ö", "ei", "ingen", "Noise", "Não", "?!a"])
    func valuesThatSaySomethingAreKept(_ value: String) {
        #expect(!PlaceholderValue.isEmptyOrPlaceholder(value))
    }
}
