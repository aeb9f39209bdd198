import Foundation

/// Hands jobs (batches of records, chunks of input) to worker threads and gives the results back in
/// submission order.
///
/// The calling thread submits batches; at most `2 × workers` are in flight, so memory stays bounded however
/// large the input. Each worker thread makes its own processing closure once (`makeWorker`), so per-thread
/// state (a mapper, a classifier) is never shared. Results are returned from `submit` and `finish` in the
/// order the batches were submitted.
final class ParallelBatches<Job: Sendable, Result: Sendable>: @unchecked Sendable {
    typealias Worker = (Job) throws -> Result

    private let condition = NSCondition()
    private var queue: [(index: Int, job: Job)] = []
    private var done: [Int: Result] = [:]
    private var submitted = 0
    private var delivered = 0
    private var closing = false
    private var running = 0
    private var failure: Error?
    private let limit: Int

    /// Starts `workers` threads; each runs `makeWorker` once to make its own batch processor.
    init(workers: Int, makeWorker: @escaping @Sendable () throws -> Worker) {
        limit = max(2, workers * 2)
        running = workers
        for _ in 0..<workers {
            let thread = Thread { [self] in
                let process: Worker
                do {
                    process = try makeWorker()
                } catch {
                    condition.lock()
                    failure = failure ?? error
                    running -= 1
                    condition.broadcast()
                    condition.unlock()
                    return
                }
                while true {
                    condition.lock()
                    while queue.isEmpty && !closing && failure == nil { condition.wait() }
                    if queue.isEmpty || failure != nil {
                        condition.unlock()
                        break
                    }
                    let job = queue.removeFirst()
                    condition.unlock()
                    do {
                        let result = try process(job.job)
                        condition.lock()
                        done[job.index] = result
                    } catch {
                        condition.lock()
                        failure = failure ?? error
                    }
                    condition.broadcast()
                    condition.unlock()
                }
                condition.lock()
                running -= 1
                condition.broadcast()
                condition.unlock()
            }
            thread.stackSize = 8 << 20
            thread.start()
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
        condition.lock()
        closing = true
        condition.broadcast()
        var ready: [Result] = []
        while delivered < submitted && failure == nil {
            ready += takeReady()
            if delivered < submitted { condition.wait() }
        }
        while running > 0 { condition.wait() }
        let error = failure
        condition.unlock()
        if let error { throw error }
        return ready
    }

    /// Results ready in order; the caller holds the lock.
    private func takeReady() -> [Result] {
        var ready: [Result] = []
        while let result = done.removeValue(forKey: delivered) {
            ready.append(result)
            delivered += 1
        }
        return ready
    }
}
