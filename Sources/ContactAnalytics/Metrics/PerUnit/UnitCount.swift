/// Reads a volume file's unit value: a non-negative number whose thousands separators and decimal mark are
/// unambiguous. Spaces (also no-break), `'` and `_` group digits; when both `,` and `.` occur, the last one is
/// the decimal mark and the other groups (`1,234.5`, `1.234,5`); one of them occurring several times groups
/// (`1,234,567`); once, it is the decimal mark (`12,5`, `0.125`), unless exactly three digits follow it after one
/// to three digits (`1,234`, `1.234`): that could be a thousand or a decimal, and is refused. Groups after the
/// first have three digits. The number itself is read by `DecimalParser` once the marks are settled.
enum UnitCount {
    enum Reading: Equatable {
        case value(Double)
        /// Why the text is refused, completing "'TEXT' in column 'orders' ...".
        case problem(String)
    }

    static func parse(_ text: String) -> Reading {
        var digitsAndMarks: [UInt8] = []
        for scalar in text.unicodeScalars {
            switch scalar {
            case "0"..."9", ",", ".": digitsAndMarks.append(UInt8(scalar.value))
            case " ", "'", "_", "\u{A0}", "\u{202F}": continue
            case "-", "\u{2212}": return .problem("is negative: a volume is a count of zero or more")
            default: return .problem("is not a number")
            }
        }
        guard digitsAndMarks.contains(where: { $0 != UInt8(ascii: ",") && $0 != UInt8(ascii: ".") }) else {
            return .problem("is not a number")
        }
        let commas = digitsAndMarks.filter { $0 == UInt8(ascii: ",") }.count
        let points = digitsAndMarks.filter { $0 == UInt8(ascii: ".") }.count
        let mark: DecimalParser.DecimalMark
        if commas > 0 && points > 0 {
            guard let last = digitsAndMarks.lastIndex(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ".") }),
                  (digitsAndMarks[last] == UInt8(ascii: ",") ? commas : points) == 1 else {
                return .problem("is not a number: the decimal mark occurs more than once")
            }
            mark = digitsAndMarks[last] == UInt8(ascii: ",") ? .comma : .point
        } else if commas + points > 1 {
            mark = commas > 0 ? .point : .comma
        } else if commas + points == 1 {
            let at = digitsAndMarks.firstIndex(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ".") }) ?? 0
            let before = at, after = digitsAndMarks.count - at - 1
            if after == 3, (1...3).contains(before), digitsAndMarks[0] != UInt8(ascii: "0") {
                let whole = String(decoding: digitsAndMarks.filter { $0 != UInt8(ascii: ",") && $0 != UInt8(ascii: ".") }, as: UTF8.self)
                let decimal = String(decoding: digitsAndMarks[..<at], as: UTF8.self) + "."
                    + String(decoding: digitsAndMarks[(at + 1)...], as: UTF8.self)
                return .problem("is ambiguous (\(whole) or \(decimal)?): write it without a thousands separator "
                                + "(\(whole)) or with a fourth decimal place (\(decimal)0)")
            }
            mark = commas > 0 ? .comma : .point
        } else {
            mark = .point
        }
        let cleaned = digitsAndMarks
        let value = cleaned.withUnsafeBufferPointer { DecimalParser(decimalMark: mark).parse($0) }
        guard let value, value.isFinite else { return .problem("is not a number") }
        return .value(value)
    }
}
