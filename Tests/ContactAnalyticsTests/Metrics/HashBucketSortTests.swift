import Testing
@testable import ContactAnalytics

@Suite struct HashBucketSortTests {
    struct Item: Equatable {
        var hash: UInt64
        var tie: Int
    }

    /// Against the standard sort, for sizes around the cut-over, with many equal hashes (ties decided by the
    /// second key) and hashes crowded into a few buckets.
    @Test(arguments: [0, 1, 100, 4096, 4097, 50_000], [false, true])
    func agreesWithTheStandardSort(count: Int, crowded: Bool) {
        var state: UInt64 = 42
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var items = (0..<count).map { i -> Item in
            let h = next()
            // Crowded: only 8 distinct top-16-bit buckets and 500 distinct hashes.
            return Item(hash: crowded ? (h % 8) << 48 | (h % 500) : h % UInt64(max(1, count / 3)) &* 0x9E37_79B9_7F4A_7C15,
                        tie: i % 17)
        }
        let order: (Item, Item) -> Bool = { $0.hash != $1.hash ? $0.hash < $1.hash : $0.tie < $1.tie }
        let expected = items.sorted(by: order)
        HashBucketSort.sort(&items, hash: { $0.hash }, by: order)
        #expect(items.map(\.hash) == expected.map(\.hash))
        #expect(items.map(\.tie) == expected.map(\.tie))
    }
}
