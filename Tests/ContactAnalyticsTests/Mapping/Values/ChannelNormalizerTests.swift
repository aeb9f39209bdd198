import Testing
@testable import ContactAnalytics

@Suite struct ChannelNormalizerTests {
    static let normalizer = ChannelNormalizer()

    /// Every built-in alias maps to its channel as a whole value, in any case.
    @Test(arguments: ChannelNormalizer.builtInAliases.flatMap { row in row.aliases.map { (row.channel, $0) } })
    func everyAliasMapsToItsChannel(channel: Channel, alias: String) {
        #expect(Self.normalizer.resolve(alias) == .init(channel: channel, match: .alias))
        #expect(Self.normalizer.resolve(alias.uppercased()).channel == channel)
    }

    /// No folded alias key is listed under two channels.
    @Test func aliasKeysAreUnique() {
        var seen: [String: Channel] = [:]
        for (channel, aliases) in ChannelNormalizer.builtInAliases {
            for alias in aliases {
                let key = AliasTable<Channel>.foldedKey(alias)
                #expect(seen[key] == nil || seen[key] == channel, "\(alias)")
                seen[key] = channel
            }
        }
    }

    @Test(arguments: [
        // Spelling variants.
        ("E-Mail", Channel.email), ("e mail", .email), ("EMAIL", .email), ("Sähköposti", .email),
        ("SAHKOPOSTI", .email), ("Correo Electrónico", .email), ("Live-Chat", .chat), ("web_form", .web),
        ("Teléfono", .phone), ("telefono", .phone), ("  Voice ", .phone), ("Walk-In", .inPerson),
        ("MYYMÄLÄ", .inPerson), ("Facebook Messenger", .messaging), ("WhatsApp", .messaging),
        // NYC 311 `open_data_channel_type`.
        ("PHONE", .phone), ("ONLINE", .web), ("MOBILE", .selfService), ("UNKNOWN", .other),
        // Buenos Aires 147 `canal`.
        ("App BA 147", .selfService), ("App Denuncia Vial", .selfService), ("Boti", .messaging),
        ("Call Center", .phone), ("Cercania", .inPerson), ("Comuna", .inPerson), ("GCS Web", .web),
        // `Operador UGIS`: requests the city's own social-intervention operators log (internal, Fixtures/real).
        ("Mail 147", .email), ("Operador GCBA", .phone), ("Operador UGIS", .internal),
    ])
    func mapsRealAndVariantValues(text: String, expected: Channel) {
        #expect(Self.normalizer.channel(for: text) == expected)
    }

    @Test(arguments: [
        ("Inbound phone queue", Channel.phone), ("Phone - callback", .phone), ("Customer e-mail reply", .email),
        ("Online chat", .chat), ("Mobile app chat", .chat), ("Web form (contact us)", .web),
        ("Instagram DM", .social), ("Twitter mention", .social), ("SMS reminder", .sms),
        ("Store visit Helsinki", .inPerson), ("Portal 2", .web), ("Chatbot widget", .selfService),
        ("Puhelin asiakaspalvelu", .phone), ("Mail 147", .email), ("Live chat EN", .chat),
        ("Telegram group", .messaging), ("Branch 12", .inPerson), ("Self service portal", .selfService), ("Other phone", .phone),
    ])
    func keywordFallback(text: String, expected: Channel) {
        #expect(Self.normalizer.resolve(text) == .init(channel: expected, match: .keyword))
    }

    @Test(arguments: [
        // Post and fax are letters, not e-mail (CFPB's `Postal mail`, `Fax`; GLPI's `Written`).
        ("Postal mail", Channel.letter, ChannelNormalizer.Match.alias), ("POSTAL MAIL", .letter, .alias),
        ("Fax", .letter, .alias), ("Kirje", .letter, .alias), ("Brev", .letter, .alias), ("Carta", .letter, .alias),
        ("Correo postal", .letter, .alias), ("Written", .letter, .alias),
        ("Postal mail (scanned)", .letter, .keyword), ("Fax to office", .letter, .keyword),
        // Opened by staff or systems (Boston 311): internal, not self-service.
        ("City Worker App", .internal, .alias), ("Employee Generated", .internal, .alias),
        ("Maximo Integration", .internal, .alias), ("Internal", .internal, .alias),
        ("Operador UGIS", .internal, .alias), ("Operador GCBA", .phone, .keyword),
        ("Internal request form", .internal, .keyword), ("Staff portal", .internal, .keyword),
        // ServiceNow's self-service stays self-service; e-mail stays e-mail.
        ("self-service", .selfService, .alias), ("Citizens Connect App", .selfService, .keyword),
        ("Email", .email, .alias), ("Voice mail", .phone, .keyword),
    ])
    func lettersAndInternalContacts(text: String, expected: Channel, match: ChannelNormalizer.Match) {
        #expect(Self.normalizer.resolve(text) == .init(channel: expected, match: match))
    }

    @Test(arguments: ["Carrier pigeon", "X-ray", "147", "Line 5", "Unknown source"])
    func unrecognizedIsOther(text: String) {
        #expect(Self.normalizer.resolve(text) == .init(channel: .other, match: .unrecognized))
    }

    @Test(arguments: ["", "   ", "-", "--", "?"])
    func emptyIsOther(text: String) {
        #expect(Self.normalizer.resolve(text) == .init(channel: .other, match: .empty))
    }

    @Test func configuredAliasesWinOverBuiltIns() {
        let normalizer = ChannelNormalizer(aliases: ["Operador UGIS": .inPerson, "Kanava 7": .sms])
        #expect(normalizer.resolve("operador ugis") == .init(channel: .inPerson, match: .alias))
        #expect(normalizer.resolve("Operador GCBA").channel == .phone)
        #expect(normalizer.resolve("KANAVA-7") == .init(channel: .sms, match: .alias))
    }

    @Test func bytesOverloadAgrees() {
        let bytes = Array("Sähköposti".utf8)
        #expect(bytes.withUnsafeBufferPointer { Self.normalizer.resolve($0) } == .init(channel: .email, match: .alias))
    }
}
