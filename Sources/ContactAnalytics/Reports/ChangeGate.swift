/// A `check` gate on the change of a rate from the previous full period to the latest full one
/// (`--max-change avoidable-rate=+5pp`). It is breached only when the rate moved past the limit in the
/// limit's direction (up for `+`, down for `-`) **and** the move is statistically significant: the
/// two-proportion z-test's p-value (`TwoProportionZTest`) is below the check's significance level. Partial
/// periods (`PeriodCoverage`) are never compared.
public struct ChangeGate: Sendable, Equatable {
    /// The rates a change gate can watch: each is a share of contacts, so the z-test applies.
    public enum Measure: String, Sendable, Equatable, CaseIterable {
        case fcr
        case avoidableRate = "avoidable-rate"
        case repeatRate = "repeat-rate"
        case csat

        /// The rate's label in messages.
        public var label: String {
            switch self {
            case .fcr: "FCR"
            case .avoidableRate: "Avoidable-contact rate"
            case .repeatRate: "Repeat rate"
            case .csat: "CSAT"
            }
        }

        /// The rate in a period's figures, with its count and base.
        func ratio(_ metrics: MetricSet) -> Ratio {
            switch self {
            case .fcr: metrics.fcr
            case .avoidableRate: metrics.avoidableRate
            case .repeatRate: metrics.repeatRate
            case .csat: metrics.csat.rate
            }
        }
    }

    public var measure: Measure
    /// The largest change allowed, as a signed fraction: `+0.05` = up by at most 5 points, `-0.05` = down by at
    /// most 5 points.
    public var limit: Double

    public init(measure: Measure, limit: Double) {
        self.measure = measure
        self.limit = limit
    }

    /// Reads `MEASURE=+Npp` or `MEASURE=-Npp` (`N` a number of percentage points; a space before `pp` is
    /// allowed). Throws `ContactStatError(.usage)` naming the problem.
    public static func parse(_ text: String) throws -> ChangeGate {
        let usage = "\(setting: .maximumChange) '\(text)' is not MEASURE=+Npp or MEASURE=-Npp (measures: "
            + Measure.allCases.map(\.rawValue).joined(separator: ", ") + ")"
        guard let equals = text.firstIndex(of: "=") else { throw ContactStatError(.usage, usage) }
        guard let measure = Measure(rawValue: text[..<equals].trimmingCharacters(in: .whitespaces).lowercased()) else {
            throw ContactStatError(.usage, usage)
        }
        var body = text[text.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        guard body.lowercased().hasSuffix("pp") else { throw ContactStatError(.usage, usage) }
        body = String(body.dropLast(2)).trimmingCharacters(in: .whitespaces)
        guard let sign = body.first, sign == "+" || sign == "-" else { throw ContactStatError(.usage, usage) }
        let digits = body.dropFirst()
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              let points = Double(digits), points.isFinite, points <= 100 else {
            throw ContactStatError(.usage, usage)
        }
        return ChangeGate(measure: measure, limit: (sign == "-" ? -points : points) / 100)
    }

}
