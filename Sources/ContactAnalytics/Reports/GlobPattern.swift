/// A shell-style pattern for the slices a `check` threshold applies to (`cause=billing/*`): `*` matches any
/// run of characters (including `/`), `?` one character, `[abc]`, `[a-z]` and `[!abc]` one character of (or
/// not of) a set; `\` takes the next character literally. Matching ignores case (`Phone` matches `phone`).
public struct GlobPattern: Sendable, Equatable, CustomStringConvertible {
    /// The pattern as written.
    public let text: String
    private let elements: [Element]

    private enum Element: Sendable, Equatable {
        case literal(Character)
        case any
        case anyRun
        case set(ranges: [ClosedRange<Character>], negated: Bool)
    }

    /// Reads `text`; throws `ContactStatError(.usage)` naming what is wrong (empty pattern, `[` without `]`,
    /// an empty set, a range from a higher to a lower character, a trailing `\`).
    public init(_ text: String) throws {
        self.text = text
        guard !text.isEmpty else { throw Self.error(text, "is empty") }
        var elements: [Element] = []
        let characters = Array(text.lowercased())
        var i = 0
        while i < characters.count {
            let c = characters[i]
            switch c {
            case "*":
                if elements.last != .anyRun { elements.append(.anyRun) }
            case "?":
                elements.append(.any)
            case "\\":
                guard i + 1 < characters.count else { throw Self.error(text, "ends with a lone \\") }
                i += 1
                elements.append(.literal(characters[i]))
            case "[":
                var j = i + 1
                var negated = false
                if j < characters.count, characters[j] == "!" || characters[j] == "^" {
                    negated = true
                    j += 1
                }
                var ranges: [ClosedRange<Character>] = []
                var closed = false
                while j < characters.count {
                    let first = characters[j]
                    if first == "]" {
                        closed = true
                        break
                    }
                    if j + 2 < characters.count, characters[j + 1] == "-", characters[j + 2] != "]" {
                        let last = characters[j + 2]
                        guard first <= last else { throw Self.error(text, "has the range \(first)-\(last), high to low") }
                        ranges.append(first...last)
                        j += 3
                    } else {
                        ranges.append(first...first)
                        j += 1
                    }
                }
                guard closed else { throw Self.error(text, "has a [ without its ]") }
                guard !ranges.isEmpty else { throw Self.error(text, "has an empty set []") }
                elements.append(.set(ranges: ranges, negated: negated))
                i = j
            default:
                elements.append(.literal(c))
            }
            i += 1
        }
        self.elements = elements
    }

    private static func error(_ text: String, _ problem: String) -> ContactStatError {
        ContactStatError(.usage, "the pattern '\(text)' \(problem) (patterns use * ? [abc] [a-z] [!abc])")
    }

    /// Whether `name` matches the whole pattern (ignoring case).
    public func matches(_ name: String) -> Bool {
        let characters = Array(name.lowercased())
        // Iterative matching with one backtrack point for the last `*` (linear in practice, no recursion).
        var p = 0, s = 0
        var star: Int?, starMatch = 0
        while s < characters.count {
            if p < elements.count, elements[p] != .anyRun, Self.match(elements[p], characters[s]) {
                p += 1
                s += 1
            } else if p < elements.count, elements[p] == .anyRun {
                star = p
                starMatch = s
                p += 1
            } else if let star {
                p = star + 1
                starMatch += 1
                s = starMatch
            } else {
                return false
            }
        }
        while p < elements.count, elements[p] == .anyRun { p += 1 }
        return p == elements.count
    }

    private static func match(_ element: Element, _ c: Character) -> Bool {
        switch element {
        case .literal(let l): return l == c
        case .any: return true
        case .anyRun: return true
        case .set(let ranges, let negated): return ranges.contains { $0.contains(c) } != negated
        }
    }

    public var description: String { text }
}
