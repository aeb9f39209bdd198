import ContactAnalytics

/// Prints on stderr what a run found besides its output: diagnostics, grouped and capped (`DiagnosticLog`), as
/// `FILE:LINE: warning: message`, and notes as `contactstat: warning: message`, settings named by their flags.
enum DiagnosticPrinter {
    static func print(_ log: DiagnosticLog, quiet: Bool) {
        guard !quiet, !log.isEmpty else { return }
        StandardStreams.writeError(log.formattedLines(SettingFlags.names).map { $0 + "\n" }.joined())
    }

    static func print(_ notes: [RunNote]) {
        for note in notes { StandardStreams.writeError("contactstat: \(note.rendered(SettingFlags.names))\n") }
    }

    /// The outcome's diagnostics, then its notes.
    static func print(_ outcome: ActionOutcome) {
        print(outcome.diagnostics, quiet: false)
        print(outcome.notes)
    }
}
