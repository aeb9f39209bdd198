import Foundation

/// Hands jobs (batches of records, chunks of input) to worker threads of a `ThreadBudget` and gives the results
/// back in submission order.
///
/// The calling thread submits batches; at most `2 × workers` are in flight, so memory stays bounded however
/// large the input. Each worker thread makes its own processing closure once (`makeWorker`), so per-thread
/// state (a mapper, a classifier) is never shared. Results are returned from `submit` and `finish` in the
/// order the batches were submitted; a job's error too: it is thrown once every result before it has been
/// handed out (by the next `submit` or by `finish`), so which error ends a run does not depend on which worker
/// was faster.
final class ParallelBatches<Job: Sendable, Result: Sendable>: @unchecked Sendable {
    typealias Worker = (Job) throws -> Result

    private let condition = NSCondition()
    private var queue: [(index: Int, job: Job)] = []
    private var done: [Int: Swift.Result<Result, any Error>] = [:]
    private var submitted = 0
    private var delivered = 0
    private var closing = false
    /// Set by `stop()`: the workers end without taking another job.
    private var stopped = false
    private var running = 0
    private var failure: Error?
    private let limit: Int

    /// Starts `workers` threads of `threads`, already reserved (`ThreadBudget.reserve(upTo:)`); each runs
    /// `makeWorker` once to make its own batch processor, and gives its place back when `finish()` ends it.
    init(workers: Int, on threads: ThreadBudget, makeWorker: @escaping @Sendable () throws -> Worker) {
        limit = max(2, workers * 2)
        running = workers
        for _ in 0..<workers {
            threads.start(reserved: { [self] in
                let process: Worker
                do {
                    process = try makeWorker()
                } catch {
                    condition.lock()
                    failure = failure ?? error
                    condition.broadcast()
                    condition.unlock()
                    return
                }
                while true {
                    condition.lock()
                    while queue.isEmpty && !closing && failure == nil { condition.wait() }
                    if queue.isEmpty || failure != nil || stopped {
                        condition.unlock()
                        break
                    }
                    let job = queue.removeFirst()
                    condition.unlock()
                    let outcome: Swift.Result<Result, any Error>
                    do {
                        outcome = .success(try process(job.job))
                    } catch {
                        outcome = .failure(error)
                    }
                    condition.lock()
                    done[job.index] = outcome
                    condition.broadcast()
                    condition.unlock()
                }
            }, finished: { [self] in
                condition.lock()
                running -= 1
                condition.broadcast()
                condition.unlock()
            })
        }
    }

    /// Queues `job` (waiting while too many are in flight) and returns the results that are ready, in order.
    func submit(_ job: Job) throws -> [Result] {
        condition.lock()
        while submitted - delivered >= limit && failure == nil && done[delivered] == nil { condition.wait() }
        if let failure { condition.unlock(); throw failure }
        queue.append((submitted, job))
        submitted += 1
        condition.broadcast()
        let ready = takeReady()
        condition.unlock()
        return ready
    }

    /// Waits for every batch and the workers to end; returns the remaining results, in order.
    func finish() throws -> [Result] {
        var ready: [Result] = []
        try finish { ready.append($0) }
        return ready
    }

    /// Waits for every batch and the workers to end, handing the remaining results to `body` in order as they
    /// come (outside the lock, so the workers go on meanwhile); a job's error is thrown after the results
    /// before it.
    func finish(_ body: (Result) throws -> Void) throws {
        condition.lock()
        closing = true
        condition.broadcast()
        while true {
            let ready = takeReady()
            let over = delivered == submitted || failure != nil
            if ready.isEmpty && !over {
                condition.wait()
                continue
            }
            condition.unlock()
            for result in ready { try body(result) }
            condition.lock()
            if over { break }
        }
        while running > 0 { condition.wait() }
        let error = failure
        condition.unlock()
        if let error { throw error }
    }

    /// Ends the workers without waiting for the jobs queued (the caller gave up: an error while it read or
    /// merged), once each has finished the job it is on; their threads are free again when it returns.
    func stop() {
        condition.lock()
        stopped = true
        closing = true
        condition.broadcast()
        while running > 0 { condition.wait() }
        condition.unlock()
    }

    /// Results ready in order, up to the first error (which ends the run: the workers stop); the caller holds
    /// the lock.
    private func takeReady() -> [Result] {
        var ready: [Result] = []
        while failure == nil, let outcome = done.removeValue(forKey: delivered) {
            delivered += 1
            switch outcome {
            case .success(let result): ready.append(result)
            case .failure(let error):
                failure = error
                condition.broadcast()
            }
        }
        return ready
    }
}
