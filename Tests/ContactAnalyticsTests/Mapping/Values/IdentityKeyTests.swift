import Testing
@testable import ContactAnalytics

@Suite struct IdentityKeyTests {
    @Test(arguments: [(" AB-12 ", "AB-12"), ("ab-12", "ab-12"), ("105834", "105834"), ("ChaseSupport", "ChaseSupport")])
    func idsAreTrimmedAndKeepCase(text: String, expected: String) {
        #expect(IdentityKey().customerID(text) == expected)
    }

    @Test func emptyIdIsNil() {
        #expect(IdentityKey().customerID("  \t ") == nil)
    }

    /// Placeholders for "no customer" are no id (ServiceNow's event log writes `?`); real short ids are kept.
    @Test(arguments: ["?", " - ", "--", "—", "N/A", "null", "NONE", "unknown", "NaN", "na", "Nil", "UNDEFINED", " none "])
    func placeholderIdsAreNil(text: String) {
        #expect(IdentityKey().customerID(text) == nil)
        #expect(IdentityKey().key(customerID: text, email: "ann@example.com", phone: nil) == "ann@example.com")
    }

    @Test(arguments: ["7", "Ö", "?7", "nobody", "unknown-42", "Caller 2403", "nab", "nulls", "C0172848", "undefine"])
    func shortAndOddIdsAreKept(text: String) {
        #expect(IdentityKey().customerID(text) == text)
    }

    @Test(arguments: [
        (" Ann.Smith@Example.COM ", "ann.smith@example.com"), ("mailto:BOB@x.fi", "bob@x.fi"),
        ("Ann Smith <Ann@Example.com>", "ann@example.com"), ("ÄITI@Esimerkki.fi", "äiti@esimerkki.fi"),
    ])
    func emailsAreTrimmedAndLowercased(text: String, expected: String) {
        #expect(IdentityKey().email(text) == expected)
    }

    @Test(arguments: ["", "ann", "@example.com", "ann@", "ann smith@example.com", "<>"])
    func unreadableEmailsAreNil(text: String) {
        #expect(IdentityKey().email(text) == nil)
    }

    @Test(arguments: [
        ("040 123 4567", "+358401234567"), ("0401234567", "+358401234567"), ("+358 40 123 4567", "+358401234567"),
        ("00358 40 123 4567", "+358401234567"), ("+358 (0)40 123 4567", "+358401234567"),
        ("358401234567", "+358401234567"), ("(09) 123-456", "+3589123456"), ("tel: 040-123 4567", "+358401234567"),
        ("+46 8 123 456 78", "+46812345678"), ("0046 8 123 456 78", "+46812345678"),
        ("040 123 4567 ext. 12", "+358401234567"), ("040 123 4567, 050 765 4321", "+358401234567"),
        ("12345", "+35812345"),
    ])
    func phonesWithFinnishCountryCode(text: String, expected: String) {
        #expect(IdentityKey(countryCallingCode: 358).phone(text) == expected)
    }

    @Test(arguments: [("(212) 555-1234", "+12125551234"), ("1-212-555-1234", "+12125551234"),
                      ("212.555.1234 x12", "+12125551234"), ("+44 20 7946 0958", "+442079460958")])
    func phonesWithNANPCode(text: String, expected: String) {
        #expect(IdentityKey(countryCallingCode: 1).phone(text) == expected)
    }

    @Test(arguments: [("040 123 4567", "0401234567"), ("+358 40 123 4567", "+358401234567"),
                      ("00358401234567", "+358401234567"), ("(212) 555-1234", "2125551234")])
    func phonesWithoutCountryCode(text: String, expected: String) {
        #expect(IdentityKey().phone(text) == expected)
    }

    @Test(arguments: ["", "1234", "+1 23", "n/a", "phone", "0 12 3", "1234567890123456"])
    func shortOrLongPhonesAreNil(text: String) {
        #expect(IdentityKey(countryCallingCode: 358).phone(text) == nil)
        #expect(IdentityKey().phone(text) == nil)
    }

    @Test func keyPrefersIdThenEmailThenPhone() {
        let keys = IdentityKey(countryCallingCode: 358)
        #expect(keys.key(customerID: "C1", email: "a@b.fi", phone: "0401234567") == "C1")
        #expect(keys.key(customerID: " ", email: "A@B.fi", phone: "0401234567") == "a@b.fi")
        #expect(keys.key(customerID: nil, email: "not an email", phone: "0401234567") == "+358401234567")
        #expect(keys.key(customerID: nil, email: nil, phone: "12") == nil)
        #expect(keys.key(customerID: nil, email: nil, phone: nil) == nil)
    }

    @Test func invalidCountryCodeIsIgnored() {
        #expect(IdentityKey(countryCallingCode: 0).countryCallingCode == nil)
        #expect(IdentityKey(countryCallingCode: 1000).phone("040 123 4567") == "0401234567")
    }
}
