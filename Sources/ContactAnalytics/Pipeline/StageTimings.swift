import Foundation

/// Wall-clock seconds spent in each stage of a run (`--profile`).
public struct StageTimings: Sendable, Equatable {
    /// Wall time of reading, parsing, mapping and classifying (the last two on `threads` threads).
    public var readAndMap: Double = 0
    /// Time spent classifying, summed over the threads (part of `readAndMap`).
    public var classify: Double = 0
    public var threads = 1
    /// The share of contacts the classification memo answered (0...1; see `ClassificationMemo`).
    public var memoShare: Double = 0
    /// Accumulating, and settling repeats, FCR and breakdowns.
    public var metrics: Double = 0
    public var render: Double = 0

    public init() {}

    /// `read+map+classify 1.234 s wall on 2 threads (classify 0.456 s CPU, 97.1 % from the memo), metrics
    /// 0.789 s, render 0.001 s`.
    public var formatted: String {
        func s(_ v: Double) -> String { String(format: "%.3f s", v) }
        return "read+map+classify \(s(readAndMap)) wall on \(threads) thread\(threads == 1 ? "" : "s") "
            + "(classify \(s(classify)) CPU, \(String(format: "%.1f", memoShare * 100)) % from the memo), metrics \(s(metrics)), render \(s(render))"
    }

    /// Monotonic seconds.
    @inline(__always)
    public static func now() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }
}
