/// Builds the customer identity key (`metrics.md`): the customer id, else the e-mail, else the phone number.
///
/// - **Id**: white space trimmed, case **kept** (help desks treat ids as opaque and some are case-sensitive,
///   so `AB12` and `ab12` stay two customers). Empty, punctuation only (`?`, `-`) or a placeholder word
///   (`n/a`, `null`, `none`, `unknown`, ...) -> `nil`: otherwise every contact without a customer would be one
///   customer with thousands of repeats.
/// - **E-mail**: trimmed and lower-cased (the whole address: mailboxes differing only in case are in practice
///   one person). `mailto:` and a display name (`Ann <ann@example.com>`) are removed. Without an `@` between
///   non-empty parts, or with white space inside, -> `nil`.
/// - **Phone**: the digits only, up to the first letter, `,`, `;`, `/` or `#` (so `x12`, `ext. 12` and a second
///   number are dropped); a leading `+` or `00` marks the international form `+<digits>`, and `(0)` after it
///   is dropped (`+358 (0)40 ...`). With `countryCallingCode` configured, a national number becomes
///   international: a leading trunk `0` is replaced (`040 123 4567` -> `+358401234567`), a number already
///   starting with the code and at least 7 more digits is taken as international without the `+`, and any
///   other number gets the code prefixed (`(212) 555-1234` with code 1 -> `+12125551234`). Without a code,
///   national numbers stay digits only. Fewer than 5 or more than 15 digits -> `nil`.
///
/// The three kinds share one key space without prefixes, so a customer id that equals someone's e-mail
/// address is the same customer.
public struct IdentityKey: Sendable {
    /// The default country calling code as digits (`"358"`), or `nil`.
    public let countryCallingCode: String?

    /// A key builder; `countryCallingCode` (1-999, e.g. 358 for Finland, 1 for NANP) turns national phone
    /// numbers into the international form. An out-of-range code is ignored.
    public init(countryCallingCode: Int? = nil) {
        if let countryCallingCode, (1...999).contains(countryCallingCode) {
            self.countryCallingCode = String(countryCallingCode)
        } else {
            self.countryCallingCode = nil
        }
    }

    /// The identity key: the first of id, e-mail, phone that gives one; `nil` = anonymous.
    public func key(customerID: String?, email: String?, phone: String?) -> String? {
        if let customerID, let key = self.customerID(customerID) { return key }
        if let email, let key = self.email(email) { return key }
        if let phone, let key = self.phone(phone) { return key }
        return nil
    }

    /// The id key of a value's UTF-8 bytes.
    public func customerID(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let cursor = ByteCursor(trimming: bytes)
        guard !cursor.isAtEnd else { return nil }
        if PlaceholderValue.isPlaceholder(UnsafeBufferPointer(rebasing: bytes[cursor.index..<cursor.end])) { return nil }
        // In NFC, so an id typed on a Mac (decomposed) is the same customer as one typed on Windows.
        return TextNormalization.string(fromUTF8: UnsafeBufferPointer(rebasing: bytes[cursor.index..<cursor.end]))
    }


    /// The id key of `text`.
    public func customerID(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { customerID($0) }
    }

    /// The e-mail key of a value's UTF-8 bytes.
    public func email(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var cursor = ByteCursor(trimming: bytes)
        var start = cursor.index
        var end = cursor.end
        // `Name <address>`: take what is inside the last angle brackets.
        if end > start, bytes[end - 1] == UInt8(ascii: ">"),
           let open = (start..<end).last(where: { bytes[$0] == UInt8(ascii: "<") }) {
            start = open + 1
            end -= 1
        }
        cursor.index = start
        if cursor.skipWord("mailto:") { start = cursor.index }
        var at: Int?
        var ascii = true
        for index in start..<end {
            let byte = bytes[index]
            if ByteCursor.isSpace(byte) || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") { return nil }
            if byte == UInt8(ascii: "@") { at = index }
            if byte >= 0x80 { ascii = false }
        }
        guard let at, at > start, at < end - 1 else { return nil }
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
        if !ascii { return TextNormalization.string(fromUTF8: slice).lowercased() }
        return String(unsafeUninitializedCapacity: slice.count) { output in
            for (index, byte) in slice.enumerated() {
                output[index] = byte &- 0x41 < 26 ? byte | 0x20 : byte
            }
            return slice.count
        }
    }

    /// The e-mail key of `text`.
    public func email(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { email($0) }
    }

    /// The phone key of a value's UTF-8 bytes.
    public func phone(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var cursor = ByteCursor(trimming: bytes)
        var plus = false
        while !cursor.isAtEnd, !ByteCursor.isDigit(cursor.peek()) {
            if cursor.peek() == UInt8(ascii: "+") { plus = true }
            cursor.index += 1
        }
        var digits: [UInt8] = []
        digits.reserveCapacity(20)
        scan: while !cursor.isAtEnd {
            let byte = cursor.peek()
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits.append(byte)
                guard digits.count <= 18 else { return nil }
            case UInt8(ascii: "("):
                let international = plus || (digits.count >= 2 && digits[0] == UInt8(ascii: "0")
                                             && digits[1] == UInt8(ascii: "0"))
                if international, cursor.peek(1) == UInt8(ascii: "0"), cursor.peek(2) == UInt8(ascii: ")") {
                    cursor.index += 2
                }
            case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: ")"), 0x09, 0xC2, 0xA0:
                break
            default:
                break scan
            }
            cursor.index += 1
        }
        var international = plus
        var national = digits[...]
        if !plus, national.starts(with: [UInt8(ascii: "0"), UInt8(ascii: "0")]) {
            national = national.dropFirst(2)
            international = true
        }
        var prefix: [UInt8] = []
        if !international, let code = countryCallingCode {
            let codeBytes = Array(code.utf8)
            if national.first == UInt8(ascii: "0") {
                national = national.dropFirst()
                prefix = codeBytes
            } else if national.starts(with: codeBytes) && national.count - codeBytes.count >= 7 {
                prefix = []
            } else {
                prefix = codeBytes
            }
            international = true
        }
        guard national.count >= 5, prefix.count + national.count <= 15 else { return nil }
        let count = (international ? 1 : 0) + prefix.count + national.count
        return String(unsafeUninitializedCapacity: count) { output in
            var index = 0
            if international {
                output[0] = UInt8(ascii: "+")
                index = 1
            }
            for byte in prefix {
                output[index] = byte
                index += 1
            }
            for byte in national {
                output[index] = byte
                index += 1
            }
            return index
        }
    }

    /// The phone key of `text`.
    public func phone(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { phone($0) }
    }
}
