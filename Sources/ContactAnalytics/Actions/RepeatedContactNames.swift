/// How `classify`'s `repeat_of` names the contact a repeat repeats: its contact id, or `#N` (its data row in
/// the output, from 1) when it has none. Only the ids of repeated contacts are kept. When every repeated
/// contact comes before its repeat in the input, the ids are noted while the rows are written; otherwise
/// (`needsEarlierPass`) a pass over the input notes them first.
struct RepeatedContactNames {
    /// Per contact index: its data row in the output (dropped duplicates are not written).
    private var rows: [Int: Int] = [:]
    private var ids: [Int: String] = [:]
    /// Some contact repeats one that comes later in the input.
    let needsEarlierPass: Bool

    init(audit: [ContactAuditEntry], duplicates: [Bool]) {
        var needed = Set<Int>()
        var forward = false
        for (index, entry) in audit.enumerated() {
            if let target = entry.repeatOf {
                needed.insert(target)
                if target > index { forward = true }
            }
        }
        var row = 0
        for index in audit.indices where !(index < duplicates.count && duplicates[index]) {
            row += 1
            if needed.contains(index) { rows[index] = row }
        }
        needsEarlierPass = forward
    }

    /// Notes the id of contact `index` when a repeat names it.
    mutating func note(_ id: String?, index: Int) {
        guard rows[index] != nil, ids[index] == nil, let id, !id.isEmpty else { return }
        ids[index] = id
    }

    /// The name of contact `index` in `repeat_of`.
    func name(of index: Int) -> String {
        ids[index] ?? rows[index].map { "#\($0)" } ?? ""
    }
}
