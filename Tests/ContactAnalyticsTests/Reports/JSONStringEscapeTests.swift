import Testing
@testable import ContactAnalytics

/// `JSONValue.writeString`: the exact literal written, on the path without escapes and on the escaping one.
@Suite struct JSONStringEscapeTests {
    @Test(arguments: [
        ("plain text", #""plain text""#),
        ("", #""""#),
        ("ä ö å € – … 😀", #""ä ö å € – … 😀""#),
        ("quote \" and backslash \\", #""quote \" and backslash \\""#),
        ("line\nbreak\ttab\r", #""line\nbreak\ttab\r""#),
        ("\u{01}\u{1F}\u{08}\u{0C}", #""\u0001\u001f\b\f""#),
        ("a\u{2028}b\u{2029}c", #""a\u2028b\u2029c""#),
        ("euro € then \"", #""euro € then \"""#),
        ("</script>", #""</script>""#),
    ])
    func literal(_ text: String, _ expected: String) {
        var out = ""
        JSONValue.writeString(text, into: &out)
        #expect(out == expected)
    }
}
