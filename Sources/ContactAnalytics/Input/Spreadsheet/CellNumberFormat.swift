/// What a cell's number format says its number is: a plain number, a date (with or without a time of day), or
/// a time of day / duration alone. Read from `xl/styles.xml` (built-in format ids and custom format codes).
enum CellNumberFormat: Sendable, Equatable {
    case number
    case date
    case dateTime
    case time

    /// The kind of a built-in format id (ECMA-376 §18.8.30): 14-17 and 27-36, 50-58 dates, 22 date and time,
    /// 18-21 and 45-47 times.
    static func builtIn(_ id: Int) -> CellNumberFormat {
        switch id {
        case 14...17, 27...36, 50...58: .date
        case 22: .dateTime
        case 18...21, 45...47: .time
        default: .number
        }
    }

    /// The kind of a custom format code such as `yyyy\-mm\-dd\ hh:mm:ss`, `d.m.yyyy`, `[h]:mm:ss` or
    /// `#,##0.00`: day, month or year letters make a date, hour or second letters a time (`m` alone is a
    /// month unless it follows an hour or precedes a second). Quoted text, escaped characters and bracketed
    /// parts other than elapsed time (`[h]`, `[mm]`, `[ss]`) are ignored; only the first section counts.
    static func custom(_ code: String) -> CellNumberFormat {
        var hasDate = false
        var hasTime = false
        var characters = Array(code.lowercased())
        if let section = characters.firstIndex(of: ";") { characters = Array(characters[..<section]) }
        var index = 0
        var lastLetter: Character = " "
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "\"":
                index += 1
                while index < characters.count && characters[index] != "\"" { index += 1 }
            case "\\", "_", "*":
                index += 1
            case "a" where characters[index...].starts(with: Array("am/pm")) || characters[index...].starts(with: Array("a/p")):
                // The 12-hour clock's marker: a time, and no month letter.
                hasTime = true
                index += characters[index...].starts(with: Array("am/pm")) ? 4 : 2
            case "[":
                let end = characters[index...].firstIndex(of: "]") ?? characters.count - 1
                let inside = String(characters[(index + 1)..<max(index + 1, end)])
                if !inside.isEmpty && inside.allSatisfy({ "hms".contains($0) }) { hasTime = true }
                index = end
            case "y", "d":
                hasDate = true
                lastLetter = character
            case "h", "s":
                hasTime = true
                lastLetter = character
            case "m":
                // A run of m: minutes after an hour or before a second; otherwise a month.
                while index + 1 < characters.count && characters[index + 1] == "m" { index += 1 }
                let rest = characters[(index + 1)...].drop { $0 == ":" || $0 == " " }
                if lastLetter == "h" || rest.first == "s" { hasTime = true } else { hasDate = true }
                lastLetter = "m"
            default:
                break
            }
            index += 1
        }
        switch (hasDate, hasTime) {
        case (true, true): return .dateTime
        case (true, false): return .date
        case (false, true): return .time
        default: return .number
        }
    }
}
