/// Prints a taxonomy as a tree for `contactstat causes`: a heading line, the built-in packs in force (see
/// `TaxonomyPack`), then each first-level group with its
/// display name and its causes, one line each: the rest of the path, the name, the process, `avoidable` or
/// `value`, and the reason. Columns are aligned across the whole taxonomy. Groups and causes keep the
/// taxonomy's order.
public struct TaxonomyTreeFormatter: Sendable {
    public init() {}

    /// The tree, ending with a newline.
    public func format(_ taxonomy: Taxonomy) -> String {
        let causes = taxonomy.causes
        let avoidable = causes.filter(\.avoidable).count
        let groups = taxonomy.groups
        var out = "Taxonomy: \(taxonomy.origin) — \(causes.count) causes in \(groups.count) groups, "
            + "\(avoidable) avoidable, \(taxonomy.rules.count) rules\n"
        if !taxonomy.packs.isEmpty {
            let unused = TaxonomyPack.all.map(\.name).filter { !taxonomy.packs.contains($0) }
            out += "Packs: \(taxonomy.packs.joined(separator: ", "))"
                + (unused.isEmpty ? " (all; choose with the configuration's taxonomy.packs; a report's definitions "
                                    + "list the packs that matched)"
                                  : "; not in force: \(unused.joined(separator: ", "))") + "\n"
        }
        let leafWidth = causes.map { leaf(of: $0).count }.max() ?? 0
        let nameWidth = causes.map(\.name.count).max() ?? 0
        let processWidth = causes.map(\.process.count).max() ?? 0
        for group in groups {
            let members = causes.filter { $0.group == group }
            let heading = taxonomy.groupName(group)
            out += "\n" + (heading == group ? group : "\(group) — \(heading)") + "\n"
            for (i, cause) in members.enumerated() {
                let branch = i == members.count - 1 ? "└─ " : "├─ "
                var line = branch + pad(leaf(of: cause), leafWidth) + "  " + pad(cause.name, nameWidth) + "  "
                    + pad(cause.process, processWidth) + "  " + pad(cause.avoidable ? "avoidable" : "value", 9)
                if !cause.avoidableReason.isEmpty { line += "  " + cause.avoidableReason }
                out += trimmedEnd(line) + "\n"
            }
        }
        return out
    }

    private func leaf(of cause: RootCause) -> String {
        cause.path == cause.group ? cause.path : String(cause.path.dropFirst(cause.group.count + 1))
    }

    private func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }

    private func trimmedEnd(_ s: String) -> String {
        var s = s
        while s.last == " " { s.removeLast() }
        return s
    }
}
