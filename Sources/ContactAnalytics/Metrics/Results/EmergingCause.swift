/// A cause whose volume grew against the previous period: the last period in the report against the one
/// before it.
public struct EmergingCause: Sendable, Equatable {
    public var cause: String
    public var name: String
    public var process: String
    public var period: String
    public var previousPeriod: String
    public var contacts: Int
    public var previousContacts: Int
    /// contacts - previousContacts.
    public var change: Int
    /// contacts / previousContacts - 1; `nil` when the cause had no contacts before (new).
    public var growth: Double?

    public init(cause: String, name: String, process: String, period: String, previousPeriod: String,
                contacts: Int, previousContacts: Int) {
        self.cause = cause
        self.name = name
        self.process = process
        self.period = period
        self.previousPeriod = previousPeriod
        self.contacts = contacts
        self.previousContacts = previousContacts
        self.change = contacts - previousContacts
        self.growth = previousContacts == 0 ? nil : Double(contacts) / Double(previousContacts) - 1
    }
}
