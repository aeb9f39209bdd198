/// What the staffing plan aims at (configuration `staffing`): the service level to reach (a share answered
/// within `answerWithinSeconds`) and the shrinkage (the share of paid time not on contacts: breaks, training,
/// absence) that turns the agents needed into agents to schedule.
public struct StaffingTargets: Sendable, Equatable {
    /// The share of contacts to answer within `answerWithinSeconds`: 0 < level < 1; 0.8 by default.
    public var serviceLevel: Double
    /// Seconds; 20 by default.
    public var answerWithinSeconds: Double
    /// 0 <= shrinkage < 1; 0.3 by default.
    public var shrinkage: Double

    public init(serviceLevel: Double = 0.8, answerWithinSeconds: Double = 20, shrinkage: Double = 0.3) {
        self.serviceLevel = serviceLevel
        self.answerWithinSeconds = answerWithinSeconds
        self.shrinkage = shrinkage
    }
}
