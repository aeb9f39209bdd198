import Foundation

/// How export columns become contact fields: the explicit mapping (the configuration's `mapping`, then
/// `--map`, which wins), the preset, and the value conventions.
public struct MappingOptions: Sendable {
    /// Canonical field -> export column, from the configuration and `--map`.
    public var explicit: [CanonicalField: String]
    public var preset: ExportPreset
    /// The zone of timestamps without an offset.
    public var timeZone: TimeZone
    /// Forced day/month order; `nil` = decided per column from the data.
    public var dayMonthOrder: DayMonthOrder?
    public var csatScale: CSATScale
    /// Country calling code for national phone numbers.
    public var countryCode: Int?

    public init(explicit: [CanonicalField: String] = [:], preset: ExportPreset = .generic,
                timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current, dayMonthOrder: DayMonthOrder? = nil,
                csatScale: CSATScale = .fivePoint, countryCode: Int? = nil) {
        self.explicit = explicit
        self.preset = preset
        self.timeZone = timeZone
        self.dayMonthOrder = dayMonthOrder
        self.csatScale = csatScale
        self.countryCode = countryCode
    }
}
