import ContactAnalytics
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// The parts of `check`'s gates: glob patterns, the two-proportion z-test, change-gate syntax, the JUnit and
/// GitHub renderings.
@Suite struct CheckGateTests {
    @Test(arguments: [
        ("billing/*", "billing/duplicate-charge", true),
        ("billing/*", "BILLING/Refund", true),        // case is ignored
        ("billing/*", "billing", false),
        ("*", "", true),
        ("*/refund", "returns/refund", true),
        ("*refund*", "returns/refund-status", true),
        ("b?lling/*", "billing/x", true),
        ("b?lling/*", "bllling", false),
        ("[ep]*", "email", true),
        ("[ep]*", "phone", true),
        ("[!ep]*", "phone", false),
        ("[a-c]hat", "chat", true),
        ("[a-c]hat", "that", false),
        ("self\\*", "self*", true),
        ("self\\*", "selfservice", false),
        ("a*b*c", "aXbYbZc", true),
        ("a*b*c", "aXbYbZ", false),
    ])
    func globMatches(pattern: String, name: String, matches: Bool) throws {
        #expect(try GlobPattern(pattern).matches(name) == matches)
    }

    @Test(arguments: [
        ("", "the pattern '' is empty"),
        ("billing/[", "the pattern 'billing/[' has a [ without its ]"),
        ("[]", "the pattern '[]' has an empty set []"),
        ("[!]", "the pattern '[!]' has an empty set []"),
        ("[z-a]", "the pattern '[z-a]' has the range z-a, high to low"),
        ("billing\\", "the pattern 'billing\\' ends with a lone \\"),
    ])
    func badGlobsAreUsageErrors(pattern: String, message: String) {
        #expect(throws: ContactStatError(.usage, message + " (patterns use * ? [abc] [a-z] [!abc])")) {
            try GlobPattern(pattern)
        }
    }

    /// By hand: 4 of 20 then 12 of 20; pooled 16/40 = 0.4, se = sqrt(0.4 x 0.6 x (1/20 + 1/20)) = 0.154919,
    /// z = 0.4 / 0.154919 = 2.581989, p = erfc(z / sqrt 2) = 0.009823. 50/100 -> 65/100: z = 2.145596,
    /// p = 0.031905.
    @Test func twoProportionZTestByHand() throws {
        let a = try #require(TwoProportionZTest(x1: 4, n1: 20, x2: 12, n2: 20))
        #expect(abs(a.z - 2.581989) < 1e-6)
        #expect(abs(a.pValue - 0.009823) < 1e-6)
        let b = try #require(TwoProportionZTest(x1: 65, n1: 100, x2: 50, n2: 100))
        #expect(abs(b.z + 2.145596) < 1e-6)
        #expect(abs(b.pValue - 0.031905) < 1e-6)
        #expect(TwoProportionZTest(x1: 0, n1: 0, x2: 1, n2: 2) == nil)   // no trials
        #expect(TwoProportionZTest(x1: 5, n1: 5, x2: 9, n2: 9) == nil)   // both 100 %: no variance
    }

    @Test(arguments: [
        ("avoidable-rate=+5pp", ChangeGate(measure: .avoidableRate, limit: 0.05)),
        ("fcr=-2.5pp", ChangeGate(measure: .fcr, limit: -0.025)),
        ("FCR = -3 pp", ChangeGate(measure: .fcr, limit: -0.03)),
        ("repeat-rate=+10PP", ChangeGate(measure: .repeatRate, limit: 0.1)),
        ("csat=-5pp", ChangeGate(measure: .csat, limit: -0.05)),
    ])
    func changeGateSyntax(text: String, gate: ChangeGate) throws {
        let parsed = try ChangeGate.parse(text)
        #expect(parsed.measure == gate.measure)
        #expect(abs(parsed.limit - gate.limit) < 1e-12)
    }

    @Test(arguments: ["avoidable-rate=5pp", "avoidable-rate=+5%", "avoidable-rate", "cost=+5pp", "fcr=+pp",
                      "fcr=+1e1pp", "fcr=+101pp", "=+5pp"])
    func badChangeGatesAreUsageErrors(text: String) {
        #expect(throws: ContactStatError(.usage, "\(setting: .maximumChange) '\(text)' is not MEASURE=+Npp or MEASURE=-Npp "
                                         + "(measures: fcr, avoidable-rate, repeat-rate, csat)")) {
            try ChangeGate.parse(text)
        }
    }

    static let gates = [
        GateResult(name: "FCR >= 70.0 %", status: .passed, message: "FCR 75.0 % meets the minimum 70.0 %"),
        GateResult(name: "queue <b&c>: CSAT >= 80.0 %", status: .breached,
                   message: "queue <b&c>: CSAT 50.0 % is below the minimum 80.0 %\n\"quoted\" 'x'"),
        GateResult(name: "cause x*: CSAT >= 80.0 %", status: .unchecked, message: "no cause matches"),
    ]

    /// Names and messages from the input (a queue called `<b&c>`, a line break, quotes) are escaped: the XML
    /// parses and gives them back.
    @Test func junitEscapesAndParses() throws {
        let xml = JUnitReport.render(Self.gates)
        #expect(xml.contains("name=\"queue &lt;b&amp;c&gt;: CSAT &gt;= 80.0 %\""))
        #expect(xml.contains("tests=\"3\" failures=\"1\" errors=\"0\" skipped=\"1\""))
        let document = try XMLDocument(xmlString: xml, options: [])
        let cases = try document.nodes(forXPath: "//testcase").compactMap { $0 as? XMLElement }
        #expect(cases.map { $0.attribute(forName: "name")?.stringValue } == Self.gates.map(\.name))
        let failure = try document.nodes(forXPath: "//testcase/failure").first as? XMLElement
        #expect(failure?.stringValue == Self.gates[1].message)
        let skipped = try document.nodes(forXPath: "//testcase/skipped")
        #expect(skipped.count == 1)
    }

    @Test func githubAnnotationsEscapeTheMessage() {
        #expect(GitHubAnnotations.lines(Self.gates) == """
            ::error title=contactstat check::queue <b&c>: CSAT 50.0 %25 is below the minimum 80.0 %25%0A"quoted" 'x'
            ::notice title=contactstat check::no cause matches

            """)
    }
}
