import Testing

@testable import ContactAnalytics

@Suite("CSVByteBuffer")
struct CSVByteBufferTests {
    private func contents(_ buffer: CSVByteBuffer) -> String {
        buffer.withBytes { String(decoding: $0, as: UTF8.self) }
    }

    @Test(arguments: [
        ("plain text", "plain text"),
        ("", ""),
        ("a,b", "\"a,b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("line\nbreak", "\"line\nbreak\""),
        ("carriage\rreturn", "\"carriage\rreturn\""),
        ("\"", "\"\"\"\""),
        ("Missä tilaukseni on?", "Missä tilaukseni on?"),
    ])
    func quotesFieldsExactlyWhenNeeded(field: String, expected: String) {
        let buffer = CSVByteBuffer(capacity: 8)
        Array(field.utf8).withUnsafeBufferPointer { buffer.appendField($0) }
        #expect(contents(buffer) == expected)
    }

    @Test(arguments: [
        (0, 1, "0"), (7, 2, "07"), (42, 1, "42"), (12_345, 8, "00012345"), (-5, 1, "-5"), (-5, 3, "-005"),
        (123_456_789, 3, "123456789"), (Int.max, 1, "9223372036854775807"),
    ])
    func formatsDecimals(value: Int, width: Int, expected: String) {
        let buffer = CSVByteBuffer(capacity: 4)
        buffer.appendDecimal(value, width: width)
        #expect(contents(buffer) == expected)
    }

    @Test(arguments: [
        (Int64(0), "1970-01-01T00:00:00Z"),
        (Int64(1_767_571_200), "2026-01-05T00:00:00Z"),
        (Int64(1_767_604_353), "2026-01-05T09:12:33Z"),
        (Int64(951_782_400), "2000-02-29T00:00:00Z"),
        (Int64(1_709_251_199), "2024-02-29T23:59:59Z"),
        (Int64(1_735_689_599), "2024-12-31T23:59:59Z"),
        (Int64(253_402_300_799), "9999-12-31T23:59:59Z"),
        (Int64(-1), "1969-12-31T23:59:59Z"),
    ])
    func formatsTimestamps(seconds: Int64, expected: String) {
        let buffer = CSVByteBuffer(capacity: 4)
        buffer.appendTimestamp(epochSeconds: seconds)
        #expect(contents(buffer) == expected)
    }

    @Test func growsPastItsCapacityAndDrainsEverything() {
        let buffer = CSVByteBuffer(capacity: 64)
        var expected = ""
        for index in 0..<500 {
            buffer.appendDecimal(index)
            buffer.append(UInt8(ascii: ","))
            expected += "\(index),"
        }
        var drained: [UInt8] = []
        buffer.drain { drained.append(contentsOf: $0) }
        #expect(String(decoding: drained, as: UTF8.self) == expected)
        #expect(buffer.count == 0)
        var calls = 0
        buffer.drain { _ in calls += 1 }
        #expect(calls == 0)
    }
}
