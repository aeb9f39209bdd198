import Foundation

/// How export columns become contact fields: the explicit mapping (the configuration's `mapping`, then
/// `--map`, which wins), the preset, and the value conventions.
public struct MappingOptions: Sendable {
    /// Canonical field -> export column, from the configuration and `--map`.
    public var explicit: [CanonicalField: String]
    /// Where each explicit column was named, for messages: `--map` (the default for a field not listed
    /// here) or `the configuration's mapping (contactstat.json)`.
    public var explicitOrigin: [CanonicalField: String]
    public var preset: ExportPreset
    /// The zone of timestamps without an offset; `nil` = the preset's zone if it has one, else UTC.
    public var timeZone: TimeZone?
    /// Forced day/month order; `nil` = decided per column from the data.
    public var dayMonthOrder: DayMonthOrder?
    public var csatScale: CSATScale
    /// Country calling code for national phone numbers.
    public var countryCode: Int?
    /// Whether the mapper may leave a long subject or body in the export row instead of making its string
    /// (`ContactRecord.subjectColumn`, `textColumn`): only for a reader that is handed the row with the contact
    /// and reads the text through it (a report's ingest: the classifier, which makes it NFC where the string
    /// would have been). Left only where the row's bytes are valid UTF-8 (checked by the reader, or ASCII), the
    /// subject only while the subject memo is bypassed (subjects that repeat are memo strings), and only when
    /// the contact's language is known (otherwise the language is detected from the strings). The contact's
    /// fields are otherwise the same.
    var textStaysInRow = false

    /// Where the explicit column of `field` was named: the requested `map` setting unless `explicitOrigin` says
    /// otherwise.
    public func origin(of field: CanonicalField) -> MessageText {
        explicitOrigin[field].map { MessageText($0) } ?? "\(setting: .map)"
    }

    /// The zone in force: `timeZone`, else the preset's, else UTC.
    public var effectiveTimeZone: TimeZone {
        timeZone ?? preset.timeZone.flatMap(TimeZone.init(identifier:)) ?? TimeZone(identifier: "UTC") ?? .current
    }

    public init(explicit: [CanonicalField: String] = [:], explicitOrigin: [CanonicalField: String] = [:],
                preset: ExportPreset = .generic,
                timeZone: TimeZone? = nil, dayMonthOrder: DayMonthOrder? = nil,
                csatScale: CSATScale = .fivePoint, countryCode: Int? = nil) {
        self.explicit = explicit
        self.explicitOrigin = explicitOrigin
        self.preset = preset
        self.timeZone = timeZone
        self.dayMonthOrder = dayMonthOrder
        self.csatScale = csatScale
        self.countryCode = countryCode
    }
}
