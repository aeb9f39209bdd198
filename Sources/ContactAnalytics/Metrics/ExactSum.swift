/// A sum of `Float` values kept exactly: a whole number of 2⁻⁴⁰ units in 128 bits. Sums made in any order, or
/// in parts on several threads and added up, are the same to the last bit, so a report does not depend on
/// the number of threads or on where the input was cut.
///
/// Every `Float` from 2⁻¹⁷ (about 0.0000076) up is a whole number of units, so costs, seconds and scores are
/// summed without any rounding; smaller magnitudes are truncated to a unit, and magnitudes beyond 2⁸⁰ (about
/// 10²⁴: no cost or duration) count as 2⁸⁰. The units add modulo 2¹²⁸, so no input can trap, and the sum is
/// exact whenever the true sum is below 2⁸⁷ (about 10²⁶) in magnitude.
struct ExactSum: Sendable, Equatable {
    private(set) var units: Int128 = 0

    /// 2⁴⁰ units to 1.
    static let scale = 0x1p40

    init() {}

    /// Adds `value` (`sign` 1) or takes it back out (`sign` -1). NaN adds nothing.
    @inline(__always)
    mutating func add(_ value: Float, sign: Int) {
        let scaled = Double(value) * Self.scale
        if abs(scaled) < 0x1p62 {
            let whole = Int128(Int64(scaled))
            units = sign < 0 ? units &- whole : units &+ whole
        } else if !scaled.isNaN {
            let whole = Int128(min(max(scaled, -0x1p120), 0x1p120))
            units = sign < 0 ? units &- whole : units &+ whole
        }
    }

    @inline(__always)
    mutating func add(_ other: ExactSum) {
        units = units &+ other.units
    }

    /// The sum, rounded to the nearest `Double`.
    var value: Double { Double(units) / Self.scale }
}
