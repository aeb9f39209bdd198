import TextDistance
import Testing

@Suite("EditDistance")
struct EditDistanceTests {
    struct DistanceCase: Sendable, CustomTestStringConvertible {
        let a: String
        let b: String
        let distance: Int
        var testDescription: String { "'\(a)' -> '\(b)' = \(distance)" }
    }

    @Test(
        "optimal-string-alignment distance",
        arguments: [
            DistanceCase(a: "", b: "", distance: 0),
            DistanceCase(a: "abc", b: "", distance: 3),
            DistanceCase(a: "", b: "ab", distance: 2),
            DistanceCase(a: "format", b: "format", distance: 0),
            DistanceCase(a: "fromat", b: "format", distance: 1),  // one transposition
            DistanceCase(a: "abc", b: "acb", distance: 1),
            DistanceCase(a: "formt", b: "format", distance: 1),  // insertion
            DistanceCase(a: "formaat", b: "format", distance: 1),  // deletion
            DistanceCase(a: "formut", b: "format", distance: 1),  // substitution
            DistanceCase(a: "kitten", b: "sitting", distance: 3),
            DistanceCase(a: "ca", b: "abc", distance: 3),  // OSA, not unrestricted Damerau (2)
            DistanceCase(a: "Format", b: "format", distance: 1),  // case-sensitive
            DistanceCase(a: "ä", b: "a", distance: 1),
            DistanceCase(a: "a\u{308}", b: "ä", distance: 0),  // compares Characters
        ])
    func distance(_ testCase: DistanceCase) {
        #expect(EditDistance.damerauLevenshtein(testCase.a, testCase.b) == testCase.distance)
        #expect(EditDistance.damerauLevenshtein(testCase.b, testCase.a) == testCase.distance)
    }

    struct SuggestionCase: Sendable, CustomTestStringConvertible {
        let input: String
        let expected: String?
        var testDescription: String { "'\(input)' -> \(expected ?? "nil")" }
    }

    static let candidates = ["format", "output", "map", "strict", "since", "csv-delimiter", "help"]

    @Test(
        "did you mean: closest within tolerance, else a unique prefix",
        arguments: [
            SuggestionCase(input: "fromat", expected: "format"),
            SuggestionCase(input: "frmt", expected: "format"),  // distance 2, tolerance 2
            SuggestionCase(input: "fmt", expected: nil),  // distance 3
            SuggestionCase(input: "mpa", expected: "map"),
            SuggestionCase(input: "mop", expected: "map"),
            SuggestionCase(input: "xyz", expected: nil),  // 'map' is 3 away, tolerance 1
            SuggestionCase(input: "csv-delimitr", expected: "csv-delimiter"),
            SuggestionCase(input: "csvdelimter", expected: "csv-delimiter"),  // distance 2 within 3
            SuggestionCase(input: "out", expected: "output"),  // unique prefix
            SuggestionCase(input: "s", expected: nil),  // prefixes need two characters
            SuggestionCase(input: "st", expected: "strict"),  // 'since' does not start with 'st'
            SuggestionCase(input: "si", expected: "since"),
            SuggestionCase(input: "format", expected: nil),  // an exact match is not a suggestion
            SuggestionCase(input: "x", expected: nil),
            SuggestionCase(input: "hepl", expected: "help"),
        ])
    func suggestion(_ testCase: SuggestionCase) {
        #expect(EditDistance.suggestion(for: testCase.input, among: Self.candidates) == testCase.expected)
    }

    @Test("ties go to the earlier candidate")
    func ties() {
        #expect(EditDistance.suggestion(for: "cat", among: ["bat", "car"]) == "bat")
        #expect(EditDistance.suggestion(for: "cat", among: ["car", "bat"]) == "car")
        #expect(EditDistance.suggestion(for: "ou", among: ["output", "outline"]) == nil)  // ambiguous prefix
    }
}
