import Foundation
import Testing
@testable import ContactAnalytics

/// The budget never lets more threads run than its limit, counts them back, and maps in index order.
@Suite struct ThreadBudgetTests {
    @Test func reservesNoMoreThanTheLimitAndCountsPlacesBack() {
        let budget = ThreadBudget(threads: 3)
        #expect(budget.reserve(upTo: 2) == 2)
        #expect(budget.reserve(upTo: 5) == 1)
        #expect(budget.reserve(upTo: 1) == 0)
        #expect(budget.peak == 3)
        budget.release(3)
        #expect(budget.reserve(upTo: 3, atLeast: 4) == 0) // fewer free than asked for at least: none taken
        #expect(budget.reserve(upTo: 2, atLeast: 2) == 2)
        #expect(budget.reserve(upTo: 2, atLeast: 2) == 0) // one free, two needed
        budget.release(2)
        #expect(budget.peak == 3)
        #expect(ThreadBudget(threads: -4).limit == 0)
    }

    /// By the time a started thread says it is done (`finished`), it no longer holds what its work captured: a
    /// caller that then changes what the work read finds it unique (no copy-on-write of a whole timeline). Here
    /// `finished` stays on its thread a while after it signals, as a thread slow to end would; before the work was
    /// dropped ahead of `finished`, the thread's own closure still held it then.
    @Test func aThreadHoldsNothingOnceItSaysItIsDone() {
        let budget = ThreadBudget(threads: 1)
        #expect(budget.reserve(upTo: 1) == 1)
        var payload = ThreadBudgetTestPayload()
        let done = Locked(false)
        budget.start(reserved: { [payload] in withExtendedLifetime(payload) {} }, finished: {
            done.withLock { $0 = true }
            Thread.sleep(forTimeInterval: 0.2)
        })
        done.withLock(waitingUntil: { $0 }) { _ in }
        #expect(isKnownUniquelyReferenced(&payload))
    }

    /// The same through `map`: once it returns, no helper holds what the iterations captured.
    @Test func mapHoldsNothingOnceItReturns() {
        let budget = ThreadBudget(threads: 2)
        var held = 0
        for _ in 0..<300 {
            var payload = ThreadBudgetTestPayload()
            _ = budget.map(iterations: 2) { [payload] i in withExtendedLifetime(payload) { i } }
            if !isKnownUniquelyReferenced(&payload) { held += 1 }
        }
        #expect(held == 0)
        #expect(budget.reserve(upTo: 2) == 2) // every place given back
    }

    @Test func callerOnlyRunsEverythingOnTheCallingThread() {
        let caller = ObjectIdentifier(Thread.current)
        let onCaller = Locked(true)
        let squares = ThreadBudget.callerOnly.map(iterations: 5) { i in
            if ObjectIdentifier(Thread.current) != caller { onCaller.withLock { $0 = false } }
            return i * i
        }
        #expect(squares == [0, 1, 4, 9, 16])
        #expect(onCaller.current)
        #expect(ThreadBudget.callerOnly.peak == 0)
    }

    /// Eight slow iterations on a budget of two: at most two helpers and the caller run at once, every
    /// iteration runs once, and the results come back in index order.
    @Test func mapRunsAtMostTheLimitBesidesTheCaller() {
        let budget = ThreadBudget(threads: 2)
        let running = Locked((now: 0, most: 0))
        let results = budget.map(iterations: 8) { i in
            running.withLock { r in
                r.now += 1
                r.most = max(r.most, r.now)
            }
            Thread.sleep(forTimeInterval: 0.02)
            running.withLock { $0.now -= 1 }
            return i * 10
        }
        #expect(results == [0, 10, 20, 30, 40, 50, 60, 70])
        #expect(running.current.most <= 3)
        #expect(budget.peak == 2)
        // Every place is free again once map returns.
        #expect(budget.reserve(upTo: 2) == 2)
    }

    /// A map inside a map's iteration finds the budget's only thread taken and runs on its own thread.
    @Test func nestedWorkNeverExceedsTheBudget() {
        let budget = ThreadBudget(threads: 1)
        let sums = budget.map(iterations: 2) { outer in
            budget.map(iterations: 3) { inner in outer * 100 + inner }.reduce(0, +)
        }
        #expect(sums == [3, 303])
        #expect(budget.peak == 1)
    }

    @Test func oneIterationNeedsNoThread() {
        let budget = ThreadBudget(threads: 4)
        #expect(budget.map(iterations: 1) { $0 + 7 } == [7])
        #expect(budget.map(iterations: 0) { $0 } == [])
        #expect(budget.peak == 0)
    }
}

/// Something a `map` iteration captures, to see whether anything still holds it.
private final class ThreadBudgetTestPayload: Sendable {}
