import Foundation

/// Tells a CSV header row made of values (a file written without a header, such as a phone switch's
/// call-detail records) from one made of column names, and says what to do about it.
///
/// A name counts as a value when it is a number, a date or time, a phone number, a UUID (no letters but
/// digits, or a readable timestamp, or 8-4-4-4-12 hex digits), or text in quotes or angle brackets
/// (`"Ann" <201>`); an empty name or one of punctuation only (`&`) counts half-way: it is neither a name nor
/// evidence. The header looks like data when at least two names are values and values and empty names
/// together are more than half of the names. Real headers have letters in nearly every name.
public enum HeaderRowCheck {
    /// Whether `names`, read as a header, look like a record of values.
    /// At most the first 256 names are looked at (a header of a million columns costs no more).
    public static func looksLikeData(_ allNames: [String]) -> Bool {
        let names = allNames.prefix(256)
        guard names.count >= 2 else { return false }
        var parser = TimestampParser(timeZone: .gmt, acceptsUnixTimestamps: false, acceptsSpreadsheetSerials: false)
        var values = 0, blank = 0
        for name in names {
            switch kind(of: name, parser: &parser) {
            case .value: values += 1
            case .blank: blank += 1
            case .name: break
            }
        }
        return values >= 2 && 2 * (values + blank) > names.count
    }

    /// The presets with a headerless layout of `values.count` columns whose `opened_at` column holds a
    /// readable timestamp in `values` (the first record of the file).
    public static func fittingPresets(for values: [String], among presets: [ExportPreset] = ExportPreset.all)
    -> [ExportPreset] {
        var parser = TimestampParser(timeZone: .gmt, acceptsUnixTimestamps: false, acceptsSpreadsheetSerials: false)
        return presets.filter { preset in
            guard let layout = preset.headerlessColumns?.layout(for: values) else { return false }
            let names = preset.mapping[.openedAt] ?? []
            guard let index = names.lazy.compactMap({ layout.firstIndex(of: $0) }).first else { return false }
            return parser.parse(values[index]) != nil
        }
    }

    /// The usage error for `file`, whose first record, on `line`, is `values`: it seems to have no header.
    public static func refusal(values: [String], file: String, line: Int,
                               presets: [ExportPreset] = ExportPreset.all) -> ContactStatError {
        // The values as CSV would write them: in quotes, a quote doubled.
        let shown = values.prefix(8).map { "\"" + ContactMapper.excerpt($0).replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
            .joined(separator: ",") + (values.count > 8 ? ",..." : "")
        var message: MessageText = "the file seems to have no header: its first line holds values, not column names "
            + "(\(values.count) fields: \(shown)); "
        let fitting = fittingPresets(for: values, among: presets).map(\.name)
        if !fitting.isEmpty {
            for (i, name) in fitting.enumerated() {
                message += i == 0 ? "its layout fits " : " or "
                message += "\(setting: .preset) \(name)"
            }
            message += ", or name the columns with "
        } else {
            message += "name the columns with "
        }
        message += "\(setting: .columns) NAME,NAME,... (\(values.count) names)"
        return ContactStatError(.usage, message, at: "\(file):\(line)")
    }

    private enum Kind { case value, blank, name }

    private static func kind(of name: String, parser: inout TimestampParser) -> Kind {
        let text = name.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return .blank }
        let hasLetter = text.unicodeScalars.contains { CharacterSet.letters.contains($0) }
        let hasDigit = text.unicodeScalars.contains { CharacterSet.decimalDigits.contains($0) }
        if !hasLetter { return hasDigit ? .value : .blank }
        if text.first == "\"" || HeaderlessColumns.looksLikeCallerID(text) { return .value }
        if isUUID(text) || (hasDigit && parser.parse(text) != nil) { return .value }
        return .name
    }

    private static func isUUID(_ text: String) -> Bool {
        let groups = text.split(separator: "-", omittingEmptySubsequences: false)
        guard groups.map(\.count) == [8, 4, 4, 4, 12] else { return false }
        return groups.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }
}
