extension BuiltInTaxonomy {
    /// Declares one cause: path, name, process, avoidable, reason, description and its rules (priority,
    /// condition).
    typealias CauseDeclaration = (String, String, String, Bool, String, String, [(Int, RuleCondition)]) -> Void

    // Shared word lists of the energy, insurance, travel and SaaS packs.
    private static let energyWords = k(
        "electricity", "electric", "gas", "energy", "power", "meter", "supply", "supplier", "tariff*", "sähkö*",
        "kaukolämpö*", "energia*", "mittari*", "el", "elen", "elavtal*", "elbolag*", "elleverantör*", "ström*",
        "energi*", "elmätare*", "luz", "electricidad", "energía", "contador", "strom*", "zähler*")
    private static let insuranceWords = k(
        "insurance", "insured", "insurer", "insurance policy", "my policy", "the policy", "vakuutu*",
        "vakuutus", "vakuutuksen", "försäkring*", "póliza*", "seguro", "seguros", "apólice*", "versicherung*")
    /// An insurance claim: "claim" alone is also what a debt collector does ("they claim I owe"), so it needs an
    /// insurance word with it.
    private static let claimWords = RuleCondition.any([
        k("insurance claim*", "vahinkoilmoitu*", "korvaushakemu*", "korvausasia*", "vahinkoasia*",
          "skadeanmälan*", "skadeärende*", "ersättningsärende*", "siniestro*", "sinistro*", "schadenmeldung*",
          "schadensfall*"),
        both(k("claim", "claims", "korvau*", "skada*", "ersättning*", "reclamación", "schaden*"), insuranceWords),
    ])
    private static let saasObjectWords = k(
        "api", "webhook*", "dashboard", "workspace*", "sync", "syncing", "integration*", "endpoint*", "sso",
        "rajapinta*", "integraatio*", "työtila*", "arbetsyta*", "integración", "integração", "schnittstelle*")

    /// The causes of the energy, insurance and SaaS packs and the travel pack's hospitality causes.
    static func addIndustryCauses(_ cause: CauseDeclaration) {
        // MARK: Energy and utilities
        cause("energy/meter-reading", "Meter reading", "Metering", true,
              "Readings should arrive automatically (smart meters) or be easy to submit.",
              "Submitting or correcting a meter reading, smart meters and meter faults.", [
                (13, k("meter reading*", "meter read", "read my meter", "smart meter*", "submit* reading*",
                       "mittarilukem*", "mittarin lukem*", "lukemat", "lukeman", "etäluettava*", "mätarställning*",
                       "mätaravläsning*", "elmätare*", "lectura del contador", "leitura do contador",
                       "zählerstand*", "stromzähler*")),
              ])
        cause("energy/estimated-bill", "Estimated bill", "Metering", true,
              "A bill on estimated use is corrected later; actual readings avoid the contact.",
              "A bill based on estimated rather than actual consumption, and the catch-up bill that follows.", [
                (14, both(k("estimated", "estimate", "arvio*", "uppskatt*", "estimad*", "geschätzt*"),
                          k("bill", "bills", "invoice*", "lasku*", "faktur*", "räkning*", "factura*", "fatura*",
                            "rechnung*"))),
                (14, k("estimated bill*", "estimated reading*", "estimated invoice*", "estimated usage",
                       "estimated consumption", "catch-up bill", "arviolasku*", "arvioitu kulutus",
                       "arvioon perustuva*", "arviokulutu*", "preliminärdebiter*", "uppskattad förbrukning",
                       "schablon*", "factura estimada", "consumo estimado", "fatura estimada",
                       "geschätzte*", "schätzung")),
              ])
        cause("energy/power-outage", "Power or supply outage", "Grid operations", true,
              "Supply that runs needs no contact; outages come in waves.",
              "Power cuts, gas or water supply interruptions.", [
                (13, k("power outage*", "power cut*", "no power", "no electricity", "power is out", "power out",
                       "power failure", "blackout", "gas leak", "no gas", "sähkökatko*", "sähköt poikki",
                       "sähköt ovat poikki", "ei sähköä", "sähkövika*", "strömavbrott*", "elavbrott*",
                       "strömlös*", "ingen ström", "corte de luz", "apagón", "sin luz", "falta de luz",
                       "queda de energia", "sem energia", "falta de energia", "stromausfall*", "kein strom")),
              ])
        cause("energy/tariff-or-contract-switch", "Tariff or contract switch", "Sales", false,
              "Choosing a tariff is the customer's decision; make comparison and switching self-service.",
              "Changing tariff, energy contract or supplier, fixed and variable prices.", [
                (12, both(k("switch", "switching", "change", "changing", "move to", "vaihta*", "vaihda*",
                            "vaihto*", "byta", "byter", "byte", "cambiar", "mudar", "wechseln", "wechsel"),
                          k("tariff*", "energy contract", "electricity contract", "gas contract", "supplier",
                            "energy plan", "fixed price", "variable price", "sähkösopimu*", "sähköyhtiö*",
                            "kiinteä hinta", "pörssisähkö*", "elavtal*", "elbolag*", "elleverantör*",
                            "tarifa*", "stromtarif*", "stromanbieter*", "anbieter"))),
                (12, k("fixed rate tariff", "variable tariff", "määräaikainen sähkösopimus", "fast elpris",
                       "rörligt elpris")),
              ])
        cause("energy/moving-in-or-out", "Moving in or out", "Customer accounts", false,
              "A move is the customer's life event; a self-service move flow keeps it cheap.",
              "Starting, moving or ending supply when the customer moves home.", [
                (12, both(k("moving house", "moving out", "moving in", "move in", "move out", "moved out",
                            "moved in", "new address", "new home", "muutto*", "muutan", "muutamme", "muuttaa",
                            "muuttanut", "muutettu", "uusi asunto", "flytt", "flyttar", "flyttat", "flytten",
                            "flyttning*", "mudanza", "me mudo", "mudança", "umzug*", "umziehen", "ziehe um", "ziehen um"),
                          energyWords)),
              ])

        // MARK: Insurance
        cause("insurance/claim-denied", "Claim denied", "Claims", true,
              "A denial the customer contests: unclear cover or a wrong decision.",
              "An insurance claim refused or paid less than expected.", [
                (15, both(claimWords, k("denied", "deny", "denial", "rejected", "declined", "refused", "hylät*",
                                        "hylkä*", "kielteinen", "kielteisen", "ei korvata", "avslag*", "avslog*",
                                        "avslogs", "nekad*", "rechaz*", "negad*", "denegad*", "recus*",
                                        "negado", "abgelehnt", "ablehnung"))),
              ])
        cause("insurance/claim-status", "Claim status", "Claims", true,
              "Visible claim progress would answer it without a contact.",
              "Where a claim is, how long it takes and when it is paid.", [
                (13, both(claimWords, k("status", "update", "progress", "still waiting", "how long", "when will",
                                        "waiting", "pending", "tilanne*", "käsittely*", "käsitellään", "odotan",
                                        "kauanko", "milloin", "handläggning*", "väntar", "när", "hur går det", "hur länge",
                                        "estado", "situação", "andamento", "aguardando", "bearbeitung*",
                                        "wann", "warte"))),
                (13, k("claim status", "claim number", "file a claim", "filed a claim", "submitted a claim",
                       "vahinkoilmoitu*", "skadeanmälan", "denuncia de siniestro", "abrir sinistro")),
              ])
        cause("insurance/policy-change", "Policy change", "Policy administration", false,
              "Changing cover is the customer's decision; make it self-service.",
              "Adding, removing or changing cover, insured items, drivers or the policy holder.", [
                (12, both(insuranceWords, k("change", "changing", "add", "remove", "update", "cancel", "renew*",
                                            "muut*", "lisätä", "lisää", "poista*", "irtisan*", "ändra*",
                                            "lägga till", "säga upp", "förnya*", "cambiar", "añadir", "alterar",
                                            "incluir", "ändern", "kündig*"))),
              ])
        cause("insurance/premium", "Premium", "Pricing", false,
              "A price question or increase: a pricing decision, not a process failure.",
              "The premium, its increase and how it was calculated.", [
                (13, both(k("premium*", "maksu*", "hinta", "price", "premie*", "pris", "prima*", "prêmio*",
                            "prämie*", "beitrag*"), insuranceWords)),
                (13, k("insurance premium*", "vakuutusmaksu*", "försäkringspremie*", "prima del seguro",
                       "prêmio do seguro", "versicherungsbeitrag*", "versicherungsprämie*")),
              ])

        // MARK: Travel and hospitality (the travel pack's `booking` group)
        cause("booking/lost-baggage", "Lost or delayed baggage", "Ground handling", true,
              "Baggage should travel with its passenger.",
              "Baggage lost, delayed or damaged in transit.", [
                (14, both(k("baggage", "luggage", "suitcase*", "checked bag", "my bag", "my bags", "matkatavara*",
                            "matkalauk*", "laukku*", "laukkuni", "bagage*", "resväsk*", "väska*", "equipaje*",
                            "maleta*", "bagagem", "mala", "malas", "gepäck*", "koffer*"),
                          k("lost", "missing", "delayed", "damaged", "not arrived", "never arrived", "didn't arrive",
                            "hukassa", "kadon*", "kadonnut", "katosi", "katosivat", "hävi*", "ei tullut", "myöhässä", "vaurio*",
                            "rikki", "borttappad*", "försvunn*", "saknas", "kom inte", "kommit", "skadad*",
                            "perd*", "extravi*", "dañad*", "danificad*", "chegou", "verloren",
                            "beschädigt", "fehlt", "nicht angekommen"))),
              ])
        cause("booking/check-in-and-boarding", "Check-in and boarding", "Airport services", true,
              "Check-in that works online needs no contact.",
              "Online check-in, boarding passes and seat assignment at check-in.", [
                (12, k("online check in", "boarding pass*", "mobile boarding", "lähtöselvity*", "tarkastuskortti*",
                       "boarding card", "tarjeta de embarque", "cartão de embarque", "bordkarte*", "incheckning*",
                       "checka in", "webbincheckning*", "einchecken", "online check-in")),
                (12, both(k("check in", "checkin", "check-in"),
                          k("flight*", "online", "app", "airport", "boarding", "seat*", "hotel", "reception",
                            "front desk", "baggage", "luggage"))),
              ])
        cause("booking/hotel-stay", "Hotel reservation or stay", "Hospitality", true,
              "The stay should be as booked.",
              "A hotel reservation not found or not as booked, and problems during the stay.", [
                // Below changing and cancelling a booking: those say what the customer wants done.
                (9, both(k("hotel*", "hotel room", "hotelli*", "hotellihuone*", "hotell*", "hotellrum*",
                           "habitación", "quarto", "zimmer"),
                         k("reservation*", "booking*", "booked", "dirty", "not ready", "no record", "overbooked",
                           "noisy", "varau*", "varattu", "likai*", "bokning*", "bokat", "smutsig*", "reserva*",
                           "sucia", "sujo", "buchung*", "reservierung*", "schmutzig"))),
              ])
        cause("booking/booking-refund", "Refund for a booking", "Bookings", true,
              "A refund for a cancelled trip or booking should follow by itself.",
              "Refunds and compensation for cancelled or changed flights, trips and reservations.", [
                (16, both(k("refund*", "money back", "compensation", "reimburs*", "hyvity*", "korvau*",
                            "rahat takaisin", "återbetal*", "ersättning*", "reembols*", "reembolso",
                            "indemniza*", "estorno", "rückerstattung*", "erstattung*", "entschädigung*",
                            "geld zurück", "dinheiro de volta", "devolución del dinero"),
                          k("flight*", "trip", "booking*", "reservation*", "ticket*", "hotel*", "lento*", "matka*",
                            "varau*", "lippu*", "lipun", "flyg*", "resa", "resan", "bokning*", "biljett*",
                            "vuelo*", "reserva*", "billete*", "voo", "passagem", "flug*", "buchung*",
                            "reise*"))),
              ])

        // MARK: Software as a service
        cause("saas/login-and-sso", "Login and single sign-on", "Identity and access", true,
              "Sign-in through the customer's identity provider should just work.",
              "Single sign-on, SAML, identity providers, MFA and user provisioning.", [
                (14, k("sso", "single sign-on", "single sign on", "saml", "okta", "azure ad", "entra id",
                       "identity provider", "scim", "mfa", "kertakirjau*", "engångsinloggning*",
                       "inicio de sesión único", "login único", "einmalanmeldung")),
              ])
        cause("saas/bug-or-outage", "Bug or outage", "Engineering", true,
              "The service should work; every bug and outage creates contacts.",
              "Errors, failures and downtime of the service, its API, dashboard or sync.", [
                (12, both(saasObjectWords, k("error*", "fail*", "failing", "down", "not working", "broken",
                                             "timeout*", "timing out", "500", "502", "503", "bug", "bugs", "virhe*",
                                             "ei toimi", "kaatu*", "fel", "fungerar inte", "falla*", "erro",
                                             "não funciona", "fehler", "funktioniert nicht"))),
                (12, k("status page", "degraded performance", "internal server error", "bad gateway",
                       "service unavailable", "api is down", "api down")),
              ])
        cause("saas/subscription-billing", "Subscription billing", "Billing", true,
              "Subscription charges should be predictable and self-explanatory.",
              "Charges for seats, plans, trials and renewals of a subscription.", [
                // Below a wrong or duplicate invoice, which says what is wrong with the charge.
                (11, both(k("subscription*", "seats", "licenses", "licences", "free trial", "trial period",
                            "annual plan", "monthly plan", "pro plan", "auto-renew*", "kestotilau*",
                            "kokeilujakso*", "prenumeration*", "provperiod*", "suscripci*", "assinatura*",
                            "abonnement*", "abo"),
                          k("charged", "charge", "charges", "billed", "invoice*", "prorat*", "veloit*",
                            "laskutet*", "lasku*", "debiter*", "faktur*", "cobr*", "factura*", "fatura*",
                            "abgebucht", "rechnung*"))),
              ])
        cause("saas/data-export", "Data export", "Product", true,
              "Export that the customer can run alone needs no contact.",
              "Exporting or downloading data, reports and backups.", [
                (11, both(k("export*", "exportera*", "exportar", "exportieren", "vienti", "viedä"),
                          k("data", "csv", "excel", "xlsx", "report*", "records", "contacts", "backup*", "all my",
                            "tiedot", "tietoj*", "raport*", "datos", "dados", "daten", "rapport*"))),
                (11, k("data export", "download my data", "download all my data", "tietojen vienti",
                       "dataexport", "datenexport")),
              ])
        cause("saas/integration", "Integration and API", "Product", false,
              "Connecting the service to others; good documentation and connectors keep it self-service.",
              "Integrations, connectors, API keys and webhooks: setting them up and how they work.", [
                (11, k("integration*", "integrate*", "api key*", "api token*", "webhook*", "zapier", "connector*",
                       "integraatio*", "rajapinta*", "integrering*", "integración", "integraciones",
                       "integração", "integrações", "schnittstelle*")),
              ])
        cause("saas/feature-how-to", "Feature how-to", "Product education", true,
              "Clear in-product guidance would have answered it.",
              "How to use a feature, setting or report of the service.", [
                (6, both(k("how do i", "how can i", "how to", "is there a way", "where do i find",
                           "where can i find", "miten", "kuinka", "hur", "cómo", "como", "wie"),
                         k("dashboard", "workspace*", "feature", "features", "setting*", "template*", "admin panel",
                           "permission*", "user role*", "custom field*", "ominaisuu*", "asetu*", "funktion*",
                           "inställning*", "función", "configuración", "funcionalidade", "configuração",
                           "funktion", "einstellung*"))),
              ])
    }
}
