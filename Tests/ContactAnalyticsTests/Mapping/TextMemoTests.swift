import Foundation
import Testing
@testable import ContactAnalytics

/// `TextMemo` gives for every value the string its maker gives, makes each value once while there is room, and
/// keeps working (making again) once full; the mapper's memoized columns read as the other text columns do.
@Suite struct TextMemoTests {
    /// The memo's string for `value`, counting the calls of the maker in `made`.
    static func look(_ memo: inout TextMemo, _ value: String, made: inout Int) -> String {
        var bytes = Array(value.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer in
            memo.string(for: UnsafeBufferPointer(buffer)) { made += 1; return TextNormalization.string(fromUTF8: $0) }
        }
    }

    @Test func eachValueIsMadeOnceAndGivenBackEqual() {
        var memo = TextMemo()
        var made = 0
        let values = ["ann", "bob", "an", "anna", "", "agent with a name longer than fifteen bytes", "Ann", "é"]
        for value in values { #expect(Self.look(&memo, value, made: &made) == value) }
        #expect(made == values.count)
        for value in values.reversed() { #expect(Self.look(&memo, value, made: &made) == value) }
        #expect(made == values.count)
        #expect(memo.count == values.count)
    }

    /// A thousand values: the table grows from 64 slots many times and still finds every one.
    @Test func growingKeepsEveryValue() {
        var memo = TextMemo()
        var made = 0
        let values = (0..<1000).map { "agent\($0)" }
        for value in values { #expect(Self.look(&memo, value, made: &made) == value) }
        var wrong = 0
        for value in values.shuffled() where Self.look(&memo, value, made: &made) != value { wrong += 1 }
        #expect(wrong == 0)
        #expect(made == 1000)
    }

    /// Full: the values held are still given back without making them; the others are made every time.
    @Test func aFullMemoMakesNewValuesEveryTime() {
        var memo = TextMemo(capacity: 2)
        var made = 0
        #expect(Self.look(&memo, "a", made: &made) == "a")
        #expect(Self.look(&memo, "b", made: &made) == "b")
        #expect(Self.look(&memo, "c", made: &made) == "c")
        #expect(Self.look(&memo, "c", made: &made) == "c")
        #expect(made == 4)
        #expect(Self.look(&memo, "a", made: &made) == "a")
        #expect(Self.look(&memo, "b", made: &made) == "b")
        #expect(made == 4)
        #expect(memo.count == 2)
    }

    /// Agent, queue, language and category are trimmed like every text field, in NFC, blank as none, and counted.
    @Test func memoizedColumnsReadLikeTheOtherTextColumns() throws {
        var mapper = try MappingTestSupport.mapper(["opened_at", "agent", "queue", "language", "category", "subject"])
        let rows = [["2024-01-01", " ann ", "orders", "fi", "billing", " A "],
                    ["2024-01-02", "ann", "\torders", "fi ", "   ", "A"],
                    ["2024-01-03", "", "re\u{0301}turns", "sv", "billing", "B"],
                    ["2024-01-04", "ann", "r\u{00E9}turns", "fi", "billing", "B"]]
        var contacts: [ContactRecord] = []
        for row in rows {
            if let contact = MappingTestSupport.contact(MappingTestSupport.map(&mapper, row).outcome) { contacts.append(contact) }
        }
        #expect(contacts.map(\.agent) == ["ann", "ann", nil, "ann"])
        #expect(contacts.map(\.queue) == ["orders", "orders", "r\u{00E9}turns", "r\u{00E9}turns"])
        #expect(contacts.map { $0.queue?.utf8.count } == [6, 6, 8, 8])  // NFC: é as one scalar
        #expect(contacts.map(\.language) == ["fi", "fi", "sv", "fi"])
        #expect(contacts.map(\.category) == ["billing", nil, "billing", "billing"])
        #expect(contacts.map(\.subject) == ["A", "A", "B", "B"])
        #expect(mapper.filledCounts[.agent] == 3)
        #expect(mapper.filledCounts[.queue] == 4)
        #expect(mapper.filledCounts[.language] == 4)
        #expect(mapper.filledCounts[.category] == 3)
    }

    /// `store` through `memo` into `field`, counting the calls of the maker in `made`.
    static func store(_ memo: inout TextMemo, _ value: String, in field: inout String?, made: inout Int) {
        var bytes = Array(value.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            memo.store(UnsafeBufferPointer(buffer), in: &field) { made += 1; return TextNormalization.string(fromUTF8: $0) }
        }
    }

    /// `store` leaves a field holding the remembered string as it is (same storage), replaces any other, and
    /// gives the maker's string for values not held.
    @Test func storeKeepsTheRememberedStringInPlace() {
        var memo = TextMemo()
        var made = 0
        var field: String?
        Self.store(&memo, "agent1", in: &field, made: &made)
        #expect(field == "agent1")
        let first = field ?? ""
        Self.store(&memo, "agent1", in: &field, made: &made)
        #expect(made == 1)
        #expect(ContactRecord.isSameStorage(field ?? "", first))
        Self.store(&memo, "e\u{301}", in: &field, made: &made)
        #expect(field.map { Array($0.utf8) } == [0xC3, 0xA9])
        field = "something else"
        Self.store(&memo, "agent1", in: &field, made: &made)
        #expect(field == "agent1" && made == 2)
    }

    /// A memo whose lookups find under a quarter of their values in a window of 512 stops looking up (free
    /// text), full or not; one whose values repeat keeps looking them up. Either way every value is given right.
    @Test func aFullMemoOfValuesThatDoNotRepeatIsBypassed() {
        var unique = TextMemo(capacity: 8)
        var repeating = TextMemo(capacity: 8)
        var made = 0
        var field: String?
        var wrong = 0
        for n in 0..<Int(TextMemo.window) + 8 {
            let value = "subject number \(n)"
            Self.store(&unique, value, in: &field, made: &made)
            if field != value { wrong += 1 }
            // Three in ten values repeat one of the eight held (a quarter and more found).
            let other = n % 10 < 3 ? "held \(n % 8)" : "new \(n)"
            Self.store(&repeating, n < 8 ? "held \(n)" : other, in: &field, made: &made)
            if field != (n < 8 ? "held \(n)" : other) { wrong += 1 }
        }
        #expect(wrong == 0)
        #expect(unique.isBypassed)
        #expect(!repeating.isBypassed)
        #expect(unique.count == 8 && repeating.count == 8)
        // Not full: bypassed all the same when its values do not repeat.
        var roomy = TextMemo()
        for n in 0..<Int(TextMemo.window) - 1 { Self.store(&roomy, "text \(n)", in: &field, made: &made) }
        #expect(!roomy.isBypassed)
        Self.store(&roomy, "text 0", in: &field, made: &made)
        #expect(roomy.isBypassed && roomy.count == Int(TextMemo.window) - 1)
        // Bypassed: still the right strings, each made anew.
        let before = made
        Self.store(&unique, "subject number 3", in: &field, made: &made)
        #expect(field == "subject number 3" && made == before + 1)
    }

    /// The in-place comparison against `==` of arrays, at every length to 40 and a difference at every place
    /// (lengths under eight compare overlapping halves: a difference in either half is found).
    @Test func bytesAreComparedExactly() {
        var wrong = 0
        for count in 0...40 {
            let a = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 0xC3) }
            var cases = [a]
            for place in 0..<count {
                var b = a
                b[place] ^= 0x01
                cases.append(b)
                b[place] ^= 0x81
                cases.append(b)
            }
            for b in cases {
                let same = a.withUnsafeBufferPointer { x in
                    b.withUnsafeBufferPointer { y in
                        TextMemo.sameBytes(x.baseAddress ?? UnsafePointer(bitPattern: 1)!,
                                           y.baseAddress ?? UnsafePointer(bitPattern: 1)!, count: count)
                    }
                }
                if same != (a == b) { wrong += 1 }
            }
        }
        #expect(wrong == 0)
    }

    /// Values that differ only in their last byte, their first, or in the middle of a long run, and non-ASCII
    /// values of the same length: each its own entry.
    @Test func nearlyEqualValuesAreToldApart() {
        var memo = TextMemo()
        var made = 0
        let long = String(repeating: "x", count: 30)
        let values = ["a", "b", "ab", "ac", "abcdefg", "abcdefh", "bbcdefg", "abcdefgh", "abcdefgi",
                      long + "1", long + "2", "1" + long, "ä", "ö", "åäö", "aaaaaa", "Ää"]
        for value in values + values { #expect(Self.look(&memo, value, made: &made) == value) }
        #expect(made == values.count)
    }
}
