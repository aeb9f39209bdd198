/// The lower-case, diacritic-free UTF-8 form of every scalar below `ScalarTable.tableLimit`
/// (`ScalarTable.computeFold`), for taxonomies that fold diacritics (`ä` matches `a`). Built once per process on
/// first use, so a run whose rules keep diacritics (the built-in taxonomy's) never pays for it.
struct DiacriticFolds: Sendable {
    static let shared = DiacriticFolds()

    /// `bytes[starts[s]..<starts[s + 1]]` is the folded form of scalar `s` (empty for a combining mark or a
    /// value that is no scalar).
    let starts: [Int32]
    let bytes: [UInt8]

    private init() {
        var starts: [Int32] = [0], bytes: [UInt8] = []
        starts.reserveCapacity(Int(ScalarTable.tableLimit) + 1)
        for value in 0..<ScalarTable.tableLimit {
            if let scalar = Unicode.Scalar(value) { bytes.append(contentsOf: ScalarTable.computeFold(scalar)) }
            starts.append(Int32(bytes.count))
        }
        self.starts = starts
        self.bytes = bytes
    }
}
