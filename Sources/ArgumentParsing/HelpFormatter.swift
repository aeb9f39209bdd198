/// Renders help text from the same ``CommandSpec`` tree the parser uses, in the layout of
/// swift-argument-parser.
///
/// ```text
/// OVERVIEW: Print the full report.
///
/// USAGE: contactstat report [<options>] <file> ...
///
/// ARGUMENTS:
///   <file>                  An export to read ('-' for standard input).
///
/// OPTIONS:
///   -f, --format <format>   The output format. (values: text, json; default: text)
///   --strict                Exit 1 when rows are rejected.
///   -h, --help              Show help information.
/// ```
///
/// Layout rules: sections `OVERVIEW`, `USAGE`, `ARGUMENTS`, `OPTIONS`, `SUBCOMMANDS`, `EXAMPLES`, each
/// omitted when empty and separated by one blank line. Labels are indented 2 columns; descriptions
/// start in column ``labelColumn`` (26) on the label's line, or on the next line when the label does not
/// fit. Text is word-wrapped to ``width`` columns (80 by default; fixed, not the terminal's, so output
/// is reproducible). Option descriptions end with `(values: …; default: …; repeatable)` as applicable.
/// Hidden options are left out. The root lists `--version` (when it has a version); every command
/// lists `-h, --help` last. The usage line shows `[<options>]` when the command has visible options of
/// its own. The text ends with one newline.
public struct HelpFormatter: Sendable {
    /// The column (0-based) where descriptions start.
    public static let labelColumn = 26
    /// The indentation of labels, examples and the subcommand hint.
    public static let indent = 2

    /// The maximum line width; words longer than a line are not broken.
    public var width: Int

    /// Creates a formatter; `width` defaults to 80 columns.
    public init(width: Int = 80) {
        self.width = width
    }

    /// Help for the command reached by following `subcommandPath` from `root` (empty for the root), or
    /// `nil` when a name on the path is not a subcommand.
    public func help(root: CommandSpec, subcommandPath: [String]) -> String? {
        root.commandStack(following: subcommandPath).map { help(for: $0) }
    }

    /// Help for the last command of `stack`, where `stack` runs from the root down to that command
    /// (each a subcommand of the one before). Returns an empty string for an empty stack.
    public func help(for stack: [CommandSpec]) -> String {
        guard let command = stack.last else { return "" }
        var sections: [String] = []
        let overview = overviewSection(command)
        if !overview.isEmpty { sections.append(overview) }
        sections.append(render(wrapper.wrap("USAGE: " + usage(for: stack), firstIndent: 0, indent: 7)))

        let arguments = command.arguments.map { element(label: "<\($0.name)>", text: $0.help) }
        if !arguments.isEmpty { sections.append("ARGUMENTS:\n" + arguments.joined()) }

        var options = command.options.filter { !$0.isHidden }.map { element(label: label(for: $0), text: description(of: $0)) }
        if stack.count == 1 && command.version != nil {
            options.append(element(label: "--version", text: "Show the version."))
        }
        options.append(element(label: "-h, --help", text: "Show help information."))
        sections.append("OPTIONS:\n" + options.joined())

        if !command.subcommands.isEmpty {
            let names = ([stack[0].name, "help"] + stack.dropFirst().map(\.name)).joined(separator: " ")
            sections.append(
                "SUBCOMMANDS:\n" + command.subcommands.map { element(label: $0.name, text: $0.abstract) }.joined()
                    + "\n" + render(wrapper.wrap("See '\(names) <subcommand>' for detailed help.", firstIndent: Self.indent, indent: Self.indent)))
        }

        if !command.examples.isEmpty {
            let examples = command.examples.map { example in
                render(wrapper.wrap(example.explanation, firstIndent: Self.indent, indent: Self.indent))
                    + String(repeating: " ", count: 2 * Self.indent) + "$ " + example.invocation + "\n"
            }
            sections.append("EXAMPLES:\n" + examples.joined(separator: "\n"))
        }
        return sections.joined(separator: "\n")
    }

    /// The synopsis after `USAGE: `: command path, `[<options>]`, arguments, and `<subcommand>`, e.g.
    /// `contactstat report [<options>] <file> ...`.
    public func usage(for stack: [CommandSpec]) -> String {
        guard let command = stack.last else { return "" }
        var parts = stack.map(\.name)
        if command.options.contains(where: { !$0.isHidden }) { parts.append("[<options>]") }
        parts += command.arguments.map(\.usageSynopsis)
        if !command.subcommands.isEmpty { parts.append("<subcommand>") }
        return parts.joined(separator: " ")
    }

    /// The label of an option in the OPTIONS section: `-f, --format <format>` or `--strict`.
    public func label(for option: OptionSpec) -> String {
        (option.short.map { "-\($0), " } ?? "") + option.longSynopsis
    }

    /// The description of an option: its help followed by `(values: …; default: …; repeatable)`.
    public func description(of option: OptionSpec) -> String {
        var notes: [String] = []
        if !option.allowedValues.isEmpty { notes.append("values: " + option.allowedValues.joined(separator: ", ")) }
        if let defaultValue = option.defaultValue { notes.append("default: " + defaultValue) }
        if case .repeatable = option.kind { notes.append("repeatable") }
        let suffix = notes.isEmpty ? "" : "(" + notes.joined(separator: "; ") + ")"
        return [option.help, suffix].filter { !$0.isEmpty }.joined(separator: " ")
    }

    // MARK: Rendering

    private var wrapper: LineWrapper { LineWrapper(width: width) }

    private func render(_ lines: [String]) -> String {
        lines.map { $0 + "\n" }.joined()
    }

    private func overviewSection(_ command: CommandSpec) -> String {
        var text = ""
        if !command.abstract.isEmpty {
            text += render(wrapper.wrap("OVERVIEW: " + command.abstract, firstIndent: 0, indent: 0))
        }
        if !command.discussion.isEmpty {
            if !text.isEmpty { text += "\n" }
            text += render(wrapper.wrap(command.discussion, firstIndent: 0, indent: 0))
        }
        return text
    }

    /// One two-column entry: the label at column 2, the wrapped text from column ``labelColumn``.
    private func element(label: String, text: String) -> String {
        let paddedLabel = String(repeating: " ", count: Self.indent) + label
        guard !text.isEmpty else { return paddedLabel + "\n" }
        var lines = wrapper.wrap(text, firstIndent: Self.labelColumn, indent: Self.labelColumn)
        if paddedLabel.count < Self.labelColumn {
            lines[0] = paddedLabel + lines[0].dropFirst(paddedLabel.count)
        } else {
            lines.insert(paddedLabel, at: 0)
        }
        return render(lines)
    }
}
