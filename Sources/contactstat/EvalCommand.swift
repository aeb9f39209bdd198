import ArgumentParsing
import TextDistance
import ContactAnalytics
import Foundation

/// `contactstat eval FILE... --gold COLUMN`: how far the causes given agree with a labelled column
/// (coverage, purity, inverse purity, F; see `CauseAgreement`). The label column is withheld from the rules.
/// Exits 1 when F is below `--min-f` (or there is no F).
enum EvalCommand {
    static func run(_ command: ParsedCommand) throws -> Int32 {
        var settings = try RunSettings(command)
        guard let gold = command.value("gold"), !gold.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ContactStatError(.usage, "eval needs --gold COLUMN: the export column holding the labels to compare with")
        }
        guard let top = Int(command.valueOrDefault("top") ?? ""), top > 0 else {
            throw ContactStatError(.usage, "--top expects a positive whole number")
        }
        var minimumF: Double?
        if let text = command.value("min-f") {
            guard let value = Double(text), value >= 0, value <= 1 else {
                throw ContactStatError(.usage, "--min-f expects a number from 0 to 1, e.g. 0.7")
            }
            minimumF = value
        }
        let spool = try InputSpool.spooling(settings.ingest)
        defer { spool?.1.remove() }
        if let (spooled, _) = spool { settings.ingest = spooled }
        let taxonomy = settings.taxonomy
        let columnCauses = try settings.columnCauses(taxonomy: taxonomy)
        let result = try CauseAgreementEvaluation.run(settings.ingest, taxonomy: taxonomy,
                                                      foldDiacritics: settings.foldDiacritics, labelColumn: gold,
                                                      threads: settings.threads, columnCauses: columnCauses)
        DiagnosticPrinter.print(result.ingest.diagnostics, quiet: settings.quiet)
        if let note = columnCauses.flatMap(settings.causesNote) { DiagnosticPrinter.print([note]) }
        guard result.foundColumn else {
            let columns = result.ingest.files.first?.header ?? []
            var message = "--gold: the input has no column \"\(gold)\""
            if let s = EditDistance.suggestion(for: gold, among: columns) { message += "; did you mean '\(s)'?" }
            throw ContactStatError(.usage, message)
        }
        let formatter = CauseAgreementFormatter(labelColumn: gold, withheldFields: result.withheldFields, rows: top)
        let json = command.valueOrDefault("format") == "json"
        try OutputDestination(command.value("output")).write(json ? formatter.json(result.agreement)
                                                                  : formatter.text(result.agreement))
        if settings.strict, result.ingest.rejected > 0 { return 1 }
        if let minimumF {
            let f = result.agreement.f
            if f.map({ $0 < minimumF }) ?? true {
                if !settings.quiet {
                    StandardStreams.writeError("contactstat: F \(CauseAgreementFormatter.decimal(f)) is below --min-f \(minimumF)\n")
                }
                return 1
            }
        }
        return 0
    }
}
