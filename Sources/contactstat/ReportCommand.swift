import ArgumentParsing
import ContactAnalytics
import Foundation

/// `contactstat report FILE...`: the full report in any format.
enum ReportCommand {
    static func run(_ command: ParsedCommand) throws -> Int32 {
        let settings = try RunSettings(command)
        let format = command.valueOrDefault("format").flatMap(ReportFormat.init(rawValue:)) ?? .standard
        let renderOptions = try renderOptions(command, format: format)
        let profile = command.flag("profile")
        if command.value("output-dir") != nil, format != .csv {
            throw ContactStatError(.usage, "--output-dir goes with --format csv")
        }
        // A workbook is binary: written to a file, or to standard output only when that is not a terminal.
        if format.isBinary, OutputDestination(command.value("output")).isStandardOutput, StandardStreams.outputIsTerminal {
            throw ContactStatError(.usage, "--format \(format.rawValue) writes a binary file, not for a terminal: "
                                   + "give -o report.\(format.fileExtension), or redirect standard output to a file")
        }
        // The volume file is read first: a mistake in it ends the run before the export is read.
        let volumes = try command.value("per").map { try UnitVolumes.read(path: $0, granularity: settings.metrics.period) }
        var result = try ContactAnalysis.run(settings.analysis(profile: profile))
        settings.printIngest(result)
        if let volumes { result.report.perUnit = PerUnitFigures(report: result.report, volumes: volumes) }

        var timings = result.timings
        let renderStart = StageTimings.now()
        if let directory = command.value("output-dir") {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw ContactStatError(.io, "cannot create the output directory: \(OutputDestination.reason(error))", at: directory)
            }
            for (name, bytes) in CSVReportRenderer(options: renderOptions).renderFiles(result.report) {
                try OutputDestination((directory as NSString).appendingPathComponent(name)).write(bytes)
            }
        } else {
            try OutputDestination(command.value("output")).write(format.render(result.report, options: renderOptions))
        }
        timings.render = StageTimings.now() - renderStart
        if profile {
            StandardStreams.writeError("contactstat: profile: \(timings.formatted); \(result.ingest.rowsRead) rows\n")
        }
        return settings.exitStatus(result)
    }

    /// Colour and CSV spreadsheet options.
    static func renderOptions(_ command: ParsedCommand, format: ReportFormat) throws -> ReportRenderOptions {
        let csv = try CSVOutputOptions(command)
        let toTerminal = command.value("output") == nil || command.value("output") == "-"
        let colour = command.flag("color")
            || (!command.flag("no-color") && format == .text && toTerminal && StandardStreams.outputIsTerminal
                && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
        return ReportRenderOptions(colour: colour, csv: csv)
    }
}
