import Foundation

/// Wall-clock seconds spent in each stage of a run (`--profile`).
public struct StageTimings: Sendable, Equatable {
    /// Reading bytes, parsing records and mapping them to contacts.
    public var readAndMap: Double = 0
    public var classify: Double = 0
    /// Accumulating, and settling repeats, FCR and breakdowns.
    public var metrics: Double = 0
    public var render: Double = 0

    public init() {}

    /// `read+map 1.234 s, classify 0.456 s, metrics 0.789 s, render 0.001 s`.
    public var formatted: String {
        func s(_ v: Double) -> String { String(format: "%.3f s", v) }
        return "read+map \(s(readAndMap)), classify \(s(classify)), metrics \(s(metrics)), render \(s(render))"
    }

    /// Monotonic seconds.
    @inline(__always)
    public static func now() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }
}
