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

    /// Digits and separators, interpreted as described above. Two passes over the bytes, no allocation.
    private func number(_ cursor: inout ByteCursor) -> Double? {
        // Pass 1: the extent, and where `.` and `,` occur.
        let start = cursor.index
        var points = 0, commas = 0, separators = 0
        var lastPoint = -1, lastComma = -1, lastSeparator = -1
        while !cursor.isAtEnd {
            let byte = cursor.peek()
            if ByteCursor.isDigit(byte) {
                cursor.index += 1
                continue
            }
            let width = DecimalParser.separatorWidth(cursor)
            guard width > 0, ByteCursor.isDigit(cursor.peek(width)) else { break }
            if byte == UInt8(ascii: ".") {
                points += 1
                lastPoint = cursor.index
            } else if byte == UInt8(ascii: ",") {
                commas += 1
                lastComma = cursor.index
            }
            separators += 1
            lastSeparator = cursor.index
            cursor.index += width
        }
        let end = cursor.index
        guard end > start else { return nil }
        // The decimal mark's position, if any.
        var decimal = -1
        switch decimalMark {
        case .point:
            guard points <= 1 else { return nil }
            decimal = lastPoint
        case .comma:
            guard commas <= 1 else { return nil }
            decimal = lastComma
        case .automatic:
            if points > 0 && commas > 0 {
                decimal = max(lastPoint, lastComma)
                guard (decimal == lastPoint ? points : commas) == 1 else { return nil }
            } else if points + commas == 1 {
                let only = max(lastPoint, lastComma)
                let before = only - start
                let after = end - only - 1
                let groups = separators == 1 && after == 3 && before <= 3
                    && !(before == 1 && cursor.bytes[start] == UInt8(ascii: "0"))
                decimal = groups ? -1 : only
            }
        }
        if decimal >= 0 && decimal != lastSeparator { return nil }
        // Pass 2: digits, checking the grouping of the integer part.
        let integerEnd = decimal >= 0 ? decimal : end
        var mantissa: UInt64 = 0
        var digits = 0
        var groupLength = 0
        var groupCount = 0
        var groupSeparator: UInt8 = 0
        var index = start
        while index < integerEnd {
            let byte = cursor.bytes[index]
            if ByteCursor.isDigit(byte) {
                mantissa = mantissa &* 10 &+ UInt64(byte &- 0x30)
                digits += 1
                groupLength += 1
                index += 1
                continue
            }
            if groupCount == 0 {
                guard groupLength <= 3 else { return nil }
                groupSeparator = byte
            } else {
                guard groupLength == 2 || groupLength == 3, byte == groupSeparator else { return nil }
            }
            groupCount += 1
            groupLength = 0
            index += DecimalParser.separatorWidth(ByteCursor.at(index, in: cursor))
        }
        if groupCount > 0 && groupLength != 3 { return nil }
        var fractionDigits = 0
        if decimal >= 0 {
            for byte in UnsafeBufferPointer(rebasing: cursor.bytes[(decimal + 1)..<end]) {
                mantissa = mantissa &* 10 &+ UInt64(byte &- 0x30)
                fractionDigits += 1
            }
            digits += fractionDigits
        }
        guard digits <= 18 else { return nil }
        if digits <= 15 {
            // Exact mantissa divided by an exact power of ten: one correctly rounded operation.
            var divisor = 1.0
            for _ in 0..<fractionDigits { divisor *= 10 }
            return Double(mantissa) / divisor
        }
        let integer = mantissa / pow10(fractionDigits)
        let fraction = mantissa % pow10(fractionDigits)
        var text = String(integer)
        if fractionDigits > 0 {
            let digitsText = String(fraction)
            text += "." + String(repeating: "0", count: fractionDigits - digitsText.count) + digitsText
        }
        return Double(text)
    }

    private func pow10(_ exponent: Int) -> UInt64 {
        var value: UInt64 = 1
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// The byte length of a separator at the cursor (`.`, `,`, space, `'`, U+00A0, U+202F), or 0.
    private static func separatorWidth(_ cursor: ByteCursor) -> Int {
        switch cursor.peek() {
        case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: " "), UInt8(ascii: "'"): 1
        case 0xC2 where cursor.peek(1) == 0xA0: 2
        case 0xE2 where cursor.peek(1) == 0x80 && cursor.peek(2) == 0xAF: 3
        default: 0
        }
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
