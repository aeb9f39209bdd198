/// What fixing the causes of avoidable contacts would save, per process owner: each owner's avoidable contacts
/// and their cost, the cost of the repeats of its causes, and per cause the candidate fix (`CauseFix`) with a
/// savings estimate.
///
/// **Estimate.** For a cause with a fix: avoidable contacts x (their mean cost in the channels they came in -
/// the cost of a self-service contact) x the fix kind's deflection share (`DeflectionShares`), that is
/// `(avoidable cost - avoidable x self-service cost) x share`, never below 0. A cause without a fix has no
/// estimate.
///
/// **Adds up.** Every cause with avoidable contacts is on exactly one owner's statement (its process;
/// unclassified contacts, whose avoidable ones are repeats, under `Unassigned`), so the owners' avoidable
/// contacts and costs add up to the report's avoidable contacts and avoidable cost.
public struct SavingsLedger: Sendable, Equatable {
    /// One cause on an owner's statement.
    public struct CauseLine: Sendable, Equatable {
        public var cause: String
        public var name: String
        /// Avoidable contacts (by cause, or repeats) and their summed cost.
        public var avoidable: Int
        public var avoidableCost: Double
        /// Repeats of the cause (with scope `cause`, repeats of its own contacts) and their summed cost.
        public var repeats: Int
        public var repeatCost: Double
        public var fix: CauseFix?
        public var suggestion: String
        /// The fix's deflection share and the estimate; `nil` without a fix.
        public var deflection: Double?
        public var savings: Double?
    }

    /// One process owner's statement.
    public struct Owner: Sendable, Equatable {
        public var process: String
        public var avoidable: Int
        public var avoidableCost: Double
        public var repeats: Int
        public var repeatCost: Double
        /// The sum of its causes' estimates (causes without a fix add nothing).
        public var savings: Double
        /// Its causes with avoidable contacts, by avoidable cost (descending, then path).
        public var causes: [CauseLine]
    }

    /// Owners by avoidable cost (descending, then name); only owners with avoidable contacts.
    public var owners: [Owner]
    public var deflection: DeflectionShares
    /// The cost of one self-service contact (the cost model's `self_service` contact at its default handle time).
    public var selfServiceCost: Double
    public var currency: String

    /// The totals over every owner.
    public var avoidable: Int { owners.reduce(0) { $0 + $1.avoidable } }
    public var avoidableCost: Double { owners.reduce(0) { $0 + $1.avoidableCost } }
    public var repeats: Int { owners.reduce(0) { $0 + $1.repeats } }
    public var repeatCost: Double { owners.reduce(0) { $0 + $1.repeatCost } }
    public var savings: Double { owners.reduce(0) { $0 + $1.savings } }

    public init(owners: [Owner] = [], deflection: DeflectionShares = DeflectionShares(), selfServiceCost: Double = 0,
                currency: String = "EUR") {
        self.owners = owners
        self.deflection = deflection
        self.selfServiceCost = selfServiceCost
        self.currency = currency
    }

    /// The ledger of `causes`: each cause's descriptor and figures (`MetricSet.avoidable`, `avoidableCost`,
    /// `repeats`, `repeatCost`).
    init(causes: [(CauseDescriptor, MetricSet)], deflection: DeflectionShares, costModel: CostModel) {
        let selfService = costModel.channelCost(.selfService).cost(handleSeconds: nil)
        var byOwner: [String: [CauseLine]] = [:]
        for (descriptor, metrics) in causes where metrics.avoidable > 0 || metrics.repeats > 0 {
            var line = CauseLine(cause: descriptor.path, name: descriptor.name, avoidable: metrics.avoidable,
                                 avoidableCost: metrics.avoidableCost, repeats: metrics.repeats,
                                 repeatCost: metrics.repeatCost, fix: descriptor.fix,
                                 suggestion: descriptor.suggestion)
            if let fix = descriptor.fix {
                let share = deflection.share(for: fix)
                line.deflection = share
                let movable = metrics.avoidableCost - Double(metrics.avoidable) * selfService
                line.savings = max(0, movable) * share
            }
            byOwner[descriptor.process, default: []].append(line)
        }
        var owners: [Owner] = []
        for (process, lines) in byOwner {
            let sorted = lines.sorted { a, b in
                a.avoidableCost != b.avoidableCost ? a.avoidableCost > b.avoidableCost : a.cause < b.cause
            }
            owners.append(Owner(process: process, avoidable: lines.reduce(0) { $0 + $1.avoidable },
                                avoidableCost: lines.reduce(0) { $0 + $1.avoidableCost },
                                repeats: lines.reduce(0) { $0 + $1.repeats },
                                repeatCost: lines.reduce(0) { $0 + $1.repeatCost },
                                savings: lines.reduce(0) { $0 + ($1.savings ?? 0) }, causes: sorted))
        }
        owners.sort { a, b in
            a.avoidableCost != b.avoidableCost ? a.avoidableCost > b.avoidableCost : a.process < b.process
        }
        self.init(owners: owners, deflection: deflection, selfServiceCost: selfService, currency: costModel.currency)
    }
}
