import Foundation
import Testing
@testable import ContactAnalytics

@Suite struct BackgroundWorkTests {
    /// The value moves to the budget's thread (the caller's variable is left empty), is worked on there, and
    /// comes back; the thread's place is free again once `wait()` returns.
    @Test func worksOnTheValueOnAThreadOfTheBudget() {
        let budget = ThreadBudget(threads: 1)
        var values = [5, 3, 9, 1]
        let work = BackgroundWork(taking: &values, leaving: [], on: budget) { $0.sort() }
        #expect(values.isEmpty)
        #expect(work.wait() == [1, 3, 5, 9])
        #expect(budget.peak == 1)
        #expect(budget.reserve(upTo: 1) == 1)
    }

    /// With no thread free the work is done on the caller's thread when it starts.
    @Test func withoutAFreeThreadWorksOnTheCaller() {
        let budget = ThreadBudget(threads: 1)
        #expect(budget.reserve(upTo: 1) == 1)
        let caller = ObjectIdentifier(Thread.current)
        let onCaller = Locked(false)
        var text = "b"
        let work = BackgroundWork(taking: &text, leaving: "", on: budget) { value in
            onCaller.withLock { $0 = ObjectIdentifier(Thread.current) == caller }
            value += "a"
        }
        #expect(onCaller.current)
        #expect(work.wait() == "ba")
        #expect(budget.peak == 1)
    }
}
