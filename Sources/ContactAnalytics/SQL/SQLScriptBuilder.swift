import Foundation

/// Writes the SQL script of `contactstat sql`: over a table of contacts in the canonical fields
/// (`CanonicalContactColumns`, as `classify --canonical` writes them), the report's summary, channels, causes,
/// processes, periods and channel switches, by the definitions of `metrics.md` as the metrics engine computes
/// them, with the configuration in force written into the SQL as constants.
///
/// The script is a list of statements. The **stages** keep intermediate results (temporary tables; cached
/// views in Spark; in Trino, which has neither, each section repeats them as `WITH` expressions):
/// 1. `cs_contacts`: the table with duplicate contact ids dropped (the last in input order is kept).
/// 2. `cs_inputs`: each distinct combination of the fields the rules read, with its words and whole values
///    (`TaxonomySQLCompiler`); text that repeats is classified once, like the classifier's memo.
/// 3. `cs_causes`: each of those inputs with its cause (the taxonomy as a `CASE`).
/// 4. `cs_facts`: every contact with its cause, process, avoidable flag, cost, times, CSAT, period, whether
///    it is counted (inside `since`/`until`), and its neighbours in the customer's timeline.
/// 5. `cs_outcomes`: repeat, evaluable, resolved on first contact, avoidable, against the data end.
///
/// Then one `SELECT` per **section**, each preceded by a `-- section: NAME` line: `summary`, `channels`,
/// `causes`, `processes`, `periods`, `channel_switches`. Column names are the JSON report's keys.
public struct SQLScriptBuilder: Sendable {
    public var dialect: SQLDialect
    /// The table (or view) holding the canonical contacts; may be qualified (`lake.support.contacts`).
    public var table: String
    public var metrics: MetricsConfiguration
    public var taxonomy: Taxonomy
    public var foldDiacritics: Bool

    public init(dialect: SQLDialect, table: String = "contacts", metrics: MetricsConfiguration = MetricsConfiguration(),
                taxonomy: Taxonomy = .builtIn, foldDiacritics: Bool = false) {
        self.dialect = dialect
        self.table = table
        self.metrics = metrics
        self.taxonomy = taxonomy
        self.foldDiacritics = foldDiacritics
    }

    /// The names of the sections, in the order the script computes them.
    public static let sections = ["summary", "channels", "causes", "processes", "periods", "channel_switches"]

    /// The script. Throws `ContactStatError(.configuration)` when the taxonomy has a keyword the classifier
    /// refuses too, or when the configuration asks for something the dialect cannot do (folding diacritics in
    /// Spark).
    public func script() throws -> String {
        if foldDiacritics, dialect.foldDiacritics("x") == nil {
            throw ContactStatError(.configuration, "fold_diacritics cannot be written for \(dialect.rawValue): it has no Unicode normalisation function")
        }
        let compiler = TaxonomySQLCompiler(dialect: dialect, foldDiacritics: foldDiacritics)
        let compiled = try compiler.compile(taxonomy)
        let stages: [(String, String)] = [
            ("cs_contacts", contactsStage()),
            ("cs_inputs", inputsStage(compiled, compiler: compiler)),
            ("cs_causes", causesStage(compiled)),
            ("cs_facts", factsStage(compiled)),
            ("cs_outcomes", outcomesStage()),
        ]
        let sections: [(String, String)] = [
            ("summary", summarySection()),
            ("channels", sliceSection(key: "channel", name: "channel", order: "contacts DESC, channel")),
            ("causes", sliceSection(key: "cause", name: "cause", extra: ["process", "cause_name", "avoidable_cause"],
                                    order: "cost_total DESC, contacts DESC, cause")),
            ("processes", sliceSection(key: "process", name: "process", order: "cost_total DESC, contacts DESC, process")),
            ("periods", periodsSection()),
            ("channel_switches", switchesSection()),
        ]
        var out = header(compiled)
        var statements: [String] = []
        if dialect.keepsStages {
            for (name, query) in stages {
                statements += dialect.stage(name, query)
            }
            for (name, query) in sections {
                statements.append("-- section: \(name)\n" + query)
            }
        } else {
            let with = "WITH\n" + stages.map { "\($0.0) AS (\n\($0.1)\n)" }.joined(separator: ",\n")
            for (name, query) in sections {
                statements.append("-- section: \(name)\n" + with + "\n" + query)
            }
        }
        out += statements.map { $0 + ";\n" }.joined(separator: "\n")
        return out
    }

    // MARK: Header

    private func header(_ compiled: TaxonomySQLCompiler.Compiled) -> String {
        let w = metrics.window
        var lines = [
            "-- contactstat sql for \(dialect.rawValue): the report's figures over \(table)",
            "-- Table: the canonical contacts (the canonical export of contactstat classify), one row per contact.",
            "-- Configuration compiled in:",
            "--   repeat window \(w.durationText) (\(w.seconds) s), scope \(w.scope.rawValue)",
            "--   CSAT scale \(SQLDialect.number(metrics.csatScaleLow))-\(SQLDialect.number(metrics.csatScaleHigh)), satisfied at \(SQLDialect.number(metrics.csatThreshold))",
            "--   period \(metrics.period.rawValue), time zone \(metrics.timeZoneName)",
            "--   range \(metrics.sinceText ?? "-") to \(metrics.untilText ?? "-") (counted: since <= opened_at < until)",
            "--   currency \(metrics.costModel.currency); taxonomy \(taxonomy.origin): \(taxonomy.causes.count) causes, \(taxonomy.rules.count) rules\(foldDiacritics ? ", diacritics folded" : "")",
        ]
        for rule in compiled.skippedRules {
            lines.append("--   left out (names an export column the canonical table lacks): \(TaxonomySQLCompiler.commentSafe(rule))")
        }
        if dialect == .postgres {
            lines.append("-- PostgreSQL: words are [[:alnum:]] runs of the database's locale (use a UTF-8 locale).")
        }
        return lines.joined(separator: "\n") + "\n\n"
    }

    // MARK: Stages

    private var d: SQLDialect { dialect }

    private func text(_ column: String) -> String { "COALESCE(\(column), '')" }

    /// Stage 1: duplicates of a contact id dropped, keeping the last in input order.
    private func contactsStage() -> String {
        let columns = CanonicalContactColumns.names.map { "t.\($0)" }.joined(separator: ", ")
        return """
          SELECT \(CanonicalContactColumns.names.joined(separator: ", "))
          FROM (
            SELECT \(columns),
              CASE WHEN t.contact_id IS NULL OR t.contact_id = '' THEN 1
                   ELSE ROW_NUMBER() OVER (PARTITION BY t.contact_id ORDER BY t.input_order DESC) END AS cs_keep
            FROM \(d.identifier(table)) t
          ) kept
          WHERE cs_keep = 1
        """
    }

    /// Stage 2: each distinct input of the rules with its derived columns (tokens, whole values), computed
    /// once: a stage of its own so that no engine substitutes their definitions into every test of the `CASE`
    /// (PostgreSQL does, for a subquery).
    private func inputsStage(_ compiled: TaxonomySQLCompiler.Compiled, compiler: TaxonomySQLCompiler) -> String {
        guard !compiled.fields.isEmpty else { return "  SELECT 1 AS no_input" }
        let fields = compiled.fields
        let distinct = fields.map { "\(text($0)) AS \($0)" }.joined(separator: ", ")
        // Two layers: tk_any reads the tk_ of each text field.
        var inner = "SELECT \(fields.joined(separator: ", "))"
        for column in compiled.derivedColumns where column != "tk_any" {
            inner += ",\n        \(compiler.definition(of: column)) AS \(column)"
        }
        var outer = "SELECT *"
        if compiled.derivedColumns.contains("tk_any") { outer += ", \(compiler.definition(of: "tk_any")) AS tk_any" }
        return """
          \(outer)
          FROM (
            \(inner)
            FROM (SELECT DISTINCT \(distinct) FROM cs_contacts) inputs
          ) tokens
        """
    }

    /// Stage 3: each distinct input of the rules with its cause.
    private func causesStage(_ compiled: TaxonomySQLCompiler.Compiled) -> String {
        guard !compiled.fields.isEmpty else { return "  SELECT \(compiled.expression) AS cause" }
        return """
          SELECT \(compiled.fields.joined(separator: ", ")),
            \(compiled.expression) AS cause
          FROM cs_inputs
        """
    }

    /// The cause table: path, name, process, avoidable flag (1/0), group, with `unclassified`.
    private func causeTable() -> String {
        var rows: [[String]] = taxonomy.causes.map { cause in
            [d.literal(cause.path), d.literal(cause.name), d.literal(cause.process), cause.avoidable ? "1" : "0"]
        }
        let u = CauseDescriptor.unclassified
        rows.append([d.literal(u.path), d.literal(u.name), d.literal(u.process), "0"])
        return d.inlineTable(columns: ["cause_path", "cause_name", "process", "avoidable"], rows: rows, alias: "m")
    }

    /// The cost of a contact as `CostModel.cost(of:)`: the explicit cost, else per contact + per minute x
    /// handle minutes (the channel's default minutes without a handle time), kept as a 32-bit float like
    /// `ContactFacts.cost`.
    private func costExpression() -> String {
        let model = metrics.costModel
        var cases: [String] = []
        var fallback = ""
        for channel in Channel.allCases {
            let c = model.channelCost(channel)
            let formula = "\(d.double(c.perContact)) + \(d.double(c.perMinute)) * COALESCE(c.handle_time_seconds / \(d.double(60)), \(d.double(c.defaultHandleMinutes)))"
            if channel == .other { fallback = formula }
            cases.append("WHEN \(d.literal(channel.rawValue)) THEN \(formula)")
        }
        return "CAST(COALESCE(\(d.double("c.cost")), CASE c.channel\n          "
            + cases.joined(separator: "\n          ") + "\n          ELSE \(fallback) END) AS \(d.realType))"
    }

    /// Stage 3: every contact's facts and its neighbours in its customer's timeline.
    private func factsStage(_ compiled: TaxonomySQLCompiler.Compiled) -> String {
        let join = compiled.fields.isEmpty ? "CROSS JOIN cs_causes k"
            : "JOIN cs_causes k ON " + compiled.fields.map { "\(text("c.\($0)")) = k.\($0)" }.joined(separator: " AND ")
        var counted: [String] = []
        if let since = metrics.since { counted.append("c.opened_at >= \(since)") }
        if let until = metrics.until { counted.append("c.opened_at < \(until)") }
        let countedExpression = counted.isEmpty ? "1" : "CASE WHEN \(counted.joined(separator: " AND ")) THEN 1 ELSE 0 END"
        let partition = metrics.window.scope == .cause ? "c.customer, k.cause" : "c.customer"
        let order = "ORDER BY c.opened_at, c.input_order"
        let threshold = d.double(metrics.csatThreshold)
        let zone = metrics.timeZoneName
        let localDate = d.localDate("c.opened_at", timeZone: zone)
        return """
          SELECT c.input_order, c.opened_at, c.channel, k.cause, m.cause_name, m.process, m.avoidable AS avoidable_cause,
            \(countedExpression) AS counted,
            CASE WHEN c.customer IS NOT NULL AND c.customer <> '' THEN 1 ELSE 0 END AS identified,
            c.customer,
            CASE WHEN k.cause = \(d.literal(CauseDescriptor.unclassified.path)) THEN 0 ELSE 1 END AS classified,
            \(costExpression()) AS cost,
            CAST(c.handle_time_seconds AS \(d.realType)) AS handle_time,
            CASE WHEN c.closed_at >= c.opened_at THEN c.closed_at - c.opened_at END AS resolution_time,
            CASE WHEN c.csat_score IS NOT NULL OR c.csat_satisfied IS NOT NULL THEN 1 ELSE 0 END AS csat_response,
            CASE WHEN c.csat_score IS NOT NULL THEN
                   CASE WHEN CAST(CAST(c.csat_score AS \(d.realType)) AS \(d.doubleType)) >= \(threshold) THEN 1 ELSE 0 END
                 WHEN c.csat_satisfied = 1 THEN 1 ELSE 0 END AS csat_satisfied,
            CAST(c.csat_score AS \(d.realType)) AS csat_score,
            CASE WHEN c.first_contact_resolved IS NOT NULL OR c.agent_replies IS NOT NULL THEN 1 ELSE 0 END AS export_fcr_known,
            CASE WHEN c.first_contact_resolved IS NOT NULL THEN c.first_contact_resolved
                 WHEN c.agent_replies <= 1 THEN 1 ELSE 0 END AS export_fcr_resolved,
            \(localDate) AS local_date,
            \(d.periodStart(localDate, period: metrics.period)) AS period_start,
            LAG(c.opened_at) OVER (PARTITION BY \(partition) \(order)) AS previous_at,
            LAG(c.channel) OVER (PARTITION BY \(partition) \(order)) AS previous_channel,
            LEAD(c.opened_at) OVER (PARTITION BY \(partition) \(order)) AS next_at
          FROM cs_contacts c
          \(join)
          JOIN \(causeTable()) ON m.cause_path = k.cause
        """
    }

    /// Stage 4: the timeline's outcomes (`ContactTimeline.walk`), against the data end (the latest opened_at
    /// of all contacts, counted or not).
    private func outcomesStage() -> String {
        let w = metrics.window.seconds
        return """
          SELECT f.*,
            CASE WHEN f.identified = 1 AND f.previous_at IS NOT NULL AND f.opened_at - f.previous_at <= \(w) THEN 1 ELSE 0 END AS is_repeat,
            CASE WHEN f.identified = 1 AND f.opened_at <= b.data_end - \(w) THEN 1 ELSE 0 END AS evaluable,
            CASE WHEN f.identified = 1 AND f.opened_at <= b.data_end - \(w)
                  AND NOT (f.next_at IS NOT NULL AND f.next_at - f.opened_at <= \(w)) THEN 1 ELSE 0 END AS resolved,
            CASE WHEN f.avoidable_cause = 1 OR (f.identified = 1 AND f.previous_at IS NOT NULL AND f.opened_at - f.previous_at <= \(w)) THEN 1 ELSE 0 END AS avoidable
          FROM cs_facts f
          CROSS JOIN (SELECT MAX(opened_at) AS data_end FROM cs_contacts) b
        """
    }

    // MARK: Sections

    private func ratio(_ numerator: String, _ denominator: String) -> String {
        "CAST(\(numerator) AS \(d.doubleType)) / NULLIF(\(denominator), 0)"
    }

    private func sum(_ column: String) -> String { "SUM(o.\(column))" }

    private func money(_ column: String) -> String { "SUM(CAST(o.\(column) AS \(d.doubleType)))" }

    /// The figures of a slice (`MetricAccumulator.metricSet`), over the counted rows `o` of `cs_outcomes`.
    private func sliceMetrics(shares: Bool) -> [String] {
        var columns = ["COUNT(*) AS contacts"]
        if shares { columns.append("\(ratio("COUNT(*)", "SUM(COUNT(*)) OVER ()")) AS share") }
        columns += [
            "\(sum("identified")) AS identified",
            "\(sum("is_repeat")) AS repeats",
            "\(ratio(sum("is_repeat"), sum("identified"))) AS repeat_rate",
            "\(ratio(sum("resolved"), sum("evaluable"))) AS fcr",
            "\(sum("evaluable")) AS fcr_evaluable",
            "\(sum("resolved")) AS fcr_resolved",
            "\(ratio(sum("export_fcr_resolved * o.export_fcr_known"), sum("export_fcr_known"))) AS export_fcr",
            "\(sum("avoidable")) AS avoidable",
            "\(sum("avoidable_cause")) AS avoidable_by_cause",
            "SUM(CASE WHEN o.avoidable_cause = 0 AND o.is_repeat = 1 THEN 1 ELSE 0 END) AS avoidable_repeat_only",
            "\(ratio(sum("avoidable"), "COUNT(*)")) AS avoidable_rate",
            "SUM(CASE WHEN o.avoidable = 1 THEN CAST(o.cost AS \(d.doubleType)) ELSE 0 END) AS avoidable_cost",
            "\(sum("csat_response")) AS csat_responses",
            "\(sum("csat_satisfied")) AS csat_satisfied",
            "\(ratio(sum("csat_satisfied"), sum("csat_response"))) AS csat",
            "AVG(CAST(o.csat_score AS \(d.doubleType))) AS csat_mean",
            "\(money("cost")) AS cost_total",
            "\(money("cost")) / NULLIF(COUNT(*), 0) AS cost_per_contact",
        ]
        if shares { columns.append("\(money("cost")) / NULLIF(SUM(\(money("cost"))) OVER (), 0) AS cost_share") }
        columns += [
            "AVG(CAST(o.handle_time AS \(d.doubleType))) AS handle_time_mean_seconds",
            "\(ratio(sum("classified"), "COUNT(*)")) AS coverage",
            "COUNT(*) - \(sum("classified")) AS unclassified",
        ]
        return columns
    }

    /// The median (mean of the two middle values for an even count) and the 90th percentile by nearest rank
    /// (`ceil(0.9 n)`-th value) of `value` per `key`, exactly, with integer arithmetic only.
    private func quantiles(key: String?, value: String, name: String) -> String {
        let partition = key.map { "PARTITION BY \($0) " } ?? ""
        return """
        SELECT \(key == nil ? "" : "k AS \(name)_key,")
                AVG(CASE WHEN rn * 2 IN (n, n + 1, n + 2) THEN CAST(v AS \(d.doubleType)) END) AS \(name)_median,
                MAX(CASE WHEN rn * 10 >= 9 * n AND rn * 10 < 9 * n + 10 THEN CAST(v AS \(d.doubleType)) END) AS \(name)_p90
              FROM (
                SELECT \(key.map { "\($0) AS k, " } ?? "")\(value) AS v,
                  ROW_NUMBER() OVER (\(partition)ORDER BY \(value)) AS rn,
                  COUNT(*) OVER (\(partition.trimmingCharacters(in: .whitespaces))) AS n
                FROM cs_outcomes o
                WHERE o.counted = 1 AND \(value) IS NOT NULL
              ) ranked\(key == nil ? "" : "\n      GROUP BY k")
        """
    }

    private func sliceSection(key: String, name: String, extra: [String] = [], order: String) -> String {
        let keyColumn = "o.\(key)"
        let extras = extra.map { "MAX(o.\($0)) AS \($0)" }
        let metricsList = (["\(keyColumn) AS \(name)"] + extras + sliceMetrics(shares: true)).joined(separator: ",\n    ")
        return """
        SELECT s.*, q.resolution_median AS resolution_time_median_seconds
        FROM (
          SELECT \(metricsList)
          FROM cs_outcomes o
          WHERE o.counted = 1
          GROUP BY \(keyColumn)
        ) s
        LEFT JOIN (
          \(quantiles(key: keyColumn, value: "o.resolution_time", name: "resolution"))
        ) q ON q.resolution_key = s.\(name)
        ORDER BY \(order)
        """
    }

    private func summarySection() -> String {
        let z = WilsonInterval.z95
        let zz = d.double(z * z)
        let n = "CAST(s.csat_responses AS \(d.doubleType))"
        let p = "(CAST(s.csat_satisfied AS \(d.doubleType)) / \(n))"
        let denominator = "(1 + \(zz) / \(n))"
        let center = "((\(p) + \(zz) / (2 * \(n))) / \(denominator))"
        let half = "(\(d.double(z)) / \(denominator) * SQRT(\(p) * (1 - \(p)) / \(n) + \(zz) / (4 * \(n) * \(n))))"
        let list = sliceMetrics(shares: false).joined(separator: ",\n    ")
        return """
        SELECT s.*,
          \(ratio("s.csat_responses", "s.contacts")) AS csat_response_rate,
          CASE WHEN s.csat_responses > 0 THEN GREATEST(0, \(center) - \(half)) END AS csat_ci_low,
          CASE WHEN s.csat_responses > 0 THEN LEAST(1, \(center) + \(half)) END AS csat_ci_high,
          h.handle_median AS handle_time_median_seconds,
          r.resolution_median AS resolution_time_median_seconds,
          r.resolution_p90 AS resolution_time_p90_seconds,
          u.customers_identified,
          \(ratio("u.top_contacts", "s.identified")) AS top_customer_share,
          b.data_end
        FROM (
          SELECT \(list)
          FROM cs_outcomes o
          WHERE o.counted = 1
        ) s
        CROSS JOIN (SELECT MAX(opened_at) AS data_end FROM cs_contacts) b
        CROSS JOIN (
          \(quantiles(key: nil, value: "o.handle_time", name: "handle"))
        ) h
        CROSS JOIN (
          \(quantiles(key: nil, value: "o.resolution_time", name: "resolution"))
        ) r
        CROSS JOIN (
          SELECT COUNT(*) AS customers_identified,
            SUM(CASE WHEN rn <= CEIL(CAST(customers AS \(d.doubleType)) * \(d.double(0.01))) THEN contacts ELSE 0 END) AS top_contacts
          FROM (
            SELECT customer, COUNT(*) AS contacts,
              ROW_NUMBER() OVER (ORDER BY COUNT(*) DESC, customer) AS rn,
              COUNT(*) OVER () AS customers
            FROM cs_outcomes o
            WHERE o.counted = 1 AND o.identified = 1
            GROUP BY customer
          ) per_customer
        ) u
        """
    }

    private func periodsSection() -> String {
        let zone = metrics.timeZoneName
        var from = "b.data_start", to = "b.data_end"
        if let since = metrics.since { from = "GREATEST(b.data_start, \(since))" }
        if let until = metrics.until { to = "LEAST(b.data_end, \(until - 1))" }
        let list = (["o.period_start AS period_start"] + sliceMetrics(shares: true)).joined(separator: ",\n    ")
        return """
        SELECT \(d.periodLabel("s.period_start", period: metrics.period)) AS period,
          CASE WHEN s.period_start < b.covered_from
                 OR \(d.nextPeriodStart("s.period_start", period: metrics.period)) > \(d.addDays("b.covered_to", 1))
               THEN 1 ELSE 0 END AS partial,
          s.*, q.resolution_median AS resolution_time_median_seconds
        FROM (
          SELECT \(list)
          FROM cs_outcomes o
          WHERE o.counted = 1
          GROUP BY o.period_start
        ) s
        CROSS JOIN (
          SELECT \(d.localDate(from, timeZone: zone)) AS covered_from, \(d.localDate(to, timeZone: zone)) AS covered_to
          FROM (SELECT MIN(opened_at) AS data_start, MAX(opened_at) AS data_end FROM cs_contacts) b
        ) b
        LEFT JOIN (
          \(quantiles(key: "o.period_start", value: "o.resolution_time", name: "resolution"))
        ) q ON q.resolution_key = s.period_start
        ORDER BY s.period_start
        """
    }

    private func switchesSection() -> String {
        """
        SELECT o.previous_channel AS from_channel, o.channel AS to_channel, COUNT(*) AS contacts
        FROM cs_outcomes o
        WHERE o.counted = 1 AND o.is_repeat = 1 AND o.previous_channel <> o.channel
        GROUP BY o.previous_channel, o.channel
        ORDER BY contacts DESC, from_channel, to_channel
        """
    }
}
