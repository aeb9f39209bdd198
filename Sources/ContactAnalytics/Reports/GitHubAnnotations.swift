/// `check`'s gates as GitHub Actions workflow commands, so a breach shows on the run's summary page and in the
/// pull request: `::error title=contactstat check::MESSAGE` per breach and `::notice title=contactstat
/// check::MESSAGE` per gate that could not be checked (passed gates write nothing). Written on standard
/// output with `--github-annotations`, or when the environment has `GITHUB_ACTIONS=true` (GitHub sets it in
/// every job). The message escapes `%`, CR and LF as `%25`, `%0D`, `%0A`; the title also `:` and `,` (as
/// GitHub's own toolkit does), so input text can neither end the command nor start another.
public enum GitHubAnnotations {
    /// The title every annotation carries.
    public static let title = "contactstat check"

    /// The workflow-command lines for `gates`, each ending in a newline.
    public static func lines(_ gates: [GateResult]) -> String {
        var out = ""
        for gate in gates {
            let command: String
            switch gate.status {
            case .breached: command = "error"
            case .unchecked: command = "notice"
            case .passed: continue
            }
            out += "::\(command) title=\(property(title))::\(data(gate.message))\n"
        }
        return out
    }

    /// A message escaped for a workflow command.
    static func data(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// A property value escaped for a workflow command.
    static func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
