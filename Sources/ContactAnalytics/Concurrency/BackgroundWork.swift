/// Work on a value done on a thread of a `ThreadBudget` while the caller does something else; `wait()` hands
/// the value back. With no thread free, the work is done on the caller's thread when it starts.
///
/// The value is moved, not copied: the caller's variable is left empty and the work holds the only reference to
/// its storage, so a large array is changed in place (no copy-on-write of the whole).
struct BackgroundWork<Value: Sendable>: Sendable {
    private struct Slot: Sendable {
        var value: Value?
        var done = false
    }

    private let slot: Locked<Slot>

    /// Moves `value` out (leaving `empty` in its place) and starts `work` on it.
    init(taking value: inout Value, leaving empty: Value, on threads: ThreadBudget,
         _ work: @escaping @Sendable (inout Value) -> Void) {
        var moved = empty
        swap(&moved, &value)
        guard threads.reserve(upTo: 1) == 1 else {
            work(&moved)
            slot = Locked(Slot(value: consume moved, done: true))
            return
        }
        let slot = Locked(Slot(value: consume moved))
        self.slot = slot
        threads.start(reserved: {
            guard var working = slot.withLock(Self.take) else { return }
            work(&working)
            slot.withLock { $0.value = working }
        }, finished: {
            slot.withLock { $0.done = true }
        })
    }

    private static func take(_ slot: inout Slot) -> Value? {
        var out: Value?
        swap(&out, &slot.value)
        return out
    }

    /// The value once the work is done.
    func wait() -> Value {
        guard let value = slot.withLock(waitingUntil: { $0.done }, Self.take) else {
            preconditionFailure("BackgroundWork.wait() called twice")
        }
        return value
    }
}
