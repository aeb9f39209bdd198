import Foundation

/// A value shared by several threads, read and changed only under its lock: the one lock type of the library
/// (worker threads gather what they find into a `Locked` value; `ThreadBudget`, `BackgroundWork` and the
/// parallel map wait on one for their threads).
///
/// `withLock(_:)` wakes every thread waiting in `withLock(waitingUntil:_:)` when it returns, so a waiter sees
/// each change.
final class Locked<Value: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` on the value under the lock, then wakes the waiters.
    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        condition.lock()
        defer {
            condition.broadcast()
            condition.unlock()
        }
        return try body(&value)
    }

    /// Waits until `ready` holds for the value, then runs `body` on it under the lock (and wakes the waiters).
    func withLock<Result>(waitingUntil ready: (Value) -> Bool, _ body: (inout Value) throws -> Result) rethrows -> Result {
        condition.lock()
        defer {
            condition.broadcast()
            condition.unlock()
        }
        while !ready(value) { condition.wait() }
        return try body(&value)
    }

    /// A copy of the value, read under the lock.
    var current: Value {
        withLock { $0 }
    }
}
