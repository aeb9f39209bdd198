import Foundation
import Testing
@testable import ContactAnalytics

/// A report's ingest leaves long subjects and bodies in the export row (`MappingOptions.textStaysInRow`,
/// `ContactRecord.subjectColumn`, `textColumn`) where the row's bytes are the string the mapper would make, and
/// the classifier reads them there: the same strings when asked for, the same causes.
@Suite struct TextStaysInRowTests {
    typealias Support = MappingTestSupport
    static let header = ["created_at", "subject", "description", "language"]
    static let opened = "2026-01-05T10:00:00Z"

    static func options(textStaysInRow: Bool) -> MappingOptions {
        var options = MappingOptions()
        options.textStaysInRow = textStaysInRow
        return options
    }

    /// A mapper (text left in the row) whose subject memo has been bypassed by 600 distinct subjects, as free
    /// text bypasses it.
    static func freeTextMapper() throws -> ContactMapper {
        var mapper = try Support.mapper(header, options(textStaysInRow: true))
        for k in 0..<600 { _ = Support.map(&mapper, [opened, "a subject never seen before, number \(k)", "", "en"]) }
        return mapper
    }

    /// `fields` mapped by `mapper`, with the row (its bytes checked as UTF-8 by a reader when `checked`).
    static func map(_ mapper: inout ContactMapper, _ fields: [String],
                    checked: Bool = true) -> (contact: ContactRecord?, raw: RawRecord) {
        var raw = RawRecord(fields: fields, line: 2)
        raw.holdsValidUTF8 = checked
        var diagnostics = DiagnosticLog()
        return (Support.contact(mapper.map(raw, diagnostics: &diagnostics)), raw)
    }

    @Test func longSubjectsAndBodiesStayInTheRow() throws {
        var mapper = try Self.freeTextMapper()
        var plain = try Support.mapper(Self.header)
        let rows = [
            [Self.opened, "  Where is my parcel, order 48542130?  ", "Dear customer service,\nthe parcel never came.", "en"],
            [Self.opened, "Maksu ei mene läpi verkkokaupassa", "Hyvää päivää, tilaus 64436399 ei näy. Terveisin", "fi"],
        ]
        for fields in rows {
            let (contact, raw) = Self.map(&mapper, fields)
            let left = try #require(contact)
            #expect(left.subject == nil && left.text == nil)
            #expect(left.subjectColumn == 1 && left.textColumn == 2)
            let made = try #require(Support.contact(Support.map(&plain, fields).outcome))
            #expect(left.subject(in: raw) == made.subject)
            #expect(left.text(in: raw) == made.text)
            #expect(made.subject == fields[1].trimmingCharacters(in: .whitespaces))
        }
        // Counted as filled, as strings are.
        let filled = mapper.filledCounts
        #expect(filled[.subject] == 602 && filled[.text] == 2)
    }

    @Test func whatMustBeAStringIsOne() throws {
        var mapper = try Self.freeTextMapper()
        // A short ASCII value is a small string (no allocation to save).
        let short = try #require(Self.map(&mapper, [Self.opened, "Hi there", "Refund please", "en"]).contact)
        #expect(short.subject == "Hi there" && short.subjectColumn == -1)
        #expect(short.text == "Refund please" && short.textColumn == -1)
        // Decomposed text stays in the row too, and reads as the NFC string the mapper makes of it.
        let decomposed = "Tilaus on kada\u{0308}ksissa\u{0308} jo viikon"
        let (nfd, nfdRow) = Self.map(&mapper, [Self.opened, decomposed, decomposed, "fi"])
        let left = try #require(nfd)
        #expect(left.subjectColumn == 1 && left.textColumn == 2)
        // (`==` on strings is canonical equivalence: the bytes are compared.)
        let composed = Array("Tilaus on kadäksissä jo viikon".utf8)
        #expect(composed != Array(decomposed.utf8))
        #expect(left.subject(in: nfdRow).map { Array($0.utf8) } == composed)
        #expect(left.text(in: nfdRow).map { Array($0.utf8) } == composed)
        // Non-ASCII bytes no reader checked are checked where the string is made.
        let unchecked = try #require(Self.map(&mapper, [Self.opened, "Var är min beställning?", "Hälsningar från Åland",
                                                        "sv"], checked: false).contact)
        #expect(unchecked.subject == "Var är min beställning?" && unchecked.subjectColumn == -1)
        #expect(unchecked.text == "Hälsningar från Åland" && unchecked.textColumn == -1)
        // ASCII needs no check: it stays.
        let ascii = try #require(Self.map(&mapper, [Self.opened, "Cannot log in since Monday", "", "en"],
                                          checked: false).contact)
        #expect(ascii.subject == nil && ascii.subjectColumn == 1)
        // Blanks are no value, and are not counted.
        let before = mapper.filledCounts[.text] ?? 0
        let blank = try #require(Self.map(&mapper, [Self.opened, "   ", " \t ", "en"]).contact)
        #expect(blank.subject == nil && blank.subjectColumn == -1 && blank.text == nil && blank.textColumn == -1)
        #expect((mapper.filledCounts[.text] ?? 0) == before)
    }

    @Test func theStringsAreMadeWhereTheLanguageIsDetectedFromThem() throws {
        var mapper = try Self.freeTextMapper()
        for language in ["", "  "] {
            let contact = try #require(Self.map(&mapper, [Self.opened, "Laskussa on virhe taas kerran",
                                                          "Hei, laskussa on virhe. Kiitos", language]).contact)
            #expect(contact.subject == "Laskussa on virhe taas kerran" && contact.subjectColumn == -1)
            #expect(contact.text == "Hei, laskussa on virhe. Kiitos" && contact.textColumn == -1)
            #expect(ContactFacts.language(of: contact) == .fi)
        }
        // A language the report does not know by name is still a known one (`other`): nothing is detected.
        let other = try #require(Self.map(&mapper, [Self.opened, "Laskussa on virhe taas kerran", "", "klingon"]).contact)
        #expect(other.subjectColumn == 1)
    }

    @Test func subjectsThatRepeatStayMemoStrings() throws {
        var mapper = try Support.mapper(Self.header, Self.options(textStaysInRow: true))
        let first = try #require(Self.map(&mapper, [Self.opened, "Where is my parcel, please?", "", "en"]).contact)
        let again = try #require(Self.map(&mapper, [Self.opened, "Where is my parcel, please?", "", "en"]).contact)
        #expect(first.subjectColumn == -1 && again.subjectColumn == -1)
        #expect(again.subject == "Where is my parcel, please?" && again.subjectOrdinal.value >= 0)
    }

    /// A scalar that NFC replaces without any combining mark (the compatibility ideograph U+F900 is U+8C48 in
    /// NFC) is read from the row as from the mapper's NFC string: as a word, and as a whole value.
    @Test func scalarsThatNFCReplacesReadAsTheStringDoes() throws {
        let taxonomy = try ClassificationTestSupport.taxonomy([
            RootCauseRule(cause: "a", priority: 2, .keywords(["\u{8C48}"], field: .subject)),
            RootCauseRule(cause: "b", priority: 1, .oneOf(["\u{8C48} and a long enough value"], field: .text)),
        ])
        var mapper = try Self.freeTextMapper()
        var classifier = try RootCauseClassifier(taxonomy: taxonomy, header: Self.header)
        let (word, wordRow) = Self.map(&mapper, [Self.opened, "about \u{F900} and nothing else", "", "en"])
        let wordContact = try #require(word)
        #expect(wordContact.subjectColumn == 1)
        #expect(taxonomy.cause(classifier.classify(wordContact, raw: wordRow))?.path == "a")
        let (value, valueRow) = Self.map(&mapper, [Self.opened, "nothing to see here at all",
                                                   "\u{F900} and a long enough value", "en"])
        let valueContact = try #require(value)
        #expect(valueContact.textColumn == 2)
        #expect(taxonomy.cause(classifier.classify(valueContact, raw: valueRow))?.path == "b")
    }

    /// Random subjects and bodies made of the pieces that decide where text may stay (ASCII words, two-byte
    /// letters, a letter and a combining mark, singletons that NFC replaces, emoji, bytes that are not UTF-8 and
    /// are read as Windows-1252, blanks), read from CSV as a report reads them: the text left in the row reads as
    /// the string made without it, byte for byte, and classifies the same.
    @Test func randomTextReadsTheSameFromTheRow() throws {
        // Pieces that keep text in the row, and (one piece in eight) pieces that make the mapper make its string.
        let pieces: [[UInt8]] = [
            Array("order ".utf8), Array("Åland ".utf8), Array("laskussa ".utf8), Array("refund".utf8),
            [0xFF, 0x20], [0xC3], Array("  ".utf8), [0x09], Array("päivää ".utf8), Array("\"quoted\" ".utf8),
        ]
        let normalised: [[UInt8]] = [
            Array("a\u{0308}".utf8), Array("\u{212B}land ".utf8), Array("\u{2126}m ".utf8), Array("🙂 ".utf8),
        ]
        var generator = SeededGenerator(seed: 21)
        var csv = Array("created_at,subject,description,language\n".utf8)
        func field() -> [UInt8] {
            var bytes: [UInt8] = []
            for _ in 0..<generator.uniform(12) {
                bytes += generator.uniform(8) == 0 ? normalised[generator.uniform(normalised.count)]
                    : pieces[generator.uniform(pieces.count)]
            }
            return [UInt8(ascii: "\"")] + bytes.flatMap { $0 == UInt8(ascii: "\"") ? [$0, $0] : [$0] } + [UInt8(ascii: "\"")]
        }
        for k in 0..<2_000 {
            csv += Array("2026-01-05T10:00:00Z,".utf8) + field() + [UInt8(ascii: ",")] + field()
            csv += Array(",\(k % 5 == 0 ? "" : "fi")\n".utf8)
        }
        let taxonomy = try ClassificationTestSupport.taxonomy([
            RootCauseRule(cause: "a", priority: 4, .keywords(["åland"], field: .subject)),
            RootCauseRule(cause: "b", priority: 3, .phrase(["order", "refund"], field: .text)),
            RootCauseRule(cause: "c/d", priority: 2, .regex("ωm|Ωm", field: .anyText)),
            RootCauseRule(cause: "c/e/f", priority: 1, .keywords(["päivää", "laskussa"], field: .anyText)),
        ])
        let read = try Self.readBothWays(csv, taxonomy: taxonomy)
        let (left, made, classified) = (read.left, read.made, read.classified)
        #expect(left > 300 && made > 200, "both ways are taken (\(left) left in the row, \(made) made)")
        #expect(classified > 300, "the rules classify a share (\(classified))")
    }

    /// Rules of every kind on the subject and the body (words, phrases, whole values, expressions), and the
    /// built-in taxonomy, give each contact of a realistic export the same cause whether its text stayed in the
    /// row or not, with the classification memo at work.
    @Test func theClassifierReadsTheRowAsItReadsTheStrings() throws {
        let rules = try ClassificationTestSupport.taxonomy([
            RootCauseRule(cause: "a", priority: 6, .regex("tilaus(numero)? [0-9]{8}", field: .subject)),
            RootCauseRule(cause: "b", priority: 5, .regex("spam folder", field: .text)),
            RootCauseRule(cause: "c/d", priority: 4, .phrase(["money", "back"], field: .text)),
            RootCauseRule(cause: "a", priority: 3, .oneOf(["change my booking", "accounnt locked"], field: .subject)),
            RootCauseRule(cause: "c/e/f", priority: 2, .keywords(["laskussa", "faktura", "invoice"], field: .subject)),
            RootCauseRule(cause: "b", priority: 1, .keywords(["toimitus", "delivery"], field: .anyText)),
        ])
        let bytes = try SyntheticExport(SyntheticExportConfiguration(rows: 1_500, seed: 11, text: .realistic)).bytes()
        for taxonomy in [rules, Taxonomy.builtIn] {
            let read = try Self.readBothWays(bytes, taxonomy: taxonomy)
            #expect(read.rows == 1_500)
            #expect(read.left > 700, "most rows leave their text in the row (\(read.left))")
            #expect(read.classified > 300, "the rules classify a share of the rows (\(read.classified))")
        }
    }

    /// Reads the CSV `bytes` with a mapper that leaves text in the row and with one that makes every string,
    /// and classifies each contact both ways with `taxonomy` (a classifier each, memo and all): expects the
    /// same strings, byte for byte, and the same cause for every row. Counts the rows, those that left some text
    /// in the row, those that made a subject string, and those classified.
    static func readBothWays(_ bytes: [UInt8], taxonomy: Taxonomy) throws
        -> (rows: Int, left: Int, made: Int, classified: Int) {
        var reader = try CSVReader(source: ByteChunkSource(bytes: bytes, name: "both.csv"))
        var staying = try ContactMapper(header: reader.header, options: options(textStaysInRow: true),
                                        file: "both.csv", checksFieldCount: true)
        var making = try ContactMapper(header: reader.header, options: MappingOptions(), file: "both.csv",
                                       checksFieldCount: true)
        var fromRow = try RootCauseClassifier(taxonomy: taxonomy, header: reader.header)
        var fromStrings = try RootCauseClassifier(taxonomy: taxonomy, header: reader.header)
        var record = RawRecord()
        var rows = 0, left = 0, made = 0, classified = 0
        while try reader.next(into: &record) {
            rows += 1
            var diagnostics = DiagnosticLog()
            guard case .contact(let a) = staying.map(record, diagnostics: &diagnostics),
                  case .contact(let b) = making.map(record, diagnostics: &diagnostics) else {
                Issue.record("line \(record.line) not mapped")
                continue
            }
            if a.subjectColumn >= 0 || a.textColumn >= 0 { left += 1 } else if b.subject != nil { made += 1 }
            #expect(a.subject(in: record).map { Array($0.utf8) } == b.subject.map { Array($0.utf8) }, "line \(record.line)")
            #expect(a.text(in: record).map { Array($0.utf8) } == b.text.map { Array($0.utf8) }, "line \(record.line)")
            let cause = fromRow.classify(a, raw: record)
            #expect(cause == fromStrings.classify(b, raw: record), "line \(record.line)")
            if cause != .unclassified { classified += 1 }
        }
        return (rows, left, made, classified)
    }
}
