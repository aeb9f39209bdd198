/// Reads a satisfaction column into a `CSATResponse`.
///
/// **Numbers**: `4`, `4.0`, `4,5` (decimal comma), `4/5` and `4 / 5` (the denominator must equal the scale's
/// upper bound, else unreadable), and star strings (`★★★★☆` is 4: `★` and `⭐` count, `☆` does not). A score
/// outside the scale is unreadable.
///
/// **Words** (case, diacritics and punctuation ignored; whole value first, then a satisfaction word inside a
/// longer value such as `Good, I'm satisfied`, except when the value holds a negation like `not`, `ei`,
/// `inte`, `no`):
/// - satisfied: good, great, excellent, satisfied, very/extremely/somewhat satisfied, positive, happy,
///   thumbs up, 👍, 🙂, 😀, 😃, 😊, tyytyväinen, erittäin/melko tyytyväinen, hyvä, erinomainen, nöjd,
///   mycket/ganska nöjd, bra, satisfecho, muy satisfecho, bueno, excelente, positivo.
/// - not satisfied: bad, poor, terrible, unsatisfied, dissatisfied, very dissatisfied, not satisfied,
///   neutral, neither satisfied nor dissatisfied, negative, unhappy, thumbs down, 👎, 🙁, ☹️, 😞, 😠,
///   tyytymätön, erittäin tyytymätön, ei tyytyväinen, huono, neutraali, missnöjd, inte nöjd, dålig,
///   insatisfecho, malo, negativo. Neutral answers are responses that are not satisfied.
/// - no response: empty, `offered` and `unoffered` (Zendesk: a survey sent but not answered, or not sent),
///   `not offered`, `no response`, `n/a`, `none`, `null`, `-`, `skipped`, `ei vastausta`, `sin respuesta`.
///
/// `read(_:)` tells "no response" from "unreadable" so the caller warns only about the latter; `parse(_:)`
/// gives `nil` for both.
public struct CSATParser: Sendable {
    /// What one value says.
    public enum Reading: Sendable, Equatable {
        /// A score or a verdict.
        case response(CSATResponse)
        /// The customer did not answer (empty, `offered`, `n/a`, ...).
        case noResponse
        /// The value is not a satisfaction answer on this scale.
        case unreadable
    }

    /// The scale numeric answers are checked against.
    public var scale: CSATScale

    static let satisfiedWords = [
        "good", "great", "excellent", "satisfied", "very satisfied", "extremely satisfied", "somewhat satisfied",
        "positive", "happy", "thumbs up", "good, I'm satisfied", "👍", "🙂", "😀", "😃", "😊",
        "tyytyväinen", "erittäin tyytyväinen", "melko tyytyväinen", "hyvä", "erinomainen",
        "nöjd", "mycket nöjd", "ganska nöjd", "bra", "satisfecho", "muy satisfecho", "bueno", "excelente",
        "positivo",
    ]
    static let unsatisfiedWords = [
        "bad", "poor", "terrible", "unsatisfied", "dissatisfied", "very dissatisfied", "very unsatisfied",
        "extremely dissatisfied", "somewhat dissatisfied", "not satisfied", "neutral",
        "neither satisfied nor dissatisfied", "negative", "unhappy", "thumbs down", "bad, I'm unsatisfied",
        "👎", "🙁", "☹️", "😞", "😠", "tyytymätön", "erittäin tyytymätön", "melko tyytymätön", "ei tyytyväinen",
        "huono", "neutraali", "missnöjd", "mycket missnöjd", "inte nöjd", "dålig", "insatisfecho",
        "muy insatisfecho", "malo", "negativo",
    ]
    static let noResponseWords = [
        "offered", "unoffered", "not offered", "no response", "n/a", "na", "none", "null", "skipped",
        "not answered", "ei vastausta", "sin respuesta",
    ]
    /// Keywords that decide a longer value.
    static let keywords: Set<String> = [
        "good", "great", "excellent", "satisfied", "happy", "tyytyvainen", "nojd", "satisfecho",
        "bad", "poor", "terrible", "unsatisfied", "dissatisfied", "unhappy", "tyytymaton", "missnojd",
        "insatisfecho",
    ]
    /// Words that make the keyword fallback give up.
    static let negations: Set<String> = ["not", "no", "never", "ei", "inte", "sin", "nor", "neither", "isnt"]

    private let words: AliasTable<Bool>
    private let noResponse: AliasTable<Bool>

    /// A parser for `scale` (default 1-5, satisfied at 4).
    public init(scale: CSATScale = .fivePoint) {
        self.scale = scale
        self.words = CSATParser.answerTable
        self.noResponse = CSATParser.noResponseTable
    }

    /// The satisfied (`true`) and unsatisfied (`false`) words, folded once per process (every file of a report
    /// makes a mapper).
    private static let answerTable: AliasTable<Bool> = {
        var words = AliasTable<Bool>()
        for (value, list) in [(true, CSATParser.satisfiedWords), (false, CSATParser.unsatisfiedWords)] {
            for word in list {
                let keyword = CSATParser.keywords.contains(AliasTable<Bool>.foldedKey(word))
                words.add(value, keyword ? .strongKeyword : .exactOnly, [word])
            }
        }
        return words
    }()

    /// The words that mean "no response", folded once per process.
    private static let noResponseTable: AliasTable<Bool> = {
        var noResponse = AliasTable<Bool>()
        noResponse.add(true, .exactOnly, CSATParser.noResponseWords)
        return noResponse
    }()

    /// What a value's UTF-8 bytes say.
    public func read(_ bytes: UnsafeBufferPointer<UInt8>) -> Reading {
        var cursor = ByteCursor(trimming: bytes)
        if cursor.isAtEnd { return .noResponse }
        if ByteCursor.isDigit(cursor.peek()) {
            guard let score = CSATParser.scanScore(&cursor, scale: scale), scale.contains(score) else {
                return .unreadable
            }
            return .response(.score(score))
        }
        let key = AliasTable<Bool>.foldedKey(bytes)
        if key.isEmpty || noResponse.exactMatch(key: key) != nil { return .noResponse }
        if let satisfied = words.exactMatch(key: key) { return .response(.verdict(satisfied)) }
        let text = String(decoding: bytes, as: UTF8.self)
        if let stars = CSATParser.stars(text) {
            return scale.contains(stars) ? .response(.score(stars)) : .unreadable
        }
        let tokens = AliasTable<Bool>.foldedWords(text)
        guard !tokens.contains(where: CSATParser.negations.contains),
              let satisfied = words.keywordMatch(text) else { return .unreadable }
        return .response(.verdict(satisfied))
    }

    /// What `text` says; see `read(_:)` for the bytes.
    public func read(_ text: String) -> Reading {
        var text = text
        return text.withUTF8 { read($0) }
    }

    /// The response in a value's UTF-8 bytes; `nil` for no response and for unreadable values.
    public func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> CSATResponse? {
        if case .response(let response) = read(bytes) { return response }
        return nil
    }

    /// The response in `text`; see `parse(_:)` for the bytes.
    public func parse(_ text: String) -> CSATResponse? {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    /// `N`, `N.N`, `N,N`, optionally `/ D` with `D` equal to the scale's upper bound.
    private static func scanScore(_ cursor: inout ByteCursor, scale: CSATScale) -> Double? {
        guard let score = scanNumber(&cursor) else { return nil }
        let beforeSlash = cursor.index
        cursor.skipSpaces()
        if cursor.skip(UInt8(ascii: "/")) {
            cursor.skipSpaces()
            guard let denominator = scanNumber(&cursor), denominator == scale.upper else { return nil }
        } else {
            cursor.index = beforeSlash
        }
        return cursor.isAtEnd ? score : nil
    }

    private static func scanNumber(_ cursor: inout ByteCursor) -> Double? {
        guard let integer = cursor.number(minDigits: 1, maxDigits: 6) else { return nil }
        let mark = cursor.peek()
        guard (mark == UInt8(ascii: ".") || mark == UInt8(ascii: ",")) && ByteCursor.isDigit(cursor.peek(1)) else {
            return Double(integer)
        }
        cursor.index += 1
        let start = cursor.index
        guard let fraction = cursor.number(minDigits: 1, maxDigits: 9), !ByteCursor.isDigit(cursor.peek())
        else { return nil }
        var divisor = 1.0
        for _ in start..<cursor.index { divisor *= 10 }
        return Double(integer) + Double(fraction) / divisor
    }

    /// The number of filled stars in a value made only of stars (and spaces); `nil` otherwise.
    private static func stars(_ text: String) -> Double? {
        var filled = 0
        var any = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x2605, 0x2B50: filled += 1; any = true
            case 0x2606: any = true
            case 0x20, 0xFE0F: continue
            default: return nil
            }
        }
        return any ? Double(filled) : nil
    }
}
