/// Contacts per 1,000 units of the business's own volume (`report --per FILE`): for each unit column of the
/// volume file (orders, customers, ...), contacts in a slice and period / units in the period x 1,000, for every
/// period of the report, overall and per channel and per cause; and over all complete periods measured.
///
/// Nothing is silently zero: a period with contacts and no row in the volume file, a period of the volume file
/// with no contacts, a unit value of 0 (no rate: no division by zero) and an empty unit value (no rate) are each
/// named in `gaps`. Partial periods (the data covers part of the period, `PeriodRow.partial`) keep their rate,
/// marked, and are left out of the `all` rows, as their contacts cover part of a period the volume counts whole.
public struct PerUnitFigures: Sendable, Equatable {
    /// What a row breaks down.
    public enum Dimension: String, Sendable, CaseIterable {
        /// Every contact of the period.
        case total
        case channel
        case cause
    }

    /// Why a rate has no value, or `measured`.
    public enum Status: String, Sendable {
        case measured
        /// The period has no row in the volume file.
        case noVolumeRow = "no_volume_row"
        /// The unit's value is empty in the period's row.
        case noValue = "no_value"
        /// The unit's value is 0: no rate.
        case zeroUnits = "zero_units"
        /// An `all` row with no complete period measured for the unit.
        case noPeriod = "no_period"
    }

    /// One unit's rate in a row.
    public struct Rate: Sendable, Equatable {
        /// Contacts in the row's slice (in an `all` row: over the periods measured for this unit).
        public var contacts: Int
        /// Units in the period (in an `all` row: summed over the periods measured); `nil` without a value.
        public var units: Double?
        /// Contacts per 1,000 units; `nil` unless `status` is `measured`.
        public var perThousand: Double?
        public var status: Status
        /// In an `all` row, the complete periods summed; 1 otherwise.
        public var periods: Int

        public init(contacts: Int, units: Double?, perThousand: Double?, status: Status, periods: Int = 1) {
            self.contacts = contacts
            self.units = units
            self.perThousand = perThousand
            self.status = status
            self.periods = periods
        }
    }

    /// A slice in a period (or over all complete periods measured), with one rate per unit column.
    public struct Row: Sendable, Equatable {
        /// The period label; `nil` for the `all` rows (every complete period measured).
        public var period: String?
        /// The data covers only part of the period.
        public var partial: Bool
        public var dimension: Dimension
        /// `all` for a total row, the channel or the cause path otherwise.
        public var key: String
        /// One per `PerUnitFigures.units`, in that order.
        public var rates: [Rate]
    }

    /// A period or value that has no rate, named.
    public struct Gap: Sendable, Equatable {
        public enum Reason: String, Sendable {
            /// Contacts in the period, no row in the volume file.
            case missingVolume = "missing_volume"
            /// A row in the volume file, no contacts in the period.
            case noContacts = "no_contacts"
            /// The unit's value is 0.
            case zeroUnits = "zero_units"
            /// The unit's value is empty.
            case noValue = "no_value"
        }
        public var period: String
        /// The unit column, `nil` when the whole period is concerned.
        public var unit: String?
        public var reason: Reason

        /// The gap in words: `2026-W05: contacts, but no row in volumes.csv`.
        public func text(file: String) -> String {
            switch reason {
            case .missingVolume: "\(period): contacts, but no row in \(file)"
            case .noContacts: "\(period): in \(file), but no contacts in the report"
            case .zeroUnits: "\(period): \(unit ?? "") is 0, no rate"
            case .noValue: "\(period): no \(unit ?? "") value in \(file)"
            }
        }
    }

    /// How a rate is computed, in words (the report's definitions).
    public static let definition = "contacts in the slice and period / units in the period x 1,000; the all rows: "
        + "contacts over the complete periods with units / their units x 1,000 (partial periods are left out)"

    /// The volume file's name as given.
    public var file: String
    /// The unit columns, in file order.
    public var units: [String]
    /// The `all` rows (total, channels, causes), then per period ascending: its total, its channels (channel
    /// order), its causes (most contacts first, then path).
    public var rows: [Row]
    /// Every period or unit value without a rate, in period order.
    public var gaps: [Gap]

    /// Rates of `report`'s periods against `volumes` (read for the report's granularity).
    public init(report: ContactReport, volumes: UnitVolumes) {
        file = volumes.file
        units = volumes.units
        var volumeOf: [String: [Double?]] = [:]
        for row in volumes.rows { volumeOf[row.period] = row.values }
        let reportPeriods = Set(report.periods.map(\.period))

        var rows: [Row] = [], gaps: [Gap] = []
        // Per slice and unit: contacts and units summed over the complete periods measured.
        var totals: [String: [(contacts: Int, units: Double, periods: Int)]] = [:]
        var sliceOrder: [(Dimension, String)] = [(.total, "all")]
        var seenSlices: Set<String> = ["total/all"]
        let unitCount = units.count

        func rate(contacts: Int, value: Double??) -> Rate {
            guard let row = value else { return Rate(contacts: contacts, units: nil, perThousand: nil, status: .noVolumeRow) }
            guard let units = row else { return Rate(contacts: contacts, units: nil, perThousand: nil, status: .noValue) }
            guard units > 0 else { return Rate(contacts: contacts, units: 0, perThousand: nil, status: .zeroUnits) }
            return Rate(contacts: contacts, units: units, perThousand: Double(contacts) / units * 1_000, status: .measured)
        }

        for period in report.periods {
            let values = volumeOf[period.period]
            if values == nil {
                gaps.append(Gap(period: period.period, unit: nil, reason: .missingVolume))
            } else if let values {
                for (u, value) in values.enumerated() {
                    if value == nil { gaps.append(Gap(period: period.period, unit: units[u], reason: .noValue)) }
                    else if value == 0 { gaps.append(Gap(period: period.period, unit: units[u], reason: .zeroUnits)) }
                }
            }
            var slices: [(Dimension, String, Int)] = [(.total, "all", period.metrics.contacts)]
            for channel in Channel.allCases { if let n = period.channels[channel] { slices.append((.channel, channel.rawValue, n)) } }
            let causes = period.causes.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            for (cause, n) in causes { slices.append((.cause, cause, n)) }
            for (dimension, key, contacts) in slices {
                let rates = (0..<unitCount).map { u in rate(contacts: contacts, value: values.map { $0[u] }) }
                rows.append(Row(period: period.period, partial: period.partial, dimension: dimension, key: key, rates: rates))
                let id = "\(dimension.rawValue)/\(key)"
                if !seenSlices.contains(id) {
                    seenSlices.insert(id)
                    sliceOrder.append((dimension, key))
                }
                guard !period.partial else { continue }
                var sums = totals[id] ?? Array(repeating: (0, 0, 0), count: unitCount)
                for (u, r) in rates.enumerated() where r.status == .measured {
                    sums[u].contacts += contacts
                    sums[u].units += r.units ?? 0
                    sums[u].periods += 1
                }
                totals[id] = sums
            }
        }
        // The all rows: a slice's contacts over the complete periods with units for the unit, against the units
        // of those periods. A slice absent from a measured period has no contacts in it, but the period's units
        // still count: its rate is over every complete period measured for the unit.
        let measuredUnits = totals["total/all"] ?? Array(repeating: (0, 0, 0), count: unitCount)
        var allRows: [Row] = []
        let orderedSlices = sliceOrder.sorted { a, b in
            let rank: [Dimension: Int] = [.total: 0, .channel: 1, .cause: 2]
            if a.0 != b.0 { return (rank[a.0] ?? 0) < (rank[b.0] ?? 0) }
            if a.0 == .channel {
                return (Channel(rawValue: a.1)?.ordinal ?? 0) < (Channel(rawValue: b.1)?.ordinal ?? 0)
            }
            let ta = totals["\(a.0.rawValue)/\(a.1)"]?.first?.contacts ?? 0
            let tb = totals["\(b.0.rawValue)/\(b.1)"]?.first?.contacts ?? 0
            return ta != tb ? ta > tb : a.1 < b.1
        }
        for (dimension, key) in orderedSlices {
            let sums = totals["\(dimension.rawValue)/\(key)"] ?? Array(repeating: (0, 0, 0), count: unitCount)
            let rates = (0..<unitCount).map { u -> Rate in
                let units = measuredUnits[u].units, periods = measuredUnits[u].periods
                guard periods > 0, units > 0 else {
                    return Rate(contacts: 0, units: nil, perThousand: nil, status: .noPeriod, periods: 0)
                }
                return Rate(contacts: sums[u].contacts, units: units, perThousand: Double(sums[u].contacts) / units * 1_000,
                            status: .measured, periods: periods)
            }
            allRows.append(Row(period: nil, partial: false, dimension: dimension, key: key, rates: rates))
        }
        for row in volumes.rows where !reportPeriods.contains(row.period) {
            gaps.append(Gap(period: row.period, unit: nil, reason: .noContacts))
        }
        // Gaps in period order (labels of one granularity sort as their periods do).
        gaps = gaps.enumerated().sorted { a, b in
            a.element.period != b.element.period ? a.element.period < b.element.period : a.offset < b.offset
        }.map(\.element)
        self.rows = allRows + rows
        self.gaps = gaps
    }
}
