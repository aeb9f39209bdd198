import Foundation
import Testing
@testable import ContactAnalytics

/// `ContactIngest.runInBatches`' finish step: every output is finished once, in order, in ranges of at most
/// `ContactIngest.finishBatch`, with the state that processed it, before `merge` receives it (as finish left it);
/// on the calling thread alone and on workers, for CSV chunks and for JSON Lines whose columns grow (a new
/// state mid-file).
@Suite struct IngestFinishTests {
    /// A state that knows the header it was made for.
    struct State {
        var columns: Int
    }

    /// What a contact gives: its line, the columns of the state that processed it and of the state that
    /// finished it (0: not finished), and how many outputs its finish call was given.
    struct Output: Sendable, Equatable {
        var line: Int
        var processedWith: Int
        var finishedWith = 0
        var finishedInRangeOf = 0
    }

    /// Every output `runInBatches` merges, in order, on `workers` threads (0: the calling thread).
    static func outputs(_ files: [String], workers: Int, chunkBytes: Int) throws -> [Output] {
        var options = IngestOptions(files: files, dateOrderSample: 10)
        options.chunkBytes = chunkBytes
        var merged: [Output] = []
        _ = try ContactIngest.runInBatches(
            options, workers: workers,
            makeState: { context in State(columns: context.header.count) },
            process: { state, contact, _ in Output(line: contact.location.line, processedWith: state.columns) },
            finish: { state, outputs, range in
                for i in range {
                    outputs[i].finishedWith = state.columns
                    outputs[i].finishedInRangeOf = range.count
                }
            },
            merge: { merged.append($0) })
        return merged
    }

    /// 1,000 records (several finish ranges, and on workers many chunks of 4 KiB): each finished once, in a
    /// range of at most `finishBatch`, by its own state, and merged in input order.
    @Test(arguments: [0, 2])
    func everyOutputIsFinishedOnceInOrder(workers: Int) throws {
        let folder = try TestFolder(prefix: "ingest-finish")
        let rows = (0..<1_000).map { "T\($0),2026-03-0\($0 % 9 + 1)T10:00:00Z,Subject number \($0)" }
        let path = try folder.write("a.csv", ["ticket_id,created_at,subject"] + rows)
        let merged = try Self.outputs([path], workers: workers, chunkBytes: 4096)
        #expect(merged.map(\.line) == Array(2...1_001))
        #expect(merged.allSatisfy { $0.processedWith == 3 && $0.finishedWith == 3 })
        #expect(merged.allSatisfy { $0.finishedInRangeOf >= 1 && $0.finishedInRangeOf <= ContactIngest.finishBatch })
        if workers == 0 {
            // One thread: full ranges, then the rest at the end of the file.
            #expect(merged.filter { $0.finishedInRangeOf == ContactIngest.finishBatch }.count == 768)
            #expect(merged.suffix(232).allSatisfy { $0.finishedInRangeOf == 232 })
        }
    }

    /// JSON Lines whose records gain a key halfway: the records after it are processed with a new state (four
    /// columns, not three), and each record is finished with the state that processed it.
    @Test(arguments: [0, 2])
    func outputsAreFinishedBeforeTheirStateIsReplaced(workers: Int) throws {
        let folder = try TestFolder(prefix: "ingest-finish")
        let lines = (0..<600).map { i in
            i < 300
                ? #"{"ticket_id":"T\#(i)","created_at":"2026-03-01T10:00:00Z","subject":"S \#(i)"}"#
                : #"{"ticket_id":"T\#(i)","created_at":"2026-03-01T10:00:00Z","subject":"S \#(i)","queue":"q"}"#
        }
        let path = try folder.write("a.jsonl", lines)
        let merged = try Self.outputs([path], workers: workers, chunkBytes: 4096)
        #expect(merged.map(\.line) == Array(1...600))
        #expect(merged.allSatisfy { $0.finishedWith == $0.processedWith })
        #expect(merged.prefix(300).allSatisfy { $0.processedWith == 3 })
        #expect(merged.suffix(300).allSatisfy { $0.processedWith == 4 })
    }

    /// Without a finish step, outputs go to `merge` as `process` made them.
    @Test func withoutFinishOutputsAreMergedAsProcessed() throws {
        let folder = try TestFolder(prefix: "ingest-finish")
        let path = try folder.write("a.csv", ["ticket_id,created_at", "T1,2026-03-01T10:00:00Z",
                                              "T2,2026-03-02T10:00:00Z"])
        var merged: [Output] = []
        _ = try ContactIngest.runInBatches(
            IngestOptions(files: [path]), workers: 0, makeState: { context in State(columns: context.header.count) },
            process: { state, contact, _ in Output(line: contact.location.line, processedWith: state.columns) },
            merge: { merged.append($0) })
        #expect(merged == [Output(line: 2, processedWith: 2), Output(line: 3, processedWith: 2)])
    }
}
