import Testing
@testable import ContactAnalytics

@Suite struct ConfigurationParserTests {
    @Test func readsJSON5Conveniences() throws {
        let text = """
        // a comment
        {
          timezone: 'Europe/Helsinki', /* block
          comment */ "fcr": { "window_days": 14, "scope": "any", },
          "list": [1, 2.5, -3e2, true, false, null,],
          "escaped": "a\\u00e4\\n\\"q\\" \\ud83d\\ude00",
        }
        """
        let root = try ConfigurationParser.parse(text, file: "c.json")
        #expect(try root.member("timezone")?.stringValue() == "Europe/Helsinki")
        let fcr = try #require(try root.member("fcr"))
        #expect(try fcr.member("window_days")?.intValue() == 14)
        #expect(try fcr.member("window_days")?.path == "fcr.window_days")
        #expect(try fcr.member("window_days")?.line == 4)
        let list = try #require(try root.member("list")).arrayValue()
        #expect(list.count == 6)
        #expect(try list[2].doubleValue() == -300)
        #expect(list[5].value == .null)
        #expect(list[1].path == "list[1]")
        #expect(try root.member("escaped")?.stringValue() == "aä\n\"q\" 😀")
    }

    @Test(arguments: [
        ("{\"a\": }", "c.json:1:7", "unexpected character '}'"),
        ("{\n  \"a\": 1\n  \"b\": 2\n}", "c.json:3:3", "expected ',' or '}' after the value of 'a'"),
        ("{\"a\": [1, 2}", "c.json:1:12", "expected ',' or ']' in an array"),
        ("{\"a\": \"open\n}", "c.json:1:7", "string opened at column 7 is not closed on its line"),
        ("{\"a\": yes}", "c.json:1:10", "unexpected word 'yes'; strings need quotes"),
        ("{\"a\": 1", "c.json:1:8", "unexpected end of file inside an object"),
        ("{} {}", "c.json:1:4", "unexpected text after the configuration object"),
        ("/* never closed", "c.json:1:1", "comment is never closed"),
        ("{\"a\": 1e999}", "c.json:1:7", "'1e999' is not a number"),
    ])
    func reportsSyntaxErrorsWithLocations(text: String, location: String, message: String) {
        do {
            _ = try ConfigurationParser.parse(text, file: "c.json")
            Issue.record("expected an error for \(text)")
        } catch let error as ContactStatError {
            #expect(error.location == location)
            #expect(error.message == message)
            #expect(error.exitCode == 64)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func limitsNesting() {
        let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(throws: ContactStatError.self) { try ConfigurationParser.parse(deep, file: "d.json") }
    }

    @Test func typedAccessNamesThePath() throws {
        let root = try ConfigurationParser.parse("{\"fcr\": {\"window_days\": \"seven\"}}", file: "c.json")
        let days = try #require(try root.member("fcr")?.member("window_days"))
        #expect(throws: ContactStatError(.configuration, "fcr.window_days: expected a number, found a string",
                                         at: "c.json:1:25")) { try days.doubleValue() }
    }

    @Test func unknownKeysSuggestTheClosest() throws {
        let root = try ConfigurationParser.parse("{\"timezon\": \"UTC\"}", file: "c.json")
        #expect(throws: ContactStatError(.configuration, "unknown key 'timezon'; did you mean 'timezone'?",
                                         at: "c.json:1:13")) {
            try root.rejectUnknownKeys(["timezone", "mapping", "fcr"])
        }
    }
}
