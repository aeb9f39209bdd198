import Foundation

/// The column names of a CSV input that has no header row (a phone switch's call-detail records): given with
/// `--columns NAME,NAME,...`, or by a preset that knows the layout (`ExportPreset.headerlessLayouts`). The
/// first line is then data, and line numbers stay the file's own.
///
/// A system can write more than one layout (Asterisk adds `uniqueid`, `userfield` and `linkedid`... by
/// configuration), so there can be several; the one with as many columns as the file's first record has
/// fields is used, and a file that fits none is a usage error naming both counts.
public struct HeaderlessColumns: Sendable, Equatable {
    /// Where the layouts come from, for messages.
    public enum Origin: Sendable, Equatable {
        /// `--columns` on the command line.
        case option
        /// The named preset.
        case preset(String)
    }

    /// The layouts, each a list of column names in file order; at most one per column count.
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
            throw ContactStatError(.usage, "--columns expects NAME,NAME,... with no empty name, got '\(text)'")
        }
        var seen = Set<String>()
        for name in names where !seen.insert(name).inserted {
            throw ContactStatError(.usage, "--columns names the column '\(name)' twice")
        }
        return HeaderlessColumns(layouts: [names], origin: .option)
    }

    /// The layout for a file whose records have `fieldCount` fields, if there is one.
    public func layout(fieldCount: Int) -> [String]? {
        layouts.first { $0.count == fieldCount }
    }

    /// The usage error for a first record of `fieldCount` fields that no layout fits.
    public func mismatch(fieldCount: Int, file: String, line: Int) -> ContactStatError {
        let message: String
        switch origin {
        case .option:
            let count = layouts.first?.count ?? 0
            message = "--columns names \(count) column\(count == 1 ? "" : "s"), but line \(line) has "
                + "\(fieldCount) field\(fieldCount == 1 ? "" : "s")"
        case .preset(let name):
            let counts = layouts.map { String($0.count) }
            let list = counts.count > 1 ? counts.dropLast().joined(separator: ", ") + " or " + (counts.last ?? "")
                : counts.joined()
            message = "the \(name) preset reads headerless files of \(list) fields, but line \(line) has "
                + "\(fieldCount) field\(fieldCount == 1 ? "" : "s"); name the columns with --columns NAME,NAME,..."
        }
        return ContactStatError(.usage, message, at: "\(file):\(line)")
    }
}
