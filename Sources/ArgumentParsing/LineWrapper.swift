/// Greedy word wrapping for help text, measured in `Character`s.
///
/// Explicit newlines start a new line. A source line that fits within the width (after its indent) is
/// kept as written, so aligned columns in discussions survive. A longer one is split into words at
/// spaces and refilled greedily, its own leading spaces added to the continuation indent; a word longer
/// than the available width is put on a line of its own and never broken. Empty lines are kept (as
/// empty strings). Lines carry no trailing spaces.
struct LineWrapper: Sendable {
    /// The maximum line length, in characters.
    var width: Int

    /// Wraps `text`; the first output line is prefixed with `firstIndent` spaces, every later line
    /// (wrapped or explicit) with `indent` spaces.
    func wrap(_ text: String, firstIndent: Int, indent: Int) -> [String] {
        var lines: [String] = []
        for (number, sourceLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let leading = sourceLine.prefix { $0 == " " }.count
            let words = sourceLine.split(separator: " ")
            if words.isEmpty {
                lines.append("")
                continue
            }
            let lineIndent = (number == 0 ? firstIndent : indent) + leading
            let content = sourceLine.dropFirst(leading)
            let trimmed = content[..<(content.lastIndex { $0 != " " }.map { content.index(after: $0) } ?? content.endIndex)]
            if lineIndent + trimmed.count <= width {
                lines.append(String(repeating: " ", count: lineIndent) + trimmed)
                continue
            }
            let continuation = String(repeating: " ", count: indent + leading)
            var line = String(repeating: " ", count: lineIndent)
            var lineHasWord = false
            for word in words {
                if lineHasWord && line.count + 1 + word.count > width {
                    lines.append(line)
                    line = continuation
                    lineHasWord = false
                }
                if lineHasWord { line += " " }
                line += word
                lineHasWord = true
            }
            lines.append(line)
        }
        return lines
    }
}
