import Foundation
import Testing
@testable import ContactAnalytics

@Suite struct ParallelBatchesTests {
    struct Refused: Error, Equatable {
        var job: Int
    }

    /// Jobs of uneven length on three workers come back in submission order, and the workers' places are
    /// free again once `finish()` returns.
    @Test func resultsComeBackInSubmissionOrder() throws {
        let budget = ThreadBudget(threads: 3)
        let workers = budget.reserve(upTo: 3)
        let batches = ParallelBatches<Int, Int>(workers: workers, on: budget) {
            { job in
                Thread.sleep(forTimeInterval: Double((7 * job) % 5) * 0.002)
                return job * 2
            }
        }
        var results: [Int] = []
        for job in 0..<40 { results += try batches.submit(job) }
        results += try batches.finish()
        #expect(results == (0..<40).map { $0 * 2 })
        #expect(budget.peak == 3)
        #expect(budget.reserve(upTo: 3) == 3)
    }

    @Test func aFailingJobEndsTheRunWithItsError() throws {
        let budget = ThreadBudget(threads: 2)
        let batches = ParallelBatches<Int, Int>(workers: budget.reserve(upTo: 2), on: budget) {
            { job in
                if job == 5 { throw Refused(job: job) }
                return job
            }
        }
        #expect(throws: Refused(job: 5)) {
            for job in 0..<20 { _ = try batches.submit(job) }
            _ = try batches.finish()
        }
        _ = try? batches.finish()
        #expect(budget.reserve(upTo: 2) == 2)
    }

    @Test func aWorkerThatCannotStartEndsTheRun() throws {
        let budget = ThreadBudget(threads: 2)
        let batches = ParallelBatches<Int, Int>(workers: budget.reserve(upTo: 2), on: budget) {
            throw Refused(job: -1)
        }
        #expect(throws: Refused(job: -1)) {
            for job in 0..<20 { _ = try batches.submit(job) }
            _ = try batches.finish()
        }
        // As `ContactIngest` does when a submit throws: the workers' places are free once `stop()` returns.
        batches.stop()
        #expect(budget.reserve(upTo: 2) == 2)
    }

    /// A caller that gives up stops the workers; their places are free when `stop()` returns.
    @Test func stopFreesTheWorkers() throws {
        let budget = ThreadBudget(threads: 2)
        let batches = ParallelBatches<Int, Int>(workers: budget.reserve(upTo: 2), on: budget) {
            { job in
                Thread.sleep(forTimeInterval: 0.005)
                return job
            }
        }
        for job in 0..<3 { _ = try batches.submit(job) }
        batches.stop()
        #expect(budget.reserve(upTo: 2) == 2)
    }
}
