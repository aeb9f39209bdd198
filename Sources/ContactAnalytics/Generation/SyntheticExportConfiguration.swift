import Foundation

/// What `SyntheticExport` generates: how many rows, from which seed, over which period.
public struct SyntheticExportConfiguration: Sendable, Equatable {
    /// 2026-01-05T00:00:00Z, a Monday, so the default span is exactly 13 ISO weeks (2026-W02 to 2026-W14).
    public static let defaultStart = Date(timeIntervalSince1970: 1_767_571_200)
    /// 91 days: 13 whole weeks.
    public static let defaultSpanDays = 91
    /// The largest supported row count (ticket and customer numbers stay well inside `Int`).
    public static let maximumRows = 1_000_000_000
    /// The largest supported customer base.
    public static let maximumCustomers = 1_000_000_000

    /// The number of data rows (contacts) written after the header; each row has its own ticket id.
    public var rows: Int
    /// The seed: the same configuration always produces byte-identical output.
    public var seed: UInt64
    /// The beginning of the period; contacts open at or after it. Fractional seconds are dropped.
    public var start: Date
    /// The length of the period in days; contacts open before `start + spanDays` days, which is also the
    /// moment the export is taken (contacts not resolved by then are `open` or `pending`).
    public var spanDays: Int
    /// The size of the customer base, or `nil` for `customerCount(forRows:)`.
    public var customers: Int?
    /// How subjects (and, for `.realistic`, bodies) are written. The contacts themselves (times, customers,
    /// channels, topics, outcomes) are the same for both styles.
    public var text: SyntheticTextStyle

    /// A configuration; only `rows` and `seed` are usually needed.
    public init(
        rows: Int, seed: UInt64, start: Date = SyntheticExportConfiguration.defaultStart,
        spanDays: Int = SyntheticExportConfiguration.defaultSpanDays, customers: Int? = nil,
        text: SyntheticTextStyle = .repeating
    ) {
        self.rows = rows
        self.seed = seed
        self.start = start
        self.spanDays = spanDays
        self.customers = customers
        self.text = text
    }

    /// The default customer base for `rows` contacts: 60 % of the row count, at least 1. Because contacts
    /// are spread over customers with a heavy tail, fewer customers than that actually appear.
    public static func customerCount(forRows rows: Int) -> Int {
        max(1, rows * 3 / 5)
    }

    /// The customer base in force: `customers` when given, else `customerCount(forRows:)`.
    public var effectiveCustomerCount: Int {
        customers ?? SyntheticExportConfiguration.customerCount(forRows: rows)
    }

    /// `start` as whole seconds since 1970-01-01T00:00:00Z (rounded down).
    var startEpochSeconds: Int64 {
        Int64(start.timeIntervalSince1970.rounded(.down))
    }

    /// Throws a `.usage` error when the configuration cannot be generated: `rows` outside
    /// `0...maximumRows`, `spanDays` outside `1...36_600`, `customers` outside `1...maximumCustomers`, or a
    /// period outside the years 1970-9999.
    public func validate() throws(ContactStatError) {
        guard rows >= 0, rows <= SyntheticExportConfiguration.maximumRows else {
            throw ContactStatError(
                .usage, "the row count must be between 0 and \(SyntheticExportConfiguration.maximumRows), got \(rows)")
        }
        guard spanDays >= 1, spanDays <= 36_600 else {
            throw ContactStatError(.usage, "the span must be between 1 and 36600 days, got \(spanDays)")
        }
        if let customers, customers < 1 || customers > SyntheticExportConfiguration.maximumCustomers {
            throw ContactStatError(
                .usage,
                "the customer count must be between 1 and \(SyntheticExportConfiguration.maximumCustomers), "
                    + "got \(customers)")
        }
        let seconds = start.timeIntervalSince1970
        // 253_402_300_799 is 9999-12-31T23:59:59Z; leave room for the span and for late closing times.
        guard seconds.isFinite, seconds >= 0,
            seconds + Double(spanDays + 30) * 86_400 <= 253_402_300_799
        else {
            throw ContactStatError(.usage, "the start date must lie between 1970 and 9999")
        }
    }
}
