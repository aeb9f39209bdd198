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
    /// When the organisation first replied to the contact (a timestamp).
    case firstReplyAt = "first_reply_at"
    /// How long the first reply took (a duration: `First reply time in minutes`), when the export gives that
    /// instead of `first_reply_at`.
    case firstReplyTime = "first_reply_time"
    /// The contact's priority, normalised to urgent, high, normal or low (`ContactPriority`).
    case priority
    /// Whether a call (or chat) was answered (yes/no); no = abandoned.
    case answered
    /// How long the customer waited before an agent answered: the speed of answer (a duration).
    case waitTime = "wait_time"
    /// How many times the contact was reopened (a whole number).
    case reopens

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
        case .firstReplyAt: 23
        case .firstReplyTime: 24
        case .priority: 25
        case .answered: 26
        case .waitTime: 27
        case .reopens: 28
        }
    }

    /// Built-in column-name aliases, English, Finnish, Swedish, Spanish, Portuguese and French, matched ignoring
    /// case, diacritics, spaces and punctuation (`Created at`, `created_at` and `CreatedAt` are one alias).
    /// Earlier aliases win when several columns match.
    ///
    /// Besides generic names, the lists hold the column names of the exports of help desks (Zendesk, Freshdesk,
    /// Jira Service Management, ServiceNow, Salesforce, HubSpot, Help Scout, Front, Gorgias, Zoho Desk, Zammad,
    /// GLPI, osTicket, OTRS, FreeScout), contact centres (Genesys, Five9, Amazon Connect, Talkdesk, Aircall)
    /// and public complaint data (Open311 cities, Boston 311, CFPB), as their CSV exports and APIs write them.
    /// Names that mean something else in common exports are left out on purpose: `State` (a US state in 311
    /// data, not a status), `Resolved` (a Y/N first-contact flag in call logs, a date in Jira), `Caller` and
    /// `caller_id` are the customer (ServiceNow's caller is a person, not a phone number). `Case title` comes
    /// before `Subject` because Boston 311's `SUBJECT` is a department, its `CASE_TITLE` the request.
    public var aliases: [String] {
        switch self {
        case .contactID:
            ["ticket id", "contact id", "ticket", "ticket number", "case id", "case number", "call id",
             "conversation id", "interaction id", "request id", "unique key", "tweet id", "complaint id",
             "case enquiry id", "service request id", "issue key", "incident number", "incident id",
             "ticket no", "conversation number", "id", "number", "tiketin numero", "tiketti", "tunniste",
             "yhteydenoton tunnus", "ärende id", "ärendenummer", "número", "número do chamado", "numéro"]
        case .openedAt:
            ["opened at", "created at", "created", "created date", "created time", "creation date", "date created",
             "opened", "open date", "received at", "submitted at", "start time", "started at", "timestamp",
             "date received", "open dt", "opened date", "date opened", "date/time opened", "created on",
             "sys created on", "create date", "createdate", "created datetime", "creation time", "opening date",
             "initiation timestamp", "requested datetime", "submitted date", "received date", "conversation start",
             "date", "luotu", "luontiaika", "luontipäivä", "avattu", "saapunut", "päivämäärä", "pvm",
             "skapad", "datum", "fecha ingreso", "fecha de ingreso", "fecha", "fecha creacion", "fecha de creación",
             "data de abertura", "data de criação", "date d'ouverture", "date de création"]
        case .openedTime:
            ["time", "created time of day", "kellonaika", "aika", "klockslag", "tid", "hora ingreso", "hora"]
        case .closedAt:
            ["closed at", "closed", "closed date", "solved at", "resolved at", "resolution date", "date closed",
             "ended at", "end time", "closed dt", "close at", "close date", "closed on", "date/time closed",
             "resolved time", "resolved date", "solved date", "closed datetime", "closing date",
             "disconnect timestamp", "conversation end", "suljettu", "sulkemisaika", "ratkaistu", "stängd",
             "fecha cierre contacto", "fecha cierre", "fecha de cierre", "data de solução", "data de fechamento",
             "date de résolution", "date de clôture"]
        case .closedTime:
            ["closed time", "hora cierre contacto", "hora cierre", "sulkemisaika kello"]
        case .customer:
            ["customer id", "customer", "customer number", "requester id", "requester", "client id", "client",
             "user id", "account id", "author id", "caller id", "caller", "reporter", "reporter id",
             "customer user id", "customer name", "contact name", "requested by", "requerente", "demandeur", "asiakas",
             "asiakasnumero", "asiakastunnus", "asiakas id", "kund", "kundnummer", "kund id", "cliente", "id cliente"]
        case .email:
            ["email", "e-mail", "email address", "requester email", "customer email", "from email", "contact email",
             "sähköposti", "asiakkaan sähköposti", "e-post", "epost", "correo", "correo electrónico"]
        case .phone:
            ["phone", "phone number", "ani", "customer phone", "customer phone number", "contact phone",
             "caller number", "calling number", "customer endpoint address", "from number", "raw digits", "puhelin",
             "puhelinnumero", "telefon", "telefonnummer", "teléfono", "telefone"]
        case .channel:
            ["channel", "via", "source", "medium", "contact channel", "channel type", "origin", "case origin",
             "open data channel type", "submitted via", "received via", "ticket channel", "contact type",
             "request source", "media type", "source type", "create article type", "mode", "kanava",
             "yhteyskanava", "kanal", "canal", "origem da requisição", "origem", "source de la demande"]
        case .subject:
            ["case title", "subject", "title", "summary", "short description", "ticket subject", "ticket name",
             "conversation title", "customer complaint",
             "aihe", "otsikko", "ämne", "rubrik", "asunto", "título", "titre", "sujet", "subcategory",
             "subcategoría", "name"]
        case .text:
            ["description", "text", "body", "message", "comment", "details", "content", "consumer complaint narrative",
             "ticket description", "first message", "narrative", "kuvaus", "viesti", "teksti", "beskrivning",
             "meddelande", "descripción", "mensaje", "prestación", "descrição"]
        case .category:
            ["category", "type", "ticket type", "reason", "case reason", "topic", "issue type", "contact reason",
             "request type", "case type", "help topic", "service name", "complaint type", "problem type",
             "ticket category", "disposition", "wrap up code", "wrap up", "issue", "product", "kategoria", "luokka", "aihealue", "syy", "yhteydenoton syy",
             "kategori", "categoría", "categoria", "catégorie"]
        case .tags:
            ["tags", "labels", "tunnisteet", "avainsanat", "etiketter", "etiquetas"]
        case .status:
            ["status", "ticket status", "incident state", "case status", "ticket state", "current status",
             "request status", "tila", "estado", "estado del contacto", "statut"]
        case .handleTime:
            ["handle time", "handling time", "aht", "handle time seconds", "talk time", "talk duration",
             "agent interaction duration", "total handle time", "duration", "call duration", "avg talk duration",
             "käsittelyaika", "kesto", "puheaika", "hanteringstid", "samtalstid", "duración"]
        case .csat:
            ["csat", "satisfaction", "satisfaction rating", "satisfaction score", "csat score", "rating",
             "customer satisfaction rating", "customer satisfaction", "satisfaction survey score",
             "happiness rating", "asiakastyytyväisyys", "tyytyväisyys", "arvosana", "nöjdhet", "satisfacción"]
        case .cost:
            ["cost", "contact cost", "kustannus", "kulu", "kostnad", "costo"]
        case .agent:
            ["agent", "agent name", "assignee", "owner", "handler", "assigned to", "case owner", "ticket owner",
             "assignee user", "agent assigned", "technician", "käsittelijä", "agentti", "asiakaspalvelija",
             "handläggare", "agente", "técnico", "technicien"]
        case .queue:
            ["queue", "group", "team", "department", "skill", "assignment group", "assigned group",
             "technician group", "team assigned", "mailbox", "inbox", "ring groups", "agency responsible", "agency", "jono", "ryhmä",
             "tiimi", "kö", "grupp", "cola", "grupo técnico", "groupe de techniciens"]
        case .language:
            ["language", "lang", "locale", "requester language", "kieli", "språk", "idioma"]
        case .firstContactResolved:
            ["fcr", "first contact resolution", "first contact resolved", "resolved on first contact",
             "first call resolution", "ratkaistu ensimmäisellä kerralla"]
        case .agentReplies:
            ["agent replies", "replies", "reply count", "touches", "number of replies", "agent interactions",
             "replies count", "vastaukset"]
        case .inbound:
            ["inbound", "is inbound", "saapuva"]
        case .firstReplyAt:
            ["first reply at", "first replied at", "first response at", "first responded at", "first reply time stamp",
             "first response date", "first responded date", "first reply date", "first response timestamp",
             "ensimmäinen vastaus", "första svar"]
        case .firstReplyTime:
            ["first reply time", "first reply time in minutes", "first reply time in minutes within business hours",
             "reply time in minutes", "first response time", "first response time in hrs",
             "first response time in hours", "first response time in minutes", "first response minutes",
             "first response hours", "time to first response", "time to first reply", "first reply minutes",
             "response time", "ensimmäisen vastauksen aika", "vasteaika", "svarstid", "tiempo de primera respuesta"]
        case .priority:
            ["priority", "ticket priority", "urgency", "prioriteetti", "kiireellisyys", "prioritet", "prioridad",
             "prioridade", "priorité"]
        case .answered:
            ["answered", "answered y n", "answered (y/n)", "is answered", "call answered", "vastattu", "besvarad",
             "atendida"]
        case .waitTime:
            ["wait time", "waiting time", "speed of answer", "speed of answer in seconds", "queue time",
             "queue duration", "queue wait time", "time in queue", "hold time before answer", "answer time",
             "jonotusaika", "odotusaika", "väntetid", "kötid", "tiempo de espera"]
        case .reopens:
            ["reopens", "reopen count", "reopened count", "times reopened", "number of reopens",
             "uudelleenavaukset", "återöppningar"]
        }
    }
}
