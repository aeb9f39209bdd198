/// One cell of a report section table (``CSVReportRenderer``'s sections, which the CSV and xlsx formats both
/// write), typed so that each format writes it its own way: CSV as text (``csvText``, the figures of the JSON
/// report to the digit), xlsx as a typed spreadsheet cell (``workbookCell(currency:)``: an integer, a
/// percentage, money in the report's currency, a duration, a date).
///
/// A real number is kept as it is written (rates and other fractions rounded to 4 decimals, money to 2), so
/// every format gives the same figure; a value that is missing or not finite is ``empty``.
enum ReportCell: Equatable {
    /// Text (from the input or of the report); CSV guards it against formulas, xlsx writes it as a string.
    case text(String)
    /// A whole number (a count).
    case whole(Int)
    /// A fraction of a whole (a rate, a share, a growth, a change of a rate), to 4 decimals.
    case share(String)
    /// An amount of money in the report's currency, to 2 decimals.
    case amount(String)
    /// A duration in seconds, to 4 decimals.
    case seconds(String)
    /// A mean score or another plain real number (days, a scale bound, minutes), to 4 decimals.
    case real(String)
    /// An instant: its text as CSV and JSON give it (ISO 8601) and its wall-clock time in the report's time
    /// zone, in seconds since 1970-01-01 as if that zone were UTC (what a spreadsheet date shows).
    case instant(text: String, localSeconds: EpochSeconds)
    /// No value.
    case empty

    // MARK: Making cells

    static func integer(_ value: Int) -> ReportCell { .whole(value) }

    /// A fraction of a whole; empty when missing or not finite.
    static func fraction(_ value: Double?) -> ReportCell {
        guard let value, let text = ReportNumberFormat.fraction(value) else { return .empty }
        return .share(text)
    }

    static func ratio(_ ratio: Ratio?) -> ReportCell { fraction(ratio?.value) }

    /// Money, two decimals; empty when missing or not finite.
    static func money(_ value: Double?) -> ReportCell {
        guard let value, let text = ReportNumberFormat.fixed(value, places: 2) else { return .empty }
        return .amount(text)
    }

    /// A plain real number, at most 4 decimals; empty when missing or not finite.
    static func number(_ value: Double?) -> ReportCell {
        guard let value, let text = ReportNumberFormat.fraction(value) else { return .empty }
        return .real(text)
    }

    static func optionalText(_ value: String?) -> ReportCell { value.map { .text($0) } ?? .empty }

    /// `true` / `false` as text.
    static func flag(_ value: Bool?) -> ReportCell { value.map { .text($0 ? "true" : "false") } ?? .empty }

    /// An instant written `text` (as CSV and JSON write it) shown at its wall-clock time in `time`'s zone.
    static func instant(_ seconds: EpochSeconds?, text: (EpochSeconds) -> String, in time: ReportTimestampFormat) -> ReportCell {
        guard let seconds else { return .empty }
        return .instant(text: text(seconds), localSeconds: time.localSeconds(seconds))
    }

    /// A metric's value written as its kind says (`MetricKind`): an integer, a fraction, money, seconds, a score.
    static func metric(_ value: MetricValue, kind: MetricKind) -> ReportCell {
        switch (value, kind) {
        case (.count(let count), _): return .whole(count)
        case (.real(let number), .money): return money(number)
        case (.real(let number), .rate): return fraction(number)
        case (.real(let number), .duration):
            guard let number, let text = ReportNumberFormat.fraction(number) else { return .empty }
            return .seconds(text)
        case (.real(let number), .count):
            // A count that may have no value (outside opening hours without hours): whole when it has one.
            guard let number else { return .empty }
            if number == number.rounded(), abs(number) < 9e15 { return .whole(Int(number)) }
            return self.number(number)
        case (.real(let number), .score): return self.number(number)
        }
    }

    // MARK: Writing cells

    /// The cell as CSV text (before quoting and the formula guard): numbers with `.`, instants in ISO 8601.
    var csvText: String {
        switch self {
        case .text(let text): text
        case .whole(let value): String(value)
        case .share(let text), .amount(let text), .seconds(let text), .real(let text): text
        case .instant(let text, _): text
        case .empty: ""
        }
    }

    /// Whether the cell is a number (CSV's decimal comma applies to it, never to text or instants).
    var isNumber: Bool {
        switch self {
        case .whole, .share, .amount, .seconds, .real: true
        case .text, .instant, .empty: false
        }
    }

    /// The cell as a typed workbook cell: a count an integer, a fraction a percentage, money in `currency`, a
    /// duration `[h]:mm:ss`, another number a decimal, an instant a date and time; text stays text (never a
    /// formula).
    func workbookCell(currency: String) -> WorkbookCell {
        switch self {
        case .text(let text): return .text(text)
        case .whole(let value): return .integer(value)
        case .share(let text): return Double(text).map { .percent($0) } ?? .empty
        case .amount(let text): return Double(text).map { .money($0, currency: currency) } ?? .empty
        case .seconds(let text): return Double(text).map { .duration($0) } ?? .empty
        case .real(let text): return Double(text).map { .decimal($0) } ?? .empty
        case .instant(_, let local):
            var days = local / 86_400
            var second = local % 86_400
            if second < 0 { second += 86_400; days -= 1 }
            let date = CivilDate(daysSinceEpoch: Int(days))
            return .dateTime(year: date.year, month: date.month, day: date.day, hour: Int(second / 3600),
                             minute: Int(second % 3600 / 60), second: Int(second % 60))
        case .empty: return .empty
        }
    }
}
