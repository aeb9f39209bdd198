/// One configured `opening_hours` entry as a report lists it: the channel (or `all`) and its specification.
public struct OpeningHoursDefinition: Sendable, Equatable {
    /// A channel name, or `all` for the channels without an entry of their own.
    public var key: String
    /// The specification as written (`Mo-Fr 08:00-18:00`).
    public var hours: String

    public init(key: String, hours: String) {
        self.key = key
        self.hours = hours
    }
}
