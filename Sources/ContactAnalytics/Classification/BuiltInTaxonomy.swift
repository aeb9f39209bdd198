/// The built-in taxonomy: causes of contact for organisations that sell goods or services, in industry packs
/// (`TaxonomyPack`): retail, travel and hospitality, telecom, banking and credit, public services and 311, IT
/// service desks, energy and utilities, insurance and software as a service, over a general core. English,
/// Finnish and Swedish throughout; Spanish, Portuguese and German for the common causes (and Portuguese for IT
/// service desks, Spanish for public services). The energy, insurance, SaaS and hospitality causes are declared
/// in `BuiltInTaxonomy+Industries.swift`.
///
/// Vocabulary is general, not tuned to one export: Finnish inflection is covered by word prefixes (`tilau*`
/// matches tilaus, tilauksen, tilaukseni), and most causes need two signals together (an object such as
/// "order" and a symptom such as "late"), which keeps false matches down. Precision first: a generic word
/// ("complaint", "contract", "card", "bill", "return", "bug") never decides a cause alone in free text, only
/// as the whole value of a field (the export's own label).
///
/// Priority tiers (higher first): 21-22 credit-report disputes and fraud (their words are specific, and their
/// narratives name accounts, payments and cards too); 20 specific failures (duplicate charge, damage in
/// transit, wrong item, locked account); 10-16 topical causes and the telecom, banking and IT-desk packs; 5-7
/// public-service requests; 3-4 complaints about the service itself; 0 generic questions; below 0 general
/// complaints, praise and suggestions, which apply only when nothing more specific does.
enum BuiltInTaxonomy {
    static let groupNames: [String: String] = [
        "delivery": "Order status and delivery",
        "returns": "Returns and refunds",
        "billing": "Invoices and billing",
        "payments": "Payments",
        "account": "Account and login",
        "contract": "Contracts and subscriptions",
        "technical": "Product defects and technical faults",
        "presales": "Questions before purchase",
        "booking": "Bookings and travel",
        "service": "Complaints about the service",
        "feedback": "Praise and suggestions",
        "public-service": "Public-service requests",
        "banking": "Banking, credit and debt",
        "telecom": "Telecom and internet service",
        "it-service": "IT service desk",
        "energy": "Energy and utilities",
        "insurance": "Insurance",
        "saas": "Software as a service",
    ]

    static func k(_ words: String...) -> RuleCondition { .keywords(words) }
    static func both(_ a: RuleCondition, _ b: RuleCondition) -> RuleCondition { .all([a, b]) }

    // Shared word lists.
    private static let orderWords = k(
        "order", "orders", "package*", "parcel*", "shipment*", "delivery", "deliveries", "tilau*", "paket*",
        "lähety*", "toimitu*", "beställning*", "försändelse*", "leverans*", "pedido*", "encomenda*", "entrega*",
        "bestellung*", "lieferung*", "sendung*")
    private static let deliveryWords = k(
        "delivery", "deliveries", "deliver", "delivered", "shipping", "shipped", "shipment*", "order", "orders",
        "package*", "parcel*", "courier", "toimitu*", "toimite*", "tilau*", "paket*", "lähety*", "kuriiri*",
        "leverans*", "levere*", "beställning*", "envío*", "pedido*", "entrega*", "encomenda*", "bestellung*",
        "lieferung*", "sendung*")
    /// Something was delivered: the context a wrong or missing item needs.
    private static let receivedWords = k(
        "received", "receive", "got", "came", "arrived", "delivered", "delivery", "sent", "shipped", "order",
        "orders", "tuli", "tullut",
        "package*", "parcel*", "box", "sain", "saimme", "saapui", "saapu*", "toimitu*", "toimite*", "tilau*",
        "paket*", "lähety*", "fick", "kom", "levere*", "leverans*", "beställning*", "recibí", "llegó", "pedido*",
        "recebi", "recebido*", "chegou", "veio", "bekommen", "erhalten", "geliefert", "angekommen")
    private static let invoiceWords = k(
        "invoice*", "bill", "bills", "billed", "billing", "charges", "charged", "lasku*", "veloit*", "faktur*",
        "räkning*", "factura*", "fatura*", "cobrança*", "rechnung*")
    private static let paymentWords = k(
        "payment*", "checkout", "card payment*", "maksu*", "korttimaksu*", "betalning*", "kortbetalning*",
        "pago*", "pagamento*", "zahlung*")
    /// A card as the thing that failed: only with a decline word ("card declined"), never with a vague one.
    private static let cardWords = k("card", "cards", "kortti*", "kortilla", "kort", "kortet", "tarjeta*")
    private static let declineWords = k(
        "declin*", "rejected", "refused", "not accepted", "didn't go through", "did not go through", "hylät*",
        "hylkä*", "ei kelpaa", "ei mene läpi", "nekad*", "avvis*", "rechaz*")
    private static let failureWords = k(
        "fail*", "declin*", "reject*", "did not go through", "didn't go through", "not going through",
        "not work*", "doesn't work", "does not work", "won't work", "epäonnistu*",
        "ei onnistu", "ei mene läpi", "hylät*", "hylkä*", "ei toimi", "misslyck*", "nekad*", "gick inte",
        "fungerar inte", "rechaz*", "falla*", "no funciona", "falhou", "recusad*", "não passou", "fehlgeschlagen",
        "abgelehnt")
    private static let changeWords = k(
        "change", "changing", "update", "updating", "edit", "muut*", "vaihda*", "vaihta*", "päivit*",
        "korja*", "ändra*", "uppdatera*", "byta", "cambiar", "actualizar")
    private static let bookingWords = k(
        "booking*", "reservation*", "appointment*", "ticket*", "flight*", "seat", "room", "table", "varau*",
        "ajanvarau*", "lippu*", "lipun", "lento*", "bokning*", "biljett*", "reserva*", "turno*", "cita", "citas")
    private static let tripWords = k(
        "flight*", "train*", "bus", "trip", "journey", "departure*", "connection", "lento*", "juna*", "junan",
        "bussi*", "matka", "matkan", "lähtö*", "flyg*", "tåg*", "resa", "resan", "avgång*", "vuelo*", "tren",
        "voo", "voos", "flug*", "zug")
    private static let softwareWords = k(
        "app", "apps", "mobile app", "website", "web site", "webpage", "web page", "browser", "software",
        "ios", "android", "login page", "software update", "ios update", "system update", "latest update",
        "new update", "this update", "firmware", "sovellu*", "appi*", "verkkosivu*", "sivusto*",
        "sivu", "sivulla", "verkkokaup*", "nettisivu*", "päivity*", "ohjelmisto*", "appen", "webbplats*",
        "hemsida*", "uppdatering*", "aplicaci*", "página web", "sitio web", "your update", "the update",
        "aplicativo", "webseite*")
    private static let softwareSymptoms = k(
        "crash*", "error*", "bug", "bugs", "buggy", "broken", "not working", "doesn't work", "does not work",
        "won't load", "not loading", "slow", "freez*", "stopped working", "stop working", "stops working",
        "down", "fix", "sucks", "sux",
        "horrible", "problem*", "issue*", "kaatu*", "virhe*", "ei toimi", "jumi*", "jumitt*", "hidas*",
        "ei aukea", "ei lataudu", "ongelm*", "krasch*", "fel", "felmeddelande*", "fungerar inte", "hänger sig",
        "problem", "inconvenien*", "no funciona", "paralys*", "does not let", "doesn't let", "won't let",
        "não funciona", "funktioniert nicht", "absturz*", "stürzt*")

    static func make() -> Taxonomy {
        var causes: [RootCause] = []
        var rules: [RootCauseRule] = []
        func cause(_ path: String, _ name: String, _ process: String, avoidable: Bool, _ reason: String,
                   _ description: String, _ ruleList: [(Int, RuleCondition)]) {
            causes.append(RootCause(path: path, name: name, process: process, avoidable: avoidable,
                                    avoidableReason: reason, description: description))
            for (i, (priority, condition)) in ruleList.enumerated() {
                rules.append(RootCauseRule(cause: path, priority: priority, label: "built-in \(path) #\(i + 1)",
                                           condition))
            }
        }

        // MARK: Order status and delivery
        cause("delivery/where-is-my-order", "Where is my order", "Logistics", avoidable: true,
              "Tracking and proactive delivery updates should answer it without a contact.",
              "The customer asks where an order or parcel is, or whether it has shipped.", [
                (10, k("where is my order", "where's my order", "where is my package", "where is my parcel",
                       "order status", "tracking", "track my order", "tracking number", "tracking code",
                       "not arrived", "hasn't arrived", "has not arrived", "never arrived", "not been delivered",
                       "not delivered", "hasn't been delivered", "seuranta*", "seurantakoodi*",
                       "lähetystunnu*", "ei ole saapunut", "ei ole tullut", "spårning*", "spårningsnummer*",
                       "seguimiento")),
                (10, both(orderWords, k("where", "status", "arrive", "arrived", "shipped", "dispatched", "when will",
                                        "haven't received", "have not received", "not received",
                                        "missä", "tila",
                                        "tilanne*", "tilantee*", "saapu*", "tullut", "lähtenyt", "lähetetty",
                                        "var", "kommit", "skickad*", "dónde", "llegó", "no ha llegado", "onde está",
                                        "cadê", "não chegou", "nao chegou", "chegou", "wo ist",
                                        "angekommen", "wann"))),
              ])
        cause("delivery/late-delivery", "Late delivery", "Logistics", avoidable: true,
              "The delivery promise was broken.",
              "The order or delivery is later than promised.", [
                // Above "where is it": a word of lateness is the more specific complaint.
                (11, both(deliveryWords, k("late", "later", "delay*", "overdue", "still waiting", "never came",
                                           "supposed to", "should have arrived", "missed", "promised",
                                           "piti tulla", "kuulunut", "myöhä*",
                                           "viivästy*", "viipy*", "kestää", "vieläkään", "försen*",
                                           "fortfarande", "retras*", "demora*", "atrasad*", "atraso*", "leveransförsen*",
                                           "verspät*", "verzöger*"))),
              ])
        cause("delivery/damaged-in-transit", "Damaged in delivery", "Logistics", avoidable: true,
              "Packaging or carrier handling failed.",
              "The goods arrived damaged.", [
                (20, both(k("damag*", "broken", "broke", "crushed", "smashed", "dented", "crack*", "shattered",
                            "naarmu*", "haljen*", "rikki", "rikkinäi*",
                            "rikkoutu*", "vaurio*", "vahingoittu*", "kolhiintu*", "murskaantu*", "trasig*",
                            "skada*", "skadad*", "roto", "rota", "dañad*"),
                          k("arrived", "arrive", "delivered", "package*", "parcel*", "shipping",
                            "transit", "box", "saapui", "saapu*", "toimitu*", "toimite*", "paket*", "lähety*",
                            "pakkau*", "leverans*", "levererad*", "kom", "kartong*", "llegó", "envío*"))),
              ])
        cause("delivery/wrong-or-missing-item", "Wrong or missing item", "Warehouse", avoidable: true,
              "A picking or packing error.",
              "The delivery had the wrong product, size or colour, or something was missing.", [
                // A wrong or missing thing is a picking error only where something was delivered: "incorrect items
                // on my credit report" and "catch basin missing part" are not.
                (20, .all([k("wrong", "incorrect", "väärä*", "väärin", "fel", "felaktig*", "equivocad*", "errad*",
                             "falsch*"),
                           k("item", "items", "product", "products", "size", "colour", "color", "tuote*", "tuott*",
                             "tuotteen", "väri*", "vara", "varan", "varor*", "artikel*", "storlek*", "producto*",
                             "talle", "produto*"),
                           receivedWords])),
                (20, .all([k("missing", "puuttu*", "saknas", "fattas", "falta*"),
                           k("item", "items", "product", "products", "part", "parts", "piece", "pieces", "tuote*",
                             "tuott*", "osa", "osia", "osat", "vara", "varor*", "artikel*", "producto*"),
                           receivedWords])),
                (20, k("missing from my order", "missing from the order", "missing from my package",
                       "missing from the package", "missing from the box", "missing item", "missing items",
                       "tilauksesta puuttu*", "paketista puuttu*", "saknas i paketet", "saknades i paketet")),
              ])
        cause("delivery/change-delivery", "Change delivery address or time", "Logistics", avoidable: false,
              "The customer wants a different address or time; offer it as self-service.",
              "The customer asks to change where or when an order is delivered.", [
                (12, both(k("change", "update", "reschedule", "redirect", "muut*", "vaihda*", "vaihta*", "siirt*",
                            "ändra*", "byta", "cambiar"),
                          k("delivery", "delivery address", "shipping address", "shipping", "toimitu*",
                            "toimitusosoite*", "toimituspäivä*", "jakelu*", "leverans*", "leveransadress*",
                            "envío*"))),
                (12, k("delivery slot*", "delivery time", "toimitusaika*", "leveranstid*")),
              ])

        // MARK: Returns and refunds
        cause("returns/return-request", "Return a product", "Returns", avoidable: false,
              "Returning goods is the customer's right; a clear self-service return flow keeps it cheap.",
              "The customer wants to return goods or asks how to.", [
                // "return" alone is a call returned, a tax return, a returned payment: it needs goods with it.
                (10, both(k("return", "returns", "returning", "returned", "send back", "send it back"),
                          k("item*", "product*", "order", "orders", "package*", "parcel*", "shoes", "jacket",
                            "dress", "goods", "purchase*", "size", "it back", "them back", "return policy",
                            "return window", "return address", "warehouse", "status of my return", "my return"))),
                (10, k("how do i return", "how can i return", "want to return", "like to return", "return policy",
                       "return address",
                       "palautu*", "palautt*", "palautan", "palautin", "palautusosoite*", "returnera*", "retur",
                       "returen", "returnering*", "skicka tillbaka", "devolver", "devoluci*", "devolução", "devoluções",
                       "rücksendung*", "zurückschicken")),
                (20, k("return label", "return form", "palautuslap*", "palautuslomake*", "returetikett*",
                       "retursedel*")),
              ])
        cause("returns/refund", "Refund request or status", "Returns", avoidable: true,
              "Refunds should follow a return automatically and visibly.",
              "The customer asks for a refund or where a refund is.", [
                (15, k("refund*", "money back", "reimburs*", "chargeback", "hyvity*", "rahat takaisin",
                       "rahojen palautu*", "rahani takaisin", "takaisinmaksu*", "återbetal*", "pengarna tillbaka",
                       "reembols*", "estorno", "dinheiro de volta", "devolução do dinheiro", "devolución del dinero",
                       "rückerstattung*", "geld zurück", "erstattung*")),
              ])
        cause("returns/exchange", "Exchange", "Returns", avoidable: false,
              "The customer wants a different size or variant.",
              "The customer wants to exchange goods for another size, colour or model.", [
                (12, both(k("exchange", "exchanged", "swap"),
                          k("size", "colour", "color", "item*", "product*", "model", "order", "for another",
                            "for a different"))),
                (12, k("different size", "another size", "bigger size",
                       "smaller size", "vaihtaa toise*", "isompa* koko*", "pienempä* koko*", "eri koko*",
                       "byta storlek", "byta till", "cambio de talle")),
              ])

        // MARK: Invoices and billing
        cause("billing/duplicate-charge", "Charged twice", "Billing", avoidable: true,
              "A billing or payment-processing error.",
              "The customer was charged or invoiced twice for the same thing.", [
                (20, k("double charge*", "double charged", "charged twice", "billed twice", "paid twice",
                       "tuplaveloit*", "veloitettu kahdesti", "dubbeldebiter*", "two charges", "two identical charges",
                       "kaksi veloitusta", "två debiteringar", "två dragningar", "dos cargos", "duas cobranças")),
                (20, both(k("charg*", "billed", "billing", "bill", "paid", "payment*", "debit*", "veloit*", "maksoin", "maksettu",
                            "maksu*", "lasku*", "invoice*", "dragit*", "dragits", "debiter*", "betal*", "cobr*",
                            "abgebucht", "abbuch*", "rechnung*"),
                          k("twice", "double", "duplicate*", "two times", "kahdesti", "kaksi kertaa",
                            "kahteen kertaan", "tupla*", "dubbel*", "två gånger", "dos veces", "duplicad*", "identical",
                            "duas vezes", "em dobro", "doppelt", "zweimal"))),
              ])
        cause("billing/wrong-invoice", "Wrong invoice", "Billing", avoidable: true,
              "A billing error.",
              "The invoice or charge is wrong: amount, product, period or customer.", [
                (12, both(invoiceWords, k("wrong", "incorrect", "error", "mistake", "too high", "too much",
                                          "overcharg*", "should be", "väärin", "väärä*", "virhe*", "virheelli*",
                                          "liian", "liikaa", "fel", "felaktig*", "för hög", "för mycket",
                                          "incorrect*", "erróne*", "errad*", "indevid*", "falsch*",
                                          "zu hoch"))),
                // A charge the customer calls unfair or too high (fees alone decide nothing).
                (12, both(k("fee", "fees", "charge", "charges", "charging", "bill", "bills", "billed", "billing"),
                          k("unfair*", "hiking", "hike*", "hiked", "too high", "faulty", "outrageous", "inflated",
                            "egregious", "bogus", "excessive", "without warning", "without disclosing",
                            "unwarranted", "ridiculous", "high bills"))),
                (12, k("overcharg*", "over charg*", "unfair charge*", "bogus charge*", "unwarranted charge*",
                       "outrageous charge*", "ridiculous charge*", "unexplained charge*", "wrong charge*",
                       "incorrect charge*", "excessive charge*", "unauthorized change in charges", "ylilasku*", "ylihinta*", "cobrança indevida",
                       "cobro indebido", "valor errado", "falsche rechnung", "rechnung falsch", "zu viel berechnet")),
              ])
        cause("billing/invoice-unclear", "Invoice unclear", "Billing", avoidable: true,
              "An invoice should explain itself.",
              "The customer does not understand an invoice or a charge on it.", [
                (12, both(invoiceWords, k("understand", "unclear", "explain*", "confusing", "what is", "what are",
                                          "what does", "why", "meaning", "mitä", "miksi", "epäselv*", "ymmärr*",
                                          "selit*", "förstår", "oklar*", "varför", "vad är", "entiendo", "por qué"))),
              ])
        cause("billing/reminders-and-collection", "Payment reminder or collection", "Credit control",
              avoidable: false,
              "The customer asks about an overdue invoice or more time to pay.",
              "Reminders, debt collection, payment plans and extensions.", [
                (12, k("shut-off notice", "shutoff notice", "threat of shutting off", "disconnection notice")),
                (12, k("payment reminder*", "reminder fee*", "overdue invoice*", "overdue bill*", "debt collection",
                       "collection agency", "payment plan", "more time to pay", "extra time to pay", "maksumuistu*",
                       "muistutu*", "perintä*", "maksusuunnitel*", "maksuaika*", "lisäaika*", "osamaksu*",
                       "inkasso*", "betalningspåminnelse*", "påminnelse*", "avbetalning*", "cuotas")),
              ])
        cause("billing/invoice-question", "Invoice question", "Billing", avoidable: false,
              "The customer needs an invoice detail: a copy, the due date, the delivery method.",
              "Other questions about invoices and billing.", [
                (0, k("invoice*", "billing", "e-invoice*", "receipt*", "due date", "copy of my bill",
                      "lasku*", "e-lasku*", "eräpäivä*", "kuitti*", "faktur*", "räkning*", "kvitto*",
                      "förfallodag*", "factura*", "recibo*", "fatura*", "boleto*", "rechnung*")),
                (0, .oneOf(["bill", "bills", "billing", "billing question", "invoice", "invoices"], field: .anyText)),
              ])

        // MARK: Payments
        cause("payments/payment-failed", "Payment failed", "Payments", avoidable: true,
              "Checkout and payment should work the first time.",
              "A card or other payment was declined or failed.", [
                (15, both(paymentWords, failureWords)),
                (15, both(cardWords, declineWords)),
              ])
        cause("payments/payment-question", "Payment methods and questions", "Payments", avoidable: false,
              "Questions about how to pay; a clear payment page reduces them.",
              "Payment methods, payment status and other payment questions.", [
                // A subject about paying: "Comcast Automatic Payments", "bill payment".
                (0, .keywords(["automatic payment*", "bill payment", "check payment", "autodraft*", "auto pay"],
                              field: .subject)),
                (0, k("payment method*", "payment option*", "how to pay", "how can i pay", "how do i pay",
                      "can i pay", "pay by", "pay with", "maksutap*", "miten maksan", "voiko maksaa",
                      "betalningsmetod*", "betalsätt*", "hur betalar", "klarna", "paypal", "mobilepay",
                      "forma de pago", "formas de pago", "medio de pago", "medios de pago")),
                (0, .oneOf(["payment", "payments", "payment related", "payment question", "maksu", "maksut",
                            "betalning", "betalningar", "pago", "pagos"], field: .anyText)),
              ])

        // MARK: Account and login
        cause("account/account-locked", "Account locked", "Digital services", avoidable: true,
              "Security lock-outs should be rare and self-service to undo.",
              "The customer's account is locked, suspended or blocked.", [
                (20, both(k("account*", "user", "profile", "tili", "tilin", "tilini", "tiliä", "tilille",
                            "tililtä", "tunnu*", "käyttäjätili*", "konto*", "cuenta*", "conta", "minha conta"),
                          k("locked", "lock", "locked out", "suspend*", "blocked", "disabled", "deactivat*",
                            "lukit*", "lukossa", "estetty", "jäädy*", "suljettu", "låst*", "spärr*", "bloque*",
                            "gesperrt", "sperrung"))),
              ])
        cause("account/login-problem", "Login or password problem", "Digital services", avoidable: true,
              "Self-service login and password reset should just work.",
              "The customer cannot log in, forgot a password or has trouble with identification.", [
                (12, k("password*", "passcode", "login", "log in", "logging in", "sign in", "signing in",
                       "two-factor", "2fa", "verification code", "salasan*", "kirjautu*", "kirjaudu*",
                       "sisäänkirjau*", "tunnistautu*", "käyttäjätunnu*", "lösenord*", "logga in", "inloggning*",
                       "contraseña*", "iniciar sesión", "senha*", "passwort*", "kennwort*", "einloggen", "anmelden",
                       "não consigo entrar", "no puedo entrar", "no puedo acceder")),
              ])
        cause("account/account-details", "Account details and administration", "Customer accounts",
              avoidable: false,
              "The customer's details changed or need administration; make it self-service.",
              "Changing address, e-mail, phone number or name, and other account administration.", [
                (10, both(changeWords, k("address", "email", "e-mail", "phone number", "mobile number", "name",
                                         "details", "personal details", "contact details", "osoite*", "osoitt*",
                                         "sähköposti*", "puhelinnumero*", "nimi*", "nimen", "yhteystie*",
                                         "tiedot", "tietoj*", "adress*", "e-post*", "telefonnummer*", "namn*",
                                         "dirección", "correo"))),
                (10, k("change of address", "osoitteenmuut*", "osoitemuut*", "adressändring*")),
                (0, k("account settings", "omat tiedot", "asiakastiedot", "kontoinställning*")),
                (0, .oneOf(["admin", "administration", "admin support", "account", "my account", "account related",
                            "oma tili", "mitt konto", "mi cuenta"], field: .anyText)),
              ])
        cause("account/close-or-privacy", "Close account or personal data", "Customer accounts",
              avoidable: false,
              "A right the customer exercises; offer it as self-service.",
              "Closing an account, deleting personal data, privacy and marketing consent.", [
                (15, k("delete my account", "close my account", "remove my account", "delete my data",
                       "personal data", "gdpr", "privacy", "unsubscribe", "newsletter*", "marketing email*",
                       "tietosuoj*", "henkilötie*", "poista* tili*", "sulje* tili*", "tilin poist*",
                       "tilin sulke*", "uutiskir*", "radera mitt konto", "personuppgift*", "nyhetsbrev*",
                       "datos personales")),
              ])

        // MARK: Contracts and subscriptions
        cause("contract/change-plan", "Change plan or subscription", "Sales", avoidable: false,
              "The customer wants a different product or plan.",
              "Upgrades, downgrades and other changes to a contract or subscription.", [
                (10, both(k("change", "upgrade", "downgrade", "switch", "muut*", "vaihda*", "vaihta*", "byt*",
                            "ändra*", "uppgrader*", "cambiar"),
                          k("plan", "plans", "subscription*", "contract", "contracts", "tariff*", "membership", "liittymä*",
                            "sopimu*", "kestotilau*", "jäsenyy*", "abonnemang*", "avtal*", "prenumeration*",
                            "contrato*", "suscripci*", "plan"))),
                (10, k("upgrade", "downgrade", "uppgradera*")),
              ])
        cause("contract/cancel", "Cancellation", "Sales", avoidable: false,
              "The customer chooses to leave: a retention question, not a process failure.",
              "Cancelling an order, contract, subscription or membership.", [
                (10, k("cancel", "cancelling", "canceling", "cancellation", "terminate", "termination",
                       "end my contract", "end my subscription", "stop my subscription", "early termination fee*",
                       "etf charge*", "etf fee*", "irtisan*", "irtisano*",
                       "peruuttaa", "peruutan", "peruutus*", "peruutu*", "perua", "perun", "peruminen", "perumaan",
                       "lopettaa sopimu*", "lopettaa tilau*", "lopettaa jäsenyy*", "säga upp", "uppsägning*",
                       "avsluta*", "cancelar", "dar de baja", "baja", "cancelamento", "cancelamiento", "kündigen", "kündigung*",
                       "stornier*")),
                (10, both(k("lopetan", "lopettaa", "lopettaisin", "lopeta", "lopettamaan"),
                          k("kestotilau*", "tilau*", "sopimu*", "jäsenyy*", "liittymä*"))),
                (0, k("cancelled", "canceled", "peruttu", "peruuntu*", "avbeställ*")),
              ])
        cause("contract/contract-question", "Contract or subscription question", "Sales", avoidable: false,
              "Questions about terms, renewal or the current contract.",
              "Other questions about a contract, subscription or membership.", [
                // "contract" alone (or "contractor") is no question about one: it needs what is asked.
                (0, both(k("contract", "contracts", "subscription*", "membership", "sopimu*", "kestotilau*",
                           "jäsenyy*", "liittymä*", "avtal*", "abonnemang*", "prenumeration*", "medlemskap*",
                           "contrato*", "suscripci*"),
                         k("renew*", "expir*", "end date", "ends", "terms", "binding", "how long", "when does",
                           "notice period", "question", "voimassa", "päättyy", "määräai*", "irtisanomisaika*",
                           "kysymys", "löper ut", "bindningstid*", "uppsägningstid*", "fråga", "vence",
                           "renovaci*"))),
                (0, k("terms and conditions", "auto-renew*", "automatic renewal", "notice period", "määräaikai*",
                      "bindningstid*")),
                (0, .oneOf(["contract", "contracts", "contract related", "contract question", "subscription",
                            "subscriptions", "membership", "sopimus", "sopimukset", "avtal", "abonnemang"],
                           field: .anyText)),
              ])

        // MARK: Product defects and technical faults
        cause("technical/app-or-website-error", "App or website error", "Digital services", avoidable: true,
              "A working app or website needs no contact.",
              "Errors, crashes and bugs in an app, the website or software updates.", [
                (11, both(softwareWords, softwareSymptoms)),
                (10, k("crash*", "error message", "error code", "software bug*", "a bug", "the bug", "this bug",
                       "kind of bug", "bug fix*", "bug report*", "buggy", "keeps crashing",
                       "something went wrong", "jokin meni vikaan", "något gick fel",
                       "kaatuu", "kaatuili", "virheilmoitu*", "bugi*", "ohjelmavirhe*", "felmeddelande*",
                       "kraschar")),
                // Something that broke with an update: the tweet names the update, not the symptom.
                (10, k("after i updated", "since i updated", "after updating", "since updating", "since the update",
                       "after the update", "since the latest update", "päivityksen jälkeen", "efter uppdateringen",
                       "después de actualizar", "depois da atualização", "nach dem update")),
              ])
        cause("technical/service-outage", "Service outage or connection fault", "Network operations",
              avoidable: true,
              "The service should be available; outages create contacts in waves.",
              "The service, network or connection is down or unreliable.", [
                (10, k("outage", "service down", "internet is down", "internet down", "no internet", "no signal",
                       "no connection", "no service", "connection problem*", "network problem*", "disconnect*",
                       // "wifi" or "broadband" alone names the service, not a fault ("Comcast Wifi Service").
                       "katko*", "käyttökatko*", "häiriö*", "yhteysongelm*",
                       "verkkohäiriö*", "ei yhteyttä", "nettiyhteys*", "netti", "nettiä", "kuuluvuu*",
                       "avbrott*", "driftstörning*", "störning*", "ingen täckning", "sin servicio",
                       "sin conexión", "outage*", "internet has been down", "internet was down", "internet went down",
                       "sin internet", "no tengo internet", "sem internet", "sem sinal",
                       "sem conexão", "sem serviço", "queda de internet", "kein internet", "kein netz", "netzausfall",
                       "internet not working", "service not working", "non working service", "not working service",
                       "internet out", "internet goes out", "internet keeps going out", "outtage*",
                       "connectivity issue*", "connectivity problem*", "connection issue*", "internet connectivity",
                       "loss of internet", "loss of service", "lost internet", "lost service", "internet freez*",
                       "internet is down", "service is down", "services interrupted", "service interrupted",
                       "frequent interruptions", "interuption*", "degraded service*", "connection drop*")),
                // The connection's quality, not the agents': "poor internet", "low internet quality".
                (9, both(k("internet", "connection", "reception", "broadband"),
                         k("poor", "low quality", "bad quality", "inconsistent", "performance", "quality loss"))),
                (10, both(k("service", "services", "internet", "wifi"),
                          k("not working", "didn't work", "barely ever works", "its not working"))),
                (10, k("do not have internet", "don't have internet", "not receiving internet",
                       "internet unavailable", "connection not available", "no broadband service",
                       "intermittant", "loss connection", "services interruptions", "system reliability")),
                (9, both(k("constant", "continuous", "continued", "recurring", "endless"),
                         k("internet issues", "internet problems", "service issues"))),
                (9, k("poor internet", "internet quality", "poor internet quality", "low internet quality",
                      "internet service quality", "internet service bad quality")),
                // A connection that comes and goes: an unreliable word with what is unreliable.
                (10, both(k("intermittent", "spotty", "unreliable", "drops", "dropping", "dropped", "interruption*",
                            "loses", "losing", "lost", "disrupt*", "keeps going out", "goes out", "katkeil*", "katkeaa",
                            "pätkii", "bryts", "ligger nere", "intermitente", "cai", "caindo", "bricht ab"),
                          k("internet", "service", "connection", "signal", "wifi", "wi-fi", "cable", "network",
                            "connectivity", "phone service", "netti*", "yhteys", "yhteyden", "uppkoppling*",
                            "internet", "conexión", "conexão", "sinal", "verbindung"))),
              ])
        cause("technical/streaming-and-playback", "Streaming and playback", "Content delivery", avoidable: true,
              "Playback that works needs no contact.",
              "Streaming, buffering and playback problems.", [
                (10, k("streaming", "stream", "streams", "playback", "buffering", "skipping", "skips",
                       "keeps stopping", "suoratoist*", "striimi*", "toisto*", "puskuroi*", "pätki*",
                       "strömning*", "uppspelning*", "buffr*", "reproducci*")),
              ])
        cause("technical/product-defect", "Product defect or fault", "Product quality", avoidable: true,
              "A product that works needs no contact.",
              "The product is broken, faulty or does not work as it should; warranty claims.", [
                // A symptom ("broken", "not working") names no product: a heater, a street light or a website
                // that does not work is not a product defect. It needs a product word.
                (8, k("faulty product", "faulty device", "malfunction*", "warranty", "guarantee", "won't turn on", "won't charge",
                      "battery life", "battery drain*", "killing my battery", "battery dies", "akun kesto",
                      "akkua syö", "batteritid*", "overheat*", "vialli*", "takuu*", "reklamaatio*", "defekt*", "garanti*",
                      "reklamation*", "defectuos*", "garantía", "defective product", "manufacturing defect")),
                (8, both(k("broken", "broke", "defect*", "faulty", "not working", "stopped working", "doesn't work",
                           "does not work", "rikki", "rikkinäi*", "rikkoutu*", "vika", "vikaa", "vian", "viat",
                           "vioittu*", "ei toimi", "lakkasi toimimasta", "trasig*", "fungerar inte",
                           "slutade fungera", "no funciona", "problem with", "problems with", "não funciona",
                           "defeito*", "kaputt", "funktioniert nicht", "drains", "drain*", "dies"),
                         k("product*", "device*", "item", "phone", "laptop", "tablet", "charger", "battery",
                           "headphone*", "kettle", "appliance*", "machine", "tv", "camera", "watch", "printer",
                           "tuote*", "tuott*", "laite*", "laitteen", "puhelin*", "akku*", "laturi*", "tulostin*",
                           "produkt*", "apparat*", "enhet*", "telefon*", "laddare*", "batteri*", "producto*",
                           "dispositivo*", "aparato*", "printhead*", "print head", "iphone", "produto*",
                           "gerät*", "handy"))),
              ])
        cause("technical/how-to", "How-to and setup", "Product information", avoidable: true,
              "Clear instructions or onboarding would have answered it.",
              "How to use, install or set up a product or service.", [
                (5, k("how do i", "how can i", "how to", "how does", "instructions", "manual", "user guide",
                      "setup", "set up", "install*", "configure", "kuinka", "miten voin", "miten saan",
                      "käyttöohje*", "ohje", "ohjeet", "ohjeita", "asennu*", "asennan", "asennat", "asentaa",
                      "asentaminen", "asennettu", "hur gör", "hur kan jag",
                      "bruksanvisning*", "instruktion*", "installera*", "cómo")),
              ])
        cause("technical/technical-support", "Technical support (unspecified)", "Technical support",
              avoidable: true,
              "A product or service that works needs no technical support.",
              "Technical problems the contact does not describe further.", [
                (3, k("technical support", "tech support", "technical issue*", "technical problem*",
                      "technical difficult*", "helpdesk", "it support", "tekninen tuki", "teknistä tukea",
                      "tekninen ongelma", "tekninen vika", "teknisiä ongelm*", "teknisk support",
                      "tekniskt problem", "soporte técnico", "problema técnico")),
              ])

        // MARK: Questions before purchase
        cause("presales/pricing-and-offers", "Prices, offers and discount codes", "Sales", avoidable: false,
              "Questions about price or an offer before buying.",
              "Prices, discounts, campaign and discount codes, gift cards.", [
                (4, k("price", "prices", "pricing", "discount*", "coupon*", "promo code*", "voucher*",
                      "gift card*", "special offer*", "hinta", "hinnan", "hinnat", "hintaa",
                      "hinnoittel*", "alennu*", "alekoodi*", "kampanja*", "tarjou*", "lahjakort*", "etukoodi*",
                      "pris", "priset", "priser", "rabatt*", "erbjudande*", "presentkort*", "precio*",
                      "descuento*", "oferta*")),
              ])

        cause("presales/product-question", "Product question before purchase", "Sales", avoidable: false,
              "Questions that lead to a sale.",
              "Availability, specifications, compatibility and advice before buying.", [
                (4, k("in stock", "out of stock", "back in stock", "do you have",
                      "do you sell", "compatible", "compatibility", "specification*", "specs", "dimensions",
                      "which size", "what size", "sizing", "can you recommend", "before buying", "before i buy",
                      "varastossa", "saatavu*", "saatavilla", "saatavissa", "onko teillä", "myyttekö",
                      "yhteensopi*", "suosittel*", "mitoitu*", "i lager", "har ni", "säljer ni", "kompatib*",
                      "which model", "should i choose", "do you deliver",
                      "do you ship", "valitsisin", "kumman mallin", "kumpi malli*", "toimitatteko")),
              ])
        // MARK: Bookings and travel
        cause("booking/travel-disruption", "Delay or cancellation on our side", "Operations", avoidable: true,
              "The service did not run as booked.",
              "A flight, train, trip or appointment was delayed or cancelled by the provider.", [
                (12, both(tripWords, k("delay*", "late", "cancelled", "canceled", "missed", "myöhä*", "viivä*",
                                       "perut*", "peruuntu*", "perui*", "försen*", "inställ*", "retras*",
                                       "cancelad*", "atrasad*", "gestrichen", "annulliert", "verspät*"))),
              ])
        cause("booking/cancel-booking", "Cancel a booking", "Bookings", avoidable: false,
              "Plans changed; a self-service cancellation is cheaper.",
              "The customer wants to cancel a booking, reservation or appointment.", [
                (12, both(k("cancel", "cancelling", "canceling", "cancellation", "peruuttaa", "peruutan",
                            "peruutus*", "perua", "perun", "avboka*", "avbokning*", "cancelar", "anular"),
                          k("booking*", "reservation*", "appointment*", "ticket*", "flight*", "trip", "hotel*",
                            "table", "varau*", "ajanvarau*", "lippu*", "lipun", "lento*", "matka", "matkan",
                            "bokning*", "biljett*", "resa", "resan", "reserva*", "turno*", "cita", "citas"))),
              ])
        cause("booking/change-booking", "Change a booking", "Bookings", avoidable: false,
              "The customer's plans changed; offer self-service rebooking.",
              "Changing the date, time or details of a booking, reservation or appointment.", [
                (10, both(k("change", "reschedule", "rebook", "move", "muut*", "siirt*", "vaihda*", "vaihta*",
                            "vaihto*", "vaihdo*", "ändra*", "omboka*", "flytta*", "cambiar", "reprogramar"),
                          k("date", "time", "aika*", "ajan*", "päivämäärä*", "tid", "tiden", "fecha"))),
                (10, both(k("change", "reschedule", "rebook", "move", "muut*", "siirt*", "vaihda*", "vaihta*",
                            "ändra*", "omboka*", "flytta*", "cambiar", "reprogramar"), bookingWords)),
                (10, k("reschedul*", "rebook*", "uudelleenvarau*", "omboka*", "ombokning*")),
              ])

        // MARK: Complaints about the service
        cause("service/no-response", "No reply or callback", "Customer service", avoidable: true,
              "An unanswered contact brings the customer back.",
              "The customer has had no reply, or a promised callback did not happen.", [
                (9, k("no reply", "no response", "no answer", "not heard back", "haven't heard", "still haven't heard",
                      "never heard back", "nobody called", "no one called", "call me back", "callback",
                      "call back", "promised to call", "never called", "nobody has called", "no one has called",
                      "hasn't called", "has not called", "never got back", "nobody got back", "no one got back", "never replied", "ei ole vastattu",
                      "ei vastausta", "en ole saanut vastausta", "ei vastannut", "soittopyyntö*",
                      "takaisinsoitto*", "inget svar", "ingen har ringt", "återuppringning*", "sin respuesta")),
              ])
        cause("service/waiting-time", "Waiting time and queues", "Customer service", avoidable: true,
              "Long queues create repeat calls and complaints.",
              "The customer complains about waiting on hold, in a queue or for an answer.", [
                (3, k("on hold", "waiting time", "wait time", "waited", "queue", "queued", "no one answers",
                      "nobody answers", "nobody answered", "no one answered", "couldn't get through", "can't get through", "jono*", "odotusaika*",
                      "odotin", "odottanut", "ei vastaa", "kö", "kön", "kötid*", "väntetid*", "väntat",
                      "väntade", "espera", "demora")),
              ])
        cause("service/service-quality", "Poor service or agent behaviour", "Customer service", avoidable: true,
              "Every contact should be handled courteously and competently.",
              "Rude, unhelpful or incompetent handling by staff.", [
                (3, k("complaint about customer service", "complaint about the service", "complaint about your service",
                      "complaint about the agent", "valitus asiakaspalvelusta", "klagomål på kundtjänst*",
                      "klagomål på kundservice*", "queja sobre la atención")),
                (3, k("rude", "impolite", "unprofessional", "unhelpful", "disrespectful", "attitude", "hung up",
                      "töykeä*", "tyly*", "epäkohtelia*", "epäasiallis*", "otrevlig*", "oförskämd*", "ohövlig*",
                      "maleducad*", "grosero*")),
                (3, both(k("agent*", "staff", "employee*", "representative*", "advisor*", "customer service",
                           "colleague*", "asiakaspalvelija*", "asiakaspalvelu*", "myyjä*", "työntekijä*",
                           "henkilökun*", "handläggare*", "personal*", "kundtjänst*", "empleado*", "atención",
                           "customer support", "atendimento", "atendente*", "funcionári*", "kundenservice",
                           "kundendienst", "mitarbeiter*"),
                         k("bad", "poor", "terrible", "awful", "useless", "incompetent", "huono*", "surkea*",
                           "kehno*", "ala-arvoi*", "dålig*", "usel*", "malo", "mala", "pésim*", "abysmal", "nightmare",
                           "horrible", "worst", "lousy", "pathetic", "runaround", "incompeten*", "ruim", "péssim*",
                           "schlecht*", "unfreundlich*"))),
                // A subject that names the customer service (not a body that mentions calling it) complains
                // about it: "Comcast customer service", "customer service issues".
                // A subject that asks how or when to reach it is a question, not a complaint.
                (3, both(.keywords(["customer service", "customer care", "customer support"], field: .subject),
                         .not(k("available", "hours", "open", "opening", "when", "how", "number", "contact")))),
                (3, k("poor customer service", "bad customer service", "terrible customer service",
                      "customer service issue*", "customer service problem*", "customer service complaint*",
                      "run around", "runaround", "ring around", "lied to", "lied to me", "lies to",
                      "misinformed", "mistreatment", "racist customer service", "customer services",
                      "customer treatment", "lack of communication", "miscommunication", "communication problem*",
                      "non response", "hang-ups", "accurate information", "false information", "chronic lies",
                      "number of lies", "caught in", "supervisers", "supervisors", "supervisor", "chat agent",
                      "ignoring me", "will not help", "refuses to help", "not responsive",
                      "will not let me discuss", "failure to respond")),
                (3, k("mal atendimento", "atendimento ruim", "péssimo atendimento", "atendente grosseir*",
                      "schlechter service", "schlechten service", "unfreundliche* mitarbeiter*",
                      "unfreundliche* kundenservice")),
              ])
        cause("service/general-complaint", "General complaint", "Customer experience", avoidable: true,
              "A complaint means something failed.",
              "A complaint that names no more specific cause.", [
                // The word "complaint" (valitus, klagomål, queja) names no cause: a "Contractor Complaint" or a
                // "Consumer Complaint" is about something else, so it never decides alone.
                (-5, k("disappointed", "unacceptable", "disgrace", "not happy", "unhappy", "terrible", "awful",
                       "horrible", "worst", "pettynyt", "pettymy*", "huono palvelu", "huonoa palvelua",
                       "kelvoton*", "besviken", "missnöjd*")),
              ])

        // MARK: Praise and suggestions
        cause("feedback/praise", "Praise and thanks", "Customer experience", avoidable: false,
              "Positive feedback is value, not failure.",
              "Thanks and praise with no problem to solve.", [
                (-10, k("problem solved", "issue resolved", "ongelma ratkesi", "problemet löst")),
                // "Thank you for your help" ends many complaints: praise only when nothing in the text complains.
                (-10, both(k("thanks", "thank", "thank you", "thx", "great", "excellent", "awesome", "brilliant",
                             "amazing", "fantastic", "love", "well done", "problem solved", "kiitos", "kiitoksia",
                             "kiitokset", "kiittää", "kiitän", "kiitti", "hyvä palvelu", "hyvästä palvelusta",
                             "loistava*", "erinomai*", "mahtava*", "tack för", "tack så", "stort tack",
                             "tusen tack", "tackar", "toppen", "gracias", "excelente"),
                           .not(k("not", "never", "no", "don't", "didn't", "won't", "wouldn't", "can't", "cannot",
                                  "couldn't", "isn't", "doesn't", "mistake*", "fee", "fees", "problem*",
                                  "issue*", "complaint*", "fraud*", "scam*", "unauthori*", "dispute*", "wrong",
                                  "error*", "still", "again", "ei", "en", "eikä", "ongelm*", "vika", "inte",
                                  "aldrig")))),
              ])
        cause("feedback/suggestion", "Suggestion or idea", "Customer experience", avoidable: false,
              "Ideas to improve the product or service are value.",
              "Suggestions, feature requests and general feedback.", [
                (-8, k("suggest*", "idea", "ideas", "feature request", "would be nice", "please add",
                       "could you add", "improve*", "improvement*", "feedback", "ehdot*", "toive*", "palaute*",
                       "kehitysehdotu*", "parannu*", "förslag*", "önskemål*", "sugerencia*", "propuesta*",
                       "mejora*")),
              ])

        // MARK: Public-service requests
        // One cause per matter a city routes to its own owner (311 complaint types): noise from homes and
        // streets, from vehicles and from building sites; parking, traffic and abandoned vehicles; streets,
        // lights and graffiti; collection, dumping and dirt; the landlord's heat, plumbing, leaks, mould, safety
        // devices and paint; pests, trees, public facilities, homelessness, taxis, permits and businesses.
        // Words that name the matter only: "No Access" (a blocked driveway at 311, an access problem at an IT
        // desk) or a bare "N/A" stay unclassified.
        cause("public-service/noise", "Noise", "Environmental protection", avoidable: false,
              "A nuisance report the service exists to handle.",
              "Loud music, parties, talking, banging, televisions, barking and other noise from homes, businesses, streets and parks.", [
                (7, k("noise", "noisy", "loud", "barking", "banging", "pounding", "loud music", "loud talking",
                      "loud television", "melu*", "meteli*", "buller*", "oljud", "ruido*", "vibraci*")),
              ])
        cause("public-service/vehicle-noise", "Vehicle noise", "Traffic enforcement", avoidable: false,
              "An enforcement request about vehicles the service exists to handle.",
              "Music from cars and trucks, idling engines, horns, car alarms and loud exhausts.", [
                (9, k("car/truck music", "car/truck horn", "engine idling", "idling", "car alarm*", "honking",
                      "loud exhaust*", "loud muffler*", "vehicle noise", "tyhjäkäyn*", "autohälytin*",
                      "tomgångskörning*", "billarm*", "bocina*", "bocinazo*")),
                (8, both(k("noise", "noisy", "loud", "music", "melu*", "buller*", "ruido*"),
                         k("car", "cars", "truck", "trucks", "motorcycle*", "moped*", "exhaust*", "muffler*",
                           "auto", "autot", "autosta", "moottoripyör*", "mopo*", "bil", "bilar", "motorcykel*",
                           "moped", "mopeder", "moto", "motos", "camión*"))),
              ])
        cause("public-service/construction-noise", "Construction noise", "Building control", avoidable: false,
              "Building sites work within permitted hours; enforcing them is the service's task.",
              "Construction work before or after permitted hours, jackhammers and demolition noise.", [
                (9, k("construction before/after hours", "after hours construction", "construction noise",
                      "jackhammer*", "rakennusmelu*", "työmaamelu*", "byggbuller*", "byggarbetsplatsbuller*",
                      "ruido de obra*")),
                (8, both(k("noise", "noisy", "loud", "melu*", "meteli*", "buller*", "oljud", "ruido*"),
                         k("construction", "demolition", "rakennus*", "työmaa*", "purku*", "bygg*", "rivning*",
                           "obra", "obras", "construcci*"))),
              ])
        cause("public-service/parking-and-traffic", "Illegal parking", "Traffic enforcement",
              avoidable: false,
              "An enforcement request the service exists to handle.",
              "Illegal parking, blocked driveways, hydrants, sidewalks and bike lanes, and misused plates or permits.", [
                (5, k("parking", "parked", "double parked", "car park", "driveway", "blocked hydrant",
                      "blocked sidewalk", "bike lane", "license plates", "license plate", "pysäköi*",
                      "parkkee*", "väärinpysäköi*", "parkering*", "felparker*", "estacionad*",
                      "estacionamiento*", "tránsito", "transito", "vehículo*", "vehiculo*", "grúa", "acarreo",
                      "vial")),
              ])
        cause("public-service/traffic", "Traffic", "Traffic management", avoidable: false,
              "A request about traffic flow the service exists to manage.",
              "Congestion and gridlock, truck routes, speeding and dangerous crossings.", [
                (5, k("gridlock", "truck route*", "traffic jam*", "speeding", "ruuhka*", "ylinopeu*",
                      "köbildning*", "fortkörning*", "cruce peligroso", "embotellamiento*")),
                // Traffic on roads, not on a network ("traffic limitations" at an internet provider).
                (5, both(k("traffic", "congestion", "liikenne*", "trafik*", "congestión"),
                         .not(k("internet", "data", "network", "bandwidth", "broadband", "throttl*", "limitation*",
                                "web", "site", "website", "verkko*", "netti*", "nätverk*", "datos", "dados",
                                "red")))),
              ])
        cause("public-service/abandoned-vehicle", "Abandoned vehicle", "Traffic enforcement", avoidable: false,
              "A removal request the service exists to handle.",
              "Vehicles left on the street, wrecks and derelict cars.", [
                (6, k("abandoned vehicle*", "abandoned car*", "derelict vehicle*", "derelict car*", "romuauto*",
                      "hylätty auto", "hylätyt autot", "hylättyä autoa", "övergiven bil", "övergivna bilar",
                      "skrotbil*", "auto abandonado", "autos abandonados", "vehículo abandonado",
                      "vehiculo abandonado", "vehículos abandonados")),
              ])
        cause("public-service/streets-and-infrastructure", "Streets and sidewalks",
              "Street maintenance", avoidable: false,
              "A report of wear or damage that the service exists to repair.",
              "Potholes, road surfaces, sidewalks, street signs and public space.", [
                (5, k("pothole*", "street condition", "sidewalk*", "pavement", "road surface", "street sign*",
                      "kuoppa*", "jalkakäytävä*", "katuvaurio*", "liikennemerkki*", "trottoar*", "gropar",
                      "potthål*", "vägskylt*", "bache*", "vereda*", "calle", "calles", "señal*",
                      "espacio público", "espacio publico", "poste", "postes", "cableado")),
              ])
        cause("public-service/street-lights", "Street lights and traffic signals", "Street lighting",
              avoidable: false,
              "A report of a broken light the service exists to repair.",
              "Street lights out or on by day, lamp posts, traffic lights and signals.", [
                (6, k("street light*", "streetlight*", "street lamp*", "lamp post*", "lamppost*",
                      "traffic light*", "traffic signal*", "katuvalo*", "katuvalais*", "tievalo*",
                      "liikennevalo*", "gatubelysning*", "gatlykt*", "trafikljus*", "alumbrado", "luminaria*",
                      "iluminaci*", "semáforo*", "semaforo*")),
              ])
        cause("public-service/graffiti", "Graffiti", "Street cleaning", avoidable: false,
              "A cleaning request the service exists to handle.",
              "Graffiti and tags on buildings, walls and street furniture.", [
                (6, k("graffiti", "graffito", "töhry*", "töhri*", "graffit*", "klotter*", "klottr*", "grafiti*",
                      "pintada*")),
              ])
        cause("public-service/missed-collection", "Missed collection", "Sanitation", avoidable: true,
              "The scheduled collection did not happen.",
              "Waste or recycling that was not collected as scheduled.", [
                (12, k("missed collection", "missed pickup", "missed pick up", "not collected",
                       "wasn't collected", "not picked up", "tyhjentämättä", "noutamatta", "ei tyhjennetty",
                       "inte tömd", "inte hämtat", "falta de recolección")),
              ])
        cause("public-service/illegal-dumping", "Illegal dumping", "Sanitation enforcement", avoidable: false,
              "An enforcement and removal request the service exists to handle.",
              "Waste, furniture or debris dumped on streets and lots.", [
                (6, k("illegal dumping", "dumping", "dumped", "fly tipping", "dumppa*", "luvaton kaatopaik*",
                      "roskien dumppaus", "dumpning*", "dumpat", "dumpade", "olaglig tippning",
                      "arrojo de residuos", "basural*", "microbasural*")),
              ])
        cause("public-service/sanitation", "Waste and cleanliness", "Sanitation", avoidable: false,
              "Requests for cleaning and pick-ups that the service exists to handle.",
              "Garbage, litter, bulky waste, recycling, dirty streets, commercial waste and dead animals.", [
                (5, k("garbage", "trash", "litter*", "rubbish", "waste disposal", "waste collection",
                      "bulky waste", "dirty condition*", "sanitation", "recycling", "dead animal",
                      "roska*", "jäte",
                      "jätteet", "jätteen", "jätteitä", "jätteiden", "jäteastia*", "jätehuol*", "kierrätys*",
                      "sopor", "avfall*", "skräp*", "nedskräp*", "återvinning*",
                      "basura*", "residuo*", "recolecci*", "limpieza", "escombro*", "contenedor*",
                      "campana verde", "cesto*", "reciclad*", "baldío",
                      "higieniz*", "voluminoso*")),
              ])
        cause("public-service/unsanitary-conditions", "Unsanitary conditions in a building", "Housing inspection",
              avoidable: false,
              "A tenant reports a landlord's failure, which the service enforces.",
              "Unsanitary common areas and garbage or recycling kept badly in a residential building.", [
                (6, k("unsanitary", "garbage/recycling storage", "garbage storage", "recycling storage",
                      "epähygieeni*", "epäsiisti porraskäytävä", "ohygienisk*", "insalubr*", "antihigiénic*")),
              ])
        cause("public-service/pests", "Pests and rodents", "Pest control", avoidable: false,
              "A report of pests that the service exists to inspect and control.",
              "Rats and mice, bed bugs, cockroaches, mosquitoes and other pests, indoors or out.", [
                (7, k("rodent*", "rat", "rats", "mice", "pest", "pests", "pest control", "bed bug*", "bedbug*",
                      "cockroach*", "roach", "roaches", "mosquito*", "exterminat*", "vermin", "rotta*", "rotat",
                      "hiiri*", "hiiriä", "lude", "luteet", "lutei*", "torakka*", "tuholai*", "råtta*", "möss",
                      "vägglus", "vägglöss*", "kackerlack*", "skadedjur*", "desratiz*", "roedor*", "plaga*",
                      "cucaracha*", "chinche*", "fumigaci*")),
              ])
        cause("public-service/heat-and-hot-water", "Heat and hot water", "Housing inspection", avoidable: true,
              "A landlord failed to keep the heating or hot water running.",
              "No heat, too little heat, no hot water, radiators and boilers in housing.", [
                (7, k("heat", "heating", "no heat", "hot water", "radiator*", "boiler", "lämmitys*", "lämmin vesi",
                      "lämmintä vettä", "kuuma vesi", "kuumaa vettä", "patteri*", "uppvärmning*", "värme",
                      "värmen", "varmvatten", "varmt vatten", "calefacci*",
                      "agua caliente")),
              ])
        cause("public-service/sewer-and-water", "Sewer, drains and water supply", "Water and sewer",
              avoidable: false,
              "A report about the water or sewer network that the service exists to repair.",
              "Sewer back-ups, catch basins, storm drains, hydrants, water mains, water pressure and quality.", [
                (6, k("sewer*", "sewage", "catch basin*", "storm drain*", "water main", "water system", "leaking hydrant",
                      "hydrant leak*", "open hydrant", "hydrant running",
                      "no water", "water pressure", "water quality", "manhole", "viemäri*", "jätevesi*", "sadevesi*",
                      "kaivo*", "vesijohto*", "vedenpaine*", "ei vettä", "avlopp*", "dagvatten*", "brandpost*",
                      "vattenledning*", "vattentryck*", "inget vatten", "cloaca*", "sumidero*", "alcantarilla*",
                      "pluvial*", "desobstrucci*", "sin agua")),
              ])
        cause("public-service/plumbing", "Plumbing", "Housing inspection", avoidable: false,
              "A tenant reports a landlord's failure, which the service enforces.",
              "Broken sinks, toilets, baths, showers, faucets and water supply inside a building.", [
                (7, k("plumbing", "plumber", "basin/sink", "bathtub*", "bathtub/shower", "clogged toilet",
                      "toilet clogged", "toilet not flushing", "broken toilet", "faucet*", "putkivika*",
                      "putkimie*", "putkisto*", "lavuaari*", "wc istuin*", "vessanpönt*", "tukkeutunut vessa",
                      "rörmokare*", "rörfel*", "handfat*", "toalettstol*", "stopp i toaletten", "fontaner*",
                      "cañería*", "caneria*", "inodoro*")),
              ])
        // "Leak" alone is water in a building, but not a data, memory or password leak.
        cause("public-service/water-leak", "Water leak in a building", "Housing inspection", avoidable: false,
              "A tenant reports a landlord's failure, which the service enforces.",
              "Leaks from ceilings, walls and pipes, and water damage in housing.", [
                (7, both(k("leak", "leaks", "leaking", "water leak*", "slow leak", "water damage", "vesivuoto*",
                           "vuoto*", "vuotaa", "vesivahin*", "vattenläck*", "läck*", "vattenskad*",
                           "filtraci*", "gotera*", "goteo"),
                         .not(k("data", "memory", "privacy", "personal", "information", "password*", "tieto*",
                                "tietovuo*", "uppgift*", "dados", "datos", "gas")))),
              ])
        cause("public-service/mold", "Mould and damp", "Housing inspection", avoidable: false,
              "A tenant reports a landlord's failure, which the service enforces.",
              "Mould, mildew and damp in housing.", [
                (7, k("mold", "mould", "moldy", "mouldy", "mildew", "hometta", "homeen", "homeongelm*",
                      "homevau*", "homeitiö*", "kosteusvau*", "mögel*", "fuktskad*", "humedad", "moho")),
              ])
        cause("public-service/building-safety", "Building safety devices", "Housing inspection", avoidable: false,
              "A tenant reports a landlord's failure, which the service enforces.",
              "Smoke and carbon monoxide detectors, sprinklers, fire escapes and extinguishers.", [
                (7, k("smoke detector*", "smoke alarm*", "carbon monoxide", "co detector*", "fire escape*",
                      "sprinkler*", "fire extinguisher*", "palovaroitin*", "palovaroittim*", "häkävaroitin*",
                      "sprinkleri*", "paloposti*", "brandvarnare*", "brandstege*", "koloxid*",
                      "brandsläckare*", "detector de humo", "matafuego*", "extintor*", "escalera de incendio*")),
              ])
        cause("public-service/housing-conditions", "Paint, plaster and other repairs",
              "Housing inspection", avoidable: false,
              "A tenant reports a landlord's failure, which the service enforces.",
              "Peeling paint, plaster, ceilings, walls and floors in housing.", [
                (6, k("plaster", "peeling paint", "paint/plaster", "ceiling", "rappau*", "maali hilseilee",
                      "hilseilevä maali", "puts", "putsen", "färgen flagnar", "flagnande färg",
                      "pintura descascarada", "revoque", "cielorraso")),
              ])
        cause("public-service/trees-and-green-spaces", "Trees, parks and green spaces", "Parks", avoidable: false,
              "A maintenance request the service exists to handle.",
              "Tree pruning, removal and planting, fallen and damaged trees, parks, playgrounds and park rules.", [
                (5, k("tree", "trees", "park", "parks", "green space*", "playground*", "roots damaged",
                      "tree roots", "puu", "puut", "puun",
                      "puita", "puisto*", "leikkipaik*", "viheralue*", "träd", "trädet", "parken", "lekplats*",
                      "árbol*", "arbol*", "arbolado", "poda", "espacios verdes", "plaza*", "plantaci*")),
                // Pruning a tree that covers a street light is the tree's matter.
                (7, k("tree pruning", "prune the tree", "puiden karsint*", "puun karsint*", "trädbeskärning*",
                      "beskära träd*", "poda", "poda de árbol*", "poda de arbol*")),
                (5, both(k("bbq", "barbecue*", "grilling", "grillaus*", "grillaami*", "grilla", "grillning*",
                           "asado*", "parrilla*"),
                         k("outside", "authorized", "allowed", "area", "ulkopuolella", "kielletty", "utanför",
                           "förbjud*", "prohibid*"))),
              ])
        cause("public-service/public-facilities", "Public buildings and facilities", "Facilities maintenance",
              avoidable: false,
              "A maintenance request the service exists to handle.",
              "Unsecured or damaged public facilities, public toilets and comfort stations.", [
                (6, k("unsecured facility", "unsecured facilities", "facility maintenance", "comfort station*",
                      "public toilet*", "public restroom*", "yleinen wc", "yleiset wc", "yleinen vessa",
                      "julkinen wc", "offentlig toalett*", "offentliga toaletter", "baño público",
                      "baños públicos", "bano publico")),
              ])
        cause("public-service/public-safety", "Public safety and order", "Public safety", avoidable: false,
              "A report of disorder the service exists to handle.",
              "Police matters, fireworks, drugs, drinking in public, vandalism.", [
                (5, k("police", "fireworks", "drug*", "drinking", "in public", "vandalism", "suspicious", "safety",
                      "poliisi*", "ilotulit*", "huume*", "häirikö*", "ilkivalta*", "polis", "polisen",
                      "fyrverk*", "narkotika", "skadegörelse", "policía", "policial", "seguridad", "inseguridad",
                      "vandalismo")),
              ])
        cause("public-service/homelessness", "Homelessness and encampments", "Social services", avoidable: false,
              "A request for outreach the service exists to provide.",
              "People sleeping rough, encampments, panhandling and requests for homeless assistance.", [
                (6, k("homeless*", "encampment*", "panhandling", "panhandler*", "rough sleep*", "koditon",
                      "kodittom*", "asunnoton", "asunnottom*", "hemlös*", "uteliggare", "situación de calle",
                      "situacion de calle", "indigente*")),
              ])
        cause("public-service/public-transport", "Public transport", "Public transport", avoidable: false,
              "A request about a public transport service.",
              "Buses, trams, the underground and shared bikes.", [
                (5, k("subway", "metro", "bus", "buses", "bus stop", "tram", "bike share", "joukkoliikenne",
                      "bussi*", "ratikka*", "raitiovau*", "kaupunkipyör*", "pysäkki*", "kollektivtrafik*",
                      "buss", "bussen", "spårvagn*", "tunnelbana*", "subte*", "colectivo*", "bicicleta*",
                      "ecobici", "transporte")),
              ])
        cause("public-service/taxi-and-for-hire", "Taxis and for-hire vehicles", "Taxi licensing",
              avoidable: false,
              "A complaint about a licensed driver the service exists to handle.",
              "Complaints about taxi and for-hire drivers, fares and vehicles.", [
                (6, k("for hire vehicle*", "taxi*", "cab driver*", "rideshare", "limousine*", "taksi*", "remis*")),
                (6, k("driver complaint passenger", "driver complaint non passenger")),
              ])
        cause("public-service/permits-and-procedures", "Permits and public procedures", "Public administration",
              avoidable: false,
              "A request about a permit or procedure the service runs.",
              "Permits, licences, applications, certificates, building control and public records.", [
                (5, k("permit", "permits", "licence", "building permit", "construction", "lupa", "luvan", "lupaa",
                      "rakennuslupa*", "hakemus*", "hakemuks*", "tillstånd*", "bygglov*", "ansökan", "trámite*",
                      "tramite*", "permiso*", "habilitaci*", "inscripci*", "expediente*", "obra", "obras",
                      "construcci*", "información pública", "certificado*", "catastro", "edilicio")),
              ])
        cause("public-service/business-inspection", "Food, shops and consumer protection", "Business inspection",
              avoidable: false,
              "A report about a business that the service exists to inspect.",
              "Food establishments, vendors, shops and consumer-protection complaints.", [
                (5, k("food establishment", "consumer complaint", "restaurant", "food poisoning", "vendor*",
                      "unlicensed", "elintarvik*", "ruokamyrky*", "ravintola*", "kuluttajansuoj*", "livsmedel*",
                      "konsument*", "alimento*", "higiene", "consumidor*", "establecimiento*", "fiscalizaci*",
                      "bromatolog*")),
              ])

        // MARK: Banking, credit and debt
        // Above every other cause (priority 21-22): a credit-report dispute or a fraud complaint names accounts,
        // payments, cards, locks and wrong items too, and its own words ("credit report", "identity theft") are
        // specific.
        cause("banking/credit-report-dispute", "Credit report dispute", "Credit reporting", avoidable: true,
              "Inaccurate data on a credit report, or a dispute not investigated properly.",
              "Errors, unknown accounts or inquiries on a credit report, and disputes with a credit bureau.", [
                (22, k("credit report*", "credit file", "credit bureau*", "credit reporting", "consumer report*",
                       "credit inquir*", "hard inquir*", "equifax", "experian", "transunion", "fcra",
                       "fair credit reporting", "credit score*", "credit check*", "luottotie*", "maksuhäiriömerkin*",
                       "luottoluokitu*", "kreditupplysning*", "betalningsanmärkning*", "kreditvärdighet*",
                       "informe de crédito", "historial crediticio")),
              ])
        cause("banking/fraud-or-identity-theft", "Fraud, scams and identity theft", "Fraud prevention",
              avoidable: true,
              "Fraud that got through, or a provider that did not stop or undo it.",
              "Identity theft, scams, unauthorised transactions and accounts opened in the customer's name.", [
                (21, k("identity theft", "stolen identity", "identity was stolen", "fraud*", "scam*", "scammed",
                       "unauthorized transaction*", "unauthorised transaction*", "phishing", "identiteettivarkau*", "identiteetin varastami*",
                       "huijau*", "huijari*", "petos*", "kalastelu*", "luvaton veloitu*", "identitetsstöld*",
                       "bedrägeri*", "bedragare*", "nätfiske", "obehörig* transaktion*", "fraude*", "estafa*",
                       "robo de identidad")),
              ])
        cause("banking/debt-collection", "Debt collection", "Collections", avoidable: false,
              "The customer disputes or asks about a debt being collected.",
              "Debt collectors, collection letters and calls, debts not owed or already paid.", [
                (16, k("debt collector*", "debt collection", "collection agency", "collection agencies",
                       "collections agency", "collect a debt", "collect the debt", "debt not owed", "perintätoimisto*",
                       "perintäkirje*", "perintä", "perinnässä", "perintään", "inkasso*", "cobranza*",
                       "cobro de deuda*")),
              ])
        cause("banking/loan-servicing", "Loans and mortgages", "Loan servicing", avoidable: false,
              "Questions and problems with a loan the customer holds.",
              "Mortgages, student, car and personal loans: payments, servicing, modification and payoff.", [
                (13, k("mortgage*", "student loan*", "car loan*", "auto loan*", "personal loan*", "loan servicer*",
                       "loan modification", "escrow", "forbearance", "refinanc*", "payday loan*", "title loan*",
                       "asuntolaina*", "opintolaina*", "autolaina*", "kulutusluotto*", "lainanlyhennys*",
                       "bolån*", "studielån*", "billån*", "privatlån*", "amortering*", "hipoteca*",
                       "préstamo*", "foreclos*", "loan modification*", "pakkohuuto*", "exekutiv auktion")),
                (13, both(k("loan", "loans", "laina", "lainan", "lainaa", "lån", "lånet", "préstamo"),
                          k("payment*", "servicer*", "servicing", "payoff", "balance", "interest", "modification*",
                            "maksu*", "lyhenny*", "korko*", "betalning*", "ränta*", "avbetalning*", "cuota*",
                            "interés"))),
              ])
        cause("banking/card-charges-and-fees", "Card charges, fees and interest", "Card services",
              avoidable: true,
              "Unclear or disputed card charges and fees.",
              "Disputed purchases, fees, interest and statements on a credit or debit card.", [
                (13, both(k("credit card*", "debit card*", "prepaid card*", "luottokort*", "pankkikort*",
                            "kreditkort*", "bankkort*", "tarjeta de crédito", "tarjeta de débito"),
                          k("charge*", "fee", "fees", "interest", "apr", "statement*", "purchase*", "transaction*",
                            "dispute*", "limit", "veloitu*", "maksu*", "kulu*", "korko*", "ostos*", "avgift*",
                            "ränta*", "köp", "köpet", "cargo*", "comisi*", "interés"))),
                (13, k("overdraft fee*", "annual fee", "late fee*", "foreign transaction fee*", "interest rate",
                       "balance transfer*", "promotional apr", "card interest", "card balance")),
              ])
        cause("banking/bank-account", "Bank account", "Account services", avoidable: false,
              "Opening, running and closing a bank account.",
              "Checking and savings accounts: deposits, withdrawals, holds, frozen and closed accounts.", [
                (12, k("checking account*", "savings account*", "bank account*", "overdraft*", "direct deposit",
                       "pankkitili*", "käyttötili*", "säästötili*", "bankkonto*", "sparkonto*", "lönekonto*",
                       "cuenta bancaria", "cuenta corriente")),
              ])

        // MARK: Telecom and internet service
        cause("telecom/slow-internet", "Slow internet or throttling", "Network capacity", avoidable: true,
              "The connection does not deliver the speed sold.",
              "Slow speeds, bandwidth drops and throttling.", [
                (11, k("slow internet", "internet speed*", "download speed*", "upload speed*", "throttl*",
                       "bandwidth", "mbps", "speed test", "packet loss", "latency", "ping spikes", "slowness",
                       "lower speed", "speed paid for", "speeds paid for", "hidas netti*", "hidas yhteys", "nettiyhteys on hidas",
                       "yhteys on hidas", "nettinopeu*", "långsamt internet", "långsam uppkoppling",
                       "internethastighet*", "internet lento")),
                (11, both(k("internet", "broadband", "connection", "wifi", "wi-fi", "netti*", "laajakaista*",
                            "yhteys", "yhteyden", "bredband*", "uppkoppling*"),
                          k("slow", "slower", "speed", "speeds", "hidas", "hitaa*", "hidastu*", "nopeu*",
                            "långsam*", "hastighet*", "lento", "lenta"))),
                // Speeds below what was sold; a subject that is only "Speed" is the complaint's own label.
                (13, both(k("speed", "speeds"), k("advertised", "promised", "misrepresent*", "paying for",
                                                  "not getting", "issue*", "problem*", "slowed", "throttl*",
                                                  "slow", "poor", "low", "bad", "inconsistent", "unsatisfactory"))),
                // The internet slowed down, on purpose or not.
                (11, k("internet slowdown", "slowed down", "internet being slowed", "slow down internet",
                       "slow down imternet", "slowing down", "interne speed", "slow speed*", "speed not matching",
                       "dropped packets", "slow routing", "speed sucks", "speed integrity", "mb/s")),
                // Paid for one speed, got another: "Paying for 50MB/s and getting 26MB/s".
                (11, both(k("paying for", "pay for", "charges me for"), k("getting", "get less than", "5 down"))),
                (11, k("slow service")),
                // A complaint's subject that names the speed: "Comcast Speed", "Speed of service".
                (10, .keywords(["speed", "speeds"], field: .subject)),
                (11, .oneOf(["speed", "speeds", "internet speed", "internet speeds", "speed issue", "speed issues",
                             "speed and service"], field: .anyText)),
              ])
        cause("telecom/data-caps", "Data caps and usage charges", "Product and pricing", avoidable: false,
              "A usage policy the customer disputes: a pricing decision, not a process failure.",
              "Data caps, usage limits and overage charges.", [
                (13, k("data cap*", "data capping", "usage cap*", "data limit*", "data usage", "usage limit*",
                       "overage*", "datakatto", "datakaton", "datarajoitu*", "datamäärä*", "datagräns*",
                       "surfmängd*", "datapott*", "límite de datos", "data meter", "usage meter", "internet usage",
                       "gb cap", "gb limit", "gb per month", "gb a month", "datenvolumen")),
                (13, both(k("data", "usage"), k("meter", "metering", "cap", "caps", "capped", "burning", "inflat*",
                                                 "threshold*", "plan", "policy", "charge*", "charging",
                                                 "charged"))),
                (13, k("download cap*", "internet cap", "cap complaint*", "stop the cap", "monthly allowance",
                       "data threshold*", "gb cap", "300gb", "300 gb", "additional usage", "over the limit", "datacap*", "capped",
                       "data allowance")),
              ])
        cause("telecom/services-not-ordered", "Billed for services not ordered", "Billing", avoidable: true,
              "Charges for something the customer did not order or had cancelled.",
              "Services, equipment rentals or add-ons billed without an order, or billed after cancelling.", [
                (14, k("not ordered", "never ordered", "didn't order", "did not order", "services i didn't",
                       "service i didn't", "never signed up", "didn't sign up", "did not sign up",
                       "billed after cancel*", "charged after cancel*", "after cancellation", "added service*",
                       "unauthorized charge*", "unauthorised charge*",
                       "modem rent*", "equipment rent*", "rental fee*", "slamming", "cramming", "en ole tilannut",
                       "tilaamatta", "en ole tilannut", "inte beställt", "har inte beställt", "no solicité",
                       "sin haberlo pedido")),
                (14, k("overbill*", "over billed", "over sold", "billing dispute", "ylilaskutu*",
                       "never agreed to")),
                (14, both(k("charge", "charges", "charging", "charged", "fee", "fees"),
                          k("not authorized", "unknowingly", "without consent", "without my consent",
                            "without customer consent", "not requested", "i do not want", "do not want",
                            "didn't have", "never sent"))),
              ])
        cause("telecom/installation-and-technician", "Installation and technician visits", "Field service",
              avoidable: true,
              "An installation or technician visit that did not happen as agreed.",
              "Installations, technician appointments, missed visits and set-up of a connection.", [
                (12, both(k("install", "installed", "installing", "installation*", "asennu*", "asentaa",
                            "installera*", "installation", "instalaci*"),
                          k("internet", "service", "cable", "tv", "modem", "router", "broadband", "fiber", "fibre",
                            "appointment", "date", "fee", "fees", "charge*", "technician*", "netti*", "liittymä*",
                            "kuitu*", "laajakaista*", "bredband*", "fiber*", "servicio", "fibra"))),
                (12, k("technician*", "installer*", "installation appointment", "install appointment",
                       "tech visit", "service visit", "no show", "no-show", "hook up", "hookup",
                       "asentaja*", "asennuskäyn*", "teknikko*", "teknikkokäyn*", "teknikerbesök*", "tekniker",
                       "teknikern", "installatör*", "técnico*", "instalación")),
                // A visit that did not happen: an appointment with what went wrong with it.
                (12, k("failure to connect service", "failure to provide installation", "failure to provide imstallation",
                       "refusing to run lines", "run lines", "line replacement", "connect not complete",
                       "connecting the service")),
                (12, both(k("appointment*", "appt"), k("miss*", "failing", "failed", "show up", "show for", "closed",
                                                       "keep", "moving", "cancel*", "no show"))),
              ])

        cause("telecom/misleading-sales", "Misleading sales and pricing", "Sales", avoidable: true,
              "What was sold or advertised should be what is delivered and billed.",
              "Bait and switch, false advertising, promised prices not honoured and promotions that ended early.", [
                (12, k("bait and switch", "false advertis*", "deceptive", "misleading", "false promise*",
                       "not as advertised", "than advertised", "false sales", "hidden fee*", "promotion ended",
                       "promotional rate", "promotional price", "promised rate", "promised price", "honor the",
                       "honour the", "not what was promised", "dishonest*", "misrepresent*", "bait & switch", "underhanded sales", "deception", "broken promise*",
                       "refuses to honor", "refusing to honor", "refusal to honor", "than quoted", "not honoring",
                       "was advertised", "advertised in writing", "sold one service", "offer rescinded",
                       "back on their promise", "promised credits", "promissed", "not reflect what they said",
                       "promise to pay", "harhaanjohtava*",
                       "vilseledande", "publicidad engañosa", "propaganda enganosa", "irreführend*")),
              ])
        // Above the fraud cause: "fraudulent advertising" is a sales practice, not identity theft.
        rules.append(RootCauseRule(cause: "telecom/misleading-sales", priority: 22,
                                   label: "built-in telecom/misleading-sales #2",
                                   k("fraudulent advertising", "bait and switch fraud", "pricing scam",
                                     "fraudulent pricing", "repackage scam")))
        // Misinformation about the product wins over the product word it names ("Speed and Cap misinformation").
        rules.append(RootCauseRule(cause: "telecom/misleading-sales", priority: 14,
                                   label: "built-in telecom/misleading-sales #3", k("misinformation")))
        cause("telecom/service-availability", "Service availability at an address", "Network planning",
              avoidable: false,
              "Where the network reaches is an investment decision, not a process failure.",
              "Service not offered at the customer's address or area.", [
                (11, k("availability", "availabilty", "serviceability", "serviceable", "not available in my area",
                       "not available at my address", "service my address", "service to my address",
                       "service at my address", "service in my area", "serve my address", "refuses to service",
                       "refused to service", "build out", "buildout", "refusal of service", "unable to obtain",
                       "service is provided in neighborhood", "portion of the neighborhood", "will not service",
                       "provisioning", "infrastructure")),
                (11, both(k("unable to get", "inability to get", "unable to obtain", "fails to fulfill request"),
                          k("broadband", "internet service", "service", "residential service"))),
              ])
        cause("telecom/blocked-content", "Blocked or restricted content", "Network policy", avoidable: false,
              "A network-management policy the customer disputes.",
              "Blocked apps, sites and services, net neutrality and open-internet complaints.", [
                (12, k("net neutrality", "open internet", "hbo go", "content blocking")),
                (12, both(k("block*"), k("content", "netflix", "website*", "sites", "streaming", "apps",
                                         "playstation", "ps4", "xbox", "roku", "signals", "hbo"))),
              ])
        cause("telecom/billing-dispute", "Disputed telecom bill", "Billing", avoidable: true,
              "A bill the customer disputes: charged for service not delivered, or billing called unfair or fraudulent.",
              "Billing a customer calls fraudulent or unfair, charges for service not provided, credits not applied.", [
                // "Billing fraud" at a provider disputes the provider's own bill: not identity theft (above the
                // fraud cause, which would take it for its word "fraud").
                (22, k("billing fraud", "fraudulent billing", "fraudulent bill", "fraudulent bills", "bill fraud",
                       "cable billing fraud", "billing frauds", "fraudualent billing", "fraudulent billings")),
                // Below the data caps: "Data Cap Limits ... and Billing Practices" names the cap.
                (12, k("billing practice*")),
                (14, k("unfair billing", "improper billing*", "unethical charges",
                       "illegal charges", "erroneous fee*", "invalid fee*", "invalid service charge",
                       "credit not applied", "not applied credit", "has not applied credit", "refusal to prorate",
                       "false charges", "fake charges", "erroneous charges", "misc charges", "manipulation of bills",
                       "falsifying plan rates", "refusal to credit", "did not remove charge", "unrelated charges",
                       "bill flucuation", "bill fluctuation", "changing bill", "back to back bill", "bill problems",
                       "invalid sercvice charge", "invalid service charge", "additional charge", "lower my bill",
                       "issued a regular bill", "service fee to customer")),
                // Charged for service that was not delivered.
                (14, both(k("charg*", "bill", "billed", "billing", "paying", "pay", "fee", "fees"),
                          k("not provided", "never received", "not received", "not recieved", "not rendered",
                            "without service", "no service", "no seevice", "never able to use", "won't deliver",
                            "not delivered", "without fixing", "without fixng", "with out fixing", "unusable services",
                            "service never", "without recieving", "without receiving", "not getting what",
                            "can not provide", "cannot provide", "failure to provide",
                            "its own problems"))),
              ])
        cause("telecom/price-increase", "Price increases", "Product and pricing", avoidable: false,
              "A pricing decision the customer disputes; notice and a clear price history reduce the contacts.",
              "Rate and price increases, bills that went up, prices called too high.", [
                (12, k("rate increase*", "price increase*", "price hike*", "rate hike*", "raising my rate",
                       "raised my rate*", "raised my bill", "raising my bill", "raised the price*", "bill increase*",
                       "increased bill", "bill increased", "bill went up", "bill goes up", "bill doubled",
                       "increasing bill", "increasing the bill", "increasing fees", "increased fee*",
                       "increased monthly fee", "charges increased", "too expensive", "overpriced",
                       "bill too high", "bill to damn high", "rates high", "high bill*", "ever-increasing rates",
                       "ever increasing rates", "charging consumer too much", "more expensive", "overpricing",
                       "gouging", "expensive service", "pay more", "charging me more")),
                // Below the banking causes: "rate" and "increase" also describe a loan.
                (11, both(k("bill", "bills", "rate", "rates", "price", "prices", "fee", "fees", "charges"),
                          k("increase", "increases", "increasing", "increased", "raise", "raising", "raised",
                            "hike", "hikes", "hiked", "doubled"))),
              ])
        cause("telecom/equipment", "Equipment and modem rental", "Field service", avoidable: true,
              "Equipment returned should be credited, and rental charges disclosed when it is ordered.",
              "Modems, routers and set-top boxes: rental charges, returns not credited, unsuitable equipment.", [
                (13, both(k("modem*", "router*", "equipment", "cable box*", "activation kit"),
                          k("return*", "rent*", "fee*", "charg*", "lease*", "unreturned", "monthly", "improper",
                            "own"))),
                (12, k("unreturned equipment", "return equipment", "returned equipment", "equipment fee*",
                       "improper modems", "modem fee*", "cable splitter")),
              ])
        cause("telecom/contract-dispute", "Contract and early termination", "Sales", avoidable: true,
              "A contract the customer did not agree to, or one the provider did not keep.",
              "Contracts signed without consent, broken or changed contracts, early termination fees.", [
                (12, k("early termination", "termination fee*", "breach of contract", "broke contract",
                       "one sided contracts", "unauthorized 2-year contract", "forced me into a contract",
                       "refusal to void contract", "not honoring signed contract", "contract disagreement",
                       "contract problem*", "contract issue*", "in violation of contract", "violation of contract")),
                (11, both(k("contract", "contracts"), k("breach*", "broke", "violat*", "forced", "unauthorized",
                                                        "fradulently", "fraudulently", "increas*", "false",
                                                        "ending", "extort*", "uhold", "uphold"))),
              ])
        cause("telecom/bundling", "Forced bundling", "Product and pricing", avoidable: false,
              "How services are bundled is a product decision the customer disputes.",
              "Bundles the customer does not want, services sold only together, bundle prices.", [
                (10, k("bundl*", "forced bundling", "only want internet")),
              ])
        cause("telecom/competition", "Lack of competition", "Regulatory affairs", avoidable: false,
              "A market the customer cannot leave: a matter for strategy and the regulator, not a process failure.",
              "Monopoly, no choice of provider, exclusive building contracts.", [
                (10, k("monopoly", "monopolies", "monopolist*", "monopolistic", "lack of competition",
                       "without competition", "no competition", "competition", "lack of isp choice", "no choice of provider",
                       "exclusivity contract")),
              ])
        // Stopping a telecom service: the cancellation cause, with the words of a service stoppage.
        rules.append(RootCauseRule(cause: "contract/cancel", priority: 12, label: "built-in contract/cancel (telecom)",
                                   k("service stoppage", "discontinuation of service", "discontinue service")))
        cause("telecom/moving-service", "Moving or transferring service", "Customer accounts", avoidable: true,
              "A move should carry the service over without a complaint.",
              "Transferring service to a new address or owner, and service lost in a move.", [
                (12, k("transfer of service*", "transfer services", "transfer of services", "service transferred",
                       "get service transferred", "new location", "movers edge", "moving service")),
              ])
        cause("telecom/email-service", "Provider email service", "Digital services", avoidable: true,
              "The provider's mailbox should work and be reachable.",
              "The provider's email accounts: access, outages, hacked or transferred mailboxes.", [
                (11, k("email service", "e-mail service", "email account*", "e-mail account*", "email issues",
                       "e-mail issues", "email acess", "email access", "access my email", "no email",
                       "email transfer", "email sdervice")),
                (11, .oneOf(["e-mail", "email", "comcast email", "comcast e-mail"], field: .anyText)),
              ])

        // MARK: IT service desk
        cause("it-service/access-request", "Access request", "Identity and access", avoidable: false,
              "A new or changed need for access, to be granted by the service desk.",
              "Access to systems, folders, mailboxes and applications; rights and permissions.", [
                (11, k("access request", "request access", "requesting access", "need access", "grant access",
                       "access rights", "access to the", "permission to access", "käyttöoikeu*", "pääsyoikeu*",
                       "behörighet*", "åtkomst till", "solicitud de acceso", "permiso de acceso",
                       "permisos de acceso", "acesso ao", "acesso à", "acesso a", "acesso as", "acesso às",
                       "liberação de acesso", "liberar acesso", "solicito acesso", "criação de usuário",
                       "criacao de usuario", "criar usuário", "novo usuário", "cadastro de usuário",
                       "cadastros de usuário", "cadastro de usuario", "permissão de acesso", "zugriff auf",
                       "zugriffsrecht*", "berechtigung*", "neuer benutzer")),
              ])
        cause("it-service/hardware", "Hardware", "IT operations", avoidable: true,
              "Equipment that works, or is replaced on schedule, needs no ticket.",
              "Laptops, monitors, docking stations, printers, keyboards and headsets: faults and replacements.", [
                (9, both(k("laptop", "monitor", "keyboard", "docking station", "headset", "printer", "toner",
                           "kannettava*", "läppäri*", "näyttö*", "näppäimistö*", "tulostin*", "telakka*",
                           "kuulok*", "bärbar*", "bildskärm*", "tangentbord*", "skrivare*", "dockningsstation*",
                           "portátil", "impresora*", "teclado*", "computador*", "impressora*", "nobreak", "tela",
                           "mouse", "notebook*", "ramal", "telefone", "equipamento*", "drucker*", "bildschirm*",
                           "tastatur*"),
                         k("broken", "not working", "doesn't work", "replace*", "replacement", "new", "request",
                           "need", "rikki", "ei toimi", "vaihto*", "uusi", "tarvitsen", "trasig*",
                           "fungerar inte", "byte", "ny", "behöver", "roto", "rota", "no funciona", "nuevo",
                           "necesito", "não funciona", "nao funciona", "não está funcionando",
                           "nao esta funcionando", "não esta funcionando", "defeito*", "quebrad*", "troca", "sem",
                           "movimentação", "kaputt", "defekt*", "funktioniert nicht"))),
                // At a help desk a ticket titled with a device alone is about that device.
                (9, .oneOf(["impressora", "impressoras", "nobreak", "drucker"], field: .anyText)),
                (9, k("impressora recepção")),
                // Above the access requests' "acesso a": a printer or network the computer cannot reach.
                (12, k("acesso a impressora", "acesso à impressora")),
              ])
        cause("it-service/software-request", "Software request", "IT operations", avoidable: false,
              "A request for software or a licence, to be fulfilled by the service desk.",
              "Installing software, new licences and software changes.", [
                (10, k("software request", "install software", "software installation", "new software",
                       "license request", "licence request", "need a license", "need a licence",
                       "software licen*", "ohjelmistopyyntö*", "ohjelmiston asennu*", "asentaa ohjelm*",
                       "ohjelmistolisenssi*", "programvarubeställning*", "installera program*", "programlicens*",
                       "instalar software", "licencia de software", "instalação do programa",
                       "instalação de programa", "instalação do software", "instalação de software", "instalar o programa",
                       "instalar programa", "instalação do sistema", "software installieren")),
              ])
        cause("it-service/network-and-vpn", "Network and VPN", "IT operations", avoidable: true,
              "A working network needs no ticket.",
              "VPN, network drives and office network faults.", [
                (11, k("vpn", "network drive", "shared drive", "network share", "verkkolevy*", "etäyhteys*",
                       "nätverksenhet*", "delad enhet", "unidad de red", "red corporativa", "pasta compartilhada",
                       "pastas compartilhadas", "pasta de rede", "unidade de rede", "sem rede",
                       "netzlaufwerk*")),
                (12, k("acesso a rede", "acesso à rede")),
              ])

        addIndustryCauses { path, name, process, avoidable, reason, description, ruleList in
            cause(path, name, process, avoidable: avoidable, reason, description, ruleList)
        }

        for index in causes.indices {
            if let (fix, suggestion) = fixes[causes[index].path] {
                causes[index].fix = fix
                causes[index].suggestion = suggestion
            }
        }
        return Taxonomy(unchecked: causes, rules: rules, groupNames: groupNames, foldDiacritics: false,
                        origin: "built-in", packs: TaxonomyPack.all.map(\.name))
    }
}
