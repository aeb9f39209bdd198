/// One gate of `contactstat check` as evaluated: a threshold on the whole report or on one slice, or a change
/// gate. Every gate given ends as one of these (a JUnit test case, `JUnitReport`).
public struct GateResult: Sendable, Equatable {
    public enum Status: String, Sendable, Equatable {
        /// The figure is within the limit (or a change is not significant).
        case passed
        /// The figure is past the limit (a change: past it and significant).
        case breached
        /// The figure has no value (no evaluable contacts, no full periods to compare, no slice matched).
        case unchecked
    }

    /// The gate, as a test-case name: `cause billing/refund: Avoidable-contact rate <= 40.0 %`.
    public var name: String
    public var status: Status
    /// One human line: the breach, the reason it was not checked, or the figure that passed.
    public var message: String

    public init(name: String, status: Status, message: String) {
        self.name = name
        self.status = status
        self.message = message
    }
}
