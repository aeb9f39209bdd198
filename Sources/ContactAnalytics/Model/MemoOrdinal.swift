/// Which value of a mapper's text memo a string is: the order in which the memo took it (0, 1, 2, ...), or
/// `none` (a string the memo does not hold; `TextMemo.store`).
///
/// Carried with a contact (`ContactRecord.subjectOrdinal`) as a hint for the classification memo, whose table
/// indexed by it (`ClassificationMemo.cause(ofSubject:key:)`) holds the subjects that come most often close
/// together (they come first), where a table indexed by a hash scatters them. Not part of a contact's value:
/// any two compare equal.
struct MemoOrdinal: Sendable, Equatable {
    var value: Int32

    static let none = MemoOrdinal(value: -1)

    static func == (_: MemoOrdinal, _: MemoOrdinal) -> Bool { true }
}
