import Foundation

/// One cause in a taxonomy: why a customer got in touch.
///
/// A cause is identified by its `path`, a `/`-separated list of lower-case segments
/// (`delivery/where-is-my-order`). Reports can roll leaves up to their `group`, the first segment.
public struct RootCause: Sendable, Hashable {
    /// The cause's identifier, e.g. `delivery/where-is-my-order`.
    public let path: String
    /// The display name, e.g. `Where is my order`.
    public var name: String
    /// The business process that owns the cause (Logistics, Billing, ...).
    public var process: String
    /// `true` for failure demand: the contact would not have been needed had the process worked.
    public var avoidable: Bool
    /// One line saying why the cause is (or is not) avoidable.
    public var avoidableReason: String
    /// What contacts of this cause are about.
    public var description: String
    /// The candidate fix for its avoidable contacts (`nil`: none named), and a one-line suggestion for the
    /// process owner (the savings ledger prints both).
    public var fix: CauseFix?
    public var suggestion: String
    /// The first path segment (`delivery` for `delivery/where-is-my-order`); a one-segment path is its own group.
    public let group: String

    /// Makes a cause. `name` defaults to the last path segment with dashes as spaces and a capital first letter.
    public init(path: String, name: String? = nil, process: String, avoidable: Bool, avoidableReason: String = "",
                description: String = "", fix: CauseFix? = nil, suggestion: String = "") {
        self.path = path
        self.group = String(path.split(separator: "/", omittingEmptySubsequences: false).first ?? Substring(path))
        self.name = name ?? RootCause.defaultName(for: path)
        self.process = process
        self.avoidable = avoidable
        self.avoidableReason = avoidableReason
        self.description = description
        self.fix = fix
        self.suggestion = suggestion
    }

    /// The path's last segment (`where-is-my-order`).
    public var leaf: String {
        String(path.split(separator: "/").last ?? Substring(path))
    }

    /// The number of path segments.
    public var depth: Int { path.split(separator: "/").count }

    /// `where-is-my-order` -> `Where is my order`.
    static func defaultName(for path: String) -> String {
        let last = path.split(separator: "/").last.map(String.init) ?? path
        let words = last.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        guard let first = words.first else { return words }
        return first.uppercased() + words.dropFirst()
    }

    /// A cause path in `group` made from any text, not in `used` (then added to it): letters and digits folded
    /// to lower-case ASCII, anything else one `-` (`HEAT/HOT WATER` in `unmapped` -> `unmapped/heat-hot-water`),
    /// `value` when nothing is left or the leaf is `reserved`, numbered (`-2`, `-3`, ...) when taken.
    static func uniquePath(for text: String, in group: String, avoiding used: inout Set<String>,
                           reserved: Set<String> = []) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var slug = ""
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        if slug.isEmpty || reserved.contains(slug) { slug = "value" }
        var path = group + "/" + slug
        var n = 2
        while used.contains(path) {
            path = "\(group)/\(slug)-\(n)"
            n += 1
        }
        used.insert(path)
        return path
    }
}
