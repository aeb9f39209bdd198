import Foundation

/// The business's own volume per period (`report --per FILE`): orders, customers, deliveries, invoices... read
/// from a CSV with a period column and one or more numeric unit columns:
///
/// ```
/// period,orders,customers
/// 2026-W02,1200,950
/// 2026-01-12,1180,940      # a date inside the period: the ISO week of Monday 2026-01-12
/// ```
///
/// - **The period column** is the column named `period`, `week`, `month`, `day` or `date` (case-insensitive; the
///   first such). Its values are the report's own period labels for the configured period (`2026-W03`,
///   `2026-03`, `2026-03-05`) or any date inside the period (`YYYY-MM-DD`: the week's Monday, the month's
///   first day or any other day in it).
/// - **Every other column is a unit column**, named by its header. A value is a non-negative number: digits,
///   optionally grouped by spaces, `'` or `_` (`12 345`), with `,` or `.` as the decimal mark or as thousands
///   separators when that is unambiguous (`1,234,567`, `1.234,5`, `1,234.5`, `12,5`). A single `,` or `.`
///   followed by exactly three digits (`1,234`) could be either and is refused. An empty value means "no value
///   for this unit in this period" (named in the report, no rate).
/// - Errors name `FILE:LINE:COLUMN` (the column counted from 1): a value that is not a period or a number, a
///   period given twice (also as a label and a date of the same period), no period column, no unit column.
public struct UnitVolumes: Sendable, Equatable {
    /// One period of the file.
    public struct Row: Sendable, Equatable {
        /// The report's label of the period (`2026-W03`).
        public var period: String
        /// The period's first day, as days since 1970-01-01 (its sort key).
        public var key: Int32
        /// The file's line the row is on.
        public var line: Int
        /// One value per unit column, `nil` for an empty cell.
        public var values: [Double?]

        public init(period: String, key: Int32, line: Int, values: [Double?]) {
            self.period = period
            self.key = key
            self.line = line
            self.values = values
        }
    }

    /// The file's name as given.
    public var file: String
    /// The unit columns' names, in file order.
    public var units: [String]
    /// The rows, in file order.
    public var rows: [Row]

    public init(file: String, units: [String], rows: [Row]) {
        self.file = file
        self.units = units
        self.rows = rows
    }

    /// The names a period column may have.
    public static let periodColumnNames = ["period", "week", "month", "day", "date"]

    /// Reads the volume file at `path` for periods of `granularity`.
    ///
    /// - Throws: `ContactStatError(.io)` when the file cannot be read (like a configuration file), and
    ///   `ContactStatError(.usage)` located at `FILE:LINE[:COLUMN]` for its content.
    public static func read(path: String, granularity: PeriodGranularity) throws -> UnitVolumes {
        let source: ByteChunkSource
        do {
            source = try ByteChunkSource(path: path)
        } catch let error as ContactStatError {
            throw ContactStatError(.io, "cannot read the volume file: \(error.message)", at: path)
        }
        return try parse(source: source, granularity: granularity)
    }

    /// The message for text after the closing quote of a quoted field (`"12"3`), which the volume file refuses.
    static let textAfterQuoteProblem = "text after the closing quote of a quoted field (an unescaped quote inside "
        + "it?); quote the whole value, doubling quotes inside it"

    /// Reads a volume file from `source` (named `source.name` in messages).
    public static func parse(source: ByteChunkSource, granularity: PeriodGranularity) throws -> UnitVolumes {
        let name = source.name
        var reader: CSVReader
        do {
            reader = try CSVReader(source: source)
        } catch let error as ContactStatError where error.kind == .dataFormat {
            throw ContactStatError(.usage, "the volume file " + error.message, at: error.location ?? name)
        }
        let header = reader.header
        let headerLine = max(reader.headerLine, 1)
        if let place = reader.headerDiagnostics.first(where: { $0.kind == CSVReader.textAfterQuoteKind }) {
            throw ContactStatError(.usage, Self.textAfterQuoteProblem,
                                   at: "\(name):\(place.location.line):\(place.byteColumn)")
        }
        guard let periodColumn = header.firstIndex(where: { periodColumnNames.contains($0.lowercased()) }) else {
            throw ContactStatError(.usage, "the volume file has no period column: name one column "
                                   + periodColumnNames.map { "'\($0)'" }.joined(separator: ", ")
                                   .replacingLastComma(with: " or ")
                                   + " (columns: \(header.map { "'\($0)'" }.joined(separator: ", ")))",
                                   at: "\(name):\(headerLine)")
        }
        let unitColumns = header.indices.filter { $0 != periodColumn }
        guard !unitColumns.isEmpty else {
            throw ContactStatError(.usage, "the volume file has no unit column: add a numeric column beside "
                                   + "'\(header[periodColumn])' (orders, customers, ...)", at: "\(name):\(headerLine)")
        }
        for column in unitColumns where header[column].isEmpty {
            throw ContactStatError(.usage, "the volume file's column \(column + 1) has no name",
                                   at: "\(name):\(headerLine):\(column + 1)")
        }
        var rows: [Row] = []
        var lineOfKey: [Int32: Int] = [:]
        var record = RawRecord()
        do {
            while try reader.next(into: &record) {
                let line = record.line
                // Read as the report's input would (`"12"3` as 123), but a figure here is used as is: refused.
                if let place = record.textAfterClosingQuote.first {
                    throw ContactStatError(.usage, Self.textAfterQuoteProblem, at: "\(name):\(place.line):\(place.column)")
                }
                if (0..<record.count).allSatisfy({ record.trimmedString(at: $0) == nil }) { continue }
                guard record.count == header.count else {
                    throw ContactStatError(.usage, "the row has \(record.count) fields, the header \(header.count)",
                                           at: "\(name):\(line)")
                }
                let text = record.trimmedString(at: periodColumn) ?? ""
                guard let key = PeriodLabel.key(of: text, granularity: granularity) else {
                    throw ContactStatError(.usage, "'\(text)' is not a \(granularity.rawValue): write "
                                           + PeriodLabel.expected(granularity), at: "\(name):\(line):\(periodColumn + 1)")
                }
                let label = PeriodCalendar(granularity: granularity, timeZone: .gmt).label(of: key)
                if let first = lineOfKey[key] {
                    throw ContactStatError(.usage, "\(label) is given twice (also on line \(first))",
                                           at: "\(name):\(line):\(periodColumn + 1)")
                }
                lineOfKey[key] = line
                var values: [Double?] = []
                for column in unitColumns {
                    guard let cell = record.trimmedString(at: column) else {
                        values.append(nil)
                        continue
                    }
                    switch UnitCount.parse(cell) {
                    case .value(let value): values.append(value)
                    case .problem(let problem):
                        throw ContactStatError(.usage, "'\(cell)' in column '\(header[column])' \(problem)",
                                               at: "\(name):\(line):\(column + 1)")
                    }
                }
                rows.append(Row(period: label, key: key, line: line, values: values))
            }
        } catch let error as ContactStatError where error.kind == .dataFormat {
            throw ContactStatError(.usage, "the volume file " + error.message, at: error.location ?? name)
        }
        return UnitVolumes(file: name, units: unitColumns.map { header[$0] }, rows: rows)
    }
}

private extension String {
    /// `a, b, c` as `a, b or c`.
    func replacingLastComma(with text: String) -> String {
        guard let range = range(of: ", ", options: .backwards) else { return self }
        return replacingCharacters(in: range, with: text)
    }
}
