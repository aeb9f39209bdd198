/// Words too common to say anything about a contact's cause, left out of `contactstat suggest`: English and
/// Finnish function words (Finnish pronouns in their common inflected forms), a few Swedish ones, and
/// greetings and courtesies ("hi", "please", "hei", "terveisin") that every message carries.
enum StopWords {
    static let all: Set<String> = Set(
        [english, finnish, swedish, courtesies].joined(separator: " ").split(separator: " ").map(String.init))

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
