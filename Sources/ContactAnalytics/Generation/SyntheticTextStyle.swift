/// How `SyntheticExport` writes the free text of a contact.
public enum SyntheticTextStyle: String, Sendable, Equatable, CaseIterable {
    /// Subjects from a fixed set of phrasings per topic, a few decorated with an order number or a reply
    /// prefix: about 8,000 distinct subjects in a million rows, no body column. Small and fast, but a
    /// classifier that remembers texts it has seen answers almost every contact from memory.
    case repeating
    /// Text as real exports have it: mostly distinct subjects (names, order and ticket numbers, typos, free
    /// sentences in English, Finnish and Swedish; about 85 % distinct in a million rows) and a `description`
    /// column with a body of roughly 200-2,000 characters on about a third of the rows.
    case realistic
}
