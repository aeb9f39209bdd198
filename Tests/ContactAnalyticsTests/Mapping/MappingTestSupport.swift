import Foundation
@testable import ContactAnalytics

/// Shared plumbing for the `ContactMapper` and preset tests.
enum MappingTestSupport {
    /// The file name the mappers of these tests report.
    static let file = "test.csv"

    /// A mapper over `header` (CSV rules: the field count is checked unless told otherwise).
    static func mapper(_ header: [String], _ options: MappingOptions = MappingOptions(),
                       checksFieldCount: Bool = true) throws -> ContactMapper {
        try ContactMapper(header: header, options: options, file: file, checksFieldCount: checksFieldCount)
    }

    /// Maps one record with its own diagnostic log.
    static func map(_ mapper: inout ContactMapper, _ fields: [String],
                    line: Int = 2) -> (outcome: ContactMapper.Outcome, diagnostics: DiagnosticLog) {
        var diagnostics = DiagnosticLog()
        let outcome = mapper.map(RawRecord(fields: fields, line: line), diagnostics: &diagnostics)
        return (outcome, diagnostics)
    }

    /// The contact of an outcome, or `nil` when the record was rejected or excluded.
    static func contact(_ outcome: ContactMapper.Outcome) -> ContactRecord? {
        if case .contact(let contact) = outcome { return contact }
        return nil
    }

    /// Every diagnostic kept in `log`, in order.
    static func all(_ log: DiagnosticLog) -> [Diagnostic] {
        log.groups.flatMap(\.examples)
    }

    /// `missingColumns` as comparable text: `field=column (source)`.
    static func missing(_ mapper: ContactMapper) -> [String] {
        mapper.missingColumns.map { "\($0.field.rawValue)=\($0.column) (\($0.source.rawValue))" }
    }

    /// `Fixtures/<folder>/<name>` in the package, found from this file's path.
    static func fixturePath(_ folder: String, _ name: String) -> String {
        let here: String = #filePath
        var components = here.split(separator: "/", omittingEmptySubsequences: false)
        // .../Tests/ContactAnalyticsTests/Mapping/MappingTestSupport.swift -> package root
        components.removeLast(4)
        return (components + ["Fixtures", Substring(folder), Substring(name)]).joined(separator: "/")
    }

    /// The zone a preset's timestamps are in, as the command line picks it (`UTC` when the preset names none).
    static func zone(of preset: ExportPreset) -> TimeZone {
        TimeZone(identifier: preset.timeZone ?? "UTC") ?? TimeZone(secondsFromGMT: 0) ?? .current
    }
}
