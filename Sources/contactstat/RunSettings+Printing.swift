import ContactAnalytics

extension RunSettings {
    /// Prints what an analysis found (its diagnostics, then `ingestNotes`) on stderr, unless `--quiet`.
    func printIngest(_ result: ContactAnalysis.Result) {
        DiagnosticPrinter.print(result.ingest.diagnostics, quiet: quiet)
        DiagnosticPrinter.print(ingestNotes(result))
    }

    /// 1 when `--strict` and records were rejected (saying so on stderr unless `--quiet`), else 0.
    func exitStatus(_ result: ContactAnalysis.Result) -> Int32 {
        let strict = strictStatus(rejected: result.report.input.rowsRejected)
        DiagnosticPrinter.print(strict.note.map { [$0] } ?? [])
        return strict.status
    }
}
