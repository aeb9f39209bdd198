/// Seconds since 1970-01-01T00:00:00Z. Contacts are timed to the second.
public typealias EpochSeconds = Int64

/// One contact: one customer-initiated interaction, mapped from one row of an export to the canonical
/// fields of `metrics.md`.
///
/// A `ContactRecord` is a transient value: the pipeline builds one per input row, classifies it, feeds it to
/// the metric accumulators and drops it. Only a compact timeline entry outlives it.
public struct ContactRecord: Sendable, Equatable {
    /// The export's own identifier; duplicates are dropped, keeping the last occurrence.
    public var contactID: String?
    /// When the contact was opened (required; a row without a readable value is rejected).
    public var openedAt: EpochSeconds
    /// When the contact was closed, if known.
    public var closedAt: EpochSeconds?
    /// The identity key: customer id, else e-mail (trimmed, lower-cased), else phone digits. `nil` = anonymous.
    public var customer: String?
    /// The normalised channel.
    public var channel: Channel
    /// The channel exactly as the export wrote it.
    public var rawChannel: String?
    /// Free text used by classification.
    public var subject: String?
    public var text: String?
    /// The help desk's own labels, also used by classification.
    public var category: String?
    public var tags: [String]
    /// The normalised status, if the export has one.
    public var status: ContactStatus?
    /// Handle time in seconds.
    public var handleTimeSeconds: Double?
    /// A satisfaction response, if any.
    public var csat: CSATResponse?
    /// An explicit cost for the contact, in the configured currency.
    public var cost: Double?
    public var agent: String?
    public var queue: String?
    public var language: String?
    /// The export's own first-contact-resolution flag, where it carries one.
    public var firstContactResolved: Bool?
    /// The number of agent replies (touches), where the export carries it.
    public var agentReplies: Int?
    /// Seconds from opened_at to the first reply (from `first_reply_at`, or the export's reply-time column),
    /// where known and not before the contact was opened.
    public var firstReplySeconds: Double?
    /// The normalised priority; `nil` when the export has none or its value is not recognised (`rawPriority`).
    public var priority: ContactPriority?
    /// The priority exactly as the export wrote it.
    public var rawPriority: String?
    /// Whether the call (or chat) was answered; `false` = abandoned.
    public var answered: Bool?
    /// Seconds the customer waited before an answer (speed of answer).
    public var waitSeconds: Double?
    /// How many times the contact was reopened.
    public var reopens: Int?
    /// Where the row came from.
    public var location: SourceLocation
    /// Which string of its mapper's subject memo `subject` is (`MemoOrdinal`), for the classification
    /// memo; not part of the contact's value.
    var subjectOrdinal = MemoOrdinal.none
    /// The column of the export row whose trimmed bytes are the subject, when the mapper left them there
    /// instead of making `subject` (`MappingOptions.textStaysInRow`; `subject` is then `nil`); -1 otherwise.
    /// Only a reader that has the row reads them (`subject(in:)`, the classifier): a report's ingest, where
    /// nothing else reads the text (a string made of every distinct subject and body costs an allocation, a
    /// copy and a release a field).
    var subjectColumn: Int32 = -1
    /// `subjectColumn` for `text`.
    var textColumn: Int32 = -1

    public init(
        contactID: String? = nil, openedAt: EpochSeconds, closedAt: EpochSeconds? = nil,
        customer: String? = nil, channel: Channel = .other, rawChannel: String? = nil,
        subject: String? = nil, text: String? = nil, category: String? = nil, tags: [String] = [],
        status: ContactStatus? = nil, handleTimeSeconds: Double? = nil, csat: CSATResponse? = nil,
        cost: Double? = nil, agent: String? = nil, queue: String? = nil, language: String? = nil,
        firstContactResolved: Bool? = nil, agentReplies: Int? = nil, answered: Bool? = nil,
        waitSeconds: Double? = nil, firstReplySeconds: Double? = nil, priority: ContactPriority? = nil,
        rawPriority: String? = nil, reopens: Int? = nil,
        location: SourceLocation = SourceLocation(file: "", line: 0)
    ) {
        self.answered = answered
        self.waitSeconds = waitSeconds
        self.firstReplySeconds = firstReplySeconds
        self.priority = priority
        self.rawPriority = rawPriority
        self.reopens = reopens
        self.contactID = contactID
        self.openedAt = openedAt
        self.closedAt = closedAt
        self.customer = customer
        self.channel = channel
        self.rawChannel = rawChannel
        self.subject = subject
        self.text = text
        self.category = category
        self.tags = tags
        self.status = status
        self.handleTimeSeconds = handleTimeSeconds
        self.csat = csat
        self.cost = cost
        self.agent = agent
        self.queue = queue
        self.language = language
        self.firstContactResolved = firstContactResolved
        self.agentReplies = agentReplies
        self.location = location
    }

    /// Makes this the record `init(openedAt:location:)` gives (every other field empty), in place: the mapper
    /// reuses one record per thread, and assigning a fresh record compiled to a copy of the whole record and a
    /// second release of each field (about 1,000 instructions a row). `ContactRecordResetTests` checks that
    /// every stored field is reset: a new field goes in `resetForMapping(openedAt:location:)` (or here, if the
    /// mapper assigns it on every record).
    public mutating func reset(openedAt: EpochSeconds, location: SourceLocation) {
        resetForMapping(openedAt: openedAt, location: location)
        contactID = nil
        rawChannel = nil
        subject = nil
        text = nil
        category = nil
        agent = nil
        queue = nil
        language = nil
    }

    /// `reset(openedAt:location:)` for `ContactMapper`, which assigns `contactID`, `subject`, `text`,
    /// `rawChannel`, `category`, `agent`, `queue` and `language` on every record it maps: those are left as
    /// they are (the mapper keeps a value that is the same string as the last row's, an interned channel,
    /// queue or agent, without a retain and a release), and the file name is kept when it is the same string.
    /// Every other field is emptied. `ContactRecordResetTests` checks both against a fresh record.
    mutating func resetForMapping(openedAt: EpochSeconds, location: SourceLocation) {
        resetForMapping(openedAt: openedAt, file: location.file, line: location.line)
    }

    /// `resetForMapping(openedAt:location:)` with the location's file and line, so the mapper makes no
    /// `SourceLocation` (and no copy of the file name) per record.
    @inline(__always)
    mutating func resetForMapping(openedAt: EpochSeconds, file: String, line: Int) {
        self.openedAt = openedAt
        closedAt = nil
        if customer != nil { customer = nil }
        channel = .other
        if !tags.isEmpty { tags = [] }
        status = nil
        handleTimeSeconds = nil
        csat = nil
        cost = nil
        firstContactResolved = nil
        agentReplies = nil
        firstReplySeconds = nil
        priority = nil
        if rawPriority != nil { rawPriority = nil }
        answered = nil
        waitSeconds = nil
        reopens = nil
        subjectOrdinal = .none
        subjectColumn = -1
        textColumn = -1
        Self.keep(file, in: &self.location.file)
        self.location.line = line
    }

    /// Sets `field` to `value` unless it already holds the same string storage (the same bits: the same
    /// interned string, or the same small string), which saves a retain and a release.
    @inline(__always)
    static func keep(_ value: String, in field: inout String) {
        if !isSameStorage(field, value) { field = value }
    }

    /// `keep(_:in:)` for an optional field; `nil` empties it (no call when it is already empty).
    @inline(__always)
    static func keep(_ value: String?, in field: inout String?) {
        guard let value else {
            if field != nil { field = nil }
            return
        }
        if let current = field, isSameStorage(current, value) { return }
        if let words = StringStorageWords.of(value), replaceInPlace(&field, with: words) { return }
        field = value
    }

    /// `keep(_:in:)` of the small string whose words are `words` (`SmallASCIIString.words(_:)`), made only when
    /// the field holds a string with storage (which assigning releases).
    @inline(__always)
    static func keep(smallWords words: (UInt64, UInt64), in field: inout String?) {
        if replaceInPlace(&field, with: words) { return }
        field = unsafeBitCast(words, to: String.self)
    }

    /// Writes the small string `words` (a string without storage) over `field` when that holds no storage either
    /// (`nil`, or a small string): the assignment, without the runtime's release of the old value and retain of
    /// the new (calls that find nothing to count, two a text column a row). `false`, leaving `field` as it is,
    /// when either has storage (or small strings are not laid out as `IdentityHash.smallStringsAreReadable`
    /// reads them, or `nil` is not two zero words: constants when compiled; the tests check both).
    @inline(__always)
    static func replaceInPlace(_ field: inout String?, with words: (UInt64, UInt64)) -> Bool {
        guard holdsNoStorage(words), StringStorageWords.nilIsZero else { return false }
        return withUnsafeMutableBytes(of: &field) { raw -> Bool in
            let held = raw.load(as: (UInt64, UInt64).self)
            guard held == (0, 0) || holdsNoStorage(held) else { return false }
            raw.storeBytes(of: words.0, as: UInt64.self)
            raw.storeBytes(of: words.1, toByteOffset: 8, as: UInt64.self)
            return true
        }
    }

    /// Whether a string's words are a small string's (its bytes in the words, no storage).
    @inline(__always)
    private static func holdsNoStorage(_ words: (UInt64, UInt64)) -> Bool {
        words.1 &>> 56 & 0x20 != 0 && IdentityHash.smallStringsAreReadable
    }

    /// Whether `a` and `b` are bit for bit the same `String` value: then their bytes are the same (the
    /// converse does not hold: equal strings in two allocations are not the same storage). Never a Unicode
    /// comparison, so a canonically equivalent string with other bytes is not taken for it.
    @inline(__always)
    static func isSameStorage(_ a: String, _ b: String) -> Bool {
        // Where a `String` is not two words, say no: the field is simply assigned.
        guard let x = StringStorageWords.of(a), let y = StringStorageWords.of(b) else { return false }
        return x == y
    }
}

extension ContactRecord {
    /// `subject`, or the string the mapper would have made of the subject it left in `raw`, the row it mapped
    /// (`subjectColumn`).
    func subject(in raw: RawRecordFields) -> String? {
        subjectColumn >= 0 ? Self.string(ofColumn: subjectColumn, in: raw) : subject
    }

    /// `text`, or the string the mapper would have made of the text it left in `raw` (`textColumn`).
    func text(in raw: RawRecordFields) -> String? {
        textColumn >= 0 ? Self.string(ofColumn: textColumn, in: raw) : text
    }

    /// `subject(in:)` of the row's record.
    func subject(in raw: RawRecord) -> String? { raw.withFields { subject(in: $0) } }

    /// `text(in:)` of the row's record.
    func text(in raw: RawRecord) -> String? { raw.withFields { text(in: $0) } }

    /// The trimmed bytes of the text field left in `raw` in `column` (`subjectColumn`, `textColumn`): valid UTF-8,
    /// whose NFC is the string the mapper would have made; valid while `raw`'s buffers are.
    @inline(__always)
    static func bytes(ofColumn column: Int32, in raw: RawRecordFields) -> UnsafeBufferPointer<UInt8> {
        ByteCursor.trimmingSpace(raw.bytes(at: Int(column)))
    }

    private static func string(ofColumn column: Int32, in raw: RawRecordFields) -> String? {
        // The string the mapper makes of a text column (trimmed, NFC).
        raw.trimmedString(at: Int(column))
    }
}
