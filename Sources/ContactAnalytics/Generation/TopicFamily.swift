/// One kind of customer problem in the synthetic export: the subjects a customer writes about it in each
/// language, the queue that handles it, and how often it occurs.
struct TopicFamily: Sendable {
    /// How the topic colours satisfaction scores.
    enum Sentiment: Sendable {
        case neutral, complaint, praise
    }

    /// A stable identifier, e.g. `where-is-my-order`.
    let key: String
    /// The `queue` column value for contacts about this topic.
    let queue: String
    /// The relative frequency among first contacts (integer weight).
    let weight: Int
    let sentiment: Sentiment
    /// `true` for deliberately unclassifiable subjects ("Question", "Soitto"); these are never decorated.
    let isVague: Bool
    /// English phrasings (at least one).
    let english: [String]
    /// Finnish phrasings (at least one), real inflected Finnish in NFC.
    let finnish: [String]

    init(
        _ key: String, queue: String, weight: Int, sentiment: Sentiment = .neutral, isVague: Bool = false,
        english: [String], finnish: [String]
    ) {
        self.key = key
        self.queue = queue
        self.weight = weight
        self.sentiment = sentiment
        self.isVague = isVague
        self.english = english
        self.finnish = finnish
    }
}
