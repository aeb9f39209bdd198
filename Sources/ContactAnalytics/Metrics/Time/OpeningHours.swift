import Foundation

/// A channel's weekly opening hours, read from a specification in the style of OpenStreetMap's
/// `opening_hours`: `Mo-Fr 08:00-18:00`, `Mo-Fr 08:00-12:00,13:00-17:00; Sa 10:00-14:00`, `24/7`.
///
/// **Grammar.** Rules separated by `;`. A rule is a list of days (`Mo`, `Tu`, `We`, `Th`, `Fr`, `Sa`, `Su`,
/// ranges such as `Mo-Fr` or `Fr-Mo`, separated by `,`) followed by a list of time ranges (`HH:MM-HH:MM`,
/// separated by `,`; `24:00` may end a range), or by `off`. A later rule replaces the hours of the days it
/// names (`Mo-Fr 08:00-18:00; Fr 08:00-16:00` closes at 16:00 on Fridays); days no rule names are closed.
/// `24/7` alone means always open, public holidays included. Times are local wall-clock times; a range may not
/// cross midnight (write `Fr 22:00-24:00; Sa 00:00-02:00`). Day and `off` names are case-insensitive.
public struct OpeningHours: Sendable, Equatable {
    /// An open range of one local day, in minutes after midnight: `start ..< end`, `0 <= start < end <= 1440`.
    public struct Range: Sendable, Equatable {
        public var start: Int
        public var end: Int

        public init(start: Int, end: Int) {
            self.start = start
            self.end = end
        }
    }

    /// A specification that could not be read: what is wrong, and the 1-based character position in the
    /// specification where it is.
    public struct SyntaxError: Error, Sendable, Equatable {
        public var message: String
        public var position: Int
    }

    /// The specification as written.
    public let text: String
    /// `true` for `24/7`: open every minute of every day, holidays included.
    public let isAlwaysOpen: Bool
    /// Per ISO weekday (index 0 = Monday ... 6 = Sunday): the open ranges, sorted and not overlapping.
    public let ranges: [[Range]]

    /// The day abbreviations, Monday first.
    public static let dayNames = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]

    /// Always open (`24/7`).
    public static let alwaysOpen = OpeningHours(text: "24/7", isAlwaysOpen: true,
                                                ranges: Array(repeating: [Range(start: 0, end: 1440)], count: 7))

    private init(text: String, isAlwaysOpen: Bool, ranges: [[Range]]) {
        self.text = text
        self.isAlwaysOpen = isAlwaysOpen
        self.ranges = ranges
    }

    /// Reads a specification; throws `SyntaxError` naming the position of the first problem.
    public init(parsing text: String) throws(SyntaxError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed == "24/7" {
            self = .alwaysOpen
            return
        }
        var scanner = Scanner(Array(text.unicodeScalars))
        var days = [[Range]](repeating: [], count: 7)
        var ruleCount = 0
        repeat {
            scanner.skipSpaces()
            if scanner.atEnd, ruleCount > 0 { break } // a trailing ';'
            let named = try scanner.dayList()
            scanner.skipSpaces()
            let open: [Range]
            if scanner.word(caseInsensitive: "off") {
                open = []
            } else {
                open = try scanner.timeRanges()
            }
            for day in named { days[day] = Self.normalised(open) }
            ruleCount += 1
            scanner.skipSpaces()
            if scanner.atEnd { break }
            guard scanner.take(";") else {
                throw scanner.error("expected ';' between rules or the end, found '\(scanner.peekText)'")
            }
        } while true
        self.init(text: trimmed, isAlwaysOpen: false, ranges: days)
    }

    /// Sorted, with overlapping or touching ranges joined.
    private static func normalised(_ ranges: [Range]) -> [Range] {
        var result: [Range] = []
        for range in ranges.sorted(by: { $0.start < $1.start }) {
            if let last = result.last, range.start <= last.end {
                result[result.count - 1].end = max(last.end, range.end)
            } else {
                result.append(range)
            }
        }
        return result
    }

    /// Whether the local minute `minute` (0 ..< 1440) of ISO weekday index `weekday` (0 = Monday) is open
    /// (holidays are not this type's business: `BusinessCalendar` applies them).
    public func isOpen(weekday: Int, minute: Int) -> Bool {
        ranges[weekday].contains { minute >= $0.start && minute < $0.end }
    }

    /// Open minutes per week.
    public var minutesPerWeek: Int {
        ranges.reduce(0) { $0 + $1.reduce(0) { $0 + $1.end - $1.start } }
    }

    /// Reads the grammar above, keeping the position for errors.
    private struct Scanner {
        let scalars: [Unicode.Scalar]
        var index = 0

        init(_ scalars: [Unicode.Scalar]) {
            self.scalars = scalars
        }

        var atEnd: Bool { index >= scalars.count }
        var peekText: String {
            atEnd ? "the end" : String(String.UnicodeScalarView(scalars[index..<min(scalars.count, index + 8)]))
        }

        func error(_ message: String, at position: Int? = nil) -> SyntaxError {
            SyntaxError(message: message, position: (position ?? index) + 1)
        }

        mutating func skipSpaces() {
            while !atEnd, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
        }

        mutating func take(_ character: Unicode.Scalar) -> Bool {
            guard !atEnd, scalars[index] == character else { return false }
            index += 1
            return true
        }

        /// Consumes `word` (letters, case-insensitive) when it stands alone.
        mutating func word(caseInsensitive word: String) -> Bool {
            let letters = Array(word.lowercased().unicodeScalars)
            guard index + letters.count <= scalars.count else { return false }
            for (offset, letter) in letters.enumerated()
            where String(scalars[index + offset]).lowercased() != String(letter) {
                return false
            }
            let after = index + letters.count
            if after < scalars.count, scalars[after].properties.isAlphabetic { return false }
            index = after
            return true
        }

        /// `Mo-Fr,Su`: the weekday indexes named (0 = Monday).
        mutating func dayList() throws(SyntaxError) -> [Int] {
            var days: [Int] = []
            repeat {
                skipSpaces()
                let first = try day()
                skipSpaces()
                if take("-") {
                    skipSpaces()
                    let last = try day()
                    var d = first
                    while true {
                        days.append(d)
                        if d == last { break }
                        d = (d + 1) % 7
                    }
                } else {
                    days.append(first)
                }
                skipSpaces()
            } while take(",")
            return days
        }

        mutating func day() throws(SyntaxError) -> Int {
            let start = index
            while !atEnd, scalars[index].properties.isAlphabetic { index += 1 }
            let name = String(String.UnicodeScalarView(scalars[start..<index]))
            guard !name.isEmpty else {
                throw error("expected a day (Mo, Tu, We, Th, Fr, Sa, Su) or 24/7, found '\(peekText)'", at: start)
            }
            guard let day = OpeningHours.dayNames.firstIndex(where: { $0.lowercased() == name.lowercased() }) else {
                throw error("unknown day '\(name)'; expected Mo, Tu, We, Th, Fr, Sa or Su", at: start)
            }
            return day
        }

        /// `08:00-12:00,13:00-17:00`.
        mutating func timeRanges() throws(SyntaxError) -> [Range] {
            var ranges: [Range] = []
            repeat {
                skipSpaces()
                let start = index
                let from = try time()
                skipSpaces()
                guard take("-") else { throw error("expected '-' after the opening time, found '\(peekText)'") }
                skipSpaces()
                let to = try time()
                guard from < 1440 else { throw error("a range cannot open at 24:00", at: start) }
                guard to > from else {
                    throw error("the range closes before it opens; a range cannot cross midnight (write "
                                + "'Fr 22:00-24:00; Sa 00:00-02:00')", at: start)
                }
                ranges.append(Range(start: from, end: to))
                skipSpaces()
            } while take(",")
            return ranges
        }

        /// The ASCII digit at the position, if there is one.
        var digitHere: Int? {
            guard !atEnd, let ascii = UInt8(exactly: scalars[index].value), ascii >= 48, ascii <= 57 else { return nil }
            return Int(ascii - 48)
        }

        /// `H:MM` or `HH:MM`, 00:00 to 24:00, in minutes.
        mutating func time() throws(SyntaxError) -> Int {
            let start = index
            var hours = 0, hourDigits = 0
            while hourDigits < 2, let digit = digitHere {
                hours = hours * 10 + digit
                hourDigits += 1
                index += 1
            }
            guard hourDigits > 0 else { throw error("expected a time such as 08:00 or 'off', found '\(peekText)'", at: start) }
            guard take(":") else { throw error("expected a time such as 08:00 (hours:minutes)", at: start) }
            var minutes = 0, minuteDigits = 0
            while minuteDigits < 2, let digit = digitHere {
                minutes = minutes * 10 + digit
                minuteDigits += 1
                index += 1
            }
            guard minuteDigits == 2 else { throw error("expected two digits of minutes, as in 08:30", at: start) }
            guard minutes < 60, hours < 24 || (hours == 24 && minutes == 0) else {
                throw error("no such time of day: \(hours):\(minuteDigits == 2 && minutes < 10 ? "0" : "")\(minutes) "
                            + "(00:00 to 24:00)", at: start)
            }
            return hours * 60 + minutes
        }
    }
}
