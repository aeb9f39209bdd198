/// Period-over-period change: differences of each headline metric (current - previous). Rates differ in
/// fraction points (0.05 = 5 percentage points); a difference is `nil` when either side has no value.
public struct PeriodChange: Sendable, Equatable {
    public var previousPeriod: String
    public var contacts: Int
    /// contacts / previous contacts - 1; `nil` when the previous period had none.
    public var contactsGrowth: Double?
    public var fcr: Double?
    public var repeatRate: Double?
    public var avoidableRate: Double?
    public var csat: Double?
    public var costPerContact: Double?
    public var costTotal: Double

    public init(previousPeriod: String, contacts: Int, contactsGrowth: Double?, fcr: Double?, repeatRate: Double?,
                avoidableRate: Double?, csat: Double?, costPerContact: Double?, costTotal: Double) {
        self.previousPeriod = previousPeriod
        self.contacts = contacts
        self.contactsGrowth = contactsGrowth
        self.fcr = fcr
        self.repeatRate = repeatRate
        self.avoidableRate = avoidableRate
        self.csat = csat
        self.costPerContact = costPerContact
        self.costTotal = costTotal
    }
}

extension PeriodChange {
    /// current - previous for each headline metric.
    static func between(_ current: MetricSet, _ previous: MetricSet, previousPeriod: String) -> PeriodChange {
        func diff(_ a: Double?, _ b: Double?) -> Double? {
            guard let a, let b else { return nil }
            return a - b
        }
        return PeriodChange(
            previousPeriod: previousPeriod, contacts: current.contacts - previous.contacts,
            contactsGrowth: previous.contacts == 0 ? nil : Double(current.contacts) / Double(previous.contacts) - 1,
            fcr: diff(current.fcr.value, previous.fcr.value),
            repeatRate: diff(current.repeatRate.value, previous.repeatRate.value),
            avoidableRate: diff(current.avoidableRate.value, previous.avoidableRate.value),
            csat: diff(current.csat.rate.value, previous.csat.rate.value),
            costPerContact: diff(current.costPerContact, previous.costPerContact),
            costTotal: current.costTotal - previous.costTotal)
    }
}
