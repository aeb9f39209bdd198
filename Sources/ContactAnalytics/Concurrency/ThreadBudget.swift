import Foundation

/// The threads one run may use besides its calling thread: `--threads N`. Every stage that works in parallel
/// takes its threads from the run's one budget: the ingest workers (`ParallelBatches`), the timeline sort that
/// runs while duplicates are settled (`BackgroundWork`), the two halves of a large timeline's sort and walk
/// (`map(iterations:_:)`). So no more than `limit` of them run at any moment, however the stages overlap; a
/// stage that finds no thread free does its work on the thread that asked, with the same result.
///
/// The budget counts its threads in use and remembers the most at once (`peak`), which the tests check.
/// A thread is started for each piece of work (the pieces are few and long: a file's workers, a sort).
public final class ThreadBudget: Sendable {
    /// How many threads may run at once besides the callers'.
    public let limit: Int
    private let usage = Locked(Usage())

    private struct Usage: Sendable {
        var inUse = 0
        var peak = 0
    }

    /// A budget of `threads` threads (0: everything runs on the calling thread).
    public init(threads: Int) {
        limit = max(0, threads)
    }

    /// No thread besides the caller's: work runs on the thread that asks for it.
    public static let callerOnly = ThreadBudget(threads: 0)

    /// The most threads of this budget that ran at once so far.
    public var peak: Int { usage.current.peak }

    /// Takes up to `count` free threads and returns how many it took: none when fewer than `minimum` are free.
    /// Each must be started with `start(reserved:finished:)` or given back with `release(_:)`.
    func reserve(upTo count: Int, atLeast minimum: Int = 1) -> Int {
        usage.withLock { usage in
            var taken = max(0, min(count, limit - usage.inUse))
            if taken < minimum { taken = 0 }
            usage.inUse += taken
            usage.peak = max(usage.peak, usage.inUse)
            return taken
        }
    }

    /// Gives back `count` reserved threads.
    func release(_ count: Int) {
        usage.withLock { usage in
            precondition(usage.inUse >= count, "a thread given back to its budget twice")
            usage.inUse -= count
        }
    }

    /// Runs `body` on a new thread in a place taken with `reserve(upTo:)`, gives the place back when `body`
    /// returns, then calls `finished` on that thread: whoever waits for the thread to end (told so by
    /// `finished`) finds its place free again, and nothing `body` captured is held any more. (The thread's own
    /// closure lives until the thread is gone, after `finished`: had it held `body`, a caller that goes on to
    /// change an array `body` read would, when this thread was slow to end, copy the whole array first: a 32 MB
    /// timeline in about one run in three on a loaded machine.)
    func start(reserved body: @escaping @Sendable () -> Void, finished: @escaping @Sendable () -> Void = {}) {
        let job = Locked<(@Sendable () -> Void)?>(body)
        let thread = Thread { [self] in
            do {
                let work = job.withLock { slot -> (@Sendable () -> Void)? in
                    let taken = slot
                    slot = nil
                    return taken
                }
                work?()
            }
            release(1)
            finished()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// `body(i)` for every `i` in `0..<iterations`, in index order, once all are done. They run on the calling
    /// thread and on as many free threads of the budget as there are iterations besides the caller's; with none
    /// free, one after the other on the calling thread.
    func map<T: Sendable>(iterations: Int, _ body: @escaping @Sendable (Int) -> T) -> [T] {
        let helpers = iterations > 1 ? reserve(upTo: iterations - 1) : 0
        guard helpers > 0 else { return (0..<iterations).map(body) }
        let progress = Locked(MapProgress<T>(results: Array(repeating: nil, count: iterations), running: helpers))
        @Sendable func work() {
            while let i = progress.withLock({ p -> Int? in
                guard p.next < iterations else { return nil }
                p.next += 1
                return p.next - 1
            }) {
                let result = body(i)
                progress.withLock { $0.results[i] = result }
            }
        }
        for _ in 0..<helpers {
            start(reserved: work, finished: { progress.withLock { $0.running -= 1 } })
        }
        work()
        return progress.withLock(waitingUntil: { $0.running == 0 }) { p in
            p.results.map { result in
                guard let result else { preconditionFailure("an iteration of ThreadBudget.map did not run") }
                return result
            }
        }
    }
}

/// How far a `ThreadBudget.map(iterations:_:)` is: the next iteration to take, the results so far, the helper
/// threads still running.
private struct MapProgress<T: Sendable>: Sendable {
    var next = 0
    var results: [T?]
    var running: Int
}
