import ContactAnalytics

/// Prints diagnostics on stderr, grouped and capped (`DiagnosticLog`), as `FILE:LINE: warning: message`.
enum DiagnosticPrinter {
    static func print(_ log: DiagnosticLog, quiet: Bool) {
        guard !quiet, !log.isEmpty else { return }
        StandardStreams.writeError(log.formattedLines().map { $0 + "\n" }.joined())
    }
}
