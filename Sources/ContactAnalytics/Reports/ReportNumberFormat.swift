/// The one place where report numbers become text, so every renderer shows a figure the same way
/// (`metrics.md`, "Numbers in output").
///
/// Human formats (text, Markdown, HTML, narrative, check messages):
/// - percentages with one decimal and a space before the sign: `71.4 %`;
/// - money with two decimals and `,` thousands separators: `31,540.00` (with the currency: `EUR 31,540.00`);
/// - counts as integers with `,` thousands separators: `4,210`;
/// - a missing value (empty denominator, no data, not finite) as ``ReportNumberFormat/missing`` (`–`),
///   never `0`, never `nan`.
///
/// Machine formats (JSON, CSV) use the static ``fraction(_:)`` and ``fixed(_:places:)``: no grouping, `.`
/// as the decimal separator, `nil` for a value that is not finite.
///
/// Nothing here depends on the process locale: the digits are produced by integer arithmetic.
public struct ReportNumberFormat: Sendable, Equatable {
    /// What every human format prints for a missing value: an en dash.
    public static let missing = "–"

    /// The currency code printed before money amounts (`EUR`).
    public var currency: String

    /// A format for amounts in `currency`.
    public init(currency: String) {
        self.currency = currency
    }

    // MARK: Human formats

    /// `0.7142` -> `71.4 %`; `nil` or not finite -> `–`.
    public func percent(_ fraction: Double?, decimals: Int = 1) -> String {
        guard let fraction, let text = ReportNumberFormat.fixed(fraction * 100, places: decimals) else {
            return ReportNumberFormat.missing
        }
        return text + " %"
    }

    /// The ratio's value as a percentage; `–` when its denominator is 0.
    public func percent(_ ratio: Ratio) -> String {
        percent(ratio.value)
    }

    /// A difference of two fractions in percentage points with its sign: `0.021` -> `+2.1 pp`,
    /// `-0.004` -> `-0.4 pp`, a difference that rounds to zero -> `0.0 pp`; `nil` -> `–`.
    public func percentagePoints(_ difference: Double?) -> String {
        guard let difference, let text = ReportNumberFormat.fixed(difference * 100, places: 1) else {
            return ReportNumberFormat.missing
        }
        return ReportNumberFormat.signed(text) + " pp"
    }

    /// A relative growth with its sign: `0.125` -> `+12.5 %`; `nil` (nothing to grow from) -> `–`.
    public func growth(_ growth: Double?) -> String {
        guard let growth, let text = ReportNumberFormat.fixed(growth * 100, places: 1) else {
            return ReportNumberFormat.missing
        }
        return ReportNumberFormat.signed(text) + " %"
    }

    /// `4210` -> `4,210`; `-1234` -> `-1,234`.
    public func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        return (value < 0 ? "-" : "") + ReportNumberFormat.grouped(digits)
    }

    /// A count difference with its sign: `+12`, `-3`, `0`.
    public func signedCount(_ value: Int) -> String {
        value > 0 ? "+" + count(value) : count(value)
    }

    /// `31540` -> `31,540.00` (no currency); `nil` or not finite -> `–`.
    public func money(_ value: Double?) -> String {
        guard let value, let text = ReportNumberFormat.fixed(value, places: 2) else {
            return ReportNumberFormat.missing
        }
        return ReportNumberFormat.groupedDecimal(text)
    }

    /// `31540` -> `EUR 31,540.00`; `nil` or not finite -> `–`.
    public func moneyWithCurrency(_ value: Double?) -> String {
        let amount = money(value)
        if amount == ReportNumberFormat.missing { return amount }
        return currency.isEmpty ? amount : currency + " " + amount
    }

    /// A signed money difference: `+1,250.00`, `-30.10`; `nil` -> `–`.
    public func signedMoney(_ value: Double?) -> String {
        let amount = money(value)
        if amount == ReportNumberFormat.missing { return amount }
        return ReportNumberFormat.signed(amount)
    }

    /// A plain number with `places` decimals and no grouping (a CSAT mean `4.12`); `nil` -> `–`.
    public func decimal(_ value: Double?, places: Int) -> String {
        guard let value, let text = ReportNumberFormat.fixed(value, places: places) else {
            return ReportNumberFormat.missing
        }
        return text
    }

    /// A duration in seconds, to the nearest second, in its two largest units:
    /// `45 s`, `6 min 30 s`, `4 h 05 min`, `2 d 03 h`; `nil`, negative or not finite -> `–`.
    public func duration(_ seconds: Double?) -> String {
        guard let seconds, seconds.isFinite, seconds >= 0, seconds < 1e15 else { return ReportNumberFormat.missing }
        let total = Int64(seconds.rounded())
        let days = total / 86_400, hours = total % 86_400 / 3_600
        let minutes = total % 3_600 / 60, secs = total % 60
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        if days > 0 { return "\(days) d \(two(hours)) h" }
        if hours > 0 { return "\(hours) h \(two(minutes)) min" }
        if minutes > 0 { return "\(minutes) min \(two(secs)) s" }
        return "\(secs) s"
    }

    /// A metric's value as its kind is shown in text, Markdown and HTML (`MetricKind`): a count, a percentage,
    /// money, a duration or a score with two decimals; `–` when it has none.
    public func metric(_ value: MetricValue, kind: MetricKind) -> String {
        switch (value, kind) {
        case (.count(let value), _): return count(value)
        case (.real(let number), .rate): return percent(number)
        case (.real(let number), .money): return money(number)
        case (.real(let number), .duration): return duration(number)
        case (.real(let number), .score): return decimal(number, places: 2)
        case (.real(let number), .count):
            guard let number, number.isFinite, number.magnitude < 9e15 else { return ReportNumberFormat.missing }
            return count(Int(number.rounded()))
        }
    }

    // MARK: Machine formats

    /// A rate or other real number for JSON and CSV: rounded to 4 decimals, trailing zeros dropped
    /// (`0.734`, `1`, `-0.05`); `nil` when not finite.
    public static func fraction(_ value: Double) -> String? {
        guard var text = fixed(value, places: 4) else { return nil }
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// `value` rounded half away from zero to `places` decimals (0...9), with exactly that many decimals,
    /// `.` as separator and no grouping: `fixed(31540, places: 2)` -> `31540.00`. A value that rounds to
    /// zero has no sign. `nil` when not finite; magnitudes beyond 9e15 after scaling print without decimals.
    public static func fixed(_ value: Double, places: Int) -> String? {
        guard value.isFinite else { return nil }
        let places = min(max(places, 0), 9)
        var scale: Double = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = (value.magnitude * scale).rounded()
        guard scaled < 9.0e15 else {
            return (value < 0 ? "-" : "") + String(Int64(min(value.magnitude.rounded(), 9.2e18)))
        }
        let integer = Int64(scaled)
        let divisor = Int64(scale)
        let whole = integer / divisor, fractionPart = integer % divisor
        var text = integer == 0 || value >= 0 ? "" : "-"
        text += String(whole)
        if places > 0 {
            let digits = String(fractionPart)
            text += "." + String(repeating: "0", count: places - digits.count) + digits
        }
        return text
    }

    // MARK: Pieces

    /// Inserts `,` every three digits from the right of a digit string.
    static func grouped(_ digits: String) -> String {
        let characters = Array(digits)
        var result = ""
        result.reserveCapacity(characters.count + characters.count / 3)
        for (index, character) in characters.enumerated() {
            if index > 0 && (characters.count - index) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return result
    }

    /// Groups the integer part of a `fixed` result, keeping its sign and decimals.
    static func groupedDecimal(_ text: String) -> String {
        var body = Substring(text)
        var sign = ""
        if body.hasPrefix("-") { sign = "-"; body = body.dropFirst() }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let integer = grouped(String(parts.first ?? ""))
        return sign + integer + (parts.count > 1 ? "." + parts[1] : "")
    }

    /// Prefixes `+` unless the text is negative or all zeros.
    static func signed(_ text: String) -> String {
        if text.hasPrefix("-") { return text }
        let isZero = text.allSatisfy { $0 == "0" || $0 == "." || $0 == "," }
        return isZero ? text : "+" + text
    }
}
