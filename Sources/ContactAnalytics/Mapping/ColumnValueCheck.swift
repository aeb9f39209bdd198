/// The sampled values of one column that a name alias would bind to a field, and whether they fit it.
///
/// Feed it every non-empty sampled value with `observe(_:readable:)` (`readable`: the field's own parser
/// reads it). The column is refused (`refusal(categoryIsFree:)`):
/// - when more than half of the values are unreadable as the field (`caller_id` holding names as `phone`);
/// - for `status`, also when at least `minimumDistinctForStatusRule` distinct values occur and more than half
///   of them are no status (a `State` column of US states, where `NY` happens to be Swedish for "new");
/// - for `subject`, when `category` is free and the column looks like a category, not free text: at least
///   `minimumValuesForSubjectRule` values with at most one distinct value in ten (department names); it then
///   feeds `category`.
struct ColumnValueCheck: Sendable {
    let field: CanonicalField
    let column: String
    /// Non-empty values seen.
    private(set) var sampled = 0
    /// Values the field's parser could not read.
    private(set) var unreadable = 0
    /// How often each distinct value occurred, and whether it was readable.
    private var distinct: [String: (count: Int, readable: Bool)] = [:]
    /// Distinct values in the order first seen (stable examples).
    private var firstSeen: [String] = []

    /// The fields whose alias-found columns are checked: those with a parser, and `subject`.
    static let checkedFields: Set<CanonicalField> = [
        .openedAt, .closedAt, .openedTime, .closedTime, .email, .phone, .status, .handleTime, .csat, .cost,
        .firstContactResolved, .inbound, .agentReplies, .subject, .firstReplyAt, .firstReplyTime, .answered,
        .waitTime, .reopens,
    ]
    static let minimumDistinctForStatusRule = 5
    static let minimumValuesForSubjectRule = 50

    /// How many records the sample has: no more values than this will be observed.
    private let sampleSize: Int

    init(field: CanonicalField, column: String, sampleSize: Int = .max) {
        self.field = field
        self.column = column
        self.sampleSize = sampleSize
        // A subject column's distinct values are kept up to a tenth of the sample (`keeps(readable:)`): room for
        // them at once, not grown eight times over.
        if field == .subject, sampleSize < .max { distinct.reserveCapacity(min(sampleSize / 10 + 1, 4096)) }
    }

    /// Takes one non-empty value into account.
    mutating func observe(_ value: String, readable: Bool) {
        count(readable: readable)
        guard keeps(readable: readable) else { return }
        if let seen = distinct[value] {
            distinct[value] = (seen.count + 1, seen.readable)
        } else {
            distinct[value] = (1, readable)
            firstSeen.append(value)
        }
    }

    /// Takes one non-empty value into account `times` times, as that many `observe(_:readable:)` calls would
    /// for a field whose check keeps every value (`status`: see `keeps(readable:)`; `DistinctValueTally`).
    mutating func observe(_ value: String, readable: Bool, times: Int) {
        precondition(field == .status && times > 0, "observe(_:readable:times:) is for status counts")
        sampled += times
        if !readable { unreadable += times }
        if let seen = distinct[value] {
            distinct[value] = (seen.count + times, seen.readable)
        } else {
            distinct[value] = (times, readable)
            firstSeen.append(value)
        }
    }

    /// Whether `observe(_:readable:)` would keep a value so judged (else `count(readable:)` is all it does, and
    /// the caller need not make the value's `String`). Only what a rule reads is kept (a file's check costs a
    /// dictionary entry per kept value, which a report of many small files pays for every row): `status` counts
    /// all its distinct values; `subject` its distinct values until there are more than a tenth of the sample,
    /// past which the category rule can no longer apply; every other field only its unreadable values, the
    /// examples of a refusal.
    func keeps(readable: Bool) -> Bool {
        switch field {
        case .status: true
        case .subject: distinct.count * 10 <= sampleSize
        default: !readable
        }
    }

    /// Counts one non-empty value without keeping it (when `keeps(readable:)` says it would not be kept).
    mutating func count(readable: Bool) {
        sampled += 1
        if !readable { unreadable += 1 }
    }

    /// Whether `refusal(categoryIsFree:)` gives `nil` whatever the values still to come, at most `remaining` of
    /// them: the caller may stop observing. Never for `status` (its distinct values are all counted); for
    /// `subject`, once `category` is taken or the column has more distinct values than a category has; for
    /// every other field, once the readable values are at least as many as the unreadable ones could become
    /// (a column of timestamps is settled half-way through the sample).
    func isSettled(remaining: Int, categoryIsFree: Bool) -> Bool {
        switch field {
        case .status: false
        case .subject: !categoryIsFree || distinct.count * 10 > sampleSize
        default: sampled - unreadable >= unreadable + remaining
        }
    }

    /// The refusal, or `nil` when the column may feed the field. `categoryIsFree`: no column feeds `category`.
    func refusal(categoryIsFree: Bool) -> ColumnRefusal? {
        guard sampled > 0 else { return nil }
        let lead = "column '\(ContactMapper.excerpt(column))' not used as \(field.rawValue): "
        if field == .subject {
            guard categoryIsFree, sampled >= Self.minimumValuesForSubjectRule, distinct.count * 10 <= sampled else { return nil }
            return ColumnRefusal(field: field, column: column, reassignedTo: .category,
                                 message: lead + "\(distinct.count) distinct values in \(sampled) sampled, a category "
                                     + "rather than free text; used as category")
        }
        if unreadable * 2 > sampled {
            return ColumnRefusal(field: field, column: column,
                                 message: lead + "\(unreadable) of \(sampled) sampled values are not \(noun)\(examples)")
        }
        if field == .status, distinct.count >= Self.minimumDistinctForStatusRule {
            let unknown = distinct.values.filter { !$0.readable }.count
            if unknown * 2 > distinct.count {
                return ColumnRefusal(field: field, column: column,
                                     message: lead + "\(unknown) of its \(distinct.count) distinct values are not \(noun)\(examples)")
            }
        }
        return nil
    }

    /// ` (e.g. 'NY', 'MA')`: the two most frequent unreadable values (first seen wins a tie).
    private var examples: String {
        let unreadableValues = firstSeen.enumerated().compactMap { position, value -> (String, Int, Int)? in
            guard let seen = distinct[value], !seen.readable else { return nil }
            return (value, seen.count, position)
        }
        let top = unreadableValues.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.2 < $1.2 }.prefix(2)
        guard !top.isEmpty else { return "" }
        return " (e.g. " + top.map { "'\(ContactMapper.excerpt($0.0))'" }.joined(separator: ", ") + ")"
    }

    /// What the field's values are, in the plural.
    private var noun: String {
        switch field {
        case .openedAt, .closedAt, .firstReplyAt: "timestamps"
        case .openedTime, .closedTime: "times of day"
        case .email: "e-mail addresses"
        case .phone: "phone numbers"
        case .status: "statuses"
        case .handleTime, .firstReplyTime, .waitTime: "durations"
        case .csat: "satisfaction answers"
        case .cost: "amounts"
        case .firstContactResolved, .inbound, .answered: "yes/no values"
        case .agentReplies, .reopens: "whole numbers"
        default: "\(field.rawValue) values"
        }
    }
}
