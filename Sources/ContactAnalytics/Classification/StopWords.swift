/// Words too common to say anything about a contact's cause, left out of `contactstat suggest`: English and
/// Finnish function words (Finnish pronouns in their common inflected forms), a few Swedish ones, and
/// greetings and courtesies ("hi", "please", "hei", "terveisin") that every message carries.
///
/// The same lists, with Spanish, Portuguese and German ones, are the function words `LanguageDetector` counts:
/// the one place for each language's word list.
enum StopWords {
    static let all: Set<String> = Set(
        [english, finnish, swedish, courtesies].joined(separator: " ").split(separator: " ").map(String.init))

    /// Per language, the words that mark it: its function words (and its own courtesies), each list without the
    /// words it shares with another language's list, so a shared word ("on", "de", "en") decides nothing.
    static let byLanguage: [(language: ContactLanguage, words: Set<String>)] = {
        let lists: [(ContactLanguage, String)] = [
            (.en, english + " " + englishCourtesies), (.fi, finnish + " " + finnishCourtesies),
            (.sv, swedish + " " + swedishMore), (.es, spanish), (.pt, portuguese), (.de, german),
        ]
        let sets = lists.map { ($0.0, Set($0.1.split(separator: " ").map(String.init))) }
        var counts: [String: Int] = [:]
        for (_, words) in sets { for word in words { counts[word, default: 0] += 1 } }
        return sets.map { language, words in (language, words.filter { counts[$0] == 1 }) }
    }()

    /// Word endings (and, for Portuguese, letter pairs inside a word) that only one of the six languages
    /// writes often: Finnish case endings and possessive suffixes, Portuguese `-ção` and `lh`/`nh`, Spanish
    /// `-ción`, German `-ung`/`-keit`, Swedish definite endings. A word counts once, for one language.
    static let markingEndings: [(language: ContactLanguage, endings: [String])] = [
        (.fi, ["ssa", "ssä", "sta", "stä", "lla", "llä", "lta", "ltä", "lle", "ksi", "ni", "nsa", "nsä", "ään",
               "eni", "ani", "ttu", "tty", "nut", "nyt", "vat", "vät", "isi"]),
        (.pt, ["ção", "ções", "ão", "ões", "mos"]),
        (.es, ["ción", "ciones", "amos", "emos"]),
        (.de, ["ung", "ungen", "keit", "lich", "chen"]),
        (.sv, ["arna", "orna", "erna", "tion", "het"]),
    ]
    static let markingInfixes: [(language: ContactLanguage, infixes: [String])] = [
        (.pt, ["lh", "nh", "ç"]), (.de, ["sch", "tz", "ü"]), (.fi, ["ää", "yy", "öö", "uu"]),
    ]

    private static let englishCourtesies = "hi hello hey dear please thanks thank regards sincerely"
    private static let finnishCourtesies = "hei moi terve moikka hyvä hyvää päivää kiitos kiitoksia terveisin ystävällisin"
    /// Swedish beyond the few words `suggest` leaves out.
    private static let swedishMore = """
        hej tack mvh hälsningar jag mig min mitt mina vi oss er ert han hon den det detta dessa dom dem ingen inget \
        inte aldrig redan fortfarande också bara nu sedan efter innan under över mycket lite alla någon något \
        är var blev blir har hade ska skulle kan kunde vill ville måste får fick gör gjorde varför vilken vilket \
        hur när där här sig sin sitt sina än eftersom därför fast men ändå
        """
    private static let spanish = """
        el la los las un una unos unas y o pero que de del al en con por para sin sobre entre es son está están \
        estoy era fue fueron ha han he hemos hay tengo tiene tienen mi mis tu su sus nuestro yo usted ustedes \
        nosotros ellos ella no sí ya todavía aún muy más menos también porque cuando donde dónde cómo qué quién \
        cuál este esta esto estos esas ese eso me te se le les lo nos hola gracias favor buenos buenas días \
        saludos atentamente pero desde hasta hace ayer hoy quiero necesito puedo hice llegó todavia
        """
    private static let portuguese = """
        o a os as um uma uns umas e ou mas que de do da dos das no na nos nas em com por para sem sobre entre \
        é são está estão estou era foi foram tem têm tenho meu minha meus minhas seu sua seus suas eu você vocês \
        nós eles ela não nao sim já ainda muito mais menos também há duas dois ontem hoje quero preciso \
        consigo fiz fui veio você voce cadê tá porque quando onde como quem qual este esta isto \
        esse essa isso me te se lhe lhes nos olá oi obrigado obrigada favor bom boa dia atenciosamente desde \
        até faz pelo pela ao aos à às
        """
    private static let german = """
        der die das den dem des ein eine einen einem einer und oder aber dass ist sind war waren bin bist hat \
        haben habe hatte ich du er sie es wir ihr mein meine meinen meinem mich mir dich dir sich nicht kein \
        keine noch schon sehr mehr weniger auch weil wenn wo wie was wer welche dieser diese dieses mit von zu \
        zum zur bei nach für auf aus über unter vor seit bis hallo danke bitte grüße freundlichen geehrte \
        geehrter damen herren
        """

    private static let english = """
        a about above after again against all also am an and any are aren as at be because been before being \
        below between both but by can cannot could couldn did didn do does doesn doing don down during each few \
        for from further get got had hadn has hasn have haven having he her here hers herself him himself his how \
        i if in into is isn it its itself just let ll me more most my myself no nor not now of off on once only \
        or other our ours ourselves out over own re same she should shouldn so some such than that the their \
        theirs them themselves then there these they this those through to too under until up us ve very was \
        wasn we were weren what when where which while who whom why will with won would wouldn you your yours \
        yourself yourselves im ive id youre dont cant wont isnt amp via still even one also already yet back \
        since need want like know see make way may might much many every thing things anyone someone
        """
    private static let finnish = """
        ja tai mutta että kun jos niin kuin myös vain vielä jo nyt sitten siis koska vaikka sekä eli ei en et \
        emme ette eivät ole olen olet on olemme olette ovat oli olin olit olimme olitte olivat ollut olla olisi \
        olisin ollaan oltu minä sinä hän me te he se ne tämä tuo nämä nuo mikä mitkä kuka ketkä joka jotka \
        minun sinun hänen meidän teidän heidän sen niiden tämän tuon näiden minulle sinulle hänelle meille \
        teille heille sille niille minulla sinulla hänellä meillä teillä heillä sillä niillä minua sinua häntä \
        meitä teitä heitä sitä niitä tätä tuota minut sinut hänet meidät teidät heidät siitä tästä siihen \
        tähän siellä täällä sinne tänne mitä miksi missä mihin mistä milloin miten kuinka mikä voi voin voisi \
        voisin voitteko voitko kanssa ilman ennen jälkeen aikana kautta mukaan yli alle taas aina enää ihan \
        vähän paljon kaikki kaikkea mitään jotain joku jokin kun koska vaan nyt sekä joten siksi tuli tulee \
        onko onkohan olisiko eikö ettei jotta saa saan saada pitää pitäisi täytyy tarvitsen haluan haluaisin
        """
    private static let swedish = """
        och att det som en ett är av för med till den på har inte jag du vi ni de om men så kan var eller \
        min mitt mina din ditt er ert vår hur vad när från
        """
    private static let courtesies = """
        hi hello hey dear please pls thanks thank regards best kind sincerely team good morning afternoon \
        evening sir madam hei moi terve moikka hyvä hyvää päivää kiitos kiitoksia terveisin ystävällisin \
        ystävällisesti t hej tack mvh hälsningar hola gracias
        """
}
