/// Writes subjects and bodies the way customers type them, for `SyntheticTextStyle.realistic`: the topic's
/// phrasing with names, order and ticket numbers, typos and free sentences in English, Finnish and Swedish,
/// so that most subjects are distinct; and on about a third of the contacts (most e-mails and web forms) a
/// body of roughly 200-2,000 characters.
///
/// It draws from its own `SeededGenerator`, so the simulated contacts (times, customers, outcomes) are the
/// same as with repeating text and the output still depends only on the configuration.
final class RealisticTextWriter {
    private var generator: SeededGenerator
    private let english: ByteStringTable
    private let finnish: ByteStringTable
    private let swedish: ByteStringTable
    private let firstNames: ByteStringTable
    private let lastNames: ByteStringTable
    private let scratch = CSVByteBuffer(capacity: 4096)

    init(seed: UInt64) {
        generator = SeededGenerator(seed: SeededGenerator.mix64(seed ^ 0x7E47_5EED))
        english = ByteStringTable(RealisticTextWriter.englishSentences)
        finnish = ByteStringTable(RealisticTextWriter.finnishSentences)
        swedish = ByteStringTable(RealisticTextWriter.swedishSentences)
        firstNames = ByteStringTable(RealisticTextWriter.firstNameList)
        lastNames = ByteStringTable(RealisticTextWriter.lastNameList)
    }

    /// Percent chance, per channel (in `ContactSimulator.channels` order), that a contact has a body: most
    /// e-mails and web forms, some chats and messages, few calls (an agent's note).
    static let bodyPercent = [12, 65, 25, 65, 25, 25, 12]

    /// Writes the subject for `phrasing` into `buffer` (unquoted; the caller quotes the field).
    func writeSubject(_ phrasing: UnsafeBufferPointer<UInt8>, finnish isFinnish: Bool, into buffer: CSVByteBuffer) {
        let roll = generator.uniform(100)
        if roll < 8 {
            // A plain subject, as a web form's topic list or a short mail gives it: these repeat.
            if generator.chance(perMille: 300) { buffer.append(Array((isFinnish ? "VS: " : "Re: ").utf8)) }
            buffer.append(phrasing)
            return
        }
        switch generator.uniform(10) {
        case 0: buffer.append(Array("Fwd: ".utf8))
        case 1: buffer.append(Array((isFinnish ? "VS: " : "Re: ").utf8))
        case 2:
            buffer.append(Array("Ticket #".utf8))
            buffer.appendDecimal(100_000 + generator.uniform(900_000))
            buffer.append(Array(": ".utf8))
        case 3:
            buffer.append(Array("[Case ".utf8))
            buffer.appendDecimal(generator.uniform(10_000_000), width: 8)
            buffer.append(Array("] ".utf8))
        default: break
        }
        appendWithTypo(phrasing, perMille: 350, into: buffer)
        switch generator.uniform(100) {
        case 0..<35:
            buffer.append(Array(
                (isFinnish ? [", tilaus ", " - tilausnumero ", " (tilaus #"] : [", order ", " - order no. ", " (order #"])[
                    generator.uniform(3)
                ].utf8))
            buffer.appendDecimal(1_000_000 + generator.uniform(90_000_000))
        case 35..<60:
            buffer.append(Array(" - ".utf8))
            appendName(into: buffer)
        case 60..<85:
            buffer.append(UInt8(ascii: " "))
            appendSentence(language: sentenceLanguage(isFinnish), into: buffer)
            if generator.chance(perMille: 700) {
                // A date, as customers add one: "(14.3.)".
                buffer.append(Array(" (".utf8))
                buffer.appendDecimal(1 + generator.uniform(28))
                buffer.append(UInt8(ascii: "."))
                buffer.appendDecimal(1 + generator.uniform(12))
                buffer.append(Array(".)".utf8))
            }
        default:
            buffer.append(Array(" ".utf8))
            appendSentence(language: sentenceLanguage(isFinnish), into: buffer)
            buffer.append(Array(" Customer number ".utf8))
            buffer.appendDecimal(generator.uniform(1_000_000), width: 6)
        }
    }

    /// Whether the contact on `channel` gets a body.
    func hasBody(channel: Int) -> Bool {
        generator.uniform(100) < RealisticTextWriter.bodyPercent[channel]
    }

    /// Writes a body into `buffer` as one CSV field (quoted when needed): a greeting, the phrasing, free
    /// sentences (with order numbers, dates, addresses) up to a drawn length of 150-1,900 bytes (most short), and a
    /// signature with a name and a phone number.
    func writeBody(_ phrasing: UnsafeBufferPointer<UInt8>, finnish isFinnish: Bool, into buffer: CSVByteBuffer) {
        scratch.reset()
        let language = sentenceLanguage(isFinnish)
        let greetings: [String] =
            switch language {
            case 0: ["Hello,\n\n", "Hi,\n\n", "Dear customer service,\n\n", "Good morning,\n\n"]
            case 1: ["Hei,\n\n", "Hyvä asiakaspalvelu,\n\n", "Moi,\n\n", "Hyvää päivää,\n\n"]
            default: ["Hej,\n\n", "Hej kundtjänst,\n\n", "God dag,\n\n"]
            }
        scratch.append(Array(greetings[generator.uniform(greetings.count)].utf8))
        appendWithTypo(phrasing, perMille: 200, into: scratch)
        if let last = phrasing.last, last != UInt8(ascii: "?"), last != UInt8(ascii: "."), last != UInt8(ascii: "!") {
            scratch.append(UInt8(ascii: "."))
        }
        scratch.append(UInt8(ascii: " "))
        // Most bodies are short and a few are long: the product of three uniform draws, 150-1,900 bytes
        // before the last sentence and the signature (median about 250).
        let spread = 1750
        let target = 150 + generator.uniform(spread + 1) * generator.uniform(spread + 1) / spread
            * generator.uniform(spread + 1) / spread
        while scratch.count < target {
            switch generator.uniform(20) {
            case 0:
                scratch.append(Array((isFinnish ? "Tilausnumeroni on " : "My order number is ").utf8))
                scratch.appendDecimal(1_000_000 + generator.uniform(90_000_000))
                scratch.append(Array(". ".utf8))
            case 1:
                scratch.append(Array((isFinnish ? "Tilasin sen " : "I ordered it on ").utf8))
                scratch.appendDecimal(1 + generator.uniform(28))
                scratch.append(UInt8(ascii: "."))
                scratch.appendDecimal(1 + generator.uniform(12))
                scratch.append(Array(".2026. ".utf8))
            case 2:
                scratch.append(Array((isFinnish ? "Sähköpostini on " : "You can reach me at ").utf8))
                appendAddress(into: scratch)
                scratch.append(Array(". ".utf8))
            case 3:
                // A quoted earlier message or a line break, as mail bodies have.
                scratch.append(Array((generator.chance(perMille: 500) ? "\n\n> " : "\n").utf8))
                appendSentence(language: language, into: scratch)
                scratch.append(UInt8(ascii: " "))
            case 4:
                // Bilingual customers switch language now and then.
                appendSentence(language: generator.uniform(3), into: scratch)
                scratch.append(UInt8(ascii: " "))
            default:
                appendSentence(language: language, into: scratch)
                scratch.append(UInt8(ascii: " "))
            }
        }
        let closings: [String] =
            switch language {
            case 0: ["\n\nBest regards,\n", "\n\nThanks,\n", "\n\nKind regards, "]
            case 1: ["\n\nTerveisin\n", "\n\nYstävällisin terveisin\n", "\n\nKiitos, "]
            default: ["\n\nMed vänliga hälsningar\n", "\n\nHälsningar, "]
            }
        scratch.append(Array(closings[generator.uniform(closings.count)].utf8))
        appendName(into: scratch)
        scratch.append(Array("\n+358 4".utf8))
        scratch.appendDecimal(generator.uniform(10_000_000), width: 8)
        scratch.withBytes { buffer.appendField($0) }
    }

    // MARK: Pieces

    /// 0 English, 1 Finnish, 2 Swedish: a Finnish customer writes Finnish, others English, and one in ten
    /// of either writes Swedish.
    private func sentenceLanguage(_ isFinnish: Bool) -> Int {
        generator.chance(perMille: 100) ? 2 : (isFinnish ? 1 : 0)
    }

    private func appendSentence(language: Int, into buffer: CSVByteBuffer) {
        let table = language == 0 ? english : (language == 1 ? finnish : swedish)
        buffer.append(table[generator.uniform(table.count)])
    }

    private func appendName(into buffer: CSVByteBuffer) {
        buffer.append(firstNames[generator.uniform(firstNames.count)])
        buffer.append(UInt8(ascii: " "))
        buffer.append(lastNames[generator.uniform(lastNames.count)])
    }

    private func appendAddress(into buffer: CSVByteBuffer) {
        let first = firstNames[generator.uniform(firstNames.count)]
        let last = lastNames[generator.uniform(lastNames.count)]
        for byte in first where byte < 0x80 { buffer.append(byte | 0x20) }
        buffer.append(UInt8(ascii: "."))
        for byte in last where byte < 0x80 { buffer.append(byte | 0x20) }
        buffer.appendDecimal(generator.uniform(100))
        buffer.append(Array("@example.com".utf8))
    }

    /// Appends `text`, with probability `perMille` with one typo: two neighbouring ASCII letters swapped, one
    /// dropped, or one doubled (never inside a multi-byte character).
    private func appendWithTypo(_ text: UnsafeBufferPointer<UInt8>, perMille: Int, into buffer: CSVByteBuffer) {
        guard text.count > 3, generator.chance(perMille: perMille) else {
            buffer.append(text)
            return
        }
        let position = 1 + generator.uniform(text.count - 2)
        let kind = generator.uniform(3)
        @inline(__always) func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
        guard isLetter(text[position]), isLetter(text[position - 1]) else {
            buffer.append(text)
            return
        }
        for i in 0..<text.count {
            switch (kind, i) {
            case (0, position - 1): buffer.append(text[position])
            case (0, position): buffer.append(text[position - 1])
            case (1, position): continue
            case (2, position):
                buffer.append(text[i])
                buffer.append(text[i])
            default: buffer.append(text[i])
            }
        }
    }

    // MARK: Word lists

    static let firstNameList = [
        "Anna", "Matti", "Liisa", "Juha", "Sari", "Mikko", "Tiina", "Jukka", "Päivi", "Timo", "Aino", "Eero",
        "Helmi", "Väinö", "Sanna", "Kari", "Erik", "Karin", "Lars", "Ingrid", "Johan", "Maria", "Sofia", "Oskar",
        "John", "Emma", "James", "Olivia", "David", "Laura", "Peter", "Sarah", "Michael", "Hanna", "Ville",
        "Noora", "Jönssi", "Åsa", "Björn", "Elina",
    ]
    static let lastNameList = [
        "Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Mäkelä", "Hämäläinen", "Laine", "Heikkinen", "Koskinen",
        "Järvinen", "Lehtonen", "Lehtinen", "Saarinen", "Salminen", "Heinonen", "Niemi", "Lindqvist",
        "Johansson", "Andersson", "Karlsson", "Nilsson", "Eriksson", "Lindström", "Öberg", "Smith", "Brown",
        "Wilson", "Taylor", "Jones", "Miller", "Davies", "Evans", "Walker", "Turunen", "Kettunen", "Rantanen",
    ]
    static let englishSentences = [
        "I have been waiting for an answer for days.", "Can someone please look into this?",
        "This is really frustrating.", "I tried calling but nobody answered.",
        "Please let me know what I should do next.", "I already sent the photos yesterday.",
        "The chat on your website did not help at all.", "My neighbour had the same problem last month.",
        "I would appreciate a quick reply.", "Could you check what went wrong?",
        "I paid with my credit card and the money has already left my account.",
        "The app keeps showing an error message when I try again.", "Thanks in advance for your help!",
        "I am travelling next week so I need this sorted before Friday.",
        "Your colleague promised to call me back but never did.", "I have been a customer for ten years.",
        "Is there a phone number I can call instead?", "I cannot find the instructions anywhere on your site.",
        "The confirmation email went to my spam folder.", "hope to hear from u soon",
        "pls fix this asap", "Not happy with the service so far.", "I followed every step in the FAQ.",
        "Everything worked fine until last Tuesday.", "My wife placed the order using her account.",
        "I would like to speak to a supervisor.", "Attached is a screenshot of the error.",
        "The courier left a note but I was at home the whole day.",
        "I don't want a voucher, I want my money back.", "Can you confirm you received this message?",
        "The same thing happened to me in December.", "sorry for my bad english",
    ]
    static let finnishSentences = [
        "Olen odottanut vastausta jo monta päivää.", "Voisiko joku katsoa tätä asiaa?",
        "Tämä on todella turhauttavaa.", "Yritin soittaa mutta kukaan ei vastannut.",
        "Kertokaa mitä minun pitäisi tehdä seuraavaksi.", "Lähetin kuvat jo eilen.",
        "Verkkosivujen chat ei auttanut yhtään.", "Naapurillani oli sama ongelma viime kuussa.",
        "Toivoisin nopeaa vastausta.", "Voitteko tarkistaa mikä meni vikaan?",
        "Maksoin luottokortilla ja rahat ovat jo lähteneet tililtäni.",
        "Sovellus näyttää virheilmoituksen kun yritän uudelleen.", "Kiitos jo etukäteen avusta!",
        "Olen matkoilla ensi viikolla joten asia pitäisi hoitaa ennen perjantaita.",
        "Kollegasi lupasi soittaa takaisin mutta ei soittanut.", "Olen ollut asiakkaana kymmenen vuotta.",
        "Onko teillä puhelinnumeroa johon voin soittaa?", "En löydä ohjeita mistään sivuiltanne.",
        "Vahvistusviesti meni roskapostiin.", "vastatkaa pian kiitos", "korjatkaa tämä heti",
        "En ole tyytyväinen palveluun tähän mennessä.", "Tein kaikki vaiheet ohjeiden mukaan.",
        "Kaikki toimi hyvin viime tiistaihin asti.", "Vaimoni teki tilauksen omilla tunnuksillaan.",
        "Haluaisin puhua esimiehen kanssa.", "Liitteenä kuvakaappaus virheestä.",
        "Kuljettaja jätti lapun vaikka olin koko päivän kotona.",
        "En halua lahjakorttia vaan rahani takaisin.", "Vahvistatteko että saitte tämän viestin?",
        "Sama tapahtui minulle joulukuussa.", "Pahoittelen kirjoitusvirheitä.",
    ]
    static let swedishSentences = [
        "Jag har väntat på svar i flera dagar.", "Kan någon titta på det här?", "Det här är verkligen frustrerande.",
        "Jag försökte ringa men ingen svarade.", "Meddela mig vad jag ska göra härnäst.",
        "Jag skickade bilderna redan igår.", "Chatten på er webbplats hjälpte inte alls.",
        "Jag skulle uppskatta ett snabbt svar.", "Kan ni kontrollera vad som gick fel?",
        "Jag betalade med kort och pengarna har redan dragits från mitt konto.",
        "Appen visar ett felmeddelande när jag försöker igen.", "Tack på förhand för hjälpen!",
        "Er kollega lovade att ringa tillbaka men gjorde det aldrig.", "Jag har varit kund i tio år.",
        "Bekräftelsemejlet hamnade i skräpposten.", "Jag vill prata med en chef.",
        "Budet lämnade en lapp fast jag var hemma hela dagen.", "Jag vill inte ha ett presentkort utan mina pengar tillbaka.",
        "Samma sak hände mig i december.", "Var är min beställning?", "Leveransen är försenad igen.",
        "Fakturan stämmer inte.",
    ]
}
