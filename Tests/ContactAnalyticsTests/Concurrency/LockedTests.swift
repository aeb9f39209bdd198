import Foundation
import Testing
@testable import ContactAnalytics

@Suite struct LockedTests {
    /// Four threads adding 1,000 each under the lock lose no update.
    @Test func updatesFromSeveralThreadsAreNotLost() {
        let total = Locked(0)
        _ = ThreadBudget(threads: 3).map(iterations: 4) { _ in
            for _ in 0..<1000 { total.withLock { $0 += 1 } }
            return 0
        }
        #expect(total.current == 4000)
    }

    /// A waiter wakes once another thread makes its condition true, and sees that thread's value.
    @Test func waitsUntilTheValueIsReady() {
        let box = Locked((ready: false, value: 0))
        let budget = ThreadBudget(threads: 1)
        #expect(budget.reserve(upTo: 1) == 1)
        budget.start(reserved: {
            Thread.sleep(forTimeInterval: 0.02)
            box.withLock { $0 = (true, 42) }
        })
        let seen = box.withLock(waitingUntil: { $0.ready }) { $0.value }
        #expect(seen == 42)
    }

    @Test func throwsFromTheBodyLeaveTheLockFree() {
        struct Refused: Error {}
        let box = Locked([1, 2])
        #expect(throws: Refused.self) { try box.withLock { _ in throw Refused() } }
        box.withLock { $0.append(3) }
        #expect(box.current == [1, 2, 3])
    }
}
