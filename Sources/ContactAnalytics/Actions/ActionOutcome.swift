/// What performing an action produced, as values: the output (standard output in `contactstat`), the
/// diagnostics and notes (standard error: the diagnostics first, then the notes), and the exit status (0, or 1
/// for a breached threshold or rejected records under `strict`). Under `quiet`, diagnostics and notes are
/// empty.
public struct ActionOutcome: Sendable {
    public var output: String
    public var diagnostics: DiagnosticLog
    public var notes: [RunNote]
    public var status: Int32

    public init(output: String = "", diagnostics: DiagnosticLog = DiagnosticLog(), notes: [RunNote] = [], status: Int32 = 0) {
        self.output = output
        self.diagnostics = diagnostics
        self.notes = notes
        self.status = status
    }
}
