/// Decides the day/month order of one column from its values.
///
/// Feed it the column's values with `observe(_:)`. A value like `13/01/2021` (first part above 12) is
/// evidence for day-first, `01/13/2021` (second part above 12) for month-first; `03/04/2021` is ambiguous and
/// says nothing. Values in other forms (ISO, text) are ignored. When both kinds of evidence occur the column is
/// `conflicting` (report it): `order` then follows the majority.
///
/// **Mixed orders** (`mixesOrders`): a spreadsheet that re-saves a month-first column day-first rewrites only
/// the values it could read as dates: `04/22/2015` becomes `22-04-15`, while `04/08/2015` (8 April) stays
/// `04-08-15`, now ambiguous and wrong day-first. Such a column proves one order, yet its ambiguous values
/// belong to the other. The evidence tells it from the months: the span of months (year and month) of the
/// values that prove the order is where the data lies; the ambiguous values are read both ways. The column
/// mixes orders when
/// - at least `minimumForMixing` values prove the order and at least `minimumForMixing` are ambiguous,
/// - read the other way, at least 95 % of the ambiguous values fall inside that span, and
/// - read the proven way, at least a quarter of them fall outside it.
///
/// On genuine data the ambiguous values (days 1 to 12) lie in the same months as the others (days 13 to
/// 31), so the proven order keeps them inside the span: a year of day-first dates, or a month of them,
/// never mixes. When a column mixes, its ambiguous values are read the other way (`ambiguousOrder`), while
/// the values that prove the order keep it.
public struct DayMonthOrderEvidence: Sendable, Equatable {
    /// The fewest proving values, and the fewest ambiguous ones, from which `mixesOrders` may conclude.
    public static let minimumForMixing = 20

    /// An ambiguous value as written, and the line it was on (0 when not given).
    public struct AmbiguousExample: Sendable, Equatable {
        public var text: String
        public var line: Int
    }

    /// An ambiguous value's year and its two parts (both 1...12), as written.
    struct AmbiguousDate: Hashable, Sendable {
        var year: Int
        var first: Int
        var second: Int
    }

    /// What the observed values say.
    public enum Verdict: String, Sendable, Equatable {
        /// No value settled the order (all ambiguous, or none seen).
        case unsettled
        /// Some values can only be day-first, none only month-first.
        case dayFirst = "day-first"
        /// Some values can only be month-first, none only day-first.
        case monthFirst = "month-first"
        /// Some values can only be day-first and others only month-first.
        case conflicting
    }

    /// Values that can only be read day-first.
    public private(set) var dayFirstCount = 0
    /// Values that can only be read month-first.
    public private(set) var monthFirstCount = 0
    /// Day/month values that could be read either way.
    public private(set) var ambiguousCount = 0
    /// Day/month values written with `/` and a 12-hour clock (AM/PM).
    public private(set) var slashTwelveHourCount = 0
    /// Day/month values written with `/` (with or without AM/PM).
    public private(set) var slashCount = 0
    /// Day/month values written with `.` or `-`.
    public private(set) var dotOrDashCount = 0
    /// The first ambiguous value seen (for a message), and the line given with it.
    public private(set) var firstAmbiguous: AmbiguousExample?
    /// The months (`year * 12 + month - 1`) spanned by the day-first-only values and the month-first-only ones.
    private var dayFirstMonths: ClosedRange<Int>?
    private var monthFirstMonths: ClosedRange<Int>?
    /// How many times each ambiguous date occurred.
    private var ambiguousDates: [AmbiguousDate: Int] = [:]


    /// Empty evidence.
    public init() {}

    /// Takes one value's UTF-8 bytes into account; `line` locates it (kept for the first ambiguous value).
    public mutating func observe(_ bytes: UnsafeBufferPointer<UInt8>, line: Int = 0) {
        guard let scan = TimestampScanner.scan(bytes, numbers: false, serials: false), scan.kind == .ambiguous
        else { return }
        if scan.separator == UInt8(ascii: "/") {
            slashCount += 1
            if scan.twelveHourClock { slashTwelveHourCount += 1 }
        } else {
            dotOrDashCount += 1
        }
        switch (scan.first > 12, scan.second > 12) {
        case (true, false):
            dayFirstCount += 1
            dayFirstMonths = Self.widen(dayFirstMonths, scan.year * 12 + scan.second - 1)
        case (false, true):
            monthFirstCount += 1
            monthFirstMonths = Self.widen(monthFirstMonths, scan.year * 12 + scan.first - 1)
        case (false, false):
            ambiguousCount += 1
            ambiguousDates[AmbiguousDate(year: scan.year, first: scan.first, second: scan.second), default: 0] += 1
            if firstAmbiguous == nil { firstAmbiguous = AmbiguousExample(text: String(decoding: bytes, as: UTF8.self), line: line) }
        case (true, true): break
        }
    }

    /// Takes one value into account; see `observe(_:line:)` for the bytes.
    public mutating func observe(_ text: String, line: Int = 0) {
        var text = text
        text.withUTF8 { observe($0, line: line) }
    }

    private static func widen(_ range: ClosedRange<Int>?, _ month: Int) -> ClosedRange<Int> {
        guard let range else { return month...month }
        return min(range.lowerBound, month)...max(range.upperBound, month)
    }

    private static func union(_ a: ClosedRange<Int>?, _ b: ClosedRange<Int>?) -> ClosedRange<Int>? {
        guard let a else { return b }
        guard let b else { return a }
        return min(a.lowerBound, b.lowerBound)...max(a.upperBound, b.upperBound)
    }

    /// Adds another accumulator's evidence (for example from another file of the same export).
    public mutating func merge(_ other: DayMonthOrderEvidence) {
        dayFirstCount += other.dayFirstCount
        monthFirstCount += other.monthFirstCount
        ambiguousCount += other.ambiguousCount
        slashTwelveHourCount += other.slashTwelveHourCount
        slashCount += other.slashCount
        dotOrDashCount += other.dotOrDashCount
        if firstAmbiguous == nil { firstAmbiguous = other.firstAmbiguous }
        dayFirstMonths = Self.union(dayFirstMonths, other.dayFirstMonths)
        monthFirstMonths = Self.union(monthFirstMonths, other.monthFirstMonths)
        ambiguousDates.merge(other.ambiguousDates, uniquingKeysWith: +)
    }

    /// What the evidence says.
    public var verdict: Verdict {
        switch (dayFirstCount > 0, monthFirstCount > 0) {
        case (true, true): .conflicting
        case (true, false): .dayFirst
        case (false, true): .monthFirst
        case (false, false): .unsettled
        }
    }

    /// The order to use: the settled one; on conflict the majority (ties: the default); when unsettled the
    /// default of `DayMonthOrder.defaultOrder` for the values seen: month-first only when every day/month
    /// value used `/` and most of them carried AM/PM, else day-first.
    public var order: DayMonthOrder {
        if dayFirstCount > monthFirstCount { return .dayFirst }
        if monthFirstCount > dayFirstCount { return .monthFirst }
        let slashWithMeridiem = dotOrDashCount == 0 && slashCount > 0 && slashTwelveHourCount * 2 > slashCount
        return DayMonthOrder.defaultOrder(separatorByte: slashWithMeridiem ? UInt8(ascii: "/") : UInt8(ascii: "."),
                                          twelveHourClock: slashWithMeridiem)
    }

    /// Whether the column mixes orders as a spreadsheet re-save leaves it: it proves one order (`verdict`
    /// day-first or month-first), but its ambiguous values belong to the other (see the type's documentation
    /// for the rule).
    public var mixesOrders: Bool {
        let proving: Int
        let span: ClosedRange<Int>?
        switch verdict {
        case .dayFirst: (proving, span) = (dayFirstCount, dayFirstMonths)
        case .monthFirst: (proving, span) = (monthFirstCount, monthFirstMonths)
        case .unsettled, .conflicting: return false
        }
        guard let span, proving >= Self.minimumForMixing, ambiguousCount >= Self.minimumForMixing else { return false }
        var insideProven = 0
        var insideOther = 0
        for (date, count) in ambiguousDates {
            // Day-first reads the second part as the month, month-first the first part.
            let (proven, other) = verdict == .dayFirst ? (date.second, date.first) : (date.first, date.second)
            if span.contains(date.year * 12 + proven - 1) { insideProven += count }
            if span.contains(date.year * 12 + other - 1) { insideOther += count }
        }
        return insideOther * 100 >= ambiguousCount * 95 && (ambiguousCount - insideProven) * 4 >= ambiguousCount
    }

    /// The months spanned by the values that prove the order (`2015-04 to 2015-06`), for messages; `nil` when
    /// no value proves one order.
    public var provenMonths: String? {
        let span: ClosedRange<Int>?
        switch verdict {
        case .dayFirst: span = dayFirstMonths
        case .monthFirst: span = monthFirstMonths
        case .unsettled, .conflicting: span = nil
        }
        guard let span else { return nil }
        func text(_ key: Int) -> String {
            let year = key / 12
            let month = key % 12 + 1
            return "\(year)-\(month < 10 ? "0" : "")\(month)"
        }
        return span.lowerBound == span.upperBound ? text(span.lowerBound)
            : "\(text(span.lowerBound)) to \(text(span.upperBound))"
    }

    /// The order in which to read the ambiguous values: the other order when `mixesOrders`, else `order`.
    public var ambiguousOrder: DayMonthOrder {
        guard mixesOrders else { return order }
        return order == .dayFirst ? .monthFirst : .dayFirst
    }
}
