/// Escaping of values taken from input (cause, process, queue and agent names, file names) for the markup
/// formats. Every renderer passes such values through here before writing them.
public enum MarkupEscaping {
    /// Text safe in HTML/XML content and in double- or single-quoted attributes: `&`, `<`, `>`, `"` and `'`
    /// become character references; control characters that XML 1.0 forbids (all C0 but tab, LF and CR)
    /// become U+FFFD, so the HTML report stays well-formed XML whatever the input holds.
    public static func html(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    result += "\u{FFFD}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// ``html(_:)`` with a line-break opportunity (`<wbr/>`) after each `/` and `-` of a long name
    /// (`delivery/<wbr/>where-<wbr/>is-...`), so a cause path wraps at its separators and never inside a word.
    /// Names of at most `shortest` characters are left whole.
    public static func htmlBreakable(_ text: String, shortest: Int = 16) -> String {
        guard text.count > shortest else { return html(text) }
        var result = ""
        var part = ""
        for character in text {
            part.append(character)
            if character == "/" || character == "-" {
                result += html(part) + "<wbr/>"
                part = ""
            }
        }
        return result + html(part)
    }

    /// Text that GitHub-flavoured Markdown shows literally, also inside a table cell: the Markdown
    /// punctuation ``\ ` * _ [ ] < > | # ~ !`` is backslash-escaped, `&` becomes `&amp;` (so no character
    /// reference forms), and line breaks and tabs become spaces (a table row is one line).
    public static func markdown(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "~", "!":
                result.append("\\")
                result.append(character)
            case "&": result += "&amp;"
            case "\n", "\r", "\r\n", "\t": result.append(" ")
            default: result.append(character)
            }
        }
        return result
    }

    /// Text for one terminal line: control characters (ESC included, so input cannot inject ANSI
    /// sequences) become `?`, line breaks and tabs become spaces.
    public static func terminal(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" || scalar == "\t" {
                result += " "
            } else if scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0) {
                result += "?"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
