/// Reads yes/no columns (`answered (Y/N)`, `resolved`, `inbound`, `FCR`) into `Bool`.
///
/// Matching folds case, diacritics, spaces and punctuation and takes the whole value only (no keywords).
/// - `true`: `y`, `yes`, `true`, `t`, `1`, `x`, `on`, `checked`, `✓`, `✔`, `kyllä`, `k`, `joo`, `ja`, `j`,
///   `sí`/`si`, `verdadero`, `v`.
/// - `false`: `n`, `no`, `false`, `f`, `0`, `off`, `unchecked`, `✗`, `✘`, `ei`, `e`, `nej`, `falso`.
/// - Anything else, including the empty value, is `nil`. A column that marks "yes" with `x` and "no" with an
///   empty cell must be read by the caller as `parse(value) ?? false`.
public struct FlagParser: Sendable {
    static let trueWords = ["y", "yes", "true", "t", "1", "x", "on", "checked", "✓", "✔", "kyllä", "k", "joo",
                            "ja", "j", "sí", "verdadero", "v"]
    static let falseWords = ["n", "no", "false", "f", "0", "off", "unchecked", "✗", "✘", "ei", "e", "nej",
                             "falso"]

    private let table: AliasTable<Bool>

    /// A parser with the built-in words plus `trueWords` and `falseWords` (which win over built-ins).
    public init(trueWords: [String] = [], falseWords: [String] = []) {
        var table = AliasTable<Bool>()
        table.add(true, .exactOnly, FlagParser.trueWords)
        table.add(false, .exactOnly, FlagParser.falseWords)
        table.add(true, .exactOnly, trueWords)
        table.add(false, .exactOnly, falseWords)
        self.table = table
    }

    /// The flag of a value's UTF-8 bytes; `nil` when empty or not a yes/no word.
    public func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        table.exactMatch(key: AliasTable<Bool>.foldedKey(bytes))
    }

    /// The flag of `text`; see `parse(_:)` for the bytes.
    public func parse(_ text: String) -> Bool? {
        var text = text
        return text.withUTF8 { parse($0) }
    }
}
