/// Reads a period as a volume file writes it: the report's own label for the granularity (`2026-W03`,
/// `2026-03`, `2026-03-05`) or any date inside the period (`2026-01-15`, in the ISO week 2026-W03). The key is
/// the one `PeriodCalendar.periodKey(of:)` gives: the period's first day, as days since 1970-01-01.
enum PeriodLabel {
    /// The key of the period `text` names, or `nil` when it names none (or a period of another granularity).
    static func key(of text: String, granularity: PeriodGranularity) -> Int32? {
        let bytes = Array(text.utf8)
        if let date = date(bytes) {
            let days = date.daysSinceEpoch
            switch granularity {
            case .day: return Int32(truncatingIfNeeded: days)
            case .week: return Int32(truncatingIfNeeded: days - date.weekdayFromMonday)
            case .month: return Int32(truncatingIfNeeded: CivilDate(year: date.year, month: date.month, day: 1).daysSinceEpoch)
            }
        }
        switch granularity {
        case .day:
            return nil
        case .month:
            // YYYY-MM
            guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"), let year = number(bytes[0..<4]),
                  let month = number(bytes[5..<7]), (1...12).contains(month) else { return nil }
            return Int32(truncatingIfNeeded: CivilDate(year: year, month: month, day: 1).daysSinceEpoch)
        case .week:
            // YYYY-Www: the Monday of ISO week 1 is the Monday on or before 4 January.
            guard bytes.count == 8, bytes[4] == UInt8(ascii: "-"), bytes[5] == UInt8(ascii: "W") || bytes[5] == UInt8(ascii: "w"),
                  let year = number(bytes[0..<4]), let week = number(bytes[6..<8]), week >= 1 else { return nil }
            let january4 = CivilDate(year: year, month: 1, day: 4)
            let monday = january4.daysSinceEpoch - january4.weekdayFromMonday + (week - 1) * 7
            // Week 53 exists only in some years: the Monday must still be in ISO year `year`, week `week`.
            let iso = CivilDate(daysSinceEpoch: monday).isoWeek
            guard iso.year == year, iso.week == week else { return nil }
            return Int32(truncatingIfNeeded: monday)
        }
    }

    /// What a period of `granularity` may be written as, for messages.
    static func expected(_ granularity: PeriodGranularity) -> String {
        switch granularity {
        case .week: "an ISO week like 2026-W03, or a date in it like 2026-01-12"
        case .month: "a month like 2026-03, or a date in it like 2026-03-01"
        case .day: "a date like 2026-03-05"
        }
    }

    /// A valid `YYYY-MM-DD` date.
    private static func date(_ bytes: [UInt8]) -> CivilDate? {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = number(bytes[0..<4]), let month = number(bytes[5..<7]), let day = number(bytes[8..<10]),
              CivilDate.isValid(year: year, month: month, day: day) else { return nil }
        return CivilDate(year: year, month: month, day: day)
    }

    /// The digits of `bytes` as a number, `nil` unless all are digits.
    private static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return bytes.isEmpty ? nil : value
    }
}
