/// What kind of figure a metric is, which decides how every format writes it.
///
/// | kind | JSON and CSV | text, Markdown, HTML |
/// | --- | --- | --- |
/// | `count` | an integer | `1,234` |
/// | `rate` | a fraction, 4 decimals at most (`0.734`) | `73.4 %` |
/// | `money` | two decimals (`31540.00`) | `31,540.00` (the report's currency) |
/// | `duration` | seconds, 4 decimals at most | `6 min 30 s` |
/// | `score` | a fraction, 4 decimals at most | two decimals (`4.21`) |
///
/// A figure without a value (an empty denominator, no contact with a handle time) is `null` in JSON, an empty
/// CSV cell and `–` in the human formats, whatever its kind.
public enum MetricKind: String, Sendable, CaseIterable, Equatable {
    /// A number of contacts (or responses): an integer.
    case count
    /// A fraction of 0...1: a ratio of two counts, or a share.
    case rate
    /// An amount in the report's currency.
    case money
    /// A time in seconds.
    case duration
    /// A mean on the configured CSAT scale, or another plain real number (an age in days).
    case score
}
