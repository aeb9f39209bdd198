import Testing
@testable import ContactAnalytics

/// The engine's repeats, FCR and channel switches against a deliberately simple quadratic reference that
/// follows `metrics.md` word for word.
@Suite struct RepeatReferenceTests {
    struct Row {
        var index: Int
        var customer: String?
        var time: Int64
        var cause: Int32
        var channel: Channel
    }

    /// A small deterministic generator (SplitMix64).
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    static func rows(seed: UInt64, count: Int) -> [Row] {
        var random = Random(state: seed)
        let start: Int64 = 1_767_571_200
        return (0..<count).map { i in
            let customer = random.below(10) == 0 ? nil : "cust\(random.below(count / 8))"
            // Coarse times (whole hours) so ties in time happen often.
            let time = start + Int64(random.below(60 * 24)) * 3600
            return Row(index: i, customer: customer, time: time, cause: Int32(random.below(6)) - 1,
                       channel: Channel.allCases[random.below(4)])
        }
    }

    struct Reference {
        var repeats = 0, evaluable = 0, resolved = 0
        var switches: [String: Int] = [:]
    }

    static func reference(_ rows: [Row], window: RepeatContactWindow, since: Int64?) -> Reference {
        let dataEnd = rows.map(\.time).max() ?? 0
        func precedes(_ a: Row, _ b: Row) -> Bool { a.time < b.time || (a.time == b.time && a.index < b.index) }
        func matches(_ a: Row, _ b: Row) -> Bool {
            a.index != b.index && a.customer != nil && a.customer == b.customer
                && (window.scope == .any || a.cause == b.cause)
        }
        var result = Reference()
        for b in rows where b.customer != nil && (since.map { b.time >= $0 } ?? true) {
            let earlier = rows.filter { a in matches(a, b) && precedes(a, b) && b.time - a.time <= window.seconds }
            if let repeated = earlier.max(by: { precedes($0, $1) }) {
                result.repeats += 1
                if repeated.channel != b.channel {
                    result.switches["\(repeated.channel.rawValue)>\(b.channel.rawValue)", default: 0] += 1
                }
            }
            if b.time <= dataEnd - window.seconds {
                result.evaluable += 1
                let later = rows.contains { c in matches(b, c) && precedes(b, c) && c.time - b.time <= window.seconds }
                if !later { result.resolved += 1 }
            }
        }
        return result
    }

    @Test(arguments: [(UInt64(1), RepeatContactWindow.Scope.cause, false), (2, .any, false), (3, .cause, true),
                      (4, .any, true)])
    func engineMatchesQuadraticReference(seed: UInt64, scope: RepeatContactWindow.Scope, withSince: Bool) throws {
        let rows = Self.rows(seed: seed, count: 2500)
        let window = RepeatContactWindow(days: 3, scope: scope)
        let since: Int64? = withSince ? 1_767_571_200 + 20 * 86_400 : nil
        var configuration = MetricsConfiguration()
        configuration.window = window
        configuration.since = since
        let causes = (0..<5).map { CauseDescriptor(path: "c/\($0)", name: "\($0)", process: "P", avoidable: $0 % 2 == 0) }
        var engine = ContactMetricsEngine(configuration: configuration, causes: causes)
        for row in rows {
            engine.add(ContactRecord(openedAt: row.time, customer: row.customer, channel: row.channel), cause: row.cause)
        }
        let report = try engine.report(input: InputSummary(files: [], rowsRead: rows.count, rowsRejected: 0,
                                                       duplicatesDropped: 0, fieldWarnings: 0, contactsRead: rows.count))
        let expected = Self.reference(rows, window: window, since: since)
        #expect(expected.repeats > 50) // the data must exercise repeats
        #expect(report.summary.repeats == expected.repeats)
        #expect(report.summary.fcr == Ratio(expected.resolved, of: expected.evaluable))
        var switches: [String: Int] = [:]
        for s in report.channelSwitches { switches["\(s.from.rawValue)>\(s.to.rawValue)"] = s.count }
        #expect(switches == expected.switches)
    }
}
