import Testing
@testable import ContactAnalytics

/// A status column's values counted per distinct value and handed to the check once each give the check
/// exactly what one value at a time gives it.
@Suite struct DistinctValueTallyTests {
    private static let statuses = StatusNormalizer()

    private static func readable(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { statuses.status(bytes) != nil }

    /// Feeds `values` as the mapper does: through the tally while new values fit, then the tally flushed (in
    /// the order first seen) and the rest one by one.
    private static func tallied(_ values: [String], capacity: Int) -> ColumnValueCheck {
        var check = ColumnValueCheck(field: .status, column: "Estado")
        var tally = DistinctValueTally(capacity: capacity)
        var tallying = true
        for value in values {
            var value = value
            value.withUTF8 { bytes in
                if tallying {
                    if tally.add(bytes, readable: readable) { return }
                    tally.flush(into: &check)
                    tallying = false
                }
                check.observe(String(decoding: bytes, as: UTF8.self), readable: readable(bytes))
            }
        }
        if tallying { tally.flush(into: &check) }
        return check
    }

    private static func direct(_ values: [String]) -> ColumnValueCheck {
        var check = ColumnValueCheck(field: .status, column: "Estado")
        for value in values {
            var value = value
            value.withUTF8 { check.observe(String(decoding: $0, as: UTF8.self), readable: readable($0)) }
        }
        return check
    }

    @Test(arguments: [1, 2, 3, 32])
    func tallyAndFlushMatchValueByValue(capacity: Int) {
        let values = ["XX", "open", "XX", "YY", "ZZ", "XX", "YY", "solved", "QQ", "RR", "open"]
        let byTally = Self.tallied(values, capacity: capacity)
        let byValue = Self.direct(values)
        #expect(byTally.sampled == 11 && byValue.sampled == 11)
        #expect(byTally.unreadable == 8 && byValue.unreadable == 8)
        let expected = ColumnRefusal(field: .status, column: "Estado",
                                     message: "column 'Estado' not used as status: 8 of 11 sampled values are not statuses (e.g. 'XX', 'YY')")
        #expect(byValue.refusal(categoryIsFree: true) == expected)
        #expect(byTally.refusal(categoryIsFree: true) == expected)
    }

    /// Through the mapper: more distinct values than the tally holds, and a non-ASCII value between them.
    @Test func theAliasCheckCountsEveryValueInOrder() throws {
        let codes = (0..<33).map { "C\($0 < 10 ? "0" : "")\($0)" } + ["C00", "Ö1", "C01"]
        let (mapper, _) = try ColumnValueCheckTests.checked(["Created at", "Estado"], codes.map { ["2024-06-01", $0] })
        #expect(mapper.bindings[.status] == nil)
        #expect(mapper.refusedColumns.map(\.message)
                == ["column 'Estado' not used as status: 36 of 36 sampled values are not statuses (e.g. 'C00', 'C01')"])
    }
}
