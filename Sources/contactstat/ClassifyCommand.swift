import ArgumentParsing
import ContactAnalytics

/// `contactstat classify FILE...`: performs `ClassifyAction`, writing the rows to `--output` (or standard
/// output) and what reading found to standard error before them.
enum ClassifyCommand {
    static func run(_ command: ParsedCommand) throws -> Int32 {
        let settings = try RunSettings(command)
        if command.flag("canonical") { return try canonical(command, settings: settings) }
        let action = ClassifyAction(settings: settings, csv: try CSVOutputOptions(command))
        // The output file is created when the rows are ready: a run that fails before leaves none.
        let destination = OutputDestination(command.value("output"))
        var stream: OutputDestination.Stream?
        let outcome = try action.perform(read: DiagnosticPrinter.print) { bytes in
            if stream == nil { stream = try destination.stream() }
            try stream?.write(bytes)
        }
        try stream?.close()
        DiagnosticPrinter.print(outcome)
        return outcome.status
    }

    /// `classify --canonical`: the mapped contacts in the canonical fields.
    private static func canonical(_ command: ParsedCommand, settings: RunSettings) throws -> Int32 {
        let name = command.value("canonical-format") ?? CanonicalContactWriter.Format.csv.rawValue
        let format = CanonicalContactWriter.Format(rawValue: name) ?? .csv
        let action = CanonicalExportAction(settings: settings, format: format)
        let destination = OutputDestination(command.value("output"))
        var stream: OutputDestination.Stream?
        let outcome = try action.perform { bytes in
            if stream == nil { stream = try destination.stream() }
            try stream?.write(bytes)
        }
        try stream?.close()
        DiagnosticPrinter.print(outcome)
        return outcome.status
    }
}
