/// What one counted contact adds to each of its slices (`SliceAggregates.contribute`): the `MetricAccumulator`
/// counts it sets, each to its `sign` (one bit each, by the count's place among the accumulator's counts), and the
/// exact sums it adds (by their byte offsets).
///
/// A contact sets some five to twelve of the accumulator's 29 counts and two or three of its five sums, and goes
/// into five or six rows of `SliceAggregates` (its (channel, priority, language) triple, cause, queue, agent,
/// period, and the hour of a call). Adding a whole accumulator to each row adds every field, zeros too;
/// `add(to:rows:)` adds only the fields listed, each to all the rows given in a row (no branch on the fields per
/// row; the counts' bits walked lowest first). Counts and sums add exactly (whole numbers, `ExactSum`), so the
/// rows hold what whole accumulators merged would give.
struct MetricContribution {
    /// 1 (added) or -1 (taken back).
    let sign: Int
    /// The counts set: bit `i` for the count `i` words after `contacts` (`MetricAccumulator`'s counts are one run
    /// of words from there; 64 bits are room for every count it has).
    private var countBits: UInt64 = 0
    /// How many counts are set.
    var countsSet: Int { countBits.nonzeroBitCount }
    /// The byte offsets of the sums added, and their values (the first `sumsAdded` of each; room for 8).
    private var sumOffsets: (UInt16, UInt16, UInt16, UInt16, UInt16, UInt16, UInt16, UInt16) = (0, 0, 0, 0, 0, 0, 0, 0)
    private var sumValues = (ExactSum(), ExactSum(), ExactSum(), ExactSum(), ExactSum(), ExactSum(), ExactSum(),
                             ExactSum())
    private(set) var sumsAdded = 0

    /// Room for this many sums: a place past them wraps around (`& (capacity - 1)`), so no write leaves the
    /// storage; `SliceAggregates.contribute` lists each of the accumulator's 5 sums at most once.
    static let sumCapacity = 8

    @inline(__always)
    init(sign: Int) {
        self.sign = sign
    }

    /// Sets `field` to `sign` when `condition` holds. `field` must be a count of the accumulator's own (a stored
    /// property), each at most once.
    @inline(__always)
    mutating func count(_ field: KeyPath<MetricAccumulator, Int>, if condition: Bool = true) {
        // Resolved at compile time for a literal key path (the functions are inlined); no branch on `condition`.
        let word = (Self.offset(of: field) &- Self.firstCount) &>> 3
        precondition(word >= 0 && word < 64, "MetricContribution: \(field) is not one of the counts")
        countBits |= UInt64(condition ? 1 : 0) &<< UInt64(truncatingIfNeeded: word)
    }

    /// The byte offset of the first count, `contacts`.
    @inline(__always)
    private static var firstCount: Int { offset(of: \MetricAccumulator.contacts) }

    /// Adds `value` (already signed) to the sum `field` when `condition` holds; each sum at most once.
    @inline(__always)
    mutating func sum(_ field: KeyPath<MetricAccumulator, ExactSum>, _ value: ExactSum, if condition: Bool = true) {
        let offset = Self.offset(of: field)
        assert(sumsAdded < Self.sumCapacity, "MetricContribution: more sums than sumCapacity")
        let n = sumsAdded & (Self.sumCapacity - 1)
        withUnsafeMutableBytes(of: &sumOffsets) {
            $0.storeBytes(of: UInt16(truncatingIfNeeded: offset), toByteOffset: n &* 2, as: UInt16.self)
        }
        withUnsafeMutableBytes(of: &sumValues) {
            $0.storeBytes(of: value, toByteOffset: n &* MemoryLayout<ExactSum>.stride, as: ExactSum.self)
        }
        sumsAdded = n &+ (condition ? 1 : 0)
    }

    /// The byte offset of `field` in `MetricAccumulator`; stops the program if it is no stored property (a
    /// computed one has no place to add to).
    @inline(__always)
    private static func offset<Value>(of field: KeyPath<MetricAccumulator, Value>) -> Int {
        guard let offset = MemoryLayout<MetricAccumulator>.offset(of: field) else {
            preconditionFailure("MetricContribution: \(field) is not a stored property of MetricAccumulator")
        }
        return offset
    }

    /// Adds the listed counts and sums to the eight accumulators `table[rows.0]` ... `table[rows.7]`, which must
    /// be eight different places in `table`.
    @inline(__always)
    func add(to table: UnsafeMutableBufferPointer<MetricAccumulator>,
             rows: (Int, Int, Int, Int, Int, Int, Int, Int)) {
        add(to: table, rows: rows, count: 8)
    }

    /// The same for seven accumulators.
    @inline(__always)
    func add(to table: UnsafeMutableBufferPointer<MetricAccumulator>, rows: (Int, Int, Int, Int, Int, Int, Int)) {
        add(to: table, rows: (rows.0, rows.1, rows.2, rows.3, rows.4, rows.5, rows.6, rows.0), count: 7)
    }

    /// The same for six accumulators (`SliceAggregates.contribute`: a contact with an hour).
    @inline(__always)
    func add(to table: UnsafeMutableBufferPointer<MetricAccumulator>, rows: (Int, Int, Int, Int, Int, Int)) {
        add(to: table, rows: (rows.0, rows.1, rows.2, rows.3, rows.4, rows.5, rows.0, rows.0), count: 6)
    }

    /// The same for five accumulators (`SliceAggregates.contribute`: a contact with no hour).
    @inline(__always)
    func add(to table: UnsafeMutableBufferPointer<MetricAccumulator>, rows: (Int, Int, Int, Int, Int)) {
        add(to: table, rows: (rows.0, rows.1, rows.2, rows.3, rows.4, rows.0, rows.0, rows.0), count: 5)
    }

    /// Adds to the first `count` (5 to 8) of `rows.0` ... `rows.7` (a constant where this is inlined, so the
    /// tests on it go).
    @inline(__always)
    private func add(to table: UnsafeMutableBufferPointer<MetricAccumulator>,
                     rows: (Int, Int, Int, Int, Int, Int, Int, Int), count: Int) {
        guard let start = table.baseAddress else { return }
        let base = UnsafeMutableRawPointer(start), stride = MemoryLayout<MetricAccumulator>.stride
        let r0 = base + rows.0 &* stride, r1 = base + rows.1 &* stride, r2 = base + rows.2 &* stride
        let r3 = base + rows.3 &* stride, r4 = base + rows.4 &* stride, r5 = base + rows.5 &* stride
        let r6 = base + rows.6 &* stride, r7 = base + rows.7 &* stride
        let sign = self.sign, firstCount = Self.firstCount
        var bits = countBits
        while bits != 0 {
            let offset = firstCount &+ bits.trailingZeroBitCount &* 8
            bits &= bits &- 1
            do {
                (r0 + offset).assumingMemoryBound(to: Int.self).pointee &+= sign
                (r1 + offset).assumingMemoryBound(to: Int.self).pointee &+= sign
                (r2 + offset).assumingMemoryBound(to: Int.self).pointee &+= sign
                (r3 + offset).assumingMemoryBound(to: Int.self).pointee &+= sign
                (r4 + offset).assumingMemoryBound(to: Int.self).pointee &+= sign
                if count > 5 { (r5 + offset).assumingMemoryBound(to: Int.self).pointee &+= sign }
                if count > 6 { (r6 + offset).assumingMemoryBound(to: Int.self).pointee &+= sign }
                if count > 7 { (r7 + offset).assumingMemoryBound(to: Int.self).pointee &+= sign }
            }
        }
        withUnsafeBytes(of: sumOffsets) { offsets in
            withUnsafeBytes(of: sumValues) { values in
                for k in 0..<sumsAdded {
                    let offset = Int(offsets.load(fromByteOffset: k &* 2, as: UInt16.self))
                    let value = values.load(fromByteOffset: k &* MemoryLayout<ExactSum>.stride, as: ExactSum.self)
                    (r0 + offset).assumingMemoryBound(to: ExactSum.self).pointee.add(value)
                    (r1 + offset).assumingMemoryBound(to: ExactSum.self).pointee.add(value)
                    (r2 + offset).assumingMemoryBound(to: ExactSum.self).pointee.add(value)
                    (r3 + offset).assumingMemoryBound(to: ExactSum.self).pointee.add(value)
                    (r4 + offset).assumingMemoryBound(to: ExactSum.self).pointee.add(value)
                    if count > 5 { (r5 + offset).assumingMemoryBound(to: ExactSum.self).pointee.add(value) }
                    if count > 6 { (r6 + offset).assumingMemoryBound(to: ExactSum.self).pointee.add(value) }
                    if count > 7 { (r7 + offset).assumingMemoryBound(to: ExactSum.self).pointee.add(value) }
                }
            }
        }
    }
}
