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
        _ = bytes.withUnsafeMutableBufferPointer { buffer in
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

    /// `store`'s ordinals: the order in which the memo took each value, the same for a value found again, `none`
    /// for a value it could not take (full) and once it is bypassed; the mapper puts the subject's in the contact
    /// (none for a small ASCII subject, which never reaches the memo, or no subject).
    @Test func storeGivesEachValueTheOrderInWhichItWasTaken() throws {
        var memo = TextMemo(capacity: 3)
        var field: String?
        var bytes: [UInt8] = []
        func store(_ value: String) -> Int32 {
            bytes = Array(value.utf8)
            return bytes.withUnsafeBufferPointer { memo.store($0, in: &field) { String(decoding: $0, as: UTF8.self) } }.value
        }
        let values = ["Where is my order, it has not come", "Please refund the second payment", "Änderung der Adresse"]
        #expect(values.map(store) == [0, 1, 2])
        #expect(values.reversed().map(store) == [2, 1, 0])
        #expect(store("A fourth value, with no room left for it") == -1)
        #expect(field == "A fourth value, with no room left for it")
        #expect(store(values[1]) == 1)
        // Ordinals compare equal whatever they hold: a hint, no part of a contact's value.
        #expect(MemoOrdinal(value: 1) == MemoOrdinal.none)
        var mapper = try MappingTestSupport.mapper(["opened_at", "subject"])
        let rows = [["2024-01-01", values[0]], ["2024-01-02", values[1]], ["2024-01-03", "short"],
                    ["2024-01-04", values[0]], ["2024-01-05", ""]]
        let ordinals = rows.map { MappingTestSupport.contact(MappingTestSupport.map(&mapper, $0).outcome)?.subjectOrdinal.value }
        #expect(ordinals == [0, 1, -1, 0, -1])
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
        // Bypassed: still the right strings, each made anew, and no ordinal.
        let before = made
        Self.store(&unique, "subject number 3", in: &field, made: &made)
        #expect(field == "subject number 3" && made == before + 1)
        var bytes = Array("subject number 3".utf8)
        let ordinal = bytes.withUnsafeMutableBufferPointer { buffer in
            unique.store(UnsafeBufferPointer(buffer), in: &field) { String(decoding: $0, as: UTF8.self) }
        }
        #expect(ordinal.value == -1)
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
                        ByteWord.sameBytes(x.baseAddress ?? UnsafePointer(bitPattern: 1)!,
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

    /// Values held in the slot (up to 16 bytes) and longer ones (the rest in the tails): a zero byte is not the
    /// padding (`a` and `a\0` differ by length), values with the same first 16 bytes differ by their tails,
    /// at every length from 0 to 40 and a difference at the last byte; each made once and given back right.
    @Test func valuesAreToldApartInAndPastTheSlot() {
        var memo = TextMemo()
        var made = 0
        let prefix = "0123456789abcdef"
        var values = ["a", "a\u{0}", "a\u{0}\u{0}", "\u{0}", "", prefix, prefix + "x", prefix + "y", prefix + "xy",
                      prefix + "x\u{0}", String(prefix.dropLast()), String(prefix.dropLast()) + "\u{0}"]
        for n in 1...40 {
            let base = String((0..<n).map { Character(UnicodeScalar(UInt8(97 + $0 % 26))) })
            values.append(base)
            values.append(String(base.dropLast()) + "#")
        }
        let distinct = Array(Set(values))
        var wrong = 0
        for value in distinct + distinct.reversed() where Self.look(&memo, value, made: &made) != value { wrong += 1 }
        #expect(wrong == 0)
        #expect(made == distinct.count)
        #expect(memo.count == distinct.count)
    }

    /// Values past 16 bytes whose string is not their bytes (decomposed accents, made in NFC): compared with
    /// their own bytes kept aside, so each is found again, told apart from its NFC form and from a value that
    /// differs after the 16th byte, and given back in NFC.
    @Test func longValuesMadeInOtherBytesAreFoundByTheirOwnBytes() {
        var memo = TextMemo()
        var made = 0
        let decomposed = "Cafe\u{301} de la place, nume\u{301}ro 1"
        let values = [decomposed, "Cafe\u{301} de la place, nume\u{301}ro 2", "Caf\u{E9} de la place, num\u{E9}ro 1",
                      "Cafe\u{301} de la place, nume\u{301}ro 1 ", "Cafe\u{301}"]
        for _ in 0..<2 {
            for value in values {
                let string = Self.look(&memo, value, made: &made)
                #expect(Array(string.utf8) == Array(value.precomposedStringWithCanonicalMapping.utf8))
            }
        }
        #expect(made == values.count)
        #expect(memo.count == values.count)
    }

    /// The hash of values past 16 bytes (two lanes): a change of any one byte, at every length from 17 to 64,
    /// gives another hash; the same bytes the same hash.
    @Test func longHashesSeeEveryByte() {
        func hash(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBufferPointer { TextMemo.longHash(of: $0) } }
        var seen = Set<UInt64>()
        var tries = 0
        for n in 17...64 {
            let base = (0..<n).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            seen.insert(hash(base))
            tries += 1
            for place in 0..<n {
                var other = base
                other[place] ^= 0x20
                seen.insert(hash(other))
                tries += 1
            }
            #expect(hash(base) == hash(Array(base)))
        }
        #expect(seen.count == tries)
        #expect(!seen.contains(0))
    }

    /// The words of a value: its first 16 bytes little-endian, zero-padded, whatever its length.
    @Test func wordsAreTheFirstSixteenBytesPadded() {
        func words(_ bytes: [UInt8]) -> (UInt64, UInt64) { bytes.withUnsafeBufferPointer { TextMemo.words(of: $0) } }
        func word(_ bytes: ArraySlice<UInt8>) -> UInt64 {
            bytes.enumerated().reduce(0) { $0 | UInt64($1.element) << UInt64(8 * $1.offset) }
        }
        var wrong = 0
        for n in 0...24 {
            let bytes = (0..<n).map { UInt8(0xA0 + $0) }
            let expected = (word(bytes.prefix(8)), word(bytes.dropFirst(8).prefix(8)))
            if words(bytes) != expected { wrong += 1 }
        }
        #expect(wrong == 0)
        #expect(words([1, 2]) == (0x0201, 0))
    }

    /// A full memo: `capacity` values held (the table grown to twice that), the next ones made every time and
    /// never held, the held ones still found.
    @Test func aFullMemoKeepsItsValuesAndTakesNoMore() {
        var memo = TextMemo(capacity: 64)
        var made = 0
        let values = (0..<100).map { "queue number \($0) of a long list" }
        for value in values { _ = Self.look(&memo, value, made: &made) }
        #expect(memo.count == 64 && made == 100)
        var wrong = 0
        for value in values where Self.look(&memo, value, made: &made) != value { wrong += 1 }
        #expect(wrong == 0)
        #expect(made == 136)
        #expect(memo.count == 64)
    }

    /// The mapper's text columns, over random values (small ASCII strings made from their words, longer ones and
    /// non-ASCII ones through the memos, blanks, decomposed accents): what `trimmedString` gives, each one; the
    /// channel as written and as the normalizer reads it.
    @Test func mappedTextColumnsAreTheTrimmedStrings() throws {
        let header = ["opened_at", "ticket_id", "customer_id", "agent", "queue", "language", "category", "subject", "channel"]
        var mapper = try MappingTestSupport.mapper(header)
        var generator = SystemRandomNumberGenerator()
        let pool = ["en", "fi", " agent7 ", "agent12", "queue.with.a.long.name", "returns", "", "   ", "\t",
                    "fifteen bytes!!", "sixteen bytes!!!", "seventeen bytes!!", "élève", "e\u{301}le\u{300}ve", "T00000001",
                    "C0684345", "Where is my parcel? It has not arrived yet", "Return was delivered to your warehouse",
                    "Milloin saan rahani takaisin palautetusta tuotteesta?", "Beställningen har inte kommit fram",
                    "ＡＢＣ", "a\u{0}b", "~!@#$%^&*()_+{}", "n/a"]
        var wrong = 0
        for line in 0..<3000 {
            let channel = ["email", " Phone", "chat ", "E-mail", "web form", "sähköposti", "a channel name longer than 15", ""]
                .randomElement(using: &generator)!
            let row = ["2024-01-0\(1 + line % 9)T10:00:00Z"] + (1..<header.count - 1).map { _ in pool.randomElement(using: &generator)! }
                + [channel]
            let record = RawRecord(fields: row, line: line + 2)
            var contact = ContactRecord(openedAt: 0)
            var diagnostics = DiagnosticLog()
            guard mapper.map(record, into: &contact, diagnostics: &diagnostics) == .contact else {
                wrong += 1
                continue
            }
            func trimmed(_ column: Int) -> String? {
                record.withFields { $0.trimmedString(at: column) }
            }
            let expected = [trimmed(1), IdentityKey().customerID(row[2]), trimmed(3), trimmed(4), trimmed(5), trimmed(6), trimmed(7)]
            let mapped = [contact.contactID, contact.customer, contact.agent, contact.queue, contact.language, contact.category,
                          contact.subject]
            if mapped.map({ $0.map { Array($0.utf8) } }) != expected.map({ $0.map { Array($0.utf8) } }) { wrong += 1 }
            // The channel as written (not trimmed), and its normalised value as the normalizer gives it.
            let rawChannel: String? = channel.isEmpty ? nil : Array(channel.utf8).withUnsafeBufferPointer { TextNormalization.string(fromUTF8: $0) }
            if contact.rawChannel.map({ Array($0.utf8) }) != rawChannel.map({ Array($0.utf8) }) { wrong += 1 }
            if !channel.isEmpty, contact.channel != ChannelNormalizer(aliases: [:]).resolve(channel).channel { wrong += 1 }
        }
        #expect(wrong == 0)
    }
}
