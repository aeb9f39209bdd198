import Foundation

/// The column names of a CSV input that has no header row (a phone switch's call-detail records): given with
/// `--columns NAME,NAME,...`, or by a preset that knows the layout (`ExportPreset.headerlessLayouts`). The
/// first line is then data, and line numbers stay the file's own.
///
/// A system can write more than one layout (Asterisk adds `uniqueid`, `userfield` and `linkedid`... by
/// configuration, and writes `Master.csv` through `cdr_custom` in another order), so there can be several;
/// the one with as many columns as the file's first record has fields is used, and a file that fits none is
/// a usage error naming both counts. When several layouts have that many columns, the first record's values
/// choose (see `layout(for:)`).
public struct HeaderlessColumns: Sendable, Equatable {
    /// Where the layouts come from, for messages.
    public enum Origin: Sendable, Equatable {
        /// `--columns` on the command line.
        case option
        /// The named preset.
        case preset(String)
    }

    /// The layouts, each a list of column names in file order; two with the same count are told apart by the
    /// values of the first record.
    public var layouts: [[String]]
    public var origin: Origin

    public init(layouts: [[String]], origin: Origin) {
        self.layouts = layouts
        self.origin = origin
    }

    /// `--columns`' value: names separated by commas, trimmed.
    ///
    /// - Throws: a usage error for an empty name or a name given twice.
    public static func option(_ text: String) throws -> HeaderlessColumns {
        let names = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        if names.contains(where: \.isEmpty) {
            throw ContactStatError(.usage, "\(setting: .columns) expects NAME,NAME,... with no empty name, got '\(text)'")
        }
        var seen = Set<String>()
        for name in names where !seen.insert(name).inserted {
            throw ContactStatError(.usage, "\(setting: .columns) names the column '\(name)' twice")
        }
        return HeaderlessColumns(layouts: [names], origin: .option)
    }

    /// The layout for a file whose first record is `values`, if one has `values.count` columns.
    ///
    /// Among layouts of that count, the one under which most of these values have the shape their column's
    /// name promises wins (the first of them on a tie): `start`, `answer`, `end` and `*_stamp` read as
    /// timestamps, `duration` and `billsec` as whole numbers, `clid` as a caller id (`"Ann" <201>`, `<201>`).
    public func layout(for values: [String]) -> [String]? {
        let candidates = layouts.filter { $0.count == values.count }
        guard candidates.count > 1 else { return candidates.first }
        var parser = TimestampParser(timeZone: .gmt, acceptsUnixTimestamps: false, acceptsSpreadsheetSerials: false)
        var best: (layout: [String], fits: Int)?
        for layout in candidates {
            let fits = zip(layout, values).filter { HeaderlessColumns.fits($1, column: $0, parser: &parser) }.count
            if fits > best?.fits ?? -1 { best = (layout, fits) }
        }
        return best?.layout
    }

    /// Whether `text` looks like a caller id as a phone switch writes it: `"Ann" <201>` or `<201>`.
    static func looksLikeCallerID(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.contains("<") && trimmed.hasSuffix(">")
    }

    /// Whether `value` has the shape the column name `column` promises; `false` for a name that promises none.
    private static func fits(_ value: String, column: String, parser: inout TimestampParser) -> Bool {
        let text = value.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return false }
        switch column {
        case "start", "answer", "end", "start_stamp", "answer_stamp", "end_stamp":
            return text.contains(where: \.isNumber) && parser.parse(text) != nil
        case "duration", "billsec":
            return text.allSatisfy { $0.isASCII && $0.isNumber }
        case "clid":
            return looksLikeCallerID(text)
        default:
            return false
        }
    }

    /// The usage error for a first record of `fieldCount` fields that no layout fits.
    public func mismatch(fieldCount: Int, file: String, line: Int) -> ContactStatError {
        let message: MessageText
        switch origin {
        case .option:
            let count = layouts.first?.count ?? 0
            message = "\(setting: .columns) names \(count) column\(count == 1 ? "" : "s"), but line \(line) has "
                + "\(fieldCount) field\(fieldCount == 1 ? "" : "s")"
        case .preset(let name):
            var counts: [String] = []
            for count in layouts.map({ String($0.count) }) where !counts.contains(count) { counts.append(count) }
            let list = counts.count > 1 ? counts.dropLast().joined(separator: ", ") + " or " + (counts.last ?? "")
                : counts.joined()
            message = "the \(name) preset reads headerless files of \(list) fields, but line \(line) has "
                + "\(fieldCount) field\(fieldCount == 1 ? "" : "s"); name the columns with \(setting: .columns) NAME,NAME,..."
        }
        return ContactStatError(.usage, message, at: "\(file):\(line)")
    }
}
