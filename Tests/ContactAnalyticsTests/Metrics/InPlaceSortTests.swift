import Testing
@testable import ContactAnalytics

/// The in-place introsort against the standard sort, on inputs that exercise every path: short ranges
/// (insertion sort), long ones (quicksort), many equal keys, already sorted and reversed input, and heapsort
/// (forced by a depth limit of zero, or one level).
@Suite struct InPlaceSortTests {
    static func inputs() -> [(String, [Int])] {
        var generator = SeededGenerator(seed: 7)
        var cases: [(String, [Int])] = [("empty", []), ("one", [5]), ("two", [2, 1])]
        for n in [3, 23, 24, 25, 100, 1_000, 20_000] {
            cases.append(("random \(n)", (0..<n).map { _ in Int(generator.next() % 1_000_000) }))
            cases.append(("few keys \(n)", (0..<n).map { _ in Int(generator.next() % 3) }))
            cases.append(("sorted \(n)", Array(0..<n)))
            cases.append(("reversed \(n)", Array((0..<n).reversed())))
            cases.append(("organ pipe \(n)", (0..<n).map { min($0, n - $0) }))
            cases.append(("equal \(n)", [Int](repeating: 4, count: n)))
        }
        return cases
    }

    @Test(arguments: [nil, 0, 1] as [Int?])
    func sortsLikeTheStandardSort(depthLimit: Int?) {
        for (name, input) in Self.inputs() {
            var sorted = input
            sorted.withUnsafeMutableBufferPointer { InPlaceSort.sort($0, depthLimit: depthLimit, by: <) }
            #expect(sorted == input.sorted(), "\(name), depth limit \(String(describing: depthLimit))")
        }
    }

    /// Pairs compared on the first element only: with unique keys (the second part) the result is the one
    /// possible order, as for the timeline.
    @Test func uniqueKeysGiveTheOneOrder() {
        var generator = SeededGenerator(seed: 11)
        let input = (0..<50_000).map { (key: Int(generator.next() % 100), index: $0) }
        var sorted = input
        sorted.withUnsafeMutableBufferPointer { buffer in
            InPlaceSort.sort(buffer) { a, b in a.key != b.key ? a.key < b.key : a.index < b.index }
        }
        let expected = input.sorted { a, b in a.key != b.key ? a.key < b.key : a.index < b.index }
        #expect(sorted.map(\.index) == expected.map(\.index))
    }
}
