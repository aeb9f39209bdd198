/// The topic families of the synthetic export: 26 families (25 real problems plus one of vague subjects),
/// each with several English and Finnish phrasings, short and long, as customers and agents write them.
///
/// A few phrasings contain a comma or double quotes on purpose, so that CSV quoting occurs naturally.
enum TopicCatalog {
    static let families: [TopicFamily] = [
        TopicFamily(
            "where-is-my-order", queue: "orders", weight: 90,
            english: [
                "Where is my order?", "Where is my order? Tracking has not updated since Monday",
                "Order not received yet", "Still waiting for my order that was placed over a week ago",
                "When will my order arrive? The confirmation email gave no delivery date",
                "My order says dispatched but nothing has arrived",
            ],
            finnish: [
                "Missä tilaukseni on?", "Viime viikolla tekemäni tilaus ei ole vieläkään saapunut",
                "Milloin tilaukseni saapuu?", "Odotan yhä tilaustani eikä seuranta näytä mitään",
                "Tilaus on merkitty lähetetyksi eikä mitään ole tullut",
            ]),
        TopicFamily(
            "tracking-not-updating", queue: "delivery", weight: 50,
            english: [
                "Tracking number does not work", "Tracking has not updated in four days",
                "The tracking link shows no information about my parcel",
                "Parcel tracking has been stuck at the terminal since last week",
                "Tracking code from the confirmation email is not recognised",
            ],
            finnish: [
                "Tilauksen seuranta ei päivity", "Seurantakoodi ei toimi",
                "Paketin seurannassa ei näy mitään tietoja", "Lähetys on ollut jumissa terminaalissa jo viikon",
                "Vahvistusviestin seurantakoodia ei tunnisteta",
            ]),
        TopicFamily(
            "delivery-late", queue: "delivery", weight: 60,
            english: [
                "Delivery is late", "My delivery was supposed to arrive yesterday but never came",
                "Package delayed again for the second time this month",
                "Late delivery - I need it before the weekend", "Courier missed the promised delivery window",
            ],
            finnish: [
                "Toimitus on myöhässä", "Paketin piti tulla jo eilen eikä sitä kuulunut",
                "Toimitus viivästyy taas toista kertaa tässä kuussa", "Milloin myöhästynyt toimitus saapuu?",
                "Kuljettaja ei tullut luvattuna aikana",
            ]),
        TopicFamily(
            "delivery-damaged", queue: "delivery", weight: 35,
            english: [
                "Package arrived damaged", "Item was broken on arrival, photos attached",
                "The box was crushed and the product inside is damaged",
                "Delivered item has a cracked screen out of the box",
            ],
            finnish: [
                "Paketti saapui rikki", "Tuote oli rikki saapuessaan ja liitin kuvat mukaan",
                "Pakkaus oli murskaantunut ja tuote vaurioitunut", "Toimitetun laitteen näyttö oli haljennut",
            ]),
        TopicFamily(
            "wrong-item", queue: "orders", weight: 30,
            english: [
                "Received the wrong item", "Wrong size delivered - ordered medium and got large",
                "An item is missing from my order", "You sent me someone else's order by mistake",
                "The colour of the delivered product is not what I ordered",
            ],
            finnish: [
                "Sain väärän tuotteen", "Tilauksesta puuttuu yksi tuote", "Minulle toimitettiin väärä koko",
                "Paketissa oli jonkun toisen tilaus", "Tuote tuli väärän värisenä",
            ]),
        TopicFamily(
            "return-status", queue: "returns", weight: 50,
            english: [
                "Status of my return?", "Did you receive my return? I sent it back two weeks ago",
                "The return label is not working at the post office", "How do I return an item I bought online?",
                "Return was delivered to your warehouse but still shows as pending",
            ],
            finnish: [
                "Onko palautukseni saapunut perille?", "Mikä on palautukseni tila? Lähetin sen kaksi viikkoa sitten",
                "Palautuslappu ei toimi postissa", "Miten palautan verkosta ostamani tuotteen?",
                "Varastollenne toimitettu palautus näkyy yhä käsittelyssä",
            ]),
        TopicFamily(
            "refund-missing", queue: "returns", weight: 55,
            english: [
                "Refund not received", "Where is my refund?", "Refund still missing two weeks after the return",
                "You refunded the wrong amount for my returned order",
                "Refund was promised within five days but has not arrived",
            ],
            finnish: [
                "Palautuksen hyvitys puuttuu", "Hyvitystä ei ole vieläkään näkynyt tililläni",
                "Milloin saan rahani takaisin palautetusta tuotteesta?", "Hyvitys oli väärän suuruinen",
                "Luvattua hyvitystä ei ole tullut viidessä päivässä",
            ]),
        TopicFamily(
            "invoice-unclear", queue: "billing", weight: 45,
            english: [
                "Invoice is unclear", "Question about my latest invoice",
                "I don't understand the charges on my bill this month", "What is this extra charge on my invoice?",
                "Invoice lists a service fee that I never agreed to",
            ],
            finnish: [
                "Laskussa on epäselvyyksiä", "Kysymys viimeisimmästä laskusta",
                "En ymmärrä tämän kuun laskuani", "Mikä tämä ylimääräinen maksu laskullani on?",
                "En ole hyväksynyt laskulla olevaa palvelumaksua",
            ]),
        TopicFamily(
            "invoice-wrong-amount", queue: "billing", weight: 40,
            english: [
                "Invoice amount is wrong", "Wrong amount on my bill - the discount is missing",
                "I was overcharged on my last invoice", "The invoice has a different price than the offer",
            ],
            finnish: [
                "Lasku on väärin", "Laskussa virhe", "Laskun summa on väärä ja alennus puuttuu",
                "Minua laskutettiin liikaa viime laskulla", "Laskun hinta on eri kuin tarjouksessa",
            ]),
        TopicFamily(
            "duplicate-charge", queue: "billing", weight: 30,
            english: [
                "Charged twice for one order", "Duplicate charge on my credit card for the same order",
                "The payment was taken twice from my bank account",
            ],
            finnish: [
                "Minua veloitettiin kahdesti", "Kaksi veloitusta samasta tilauksesta",
                "Tililtäni veloitettiin sama summa kaksi kertaa",
            ]),
        TopicFamily(
            "payment-failed", queue: "payments", weight: 45,
            english: [
                "Payment failed", "Card payment declined at checkout although the card works elsewhere",
                "Payment declined with error \"card not supported\"", "Cannot pay with MobilePay in the web shop",
                "Payment keeps failing at the last step of the checkout",
            ],
            finnish: [
                "Maksu epäonnistui", "Korttimaksu hylättiin kassalla ilman syytä",
                "Maksu ei mene läpi verkkokaupassa", "Kassalla virheilmoitus \"Maksu hylätty\"",
                "MobilePay-maksu ei onnistu",
            ]),
        TopicFamily(
            "password-reset", queue: "accounts", weight: 50,
            english: [
                "Password reset fails", "The password reset link does not work and says it has expired",
                "I did not get the password reset email", "Cannot change my password in the app",
            ],
            finnish: [
                "Salasanan vaihto ei onnistu", "Salasanan palautuslinkki on vanhentunut eikä toimi",
                "En saanut viestiä salasanan vaihtamisesta", "Salasanan nollaus ei toimi sovelluksessa",
            ]),
        TopicFamily(
            "login-fails", queue: "accounts", weight: 40,
            english: [
                "Cannot log in", "Login is not working since the last update",
                "Can't sign in to my account with my bank credentials", "Login fails with error 403",
            ],
            finnish: [
                "En pääse kirjautumaan", "Kirjautuminen ei onnistu viimeisen päivityksen jälkeen",
                "En pääse sisään tililleni pankkitunnuksilla", "Kirjautuminen ei toimi sovelluksessa",
            ]),
        TopicFamily(
            "account-locked", queue: "accounts", weight: 30,
            english: [
                "Account locked", "My account has been locked and I cannot reset it",
                "Account blocked after too many login attempts",
            ],
            finnish: [
                "Tilini on lukittu", "Tili lukittiin liian monen kirjautumisyrityksen jälkeen",
                "Käyttäjätunnukseni on estetty enkä pääse palveluun",
            ]),
        TopicFamily(
            "change-address", queue: "accounts", weight: 30,
            english: [
                "Change of address", "Please update my delivery address for future orders",
                "I need to change the billing address on my account", "Moved house - new address from next month",
            ],
            finnish: [
                "Osoitteenmuutos", "Haluan vaihtaa toimitusosoitteen tuleville tilauksille",
                "Laskutusosoitteen muutos", "Muutin, uusi osoite ensi kuun alusta",
            ]),
        TopicFamily(
            "change-subscription", queue: "subscriptions", weight: 35,
            english: [
                "Change my subscription", "I would like to upgrade my plan to the family package",
                "Switch to a cheaper plan from next month", "Change my contract terms before the renewal",
            ],
            finnish: [
                "Haluan vaihtaa liittymää", "Sopimuksen muutos ennen uusimista",
                "Vaihto edullisempaan pakettiin ensi kuusta alkaen", "Tilauksen muuttaminen perhepaketiksi",
            ]),
        TopicFamily(
            "cancel-subscription", queue: "subscriptions", weight: 40,
            english: [
                "Cancel my subscription", "I want to cancel my subscription at the end of this month",
                "How do I cancel my membership?", "Terminate my contract and confirm the end date",
            ],
            finnish: [
                "Haluan perua tilauksen", "Haluan irtisanoa sopimuksen kuun lopussa", "Jäsenyyden peruminen",
                "Miten lopetan kestotilauksen?",
            ]),
        TopicFamily(
            "product-defect", queue: "technical", weight: 40,
            english: [
                "Product stopped working", "The product is defective after only two weeks of use",
                "Device will not turn on even after charging overnight", "Warranty claim for a faulty product",
            ],
            finnish: [
                "Tuote lakkasi toimimasta", "Tuotteessa on vika jo kahden viikon käytön jälkeen",
                "Laite ei käynnisty edes yön yli kestäneen latauksen jälkeen",
                "Takuukorjaus viallisesta tuotteesta",
            ]),
        TopicFamily(
            "app-crash", queue: "technical", weight: 40,
            english: [
                "App crashes on startup", "The app keeps crashing after the latest update",
                "App shows \"Something went wrong\"", "The app freezes when I open my orders page",
            ],
            finnish: [
                "Sovellus kaatuu", "Sovellus kaatuu käynnistettäessä uusimman päivityksen jälkeen",
                "Sovellus näyttää virheen \"Jotain meni pieleen\"", "Sovellus jumittuu tilauksia avattaessa",
            ]),
        TopicFamily(
            "technical-fault", queue: "technical", weight: 30,
            english: [
                "Internet connection keeps dropping several times a day", "Is there a service outage in my area?",
                "Website is not loading on any browser", "Error when saving my settings in the online service",
            ],
            finnish: [
                "Yhteys katkeilee useita kertoja päivässä", "Onko alueellani palvelussa häiriö?",
                "Verkkosivu ei lataudu millään selaimella", "Asetusten tallennus ei onnistu verkkopalvelussa",
            ]),
        TopicFamily(
            "product-question", queue: "sales", weight: 45,
            english: [
                "Question about a product before buying", "Is this product in stock in your Helsinki store?",
                "Do you deliver to Åland?", "Which model should I choose for a small office?",
            ],
            finnish: [
                "Kysymys tuotteesta ennen ostoa", "Onko tuotetta varastossa Helsingin myymälässä?",
                "Toimitatteko Ahvenanmaalle?", "Kumman mallin valitsisin pieneen toimistoon?",
            ]),
        TopicFamily(
            "booking-change", queue: "bookings", weight: 35,
            english: [
                "Change my booking", "Reschedule my appointment to next week",
                "I need to change the date of my reservation",
            ],
            finnish: [
                "Varauksen muuttaminen", "Haluan siirtää aikani ensi viikolle", "Varauksen päivämäärän vaihto",
            ]),
        TopicFamily(
            "booking-cancel", queue: "bookings", weight: 25,
            english: [
                "Cancel my booking", "Cancel reservation for this Friday",
                "Cancel my appointment and refund the deposit",
            ],
            finnish: [
                "Haluan perua varauksen", "Perjantain varauksen peruutus", "Ajan peruminen ja varausmaksun palautus",
            ]),
        TopicFamily(
            "service-complaint", queue: "complaints", weight: 30, sentiment: .complaint,
            english: [
                "Complaint about customer service", "The agent was rude and hung up on me",
                "Waited 45 minutes in the phone queue", "Very disappointed with your service this time",
            ],
            finnish: [
                "Valitus asiakaspalvelusta", "Asiakaspalvelija oli epäkohtelias ja katkaisi puhelun",
                "Jonotin puhelimessa 45 minuuttia", "Olen todella pettynyt palveluunne tällä kertaa",
            ]),
        TopicFamily(
            "praise", queue: "feedback", weight: 15, sentiment: .praise,
            english: ["Thank you for the great service", "Thanks for the quick help yesterday", "Great support"],
            finnish: ["Kiitos hyvästä palvelusta", "Kiitos nopeasta avusta eilen", "Kiitos!"]),
        TopicFamily(
            "vague", queue: "general", weight: 65, isVague: true,
            english: ["Question", "Help", "Call", "Inquiry", "Callback request", "Other", ""],
            finnish: ["Soitto", "Kysymys", "Apua", "Yhteydenotto", "Soittopyyntö", "Muu asia", ""]),
    ]
}
