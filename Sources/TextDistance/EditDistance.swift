/// Edit distances and "did you mean" suggestions for short names (options, subcommands, values).
///
/// ```swift
/// EditDistance.damerauLevenshtein("fromat", "format")                 // 1 (one transposition)
/// EditDistance.suggestion(for: "fromat", among: ["format", "output"])  // "format"
/// ```
public enum EditDistance {
    /// The optimal-string-alignment Damerau–Levenshtein distance: the number of single-character
    /// insertions, deletions, substitutions and transpositions of adjacent characters turning `a` into
    /// `b` (no substring is edited twice). Compares `Character`s, so it is case-sensitive.
    public static func damerauLevenshtein(_ a: String, _ b: String) -> Int {
        let s = Array(a)
        let t = Array(b)
        if s.isEmpty { return t.count }
        if t.isEmpty { return s.count }
        let width = t.count + 1
        // Three rolling rows: two back (for transpositions), previous and current.
        var twoBack = [Int](repeating: 0, count: width)
        var previous = Array(0...t.count)
        var current = [Int](repeating: 0, count: width)
        for i in 1...s.count {
            current[0] = i
            for j in 1...t.count {
                let cost = s[i - 1] == t[j - 1] ? 0 : 1
                var best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, s[i - 1] == t[j - 2], s[i - 2] == t[j - 1] {
                    best = min(best, twoBack[j - 2] + 1)
                }
                current[j] = best
            }
            swap(&twoBack, &previous)
            swap(&previous, &current)
        }
        return previous[t.count]
    }

    /// The largest distance at which `candidate` is still suggested: one edit per three characters of
    /// the candidate, at least 1 and at most 3 (`map` → 1, `format` → 2, `csv-delimiter` → 3).
    public static func tolerance(for candidate: String) -> Int {
        max(1, min(3, candidate.count / 3))
    }

    /// The candidate the user most probably meant by `input`, or `nil` when none is close enough.
    ///
    /// A candidate qualifies when its distance is at most ``tolerance(for:)`` and smaller than the
    /// input's length; the smallest distance wins, ties go to the earlier candidate. When none
    /// qualifies but exactly one candidate starts with the input (at least two characters), that one
    /// is suggested (`out` → `output`). An exact match is never "suggested".
    public static func suggestion(for input: String, among candidates: [String]) -> String? {
        var best: (name: String, distance: Int)?
        for candidate in candidates where candidate != input {
            let distance = damerauLevenshtein(input, candidate)
            guard distance <= tolerance(for: candidate), distance < input.count else { continue }
            if best == nil || distance < best?.distance ?? Int.max {
                best = (candidate, distance)
            }
        }
        if let best { return best.name }
        guard input.count >= 2 else { return nil }
        let prefixed = candidates.filter { $0 != input && $0.hasPrefix(input) }
        return prefixed.count == 1 ? prefixed[0] : nil
    }
}
