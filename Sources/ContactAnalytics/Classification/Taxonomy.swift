/// The causes contacts are classified into, and the rules that assign them.
///
/// A taxonomy is the built-in default (`builtIn`), the built-in extended by the configuration's `taxonomy`
/// section, or a taxonomy the configuration defines from scratch (`configured(from:)`, read by Configuration).
public struct Taxonomy: Sendable {
    /// The causes, in order: `CauseID` indexes this array.
    public private(set) var causes: [RootCause]
    /// The rules, in declaration order (the classifier sorts them by precedence, see `RootCauseRule`).
    public private(set) var rules: [RootCauseRule]
    /// Display names of first-level groups (`delivery` -> `Order status and delivery`); a group without
    /// one is shown by its key.
    public private(set) var groupNames: [String: String]
    /// Whether matching folds diacritics (`ä` matches `a`). Off by default: in Finnish `ä` is not `a`.
    public private(set) var foldDiacritics: Bool
    /// Where the taxonomy came from, for `contactstat causes` (`built-in`, `built-in + FILE`, `FILE`).
    public private(set) var origin: String
    /// The built-in packs in force (`TaxonomyPack`), in `TaxonomyPack.all` order; empty when the taxonomy does
    /// not extend the built-in one.
    public private(set) var packs: [String]

    private var pathIndex: [String: Int]

    /// The most causes a taxonomy may have: the metrics engine keeps a contact's cause in two bytes.
    public static let maximumCauseCount = 65_534

    /// A validated taxonomy. Throws `ContactStatError(.configuration)` when a path is malformed or repeated, a
    /// path is both a cause and the parent of another cause, or a rule names an unknown cause.
    public init(causes: [RootCause], rules: [RootCauseRule], groupNames: [String: String] = [:],
                foldDiacritics: Bool = false, origin: String = "custom") throws {
        self.init(unchecked: causes, rules: rules, groupNames: groupNames, foldDiacritics: foldDiacritics,
                  origin: origin)
        if let problem = validationProblem() { throw ContactStatError(.configuration, problem) }
    }

    init(unchecked causes: [RootCause], rules: [RootCauseRule], groupNames: [String: String],
         foldDiacritics: Bool, origin: String, packs: [String] = []) {
        self.packs = packs
        self.causes = causes
        self.rules = rules
        self.groupNames = groupNames
        self.foldDiacritics = foldDiacritics
        self.origin = origin
        var index: [String: Int] = [:]
        for (i, cause) in causes.enumerated() where index[cause.path] == nil { index[cause.path] = i }
        self.pathIndex = index
    }

    /// The built-in taxonomy for organisations that sell goods or services online (English, Finnish, some
    /// Swedish), plus public-service requests (English, Spanish). See `BuiltInTaxonomy`.
    public static let builtIn: Taxonomy = BuiltInTaxonomy.make()

    /// The cause with this id, or `nil` for `unclassified` or an id out of range.
    public func cause(_ id: CauseID) -> RootCause? {
        guard let i = id.index, i < causes.count else { return nil }
        return causes[i]
    }

    /// The id of the cause at `path`, or `nil`.
    public func id(of path: String) -> CauseID? {
        pathIndex[path].map { CauseID($0) }
    }

    /// The first-level groups in the order their first cause appears.
    public var groups: [String] {
        var seen: Set<String> = []
        return causes.compactMap { seen.insert($0.group).inserted ? $0.group : nil }
    }

    /// The display name of a group: its configured name or the key itself.
    public func groupName(_ group: String) -> String { groupNames[group] ?? group }

    /// Why `path` is not a valid cause path, or `nil` when it is (see `isValidPath`).
    public static func pathProblem(_ path: String) -> String? {
        isValidPath(path) ? nil : "'\(path)' is not a valid cause path: use lower-case segments of letters, digits, "
            + "'-' and '_', separated by '/'"
    }

    /// `true` when `path` is `segment(/segment)*` with segments of lower-case letters, digits, `-` and `_`.
    public static func isValidPath(_ path: String) -> Bool {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        return !segments.isEmpty && segments.allSatisfy { segment in
            !segment.isEmpty && segment.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
            }
        }
    }

    func validationProblem() -> String? {
        if causes.count > Self.maximumCauseCount {
            return "a taxonomy has at most \(Self.maximumCauseCount) causes; this one has \(causes.count)"
        }
        var seen: Set<String> = []
        for cause in causes {
            if let problem = Self.pathProblem(cause.path) { return problem }
            if !seen.insert(cause.path).inserted { return "the cause '\(cause.path)' is defined twice" }
        }
        for cause in causes {
            var prefix = ""
            for segment in cause.path.split(separator: "/").dropLast() {
                prefix += prefix.isEmpty ? String(segment) : "/\(segment)"
                if seen.contains(prefix) {
                    return "'\(prefix)' is both a cause and the parent of the cause '\(cause.path)'"
                }
            }
        }
        for rule in rules where pathIndex[rule.cause] == nil {
            return "a rule\(rule.label.isEmpty ? "" : " (\(rule.label))") names the unknown cause '\(rule.cause)'"
        }
        return nil
    }
}
