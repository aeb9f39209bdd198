/// An SQL engine `contactstat sql` writes for, and every difference between engines in one place: string
/// literals, regular expressions, substring tests, number types, time-zone conversion, date truncation and
/// arithmetic, period labels, inline tables and how an intermediate result is kept.
///
/// Everything else the script builders write is the SQL the five engines share (`CASE`, `COALESCE`, window
/// functions with `ROW_NUMBER`/`LAG`/`LEAD`, `GROUP BY`, `CAST`).
public enum SQLDialect: String, Sendable, CaseIterable {
    case duckdb, spark, trino, bigquery, postgres

    /// The names accepted by `--dialect`, in documentation order.
    public static var names: [String] { allCases.map(\.rawValue) }

    // MARK: Literals and names

    /// `text` as a string literal that cannot end early, whatever it contains: quotes are doubled (standard SQL)
    /// or, where backslash is an escape character (Spark, BigQuery), escaped with backslashes along with the
    /// backslashes themselves. Control characters are written as escapes where the engine has them, else kept.
    public func literal(_ text: String) -> String {
        switch self {
        case .duckdb, .trino, .postgres:
            return "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
        case .spark, .bigquery:
            var out = "'"
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\\": out += "\\\\"
                case "'": out += "\\'"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out + "'"
        }
    }

    /// `name` quoted as an identifier (a table name given with `--table` is used as written: it may be
    /// qualified, `schema.contacts`, so each dot-separated part is quoted on its own).
    public func identifier(_ name: String) -> String {
        let quote = (self == .spark || self == .bigquery) ? "`" : "\""
        // A quote inside is doubled; BigQuery escapes it (and a backslash) with a backslash instead.
        return name.split(separator: ".", omittingEmptySubsequences: false).map { part in
            let escaped = self == .bigquery
                ? part.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "`", with: "\\`")
                : part.replacingOccurrences(of: quote, with: quote + quote)
            return quote + escaped + quote
        }.joined(separator: ".")
    }

    /// The 64-bit floating point type.
    var doubleType: String {
        switch self {
        case .duckdb, .spark, .trino: "DOUBLE"
        case .postgres: "DOUBLE PRECISION"
        case .bigquery: "FLOAT64"
        }
    }

    /// The 32-bit floating point type contactstat keeps costs and times in (`ContactFacts`); BigQuery has
    /// none, so there the 64-bit values are used (a difference far below a cent: documented).
    var realType: String {
        switch self {
        case .duckdb, .postgres, .trino: "REAL"
        case .spark: "FLOAT"
        case .bigquery: "FLOAT64"
        }
    }

    /// The 64-bit integer type.
    var integerType: String {
        switch self {
        case .bigquery: "INT64"
        default: "BIGINT"
        }
    }

    /// The text type.
    var textType: String {
        switch self {
        case .duckdb, .postgres: "VARCHAR"
        case .spark, .bigquery: "STRING"
        case .trino: "VARCHAR"
        }
    }

    /// `value` as a 64-bit floating point number (literals too, so that arithmetic is binary, never decimal).
    func double(_ value: String) -> String { "CAST(\(value) AS \(doubleType))" }

    /// A number literal of type double.
    func double(_ value: Double) -> String { double(SQLDialect.number(value)) }

    /// `value` written so that reading it back gives the same `Double` (shortest round-trip form).
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    // MARK: Text

    /// A character class that matches one character that is NOT part of a word token: tokens are runs of
    /// letters, digits and combining marks (`WordTokenizer`). PostgreSQL's regular expressions have no Unicode
    /// property classes, so there `[[:alnum:]]` (letters and digits of the database's locale) stands for them.
    var nonTokenClass: String {
        self == .postgres ? "[^[:alnum:]]" : "[^\\p{L}\\p{N}\\p{M}]"
    }

    /// The same class with `|` also kept (it separates tags).
    var nonTokenClassKeepingBar: String {
        self == .postgres ? "[^[:alnum:]|]" : "[^\\p{L}\\p{N}\\p{M}|]"
    }

    /// A character class of white space as `WordTokenizer` counts it (ASCII tab to carriage return, U+0085 and
    /// the Unicode separators).
    var spaceClass: String {
        self == .postgres ? "[[:space:]]" : "[\\t-\\r\\x{85}\\p{Z}]"
    }

    /// Lower-case text.
    func lower(_ expression: String) -> String { "LOWER(\(expression))" }

    /// Every match of `pattern` in `expression` replaced by `replacement`.
    func replaceAll(_ expression: String, pattern: String, with replacement: String) -> String {
        switch self {
        case .duckdb, .postgres:
            "REGEXP_REPLACE(\(expression), \(literal(pattern)), \(literal(replacement)), 'g')"
        case .spark, .trino, .bigquery:
            "REGEXP_REPLACE(\(expression), \(literal(pattern)), \(literal(replacement)))"
        }
    }

    /// Whether `pattern` matches somewhere in `expression`; `caseInsensitive` as the taxonomy's `regex` is.
    func matches(_ expression: String, pattern: String, caseInsensitive: Bool) -> String {
        switch self {
        case .duckdb:
            "REGEXP_MATCHES(\(expression), \(literal(pattern))\(caseInsensitive ? ", 'i'" : ""))"
        case .postgres:
            "(\(expression) \(caseInsensitive ? "~*" : "~") \(literal(pattern)))"
        case .spark:
            "(\(expression) RLIKE \(literal((caseInsensitive ? "(?i)" : "") + pattern)))"
        case .trino:
            "REGEXP_LIKE(\(expression), \(literal((caseInsensitive ? "(?i)" : "") + pattern)))"
        case .bigquery:
            "REGEXP_CONTAINS(\(expression), \(literal((caseInsensitive ? "(?i)" : "") + pattern)))"
        }
    }

    /// Whether the literal `needle` occurs in `expression` (a plain substring test, the fast one).
    func contains(_ expression: String, _ needle: String) -> String {
        switch self {
        case .spark: "(INSTR(\(expression), \(literal(needle))) > 0)"
        default: "(STRPOS(\(expression), \(literal(needle))) > 0)"
        }
    }

    /// Text with diacritics removed (`taxonomy.fold_diacritics`): decomposed, combining marks dropped. `nil`
    /// where the engine cannot do it (Spark has no Unicode normalisation function).
    func foldDiacritics(_ expression: String) -> String? {
        switch self {
        case .duckdb: "STRIP_ACCENTS(\(expression))"
        case .postgres: "NORMALIZE(REGEXP_REPLACE(NORMALIZE(\(expression), NFD), '[\\u0300-\\u036f]', '', 'g'), NFC)"
        case .trino: "NORMALIZE(REGEXP_REPLACE(NORMALIZE(\(expression), NFD), '\\p{M}', ''), NFC)"
        case .bigquery: "NORMALIZE(REGEXP_REPLACE(NORMALIZE(\(expression), NFD), r'\\p{M}', ''), NFC)"
        case .spark: nil
        }
    }

    /// The first `count` characters of `expression`.
    func prefix(_ expression: String, _ count: Int) -> String { "SUBSTR(\(expression), 1, \(count))" }

    /// Text concatenation.
    func concat(_ parts: [String]) -> String {
        switch self {
        case .spark, .bigquery: "CONCAT(\(parts.joined(separator: ", ")))"
        default: "(" + parts.joined(separator: " || ") + ")"
        }
    }

    // MARK: Time

    /// The local date and time of `epochSeconds` (seconds since 1970, UTC) in the IANA zone `timeZone`.
    func localTimestamp(_ epochSeconds: String, timeZone: String) -> String {
        let zone = literal(timeZone)
        return switch self {
        case .duckdb: "TIMEZONE(\(zone), TO_TIMESTAMP(\(epochSeconds)))"
        case .postgres: "(TO_TIMESTAMP(\(epochSeconds)) AT TIME ZONE \(zone))"
        case .spark: "FROM_UTC_TIMESTAMP(TIMESTAMP_SECONDS(\(epochSeconds)), \(zone))"
        case .trino: "FROM_UNIXTIME(\(epochSeconds), \(zone))"
        case .bigquery: "DATETIME(TIMESTAMP_SECONDS(\(epochSeconds)), \(zone))"
        }
    }

    /// The local date of `epochSeconds` in `timeZone`.
    func localDate(_ epochSeconds: String, timeZone: String) -> String {
        "CAST(\(localTimestamp(epochSeconds, timeZone: timeZone)) AS DATE)"
    }

    /// The first day of the period (`PeriodGranularity`) containing `date`: the ISO week's Monday, the month's
    /// first day, the day itself.
    func periodStart(_ date: String, period: PeriodGranularity) -> String {
        switch (self, period) {
        case (_, .day): date
        case (.bigquery, .week): "DATE_TRUNC(\(date), ISOWEEK)"
        case (.bigquery, .month): "DATE_TRUNC(\(date), MONTH)"
        case (.spark, .week): "CAST(DATE_TRUNC('WEEK', \(date)) AS DATE)"
        case (.spark, .month): "CAST(DATE_TRUNC('MONTH', \(date)) AS DATE)"
        case (_, .week): "CAST(DATE_TRUNC('week', \(date)) AS DATE)"
        case (_, .month): "CAST(DATE_TRUNC('month', \(date)) AS DATE)"
        }
    }

    /// The first day of the period after the one starting on `start`.
    func nextPeriodStart(_ start: String, period: PeriodGranularity) -> String {
        switch period {
        case .day: addDays(start, 1)
        case .week: addDays(start, 7)
        case .month:
            switch self {
            case .duckdb: "CAST(\(start) + INTERVAL 1 MONTH AS DATE)"
            case .postgres: "CAST(\(start) + INTERVAL '1 month' AS DATE)"
            case .spark: "ADD_MONTHS(\(start), 1)"
            case .trino: "DATE_ADD('month', 1, \(start))"
            case .bigquery: "DATE_ADD(\(start), INTERVAL 1 MONTH)"
            }
        }
    }

    /// `date` plus `days` days.
    func addDays(_ date: String, _ days: Int) -> String {
        switch self {
        case .duckdb: "CAST(\(date) + INTERVAL \(days) DAY AS DATE)"
        case .postgres: "CAST(\(date) + \(days) AS DATE)"
        case .spark: "DATE_ADD(\(date), \(days))"
        case .trino: "DATE_ADD('day', \(days), \(date))"
        case .bigquery: "DATE_ADD(\(date), INTERVAL \(days) DAY)"
        }
    }

    /// The label of the period starting on `start`, as the report writes it: `2026-W09`, `2026-02`,
    /// `2026-02-23`.
    func periodLabel(_ start: String, period: PeriodGranularity) -> String {
        switch (self, period) {
        case (.duckdb, .week): "STRFTIME(\(start), '%G-W%V')"
        case (.duckdb, .month): "STRFTIME(\(start), '%Y-%m')"
        case (.duckdb, .day): "STRFTIME(\(start), '%Y-%m-%d')"
        case (.postgres, .week): "TO_CHAR(\(start), 'IYYY-\"W\"IW')"
        case (.postgres, .month): "TO_CHAR(\(start), 'YYYY-MM')"
        case (.postgres, .day): "TO_CHAR(\(start), 'YYYY-MM-DD')"
        case (.spark, .week):
            "CONCAT(CAST(YEAR(DATE_ADD(\(start), 3)) AS STRING), '-W', LPAD(CAST(WEEKOFYEAR(\(start)) AS STRING), 2, '0'))"
        case (.spark, .month): "DATE_FORMAT(\(start), 'yyyy-MM')"
        case (.spark, .day): "DATE_FORMAT(\(start), 'yyyy-MM-dd')"
        case (.trino, .week): "FORMAT('%d-W%02d', YEAR_OF_WEEK(\(start)), WEEK_OF_YEAR(\(start)))"
        case (.trino, .month): "DATE_FORMAT(\(start), '%Y-%m')"
        case (.trino, .day): "DATE_FORMAT(\(start), '%Y-%m-%d')"
        case (.bigquery, .week): "FORMAT_DATE('%G-W%V', \(start))"
        case (.bigquery, .month): "FORMAT_DATE('%Y-%m', \(start))"
        case (.bigquery, .day): "FORMAT_DATE('%Y-%m-%d', \(start))"
        }
    }

    // MARK: Tables

    /// A table of literal rows with the named columns, as a `FROM` item named `alias` (BigQuery has no `VALUES`
    /// table: an array of structs).
    func inlineTable(columns: [String], rows: [[String]], alias: String) -> String {
        switch self {
        case .bigquery:
            let structs = rows.map { row in
                "STRUCT(" + zip(row, columns).map { "\($0) AS \($1)" }.joined(separator: ", ") + ")"
            }
            return "UNNEST([\n    " + structs.joined(separator: ",\n    ") + "\n  ]) AS \(alias)"
        default:
            return "(VALUES\n    " + rows.map { "(" + $0.joined(separator: ", ") + ")" }.joined(separator: ",\n    ")
                + "\n  ) AS \(alias)(" + columns.joined(separator: ", ") + ")"
        }
    }

    /// Whether an intermediate result is kept in a temporary table (or a cached view) that later statements
    /// read; Trino has no temporary tables, so there every section repeats the stages as common table
    /// expressions (`WITH`).
    var keepsStages: Bool { self != .trino }

    /// The statements that keep the result of `query` under `name` for the statements after it.
    func stage(_ name: String, _ query: String) -> [String] {
        switch self {
        case .duckdb: ["CREATE OR REPLACE TEMP TABLE \(name) AS\n\(query)"]
        case .postgres: ["DROP TABLE IF EXISTS \(name)", "CREATE TEMP TABLE \(name) AS\n\(query)"]
        case .bigquery: ["CREATE TEMP TABLE \(name) AS\n\(query)"]
        case .spark: ["CREATE OR REPLACE TEMP VIEW \(name) AS\n\(query)", "CACHE TABLE \(name)"]
        case .trino: []
        }
    }
}
