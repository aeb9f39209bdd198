/// Normalises an export's channel text (`Voice`, `Puhelin`, `Web form`, `App BA 147`) to a `Channel`.
///
/// One alias table (`builtInAliases`, English, Finnish, Swedish and Spanish) is matched after folding case,
/// diacritics, spaces and punctuation (`E-mail`, `e mail`, `EMAIL` are the same). A value not in the table
/// goes through a keyword fallback: its words are looked up (pairs of adjacent words first), so
/// `App Denuncia Vial` is self-service through `app` and `Inbound phone queue` is phone through `phone`.
/// Specific keywords (phone, call, mail, chat, whatsapp, sms, twitter, store, ...) beat generic ones (web,
/// online, form, portal, internet, app, apps, mobile, application); among equals the leftmost word wins.
/// Words that name no channel (`unknown`, `other`, `n/a`, `muu`, `otro`) only match as the whole value.
///
/// Choices worth knowing:
/// - WhatsApp, Messenger, Telegram, LINE, Viber, iMessage, WeChat are **messaging**, also when a bot answers
///   (`WhatsApp bot`; `Boti`, the Buenos Aires city WhatsApp bot): the channel is where the customer wrote.
/// - A bot, chatbot, virtual agent, help center, FAQ, knowledge base, kiosk and apps (`App`, `Mobile app`,
///   `MOBILE` in NYC 311) are **self_service**.
/// - `Operator`/`Operador` (Buenos Aires 147: contacts taken by the line's operators) is **phone**.
/// - `Comuna` and `Cercanía` (Buenos Aires: the neighbourhood offices and proximity points) are **in_person**.
/// - `Web`, `Online` (NYC 311), `GCS Web`, forms and portals are **web**.
/// - `X` alone is **social** (Twitter); `Text` alone is **sms**.
/// - Postal mail, letters and fax are **letter** (`Postal mail`, `Fax`, `Kirje`, `Brev`, `Carta`,
///   `Correo postal`, `Courrier`); `postal` beats `mail`, so `Postal mail` is not e-mail.
/// - Contacts the organisation's staff or systems open themselves are **internal** (`Internal`,
///   `Employee Generated`, `City Worker App`, `Maximo Integration`, `System generated`): `worker`,
///   `employee` and `staff` beat `app`, so `City Worker App` is not self-service. Buenos Aires 147's
///   `Operador UGIS` (requests the city's social-intervention operators log) is internal too, other
///   `Operador ...` values are phone. ServiceNow's `self-service` stays self-service.
/// - Empty, punctuation-only and unrecognised values are **other**; `Resolution.match` tells them apart so
///   the caller can warn about unrecognised ones.
public struct ChannelNormalizer: Sendable {
    /// How a value was recognised.
    public enum Match: String, Sendable, Equatable {
        /// The whole value is an alias.
        case alias
        /// A word of the value is an alias (the fallback).
        case keyword
        /// Nothing matched: the channel is `.other`.
        case unrecognized
        /// The value is empty or only punctuation: the channel is `.other`.
        case empty
    }

    /// The normalised channel of one value and how it was found.
    public struct Resolution: Sendable, Equatable {
        /// The normalised channel (`.other` when empty or unrecognised).
        public var channel: Channel
        /// How the value was recognised.
        public var match: Match

        /// A resolution of `channel`, found by `match`.
        public init(channel: Channel, match: Match) {
            self.channel = channel
            self.match = match
        }
    }

    /// The built-in aliases per channel (as written; matching folds them).
    public static let builtInAliases: [(channel: Channel, aliases: [String])] = [
        (.phone, ["phone", "telephone", "tel", "voice", "call", "calls", "phone call", "inbound call",
                  "outbound call", "call center", "call centre", "contact center", "IVR", "hotline", "helpline",
                  "voip", "puhelin", "puhelu", "soitto", "puhelinpalvelu", "telefon", "telefonsamtal", "samtal",
                  "teléfono", "llamada", "llamada telefónica", "operador", "operator"]),
        (.email, ["email", "e-mail", "mail", "electronic mail", "sähköposti", "sposti", "e-post", "mejl",
                  "correo", "correo electrónico", "email ticket", "inbound email"]),
        (.letter, ["letter", "letters", "postal mail", "postal", "postal letter", "paper mail",
                   "snail mail", "mail letter", "written", "written letter", "fax", "telefax", "facsimile", "kirje",
                   "kirjeposti", "posti", "brev", "carta", "correo postal", "correspondencia", "escrito",
                   "courrier", "lettre", "écrit"]),
        (.chat, ["chat", "live chat", "livechat", "web chat", "webchat", "chat widget", "in-app chat",
                 "chatti", "verkkochat", "chatt", "chat en vivo", "chat web"]),
        (.social, ["social", "social media", "some", "sosiaalinen media", "twitter", "x", "tweet", "facebook",
                   "fb", "instagram", "ig", "linkedin", "tiktok", "youtube", "reddit", "sociala medier",
                   "redes sociales", "red social"]),
        (.messaging, ["messaging", "whatsapp", "whatsapp bot", "messenger", "facebook messenger",
                      "fb messenger", "telegram", "line", "viber", "imessage", "apple messages for business",
                      "apple business chat", "wechat", "google business messages", "rcs", "direct message", "dm",
                      "boti", "mensajería", "pikaviesti"]),
        (.web, ["web", "web form", "webform", "web widget", "widget", "website", "web site", "web page",
                "contact form", "form", "portal", "online", "internet", "gcs web", "verkkolomake", "lomake",
                "verkkosivu", "verkkosivut", "verkko", "webb", "webbformulär", "formulär", "formulario",
                "formulario web", "sitio web", "página web"]),
        (.selfService, ["self service", "self-service", "selfservice", "self serve", "app", "apps", "mobile",
                        "mobile app", "application", "help center", "help centre", "knowledge base", "faq",
                        "bot", "chatbot", "virtual agent", "virtual assistant", "kiosk", "sovellus",
                        "mobiilisovellus", "itsepalvelu", "appen", "självservice", "aplicación", "app móvil",
                        "autoservicio", "app ba 147", "app denuncia vial"]),
        (.sms, ["sms", "text", "text message", "texting", "txt", "mms", "tekstiviesti", "tekstari", "sms-viesti",
                "textmeddelande", "mensaje de texto"]),
        (.inPerson, ["in person", "in-person", "walk-in", "walk in", "face to face", "f2f", "counter",
                     "front desk", "store", "shop", "branch", "office visit", "visit", "toimipiste", "myymälä",
                     "asiointi", "käynti", "henkilökohtainen", "butik", "kontor", "besök", "presencial",
                     "sucursal", "mostrador", "comuna", "cercanía"]),
        (.internal, ["internal", "internal request", "internally generated", "employee generated", "employee",
                      "staff", "staff generated", "city worker app", "worker app", "worker", "maximo integration", "operador ugis",
                      "system generated", "system", "automated", "automatic", "monitoring", "sisäinen", "intern",
                      "interno", "interna"]),
        (.other, ["other", "others", "unknown", "n/a", "na", "none", "null", "undefined", "unspecified", "muu",
                  "muut", "tuntematon", "övrigt", "okänd", "annat", "otro", "otros", "desconocido"]),
    ]

    /// Aliases that also act as keywords inside longer values, winning over the weak ones.
    static let strongKeywords: Set<String> = [
        "phone", "telephone", "voice", "call", "calls", "ivr", "hotline", "helpline", "voip", "puhelin", "puhelu",
        "telefon", "telefono", "llamada", "operador", "operator", "callcenter",
        "email", "mail", "sahkoposti", "epost", "mejl", "correo",
        "chat", "livechat", "webchat", "chatti", "chatt",
        "social", "socialmedia", "twitter", "tweet", "facebook", "instagram", "linkedin", "tiktok", "youtube",
        "whatsapp", "messenger", "facebookmessenger", "telegram", "viber", "imessage", "wechat",
        "webform", "website", "verkkolomake", "lomake", "formulario", "webbformular",
        "selfservice", "bot", "chatbot", "faq", "kiosk", "sovellus", "mobiilisovellus", "itsepalvelu",
        "helpcenter", "aplicacion",
        "sms", "mms", "tekstiviesti", "tekstari",
        "walkin", "inperson", "counter", "store", "branch", "toimipiste", "myymala", "presencial", "sucursal",
        "comuna",
        "letter", "postal", "fax", "telefax", "kirje", "brev", "carta", "courrier",
        "internal", "employee", "staff", "worker", "sisainen",
    ]

    /// Aliases that act as keywords only when no strong keyword occurs.
    static let weakKeywords: Set<String> = [
        "web", "online", "internet", "form", "portal", "widget", "app", "apps", "mobile", "application",
    ]

    private let table: AliasTable<Channel>

    /// A normaliser with the built-in aliases, plus `aliases` (for example from the configuration), which
    /// win over built-in ones with the same folded key and match only as whole values.
    public init(aliases: [String: Channel] = [:]) {
        var table = ChannelNormalizer.builtInTable
        for (name, channel) in aliases.sorted(by: { $0.key < $1.key }) {
            table.add(channel, .exactOnly, [name])
        }
        self.table = table
    }

    /// The built-in aliases' table, folded once per process (every file of a report makes a mapper).
    private static let builtInTable: AliasTable<Channel> = {
        var table = AliasTable<Channel>()
        for (channel, names) in ChannelNormalizer.builtInAliases {
            for name in names {
                let key = AliasTable<Channel>.foldedKey(name)
                let use: AliasTable<Channel>.Use = ChannelNormalizer.strongKeywords.contains(key)
                    ? .strongKeyword
                    : (ChannelNormalizer.weakKeywords.contains(key) ? .weakKeyword : .exactOnly)
                table.add(channel, use, [name])
            }
        }
        return table
    }()

    /// The channel of a value's UTF-8 bytes and how it was recognised.
    public func resolve(_ bytes: UnsafeBufferPointer<UInt8>) -> Resolution {
        let key = AliasTable<Channel>.foldedKey(bytes)
        if key.isEmpty { return Resolution(channel: .other, match: .empty) }
        if let channel = table.exactMatch(key: key) { return Resolution(channel: channel, match: .alias) }
        if let channel = table.keywordMatch(String(decoding: bytes, as: UTF8.self)) {
            return Resolution(channel: channel, match: .keyword)
        }
        return Resolution(channel: .other, match: .unrecognized)
    }

    /// The channel of `text` and how it was recognised; see `resolve(_:)` for the bytes.
    public func resolve(_ text: String) -> Resolution {
        var text = text
        return text.withUTF8 { resolve($0) }
    }

    /// The channel of `text` (`.other` when empty or unrecognised).
    public func channel(for text: String) -> Channel { resolve(text).channel }
}
