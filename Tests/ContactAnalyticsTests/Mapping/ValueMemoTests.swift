import Testing
@testable import ContactAnalytics

/// `ValueMemo` gives for every raw value what `compute` gives, computes each value once while there is room,
/// and tells apart values that share their first 16 bytes, differ by a zero byte or by length.
@Suite struct ValueMemoTests {
    /// The memo's value for `raw` (its computed value is `raw` upper-cased), counting computations in `computed`.
    static func look(_ memo: inout ValueMemo<String>, _ raw: String, computed: inout Int) -> String {
        Array(raw.utf8).withUnsafeBufferPointer { bytes in
            memo.value(for: bytes) { computed += 1; return String(decoding: $0, as: UTF8.self).uppercased() }
        }
    }

    @Test func eachValueIsComputedOnceAndToldApart() {
        var memo = ValueMemo<String>()
        var computed = 0
        let prefix = "closed by custom"  // 16 bytes
        let values = ["", "open", "Open", "open\u{0}", "opem", "solved", prefix, prefix + "er", prefix + "es",
                      prefix + "er and again", String(prefix.dropLast()), "pending"]
        var wrong = 0
        for _ in 0..<3 {
            for value in values where Self.look(&memo, value, computed: &computed) != value.uppercased() { wrong += 1 }
        }
        #expect(wrong == 0)
        #expect(computed == values.count)
    }

    /// Lent values (`withValue`) are the same as given ones; a full memo computes new values every time and
    /// still finds the values it holds.
    @Test func aFullMemoComputesNewValuesEveryTime() {
        var memo = ValueMemo<String>(capacity: 2)
        var computed = 0
        #expect(Self.look(&memo, "phone", computed: &computed) == "PHONE")
        #expect(Self.look(&memo, "e-mail from the web form", computed: &computed) == "E-MAIL FROM THE WEB FORM")
        #expect(Self.look(&memo, "chat", computed: &computed) == "CHAT")
        #expect(Self.look(&memo, "chat", computed: &computed) == "CHAT")
        #expect(computed == 4)
        let lent = Array("e-mail from the web form".utf8).withUnsafeBufferPointer { bytes in
            memo.withValue(for: bytes, { _ in computed += 1; return "" }) { $0 }
        }
        #expect(lent == "E-MAIL FROM THE WEB FORM")
        #expect(Self.look(&memo, "phone", computed: &computed) == "PHONE")
        #expect(computed == 4)
    }
}
