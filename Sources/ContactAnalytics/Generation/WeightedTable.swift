/// Picks an index with probability proportional to integer weights in constant time, through a lookup
/// table with one entry per unit of weight (so keep the total small, e.g. at most a few thousand).
struct WeightedTable: Sendable {
    private let lookup: [UInt8]

    /// A table over `weights`; index `i` is picked with probability `weights[i] / weights.sum()`.
    /// Negative weights count as zero; at most 256 indices.
    init(_ weights: [Int]) {
        var lookup: [UInt8] = []
        for (index, weight) in weights.prefix(256).enumerated() where weight > 0 {
            lookup.append(contentsOf: repeatElement(UInt8(truncatingIfNeeded: index), count: weight))
        }
        self.lookup = lookup.isEmpty ? [0] : lookup
    }

    /// One weighted pick, using one uniform draw from `generator`.
    @inline(__always)
    func pick(using generator: inout SeededGenerator) -> Int {
        Int(lookup[generator.uniform(lookup.count)])
    }
}
