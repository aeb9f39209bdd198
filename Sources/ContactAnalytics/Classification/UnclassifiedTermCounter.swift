/// Counts the words and two-word phrases of unclassified contacts, so an analyst sees what the taxonomy
/// misses (`contactstat suggest`).
///
/// - Each text is tokenized like the classifier does (lower-case Unicode letters and digits), after dropping
///   whitespace-separated chunks that are URLs (`://`, `www.`) or contain `@` (e-mail addresses, handles).
/// - Left out: English, Finnish and common Swedish stop words and courtesies (`StopWords`), one-letter words,
///   and any token with a digit (numbers, order and ticket ids, versions).
/// - A phrase is two kept words that were adjacent in the text: a removed word, or punctuation that ends a
///   clause (`. , ; : ! ?` at the end of a whitespace-separated chunk), breaks the chain.
/// - Counts are **contacts**, not occurrences: a word repeated in one message counts once.
/// - Each term keeps the first text it was seen in (white space collapsed, cut to `exampleLength`) as an
///   example.
/// - Memory is bounded: when the table holds more than `capacity` terms, terms with the lowest counts are
///   dropped (count 1 first, then 2, ...) until at most half the capacity remains. A term dropped early can
///   come back with an undercount; terms frequent from the start keep exact counts. The top of the list,
///   which is what `suggest` prints, is stable under this pruning in practice.
public struct UnclassifiedTermCounter: Sendable {
    /// A counted word or phrase.
    public struct Term: Sendable, Equatable {
        /// The word, or two words separated by one space.
        public var text: String
        /// Contacts whose text contains it.
        public var count: Int
        /// `true` for a two-word phrase.
        public var isPhrase: Bool
        /// The first text it was seen in, shortened.
        public var example: String
    }

    /// The most terms kept before pruning.
    public let capacity: Int
    /// Example texts are cut to this many characters (an ellipsis marks the cut).
    public let exampleLength: Int
    /// Texts fed so far.
    public private(set) var contacts = 0
    /// How many times the table was pruned (0 means every count is exact).
    public private(set) var prunings = 0

    private struct Entry: Sendable {
        var count: Int
        var isPhrase: Bool
        var example: String
    }

    private var entries: [String: Entry] = [:]
    private let tokenizer = WordTokenizer(foldDiacritics: false)

    public init(capacity: Int = 50_000, exampleLength: Int = 100) {
        self.capacity = max(16, capacity)
        self.exampleLength = max(10, exampleLength)
    }

    /// Counts the subject and text of a contact as one text.
    public mutating func add(contact: ContactRecord) {
        let parts = [contact.subject, contact.text].compactMap { $0 }.filter { !$0.isEmpty }
        add(parts.joined(separator: "\n"))
    }

    /// Counts one text (one contact).
    public mutating func add(_ text: String) {
        contacts += 1
        var seen: Set<String> = []
        var previous: String?
        for chunk in text.split(whereSeparator: { $0.isWhitespace }) {
            if chunk.contains("://") || chunk.lowercased().hasPrefix("www.") || chunk.contains("@") {
                previous = nil
                continue
            }
            var list = TokenList()
            tokenizer.appendTokens(of: String(chunk), to: &list)
            for i in 0..<list.count {
                let token = String(decoding: list.bytes[list.range(i)], as: UTF8.self)
                guard Self.isKept(token) else {
                    previous = nil
                    continue
                }
                seen.insert(token)
                if let previous { seen.insert(previous + " " + token) }
                previous = token
            }
            if let last = chunk.last, ".,;:!?".contains(last) { previous = nil }
        }
        guard !seen.isEmpty else { return }
        var example: String?
        for term in seen {
            if entries[term] != nil {
                entries[term]?.count += 1
            } else {
                if example == nil { example = shortened(text) }
                entries[term] = Entry(count: 1, isPhrase: term.contains(" "), example: example ?? "")
            }
        }
        if entries.count > capacity { prune() }
    }

    /// Adds the counts of another counter (per-worker results). Examples of this counter win.
    public mutating func merge(_ other: UnclassifiedTermCounter) {
        contacts += other.contacts
        prunings += other.prunings
        for (term, entry) in other.entries {
            if entries[term] != nil { entries[term]?.count += entry.count } else { entries[term] = entry }
        }
        if entries.count > capacity { prune() }
    }

    /// The `n` most frequent terms (words and phrases together, or only one kind), by count descending, then
    /// alphabetically.
    public func top(_ n: Int, phrases: Bool? = nil) -> [Term] {
        entries.lazy
            .filter { phrases == nil || $0.value.isPhrase == phrases }
            .map { Term(text: $0.key, count: $0.value.count, isPhrase: $0.value.isPhrase, example: $0.value.example) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.text < $1.text }
            .prefix(max(0, n))
            .map { $0 }
    }

    /// The number of distinct terms held.
    public var distinctTerms: Int { entries.count }

    static func isKept(_ token: String) -> Bool {
        guard token.count >= 2 else { return false }
        if token.unicodeScalars.contains(where: { $0.properties.numericType != nil }) { return false }
        return !StopWords.all.contains(token)
    }

    private func shortened(_ text: String) -> String {
        let collapsed = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        guard collapsed.count > exampleLength else { return collapsed }
        return String(collapsed.prefix(exampleLength - 1)) + "…"
    }

    private mutating func prune() {
        prunings += 1
        var floor = 1
        while entries.count > capacity / 2 {
            entries = entries.filter { $0.value.count > floor }
            floor += 1
        }
    }
}
