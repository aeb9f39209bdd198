import ArgumentParsing
import ContactAnalytics

/// Every command and option of `contactstat`, declared once: parsing and help both come from here.
enum CommandTree {
    static let version = "0.1.0"

    // MARK: Option groups

    static let input: [OptionSpec] = [
        .value("config", valueName: "file", help: "Configuration file (JSON with comments). Default: ./contactstat.json if present."),
        .value("preset", valueName: "name", allowedValues: ExportPreset.all.map(\.name),
               help: "Column mapping of a known export."),
        .repeatable("map", valueName: "field=column",
                    help: "Map a canonical field to an export column (wins over preset and configuration)."),
        .value("records", valueName: "path",
               help: "Where a JSON envelope holds the records: a dotted path (data.payload) or JSON pointer (/data/payload). Default: found."),
        .value("sheet", valueName: "name",
               help: "The sheet of an Excel workbook (.xlsx) to read (default: the first)."),
        .value("columns", valueName: "names",
               help: "The CSV has no header row: its columns are NAME,NAME,... in order, and its first line is data."),
        .value("timezone", valueName: "zone", help: "IANA time zone for timestamps without an offset and for periods (default: UTC)."),
        .value("day-month-order", valueName: "order", allowedValues: ["day-first", "month-first"],
               help: "Force the order of ambiguous dates like 03/04/2026 (default: decided from the data)."),
        .value("rejects", valueName: "file", help: "Write rejected records to this CSV file, with the reason."),
        .flag("strict", help: "Exit 1 when any record is rejected."),
        .flag("quiet", short: "q", help: "Print no diagnostics on stderr (the counts still appear in the output)."),
    ]

    static let metrics: [OptionSpec] = [
        .value("since", valueName: "date", help: "Count contacts opened at or after this date/time (earlier ones still serve as context)."),
        .value("until", valueName: "date", help: "Count contacts opened before the end of this date (or before this date/time)."),
        .value("window", valueName: "duration",
               help: "Repeat window, e.g. 7d, 72h, 2w (default: \(RepeatContactWindow.standard.durationText))."),
        .value("scope", valueName: "scope", allowedValues: RepeatContactWindow.Scope.allCases.map(\.rawValue),
               help: "Repeats match the same cause or any cause (default: \(RepeatContactWindow.standard.scope.rawValue))."),
        .value("period", valueName: "period", allowedValues: PeriodGranularity.allCases.map(\.rawValue),
               help: "Reporting period (default: week, ISO weeks starting Monday)."),
        .value("cause-from", valueName: "column",
               help: "Take each contact's cause from this export column instead of the taxonomy's rules (values mapped to causes by the configuration's causes_from)."),
        .flag("fold-diacritics", help: "Match taxonomy keywords ignoring diacritics (ä = a)."),
        .value("threads", valueName: "n", help: "Threads the run may use at once besides the main one, in every stage (default: the number of processors, at most 8)."),
    ]

    static let output: [OptionSpec] = [
        .value("format", short: "f", valueName: "format", allowedValues: ReportFormat.allCases.map(\.rawValue),
               defaultValue: ReportFormat.standard.rawValue,
               help: "Output format (html-email: a compact HTML mail body, inline styles only; xlsx: an Excel workbook, written with -o or to standard output that is not a terminal)."),
        .value("output", short: "o", valueName: "path", help: "Write to this file ('-' = standard output, the default)."),
        .value("output-dir", valueName: "dir", help: "CSV only: write one file per section into this directory."),
        .value("csv-delimiter", valueName: "char", allowedValues: [",", ";", "tab", "|"], help: "CSV field delimiter (default: ,)."),
        .flag("decimal-comma", help: "CSV: write decimals with a comma (0,734)."),
        .flag("bom", help: "CSV: start with a UTF-8 byte-order mark (for Excel)."),
        .value("spreadsheet", valueName: "preset", allowedValues: ["excel-comma-decimal"],
               help: "CSV spreadsheet preset: excel-comma-decimal = ';' delimiter, decimal comma and BOM."),
        .flag("color", help: "Colour text output even when not on a terminal."),
        .flag("no-color", help: "Never colour text output."),
        .flag("profile", help: "Print the time of each stage (read+map, classify, metrics, render) on stderr."),
    ]

    static let files = ArgumentSpec("file", help: "Contact exports (CSV, JSON array or JSON Lines; '-' = standard input).",
                                    isVariadic: true)

    // MARK: Commands

    static let report = CommandSpec(
        name: "report", abstract: "Print the full report: load drivers, FCR, avoidable contacts, CSAT, cost.",
        options: input + metrics + output + [
            .value("per", valueName: "file",
                   help: "Also report contacts per 1,000 units of the business's volume: a CSV of a period column and unit columns (period,orders,customers)."),
        ], arguments: [files],
        examples: [
            CommandExample("Report on the bundled sample:", "contactstat report Fixtures/sample/contacts.csv"),
            CommandExample("With contacts per 1,000 orders and customers:",
                           "contactstat report --per Fixtures/sample/volumes.csv Fixtures/sample/contacts.csv"),
            CommandExample("Last week as Markdown for a CI job summary:",
                           "contactstat report --since 2026-02-23 --until 2026-03-01 -f markdown export.csv"),
            CommandExample("JSON for scripts:", "contactstat report -f json -o report.json export.csv"),
            CommandExample("An Excel workbook, a sheet per section:", "contactstat report -f xlsx -o report.xlsx export.csv"),
        ])

    static let impact = CommandSpec(
        name: "impact", abstract: "Print the savings ledger: per process owner, avoidable cost, repeat cost and what each cause's fix would save.",
        discussion: "Each cause's candidate fix (self-service, proactive-message, faq, process-fix) comes from the taxonomy; the estimate is avoidable contacts x (their cost - the cost of a self-service contact) x the fix's deflection share (configuration: savings.deflection). The owners' avoidable costs add up to the report's avoidable cost.",
        options: input + metrics + [
            .value("owner", valueName: "process", help: "Write only this process owner's statement (e.g. Logistics)."),
            .value("format", short: "f", valueName: "format", allowedValues: SavingsStatement.Format.allCases.map(\.rawValue),
                   defaultValue: "text", help: "Output format (markdown: one statement per owner, to mail)."),
            .value("output", short: "o", valueName: "path", help: "Write to this file ('-' = standard output, the default)."),
        ],
        arguments: [files],
        examples: [
            CommandExample("Every owner's statement as Markdown:", "contactstat impact -f markdown export.csv"),
            CommandExample("One owner's statement, to mail:", "contactstat impact --owner Logistics -f markdown -o logistics.md export.csv"),
        ])

    static let classify = CommandSpec(
        name: "classify",
        abstract: "Write the input rows as CSV with the audit trail added: cause, process, avoidable, repeat, repeat_of, evaluable, fcr_resolved, switch_from, cost, language.",
        options: input + metrics.filter { ["window", "scope", "fold-diacritics", "threads", "cause-from"].contains($0.long) }
            + output.filter { ["output", "csv-delimiter", "decimal-comma", "bom", "spreadsheet"].contains($0.long) } + [
                .flag("canonical", help: "Write the mapped contacts in the canonical fields instead (the table 'contactstat sql' reads; no classification)."),
                .value("canonical-format", valueName: "format", allowedValues: CanonicalContactWriter.Format.allCases.map(\.rawValue),
                       defaultValue: CanonicalContactWriter.Format.csv.rawValue, help: "With --canonical: csv or jsonl (JSON Lines)."),
            ],
        arguments: [files])

    static let sql = CommandSpec(
        name: "sql", abstract: "Print an SQL script computing the report's figures in DuckDB, Spark, Trino, BigQuery or PostgreSQL.",
        discussion: "The script reads a table of contacts in the canonical fields (written by 'contactstat classify --canonical') and computes the summary, channels, causes, processes, periods and channel switches by the report's definitions, with the taxonomy and the configuration in force compiled in.",
        options: input.filter { ["config", "timezone"].contains($0.long) }
            + metrics.filter { ["since", "until", "window", "scope", "period", "fold-diacritics"].contains($0.long) } + [
                .value("dialect", valueName: "engine", allowedValues: SQLDialect.names, defaultValue: SQLDialect.duckdb.rawValue,
                       help: "The SQL engine to write for."),
                .value("table", valueName: "name", defaultValue: "contacts",
                       help: "The table or view of canonical contacts (may be qualified: schema.contacts)."),
                .value("output", short: "o", valueName: "path", help: "Write to this file ('-' = standard output, the default)."),
            ],
        examples: [
            CommandExample("DuckDB over a canonical export:",
                           "contactstat classify --canonical -o contacts.csv export.csv && contactstat sql --dialect duckdb > report.sql"),
        ])

    static let validate = CommandSpec(
        name: "validate", abstract: "Read and map the input; print the column mapping, diagnostics and row counts.",
        options: input + metrics.filter { ["threads", "cause-from"].contains($0.long) }, arguments: [files])

    static let check = CommandSpec(
        name: "check", abstract: "Exit 1 when a threshold is breached, naming each breach (for CI gates).",
        discussion: "Each threshold is a limit for the whole report (70%), or DIMENSION=PATTERN:LIMIT for every channel, cause, process or queue whose name matches a pattern (cause=billing/*:40%; * ? [a-z]); thresholds repeat. A change gate compares the latest full period with the full period before it and fires only when the change passes the limit and a two-proportion z-test finds it significant; partial periods are never compared.",
        options: input + metrics + [
            .repeatable("min-fcr", valueName: "rate", help: "Minimum FCR, as a fraction (0.7) or percentage (70%); or DIMENSION=PATTERN:RATE."),
            .repeatable("max-avoidable-rate", valueName: "rate", help: "Maximum avoidable-contact rate; or DIMENSION=PATTERN:RATE."),
            .repeatable("min-csat", valueName: "rate", help: "Minimum CSAT (share satisfied); or DIMENSION=PATTERN:RATE."),
            .repeatable("max-cost-per-contact", valueName: "amount", help: "Maximum cost per contact; or DIMENSION=PATTERN:AMOUNT."),
            .repeatable("min-sla-met", valueName: "rate",
                        help: "Minimum share of contacts within their first-reply and resolution SLA targets; or DIMENSION=PATTERN:RATE."),
            .repeatable("max-change", valueName: "measure=+Npp",
                        help: "Largest change of fcr, avoidable-rate, repeat-rate or csat from the previous full period (+5pp up, -5pp down), when significant."),
            .value("significance", valueName: "level", help: "Significance level of the change gates (default: 0.05)."),
            .value("min-slice-contacts", valueName: "n",
                   help: "Check a DIMENSION=PATTERN threshold only on slices of at least n contacts; smaller ones are listed as not checked (default: 30)."),
            .flag("github-annotations", help: "Also write breaches as GitHub Actions annotations (default when GITHUB_ACTIONS=true)."),
            .value("junit", valueName: "file", help: "Write every gate as a JUnit XML test case to this file."),
        ],
        arguments: [files],
        examples: [
            CommandExample("Every billing cause at most 40 % avoidable, every channel at least 60 % FCR:",
                           "contactstat check --max-avoidable-rate 'cause=billing/*:40%' --min-fcr 'channel=*:60%' export.csv"),
            CommandExample("Fail when the avoidable rate rose more than 5 points on last week, significantly:",
                           "contactstat check --max-change avoidable-rate=+5pp --junit gates.xml export.csv"),
        ])

    static let causes = CommandSpec(
        name: "causes", abstract: "List the root-cause taxonomy in force, as a tree with processes and flags.",
        options: [input[0]])

    static let suggest = CommandSpec(
        name: "suggest", abstract: "List frequent words and phrases among unclassified contacts, to grow the taxonomy.",
        options: input + [.flag("fold-diacritics", help: "Match taxonomy keywords ignoring diacritics (ä = a)."),
                          .value("top", valueName: "n", defaultValue: "30", help: "How many terms to list.")],
        arguments: [files])

    static let eval = CommandSpec(
        name: "eval",
        abstract: "Measure how far the causes agree with a labelled column: coverage, purity, inverse purity, F.",
        discussion: "Classifies as report does (same mapping and taxonomy) and compares each contact's cause with its label in --gold. The label column is withheld from the rules: fields mapped to it are emptied and column: rules naming it never match. purity = sum over causes of the largest count of one label within the cause / classified contacts; inverse purity = sum over labels of the largest count of one cause within the label / classified contacts; F = their harmonic mean; coverage = classified / labelled contacts.",
        options: input + metrics.filter { ["fold-diacritics", "threads", "cause-from"].contains($0.long) } + [
            .value("gold", valueName: "column", help: "The export column holding the labels to compare with (required)."),
            .value("min-f", valueName: "f", help: "Exit 1 when F is below this (0 to 1)."),
            .value("top", valueName: "n", defaultValue: "20", help: "How many labels and causes the text lists."),
            .value("format", short: "f", valueName: "format", allowedValues: ["text", "json"], defaultValue: "text",
                   help: "Output format."),
            .value("output", short: "o", valueName: "path", help: "Write to this file ('-' = standard output, the default)."),
        ],
        arguments: [files],
        examples: [
            CommandExample("NYC 311, reading the descriptor only, against the city's complaint type:",
                           "contactstat eval --preset nyc311 --gold complaint_type nyc311.csv"),
            CommandExample("A CI gate on a labelled sample:", "contactstat eval --gold Product --min-f 0.7 labelled.csv"),
        ])

    static let initCommand = CommandSpec(
        name: "init", abstract: "Write a starter configuration file (taxonomy, cost model, column mapping) with comments.",
        options: [.value("output", short: "o", valueName: "path", defaultValue: "contactstat.json",
                         help: "Where to write it ('-' = standard output)."),
                  .flag("force", help: "Overwrite an existing file.")])

    static let generate = CommandSpec(
        name: "generate", abstract: "Write a synthetic contact export (CSV), deterministic for a seed.",
        options: [.value("rows", short: "n", valueName: "n", defaultValue: "10000", help: "Number of contacts."),
                  .value("seed", valueName: "s", defaultValue: "1", help: "Random seed."),
                  .value("text", valueName: "style", defaultValue: "repeating",
                         help: "Subjects and bodies: 'repeating' (a fixed set of phrasings, no body) or 'realistic' (mostly distinct subjects with names, numbers and typos; a description column with a body on about a third of the rows)."),
                  .value("output", short: "o", valueName: "path", help: "Write to this file ('-' = standard output, the default).")])

    static let root = CommandSpec(
        name: "contactstat",
        abstract: "Customer-service analytics: why customers contact you, and which processes generate the load.",
        discussion: "Reads contact exports (CSV, JSON) from help desks, phone systems, chat and social tools, gives every contact a root cause, and computes first-contact resolution, repeat and avoidable contacts, CSAT, cost and channel mix per period.",
        version: version,
        subcommands: [report, impact, classify, validate, check, causes, suggest, eval, initCommand, generate, sql])
}
