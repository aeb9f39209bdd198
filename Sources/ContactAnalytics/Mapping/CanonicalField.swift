/// The canonical contact fields of `metrics.md`, as named in `--map FIELD=COLUMN` and the configuration's
/// `mapping` section.
public enum CanonicalField: String, Sendable, CaseIterable, Hashable, Comparable {
    case contactID = "contact_id"
    case openedAt = "opened_at"
    /// A separate time-of-day column completing a date-only `opened_at` column.
    case openedTime = "opened_time"
    case closedAt = "closed_at"
    case closedTime = "closed_time"
    /// The customer id: the first choice of identity key.
    case customer
    /// E-mail address: the identity key when there is no customer id.
    case email
    /// Phone number: the identity key when there is neither customer id nor e-mail.
    case phone
    case channel
    case subject
    case text
    case category
    case tags
    case status
    case handleTime = "handle_time"
    case csat
    case cost
    case agent
    case queue
    case language
    /// The export's own first-contact-resolution flag (yes/no).
    case firstContactResolved = "fcr_flag"
    /// The number of agent replies or touches (at most one counts as resolved on first contact).
    case agentReplies = "agent_replies"
    /// Whether the row is a customer's message (`true`) or the organisation's own (`false`); rows marked
    /// outbound are excluded and counted.
    case inbound

    public static func < (lhs: CanonicalField, rhs: CanonicalField) -> Bool {
        lhs.position < rhs.position
    }

    /// The field's position in `allCases` (an array index for per-row lookups without hashing).
    @inline(__always)
    public var position: Int {
        switch self {
        case .contactID: 0
        case .openedAt: 1
        case .openedTime: 2
        case .closedAt: 3
        case .closedTime: 4
        case .customer: 5
        case .email: 6
        case .phone: 7
        case .channel: 8
        case .subject: 9
        case .text: 10
        case .category: 11
        case .tags: 12
        case .status: 13
        case .handleTime: 14
        case .csat: 15
        case .cost: 16
        case .agent: 17
        case .queue: 18
        case .language: 19
        case .firstContactResolved: 20
        case .agentReplies: 21
        case .inbound: 22
        }
    }

    /// Built-in column-name aliases, English, Finnish, Swedish and Spanish, matched ignoring case, diacritics,
    /// spaces and punctuation (`Created at`, `created_at` and `CreatedAt` are one alias). Earlier aliases win
    /// when several columns match.
    public var aliases: [String] {
        switch self {
        case .contactID:
            ["contact id", "ticket id", "ticket", "ticket number", "case id", "case number", "call id",
             "conversation id", "interaction id", "request id", "unique key", "tweet id", "id", "number",
             "tiketin numero", "tiketti", "tunniste", "yhteydenoton tunnus", "ärende id", "ärendenummer", "número"]
        case .openedAt:
            ["opened at", "created at", "created", "created date", "created time", "creation date", "date created",
             "opened", "open date", "received at", "submitted at", "start time", "started at", "timestamp",
             "date", "luotu", "luontiaika", "luontipäivä", "avattu", "saapunut", "päivämäärä", "pvm",
             "skapad", "datum", "fecha ingreso", "fecha de ingreso", "fecha", "fecha creacion"]
        case .openedTime:
            ["time", "created time of day", "kellonaika", "aika", "klockslag", "tid", "hora ingreso", "hora"]
        case .closedAt:
            ["closed at", "closed", "closed date", "solved at", "resolved at", "resolution date", "date closed",
             "ended at", "end time", "suljettu", "sulkemisaika", "ratkaistu", "stängd", "fecha cierre contacto",
             "fecha cierre", "fecha de cierre"]
        case .closedTime:
            ["closed time", "hora cierre contacto", "hora cierre", "sulkemisaika kello"]
        case .customer:
            ["customer id", "customer", "customer number", "requester id", "requester", "client id", "client",
             "user id", "account id", "author id", "asiakas", "asiakasnumero", "asiakastunnus", "asiakas id",
             "kund", "kundnummer", "kund id", "cliente", "id cliente"]
        case .email:
            ["email", "e-mail", "email address", "requester email", "customer email", "from email", "sähköposti",
             "asiakkaan sähköposti", "e-post", "epost", "correo", "correo electrónico"]
        case .phone:
            ["phone", "phone number", "caller", "caller id", "ani", "customer phone", "puhelin", "puhelinnumero",
             "telefon", "telefonnummer", "teléfono"]
        case .channel:
            ["channel", "via", "source", "medium", "contact channel", "channel type", "origin", "case origin",
             "open data channel type", "kanava", "yhteyskanava", "kanal", "canal"]
        case .subject:
            ["subject", "title", "summary", "aihe", "otsikko", "ämne", "rubrik", "asunto", "subcategory", "subcategoría"]
        case .text:
            ["description", "text", "body", "message", "comment", "details", "content", "kuvaus", "viesti",
             "teksti", "beskrivning", "meddelande", "descripción", "mensaje", "prestación"]
        case .category:
            ["category", "type", "ticket type", "reason", "case reason", "topic", "issue type", "contact reason",
             "kategoria", "luokka", "aihealue", "syy", "yhteydenoton syy", "kategori", "categoría", "categoria"]
        case .tags:
            ["tags", "labels", "tunnisteet", "avainsanat", "etiketter", "etiquetas"]
        case .status:
            ["status", "state", "ticket status", "tila", "estado", "estado del contacto"]
        case .handleTime:
            ["handle time", "handling time", "aht", "handle time seconds", "talk time", "talk duration",
             "duration", "call duration", "avg talk duration", "käsittelyaika", "kesto", "puheaika",
             "hanteringstid", "samtalstid", "duración"]
        case .csat:
            ["csat", "satisfaction", "satisfaction rating", "satisfaction score", "csat score", "rating",
             "asiakastyytyväisyys", "tyytyväisyys", "arvosana", "nöjdhet", "satisfacción"]
        case .cost:
            ["cost", "contact cost", "kustannus", "kulu", "kostnad", "costo"]
        case .agent:
            ["agent", "agent name", "assignee", "owner", "handler", "assigned to", "käsittelijä", "agentti",
             "asiakaspalvelija", "handläggare", "agente"]
        case .queue:
            ["queue", "group", "team", "department", "skill", "jono", "ryhmä", "tiimi", "kö", "grupp", "cola"]
        case .language:
            ["language", "lang", "locale", "kieli", "språk", "idioma"]
        case .firstContactResolved:
            ["fcr", "first contact resolution", "first contact resolved", "resolved on first contact",
             "ratkaistu ensimmäisellä kerralla"]
        case .agentReplies:
            ["agent replies", "replies", "reply count", "touches", "number of replies", "vastaukset"]
        case .inbound:
            ["inbound", "is inbound", "saapuva"]
        }
    }
}
