/// Whether a contact opened in its channel's opening hours.
enum OpeningHoursState: UInt8, Sendable {
    /// Its channel has no opening hours (or none are configured).
    case unknown
    case open
    /// Outside the day's hours.
    case closedHours
    /// On a public holiday or extra closed date.
    case holiday

    var isOutside: Bool { self == .closedHours || self == .holiday }
}
