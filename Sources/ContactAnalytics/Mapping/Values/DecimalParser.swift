/// Reads money and other decimal numbers as exports write them: `12.50`, `12,50`, `1 234,56`, `1,234.56`,
/// `1.234,56`, `1'234.56`, `€12.50`, `12,50 €`, `12.50 EUR`, `USD 12.50`.
///
/// - **Currency**: one currency sign (`$`, `£`, `¥`, `¢`, and the Unicode currency block U+20A0-U+20CF such
///   as `€`, `₹`) or one to three letters (`EUR`, `kr`) may precede or follow the number, with or without a
///   space. The currency is not checked.
/// - **Grouping and decimal mark**: spaces, no-break spaces (U+00A0, U+202F) and `'` always group thousands.
///   With `decimalMark` `.automatic`, when both `.` and `,` occur the last one is the decimal mark; when one of
///   them occurs several times it groups; when it occurs once it is the decimal mark, **except** that a lone
///   separator followed by exactly three digits after a non-zero integer part of one to three digits groups
///   (`1,234` and `1.234` are 1234; `0,125` is 0.125; `12,50` is 12.5). Set `.point` or `.comma` to remove the
///   guess. Groups after the first must have three digits (two are allowed before the last, for `1,23,456`).
/// - **Sign**: `-` (or U+2212) before the number or the currency, or accounting parentheses `(12.50)`. Negative
///   values are returned only when `allowsNegative` is set (default off: a contact cannot cost less than
///   nothing, so a negative cost is an unreadable value to report, not a number to sum).
/// - Anything else, including an empty value, gives `nil`.
public struct DecimalParser: Sendable {
    /// Which character separates the fraction.
    public enum DecimalMark: String, Sendable, CaseIterable, Hashable {
        /// Decided per value (see the type's documentation).
        case automatic
        /// `.` is the decimal mark; `,` groups.
        case point
        /// `,` is the decimal mark; `.` groups.
        case comma
    }

    /// How the decimal mark is chosen.
    public var decimalMark: DecimalMark
    /// Whether negative values are returned (otherwise they are unreadable).
    public var allowsNegative: Bool

    /// A parser; by default it guesses the decimal mark and rejects negative values.
    public init(decimalMark: DecimalMark = .automatic, allowsNegative: Bool = false) {
        self.decimalMark = decimalMark
        self.allowsNegative = allowsNegative
    }

    /// The number in a value's UTF-8 bytes, or `nil`.
    public func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var cursor = ByteCursor(trimming: bytes)
        var negative = false
        var parenthesis = false
        var currency = false
        // Prefix: sign and currency in either order.
        while !cursor.isAtEnd && !ByteCursor.isDigit(cursor.peek()) {
            let byte = cursor.peek()
            if (byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",")) && ByteCursor.isDigit(cursor.peek(1)) {
                break
            }
            if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "(") {
                guard !negative, !parenthesis else { return nil }
                negative = byte != UInt8(ascii: "+")
                parenthesis = byte == UInt8(ascii: "(")
                cursor.index += 1
            } else if byte == 0xE2, cursor.peek(1) == 0x88, cursor.peek(2) == 0x92 {
                guard !negative else { return nil }
                negative = true
                cursor.index += 3
            } else if !currency, DecimalParser.skipCurrency(&cursor) {
                currency = true
            } else {
                return nil
            }
            cursor.skipSpaces()
        }
        guard let magnitude = number(&cursor) else { return nil }
        // Suffix: currency, closing parenthesis.
        cursor.skipSpaces()
        if !currency, DecimalParser.skipCurrency(&cursor) { cursor.skipSpaces() }
        if parenthesis {
            guard cursor.skip(UInt8(ascii: ")")) else { return nil }
            cursor.skipSpaces()
            if !currency { _ = DecimalParser.skipCurrency(&cursor) }
        }
        guard cursor.isAtEnd else { return nil }
        if negative && magnitude != 0 {
            return allowsNegative ? -magnitude : nil
        }
        return magnitude
    }

    /// The number in `text`; see `parse(_:)` for the bytes.
    public func parse(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    /// Digits and separators, interpreted as described above.
    private func number(_ cursor: inout ByteCursor) -> Double? {
        // Collect digit groups and the separator before each group (0 = none, 0x20 = a space-like one).
        var digits = [UInt8]()
        digits.reserveCapacity(24)
        var groupLengths: [Int] = [0]
        var separators: [UInt8] = []
        while !cursor.isAtEnd {
            let byte = cursor.peek()
            if ByteCursor.isDigit(byte) {
                digits.append(byte)
                groupLengths[groupLengths.count - 1] += 1
                cursor.index += 1
                continue
            }
            var separator: UInt8 = 0
            var width = 1
            switch byte {
            case UInt8(ascii: "."), UInt8(ascii: ","): separator = byte
            case UInt8(ascii: " "), UInt8(ascii: "'"): separator = 0x20
            case 0xC2 where cursor.peek(1) == 0xA0: separator = 0x20; width = 2
            case 0xE2 where cursor.peek(1) == 0x80 && cursor.peek(2) == 0xAF: separator = 0x20; width = 3
            default: break
            }
            guard separator != 0, ByteCursor.isDigit(cursor.peek(width)) else { break }
            separators.append(separator)
            groupLengths.append(0)
            cursor.index += width
        }
        guard !digits.isEmpty, digits.count <= 18 else { return nil }
        // Decide which separator (if any) is the decimal mark: its index in `separators`.
        var decimalIndex: Int?
        let points = separators.indices.filter { separators[$0] == UInt8(ascii: ".") }
        let commas = separators.indices.filter { separators[$0] == UInt8(ascii: ",") }
        switch decimalMark {
        case .point: decimalIndex = points.last
        case .comma: decimalIndex = commas.last
        case .automatic:
            if let point = points.last, let comma = commas.last {
                decimalIndex = max(point, comma)
            } else if let only = points.last ?? commas.last, points.count + commas.count == 1 {
                let after = groupLengths[only + 1]
                let before = groupLengths[0]
                let groupsThousands = only == separators.count - 1 && after == 3 && separators.count == 1
                    && before <= 3 && !(before == 1 && digits[0] == UInt8(ascii: "0"))
                decimalIndex = groupsThousands ? nil : only
            }
        }
        if let decimalIndex {
            // The decimal mark must be the last separator and occur once.
            guard decimalIndex == separators.count - 1,
                  separators.filter({ $0 == separators[decimalIndex] }).count == 1 else { return nil }
        }
        // Grouping check over the integer groups.
        let integerGroups = decimalIndex.map { Array(groupLengths[0...$0]) } ?? groupLengths
        if integerGroups.count > 1 {
            guard integerGroups[0] >= 1, integerGroups[0] <= 3, integerGroups.last == 3,
                  integerGroups.dropFirst().allSatisfy({ $0 == 2 || $0 == 3 }) else { return nil }
            let groupSeparators = separators[0..<(integerGroups.count - 1)]
            guard let firstSeparator = groupSeparators.first,
                  groupSeparators.allSatisfy({ $0 == firstSeparator }) else { return nil }
        }
        let fractionLength = decimalIndex.map { groupLengths[$0 + 1] } ?? 0
        let integerLength = digits.count - fractionLength
        var text = String(decoding: digits[0..<integerLength], as: UTF8.self)
        if fractionLength > 0 {
            text += "."
            text += String(decoding: digits[integerLength...], as: UTF8.self)
        }
        return Double(text)
    }

    /// Consumes one currency sign or a run of one to three ASCII letters.
    private static func skipCurrency(_ cursor: inout ByteCursor) -> Bool {
        let byte = cursor.peek()
        switch byte {
        case UInt8(ascii: "$"):
            cursor.index += 1
            return true
        case 0xC2 where cursor.peek(1) == 0xA2 || cursor.peek(1) == 0xA3 || cursor.peek(1) == 0xA5:
            cursor.index += 2
            return true
        case 0xE2 where cursor.peek(1) == 0x82 && cursor.peek(2) >= 0xA0 && cursor.peek(2) <= 0xBF,
             0xE2 where cursor.peek(1) == 0x83 && cursor.peek(2) >= 0x80 && cursor.peek(2) <= 0x8F:
            cursor.index += 3
            return true
        default:
            let start = cursor.index
            let letters = cursor.skipLetters()
            if letters >= 1 && letters <= 3 && !(cursor.peek() >= 0x80) { return true }
            cursor.index = start
            return false
        }
    }
}
