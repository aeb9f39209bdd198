/// The fixed texts of the synthetic export as bytes, prepared once per `write`: header, channel, status,
/// queue and language values, every subject phrasing, and the decorations around subjects.
final class SyntheticExportTexts {
    let header: [UInt8]
    let channels: [[UInt8]]
    let statuses: [[UInt8]]
    let queues: [[UInt8]]
    let english = Array("en".utf8)
    let finnish = Array("fi".utf8)
    let agentPrefix = Array("agent".utf8)
    /// Every phrasing: family by family, English then Finnish.
    private let subjects: ByteStringTable
    /// Index in `subjects` of the first English and the first Finnish phrasing of each family.
    private let englishBase: [Int]
    private let finnishBase: [Int]

    /// `Re: ` / `VS: ` (Finnish mail clients write VS, "vastaus").
    private let englishReply = Array("Re: ".utf8)
    private let finnishReply = Array("VS: ".utf8)
    /// An agent's note quoting the customer.
    private let englishCustomer = Array("Customer: ".utf8)
    private let finnishCustomer = Array("Asiakas: ".utf8)
    /// Suffixes after a comma; variant 0 is followed by an order number.
    private let englishCommaSuffixes = [", order ", ", urgent", ", please help"].map { Array($0.utf8) }
    private let finnishCommaSuffixes = [", tilausnumero ", ", kiireellinen", ", kiitos"].map { Array($0.utf8) }
    /// Details after the subject; the last two say that the customer is asking again.
    private let englishDetails = [
        " - please call me back today", " - I already tried the instructions on your website",
        " - please reply as soon as possible", " - I need help urgently", " - second time asking about this",
        " - still not solved after my last contact",
    ].map { Array($0.utf8) }
    private let finnishDetails = [
        " - soittakaa minulle tänään", " - kokeilin jo verkkosivujenne ohjeita",
        " - vastatkaa mahdollisimman pian", " - tarvitsen apua kiireesti", " - kysyn tätä jo toista kertaa",
        " - asia ei ratkennut edellisellä yhteydenotolla",
    ].map { Array($0.utf8) }
    /// Second lines after an LF; variant 0 is followed by an order number.
    private let englishSecondLines = ["\nOrder number ", "\nSent from my iPhone"].map { Array($0.utf8) }
    private let finnishSecondLines = ["\nTilausnumero ", "\nLähetetty iPhonesta"].map { Array($0.utf8) }

    /// The texts, with `queues` (in the simulator's queue numbering) for the `queue` column and `columns` for
    /// the header.
    init(queues queueNames: [String], columns: [String] = SyntheticExport.columns) {
        header = Array((columns.joined(separator: ",") + "\n").utf8)
        channels = ContactSimulator.channels.map { Array($0.rawValue.utf8) }
        statuses = [SyntheticContact.Status.open, .pending, .solved, .closed].map { Array($0.name.utf8) }
        queues = queueNames.map { Array($0.utf8) }
        var all: [String] = []
        var englishBase: [Int] = []
        var finnishBase: [Int] = []
        for family in TopicCatalog.families {
            englishBase.append(all.count)
            all.append(contentsOf: family.english)
            finnishBase.append(all.count)
            all.append(contentsOf: family.finnish)
        }
        subjects = ByteStringTable(all)
        self.englishBase = englishBase
        self.finnishBase = finnishBase
    }

    /// The bytes of one phrasing (unquoted).
    @inline(__always)
    func subject(family: Int, finnish: Bool, phrasing: Int) -> UnsafeBufferPointer<UInt8> {
        subjects[(finnish ? finnishBase[family] : englishBase[family]) + phrasing]
    }

    /// Writes `subject` with `decoration` into `buffer` (unquoted; the caller quotes the whole field).
    func compose(
        _ subject: UnsafeBufferPointer<UInt8>, decoration: SyntheticContact.Decoration, finnish: Bool,
        into buffer: CSVByteBuffer
    ) {
        switch decoration {
        case .none:
            buffer.append(subject)
        case .replyPrefix:
            buffer.append(finnish ? finnishReply : englishReply)
            buffer.append(subject)
        case .quotedReply, .quotedCustomer:
            if case .quotedReply = decoration {
                buffer.append(finnish ? finnishReply : englishReply)
            } else {
                buffer.append(finnish ? finnishCustomer : englishCustomer)
            }
            buffer.append(UInt8(ascii: "\""))
            buffer.append(subject)
            buffer.append(UInt8(ascii: "\""))
        case .commaSuffix(let variant, let number):
            buffer.append(subject)
            buffer.append((finnish ? finnishCommaSuffixes : englishCommaSuffixes)[variant])
            if variant == 0 { buffer.appendDecimal(number) }
        case .detail(let variant):
            buffer.append(subject)
            buffer.append((finnish ? finnishDetails : englishDetails)[variant])
        case .lineBreakSuffix(let variant, let number):
            buffer.append(subject)
            buffer.append((finnish ? finnishSecondLines : englishSecondLines)[variant])
            if variant == 0 { buffer.appendDecimal(number) }
        }
    }
}
