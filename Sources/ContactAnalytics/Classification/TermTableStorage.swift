/// The frozen tables of a `TermAutomaton` in memory of their own: allocated once by `freeze`, never written
/// after, freed with the last automaton that holds them.
///
/// The tables used to be five arrays inside the automaton, so every copy of the automaton (one per field a
/// contact's rules read, to reach the tables as pointers) retained and released each of them, and every walk
/// went through nested `withUnsafeBufferPointer` closures. Now a copy retains one object, and `tables` hands out
/// pointers that stay valid as long as this object lives.
final class TermTableStorage: @unchecked Sendable {
    // @unchecked: the memory is written only in `init`, then only read; it is freed in `deinit`, when no
    // automaton holds this object any more.
    let byteClass: UnsafeMutablePointer<UInt8>
    let asciiClasses: UnsafeMutablePointer<UInt8>
    let stepClasses: UnsafeMutablePointer<UInt8>
    let keyClasses: UnsafeMutablePointer<UInt8>
    let termStarts: UnsafeMutablePointer<UInt64>
    /// The automaton's `TermKeyFilter`.
    let keyFilter: TermKeyFilter
    let cells: UnsafeMutablePointer<UInt32>
    let prefixTerms: UnsafeMutablePointer<Int32>
    let exactTerms: UnsafeMutablePointer<Int32>
    /// The number of cells (and of entries of `prefixTerms` and `exactTerms`).
    let cellCount: Int

    /// Copies the tables. `byteClass`, `stepClasses` and `keyClasses` have 256 entries, `asciiClasses` 128 and
    /// `termStarts` 4 (256 bits); `prefixTerms` and `exactTerms` have one entry per cell.
    init(byteClass: [UInt8], asciiClasses: [UInt8], stepClasses: [UInt8], keyClasses: [UInt8], termStarts: [UInt64],
         keyFilter: TermKeyFilter, cells: [UInt32], prefixTerms: [Int32], exactTerms: [Int32]) {
        precondition(byteClass.count == 256 && asciiClasses.count == 128 && stepClasses.count == 256
                     && keyClasses.count == 256 && termStarts.count == 4 && prefixTerms.count == cells.count
                     && exactTerms.count == cells.count && !cells.isEmpty,
                     "TermTableStorage: tables of inconsistent sizes")
        self.byteClass = Self.copy(byteClass)
        self.asciiClasses = Self.copy(asciiClasses)
        self.stepClasses = Self.copy(stepClasses)
        self.keyClasses = Self.copy(keyClasses)
        self.termStarts = Self.copy(termStarts)
        self.keyFilter = keyFilter
        self.cells = Self.copy(cells)
        self.prefixTerms = Self.copy(prefixTerms)
        self.exactTerms = Self.copy(exactTerms)
        cellCount = cells.count
    }

    deinit {
        byteClass.deallocate()
        asciiClasses.deallocate()
        stepClasses.deallocate()
        keyClasses.deallocate()
        termStarts.deallocate()
        cells.deallocate()
        prefixTerms.deallocate()
        exactTerms.deallocate()
    }

    private static func copy<T>(_ values: [T]) -> UnsafeMutablePointer<T> {
        let pointer = UnsafeMutablePointer<T>.allocate(capacity: values.count)
        pointer.initialize(from: values, count: values.count)
        return pointer
    }

    /// The tables as pointers, valid while this object lives (`TermMatches` holds it for as long as it walks).
    var tables: TermAutomaton.Tables {
        TermAutomaton.Tables(asciiClasses: asciiClasses, stepClasses: stepClasses, keyClasses: keyClasses,
                             termStarts: termStarts, cells: cells, prefixTerms: prefixTerms, exactTerms: exactTerms)
    }
}
