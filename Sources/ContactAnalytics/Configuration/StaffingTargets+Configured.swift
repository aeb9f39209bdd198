extension StaffingTargets {
    /// The keys of the configuration's `staffing` section.
    static let configurationKeys = ["service_level", "answer_within_seconds", "shrinkage"]

    /// Reads the configuration's `staffing` section, each key optional (the defaults of `init()`):
    ///
    /// ```
    /// "staffing": { "service_level": 0.8, "answer_within_seconds": 20, "shrinkage": 0.3 }
    /// ```
    ///
    /// `service_level` must be above 0 and below 1, `answer_within_seconds` above 0, `shrinkage` at least 0 and
    /// below 1; a value out of range or an unknown key is an error naming the place.
    public init(node: ConfigurationNode) throws {
        self.init()
        try node.rejectUnknownKeys(Self.configurationKeys)
        if let level = try node.member("service_level") {
            let value = try level.doubleValue()
            guard value > 0 && value < 1 else { throw level.error("expected a share above 0 and below 1, such as 0.8") }
            serviceLevel = value
        }
        if let within = try node.member("answer_within_seconds") {
            let value = try within.doubleValue()
            guard value > 0 && value.isFinite else { throw within.error("expected a number of seconds above 0, such as 20") }
            answerWithinSeconds = value
        }
        if let shrinkage = try node.member("shrinkage") {
            let value = try shrinkage.doubleValue()
            guard value >= 0 && value < 1 else { throw shrinkage.error("expected a share of at least 0 and below 1, such as 0.3") }
            self.shrinkage = value
        }
    }
}
