import ArgumentParsing

/// A small fake command tree shaped like contactstat's, used by every parser test.
enum SampleCommands {
    static let report = CommandSpec(
        name: "report",
        abstract: "Print the full report of one or more exports.",
        discussion: """
            Reads every FILE in turn ('-' reads standard input) and prints root causes, first-contact \
            resolution, avoidable contacts, CSAT and cost.

            Exit codes:
              0   success
              1   rows were rejected and --strict was given
            """,
        options: [
            .value(
                "format", short: "f", allowedValues: ["text", "markdown", "json"], defaultValue: "text",
                help: "The output format."),
            .value(
                "output", short: "o", valueName: "path", defaultValue: "-",
                help: "Where to write the report ('-' for standard output)."),
            .repeatable(
                "map", valueName: "field=column",
                help: "Map a canonical field to a column of the export, overriding the preset."),
            .value(
                "window", valueName: "duration", defaultValue: "7d",
                help: "How soon a second contact about the same cause counts as a repeat."),
            .value(
                "timezone", valueName: "identifier",
                help: "The IANA time zone for timestamps without an offset, e.g. Europe/Helsinki."),
            .flag("strict", short: "s", help: "Exit 1 when any row is rejected."),
            .flag("verbose", short: "v", help: "Print progress to standard error."),
            .value("debug-dump", help: "Dump internal state.", isHidden: true),
        ],
        arguments: [ArgumentSpec("file", help: "An export to read ('-' for standard input).", isVariadic: true)],
        examples: [
            CommandExample("The report of one export, as Markdown:", "contactstat report --format markdown export.csv"),
            CommandExample("Read standard input, with a custom column:", "cat x.csv | contactstat report --map channel=Via -"),
        ])

    static let classify = CommandSpec(
        name: "classify",
        abstract: "Print the input rows as CSV with cause, process, avoidable and repeat columns added.",
        options: [
            .value("format", allowedValues: ["csv", "json"], defaultValue: "csv", help: "The output format."),
            .flag("strict", help: "Exit 1 when any row is rejected."),
        ],
        arguments: [ArgumentSpec("file", help: "An export to read.", isVariadic: true)])

    static let generate = CommandSpec(
        name: "generate",
        abstract: "Write a synthetic export, deterministic for a seed.",
        options: [
            .value("rows", valueName: "n", defaultValue: "1000", help: "How many rows to write."),
            .value("seed", valueName: "s", defaultValue: "1", help: "The random seed."),
        ])

    static let merge = CommandSpec(
        name: "merge",
        abstract: "Merge exports into one (a fake command exercising positional distribution).",
        arguments: [
            ArgumentSpec("first", help: "The first export."),
            ArgumentSpec("more", help: "Further exports.", isVariadic: true, isRequired: false),
            ArgumentSpec("target", help: "The file to write."),
        ])

    static let config = CommandSpec(
        name: "config",
        abstract: "Inspect or create the configuration.",
        subcommands: [
            CommandSpec(name: "show", abstract: "Print the configuration in force."),
            CommandSpec(
                name: "init", abstract: "Write a starter configuration file.",
                options: [.flag("force", help: "Overwrite an existing file.")],
                arguments: [ArgumentSpec("path", help: "Where to write it.", isRequired: false)]),
        ])

    static let root = CommandSpec(
        name: "contactstat",
        abstract: "Customer-service analytics for help-desk exports.",
        version: "1.2.3",
        subcommands: [report, classify, generate, merge, config])
}
