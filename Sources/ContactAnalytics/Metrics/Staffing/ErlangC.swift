import Foundation

/// The Erlang C queueing model (M/M/N: Poisson arrivals, exponential handle times, `N` agents, callers who
/// wait rather than hang up), as call centres use it to staff a queue.
///
/// With `λ` contacts per unit of time and an average handle time `h`, the offered load is `A = λ h` erlangs.
/// With `N > A` agents:
///
/// - **probability of waiting** `C(N, A) = N·B / (N − A·(1 − B))`, where `B` is the Erlang B blocking
///   probability, computed by the stable recursion `B(0) = 1`, `B(n) = A·B(n−1) / (n + A·B(n−1))` (no
///   factorials, so it holds for hundreds of agents);
/// - **service level** (share answered within `t`) `SL = 1 − C · e^(−(N − A)·t / h)`;
/// - **average speed of answer** `ASA = C · h / (N − A)`;
/// - **occupancy** `A / N`.
///
/// With `N <= A` the queue grows without bound: no service level is reached (`nil`). Times are in seconds.
public struct ErlangC: Sendable, Hashable {
    /// Contacts arriving per second.
    public var arrivalsPerSecond: Double
    /// Average handle time in seconds (talk, hold and wrap-up).
    public var handleTimeSeconds: Double

    public init(arrivalsPerSecond: Double, handleTimeSeconds: Double) {
        self.arrivalsPerSecond = arrivalsPerSecond
        self.handleTimeSeconds = handleTimeSeconds
    }

    /// `contacts` arriving over `seconds` (for example 100 calls in 1,800 s).
    public init(contacts: Double, over seconds: Double, handleTimeSeconds: Double) {
        self.init(arrivalsPerSecond: seconds > 0 ? contacts / seconds : 0, handleTimeSeconds: handleTimeSeconds)
    }

    /// The offered load `A = λ h`, in erlangs.
    public var load: Double { arrivalsPerSecond * handleTimeSeconds }

    /// The probability that a contact waits, `C(N, A)`; `nil` when `agents <= A` (and `A > 0`).
    public func probabilityOfWaiting(agents: Int) -> Double? {
        let a = load
        guard agents > 0, a.isFinite, a >= 0 else { return nil }
        if a == 0 { return 0 }
        guard Double(agents) > a else { return nil }
        var blocking = 1.0
        for n in 1...agents {
            blocking = a * blocking / (Double(n) + a * blocking)
        }
        let n = Double(agents)
        return n * blocking / (n - a * (1 - blocking))
    }

    /// The share of contacts answered within `seconds`; `nil` when `agents <= A`.
    public func serviceLevel(agents: Int, answeredWithin seconds: Double) -> Double? {
        guard let waiting = probabilityOfWaiting(agents: agents) else { return nil }
        guard handleTimeSeconds > 0 else { return 1 }
        return 1 - waiting * exp(-(Double(agents) - load) * seconds / handleTimeSeconds)
    }

    /// The average speed of answer in seconds, over all contacts (those answered at once count 0); `nil` when
    /// `agents <= A`.
    public func averageSpeedOfAnswer(agents: Int) -> Double? {
        guard let waiting = probabilityOfWaiting(agents: agents) else { return nil }
        return waiting * handleTimeSeconds / (Double(agents) - load)
    }

    /// The fewest agents whose service level reaches `target` (a share, `0.8` for 80 %) within `seconds`:
    /// at least 1 when any contact arrives, 0 when none does; `nil` when the inputs are not finite and
    /// non-negative, or the target is not below 1. Searches up from the first whole number above the load.
    public func agentsNeeded(serviceLevel target: Double, answeredWithin seconds: Double) -> Int? {
        let a = load
        guard a.isFinite, a >= 0, target.isFinite, target >= 0, target < 1, seconds.isFinite, seconds >= 0,
              handleTimeSeconds.isFinite, handleTimeSeconds >= 0
        else { return nil }
        if a == 0 { return arrivalsPerSecond > 0 ? 1 : 0 }
        var agents = max(1, Int(a.rounded(.down)) + 1)
        // The service level rises towards 1 as agents are added; well before a million agents any target
        // below 1 is met, so the loop ends.
        while agents < 1_000_000 {
            if let level = serviceLevel(agents: agents, answeredWithin: seconds), level >= target { return agents }
            agents += 1
        }
        return nil
    }

    /// The agents to schedule so that `agents` are on the phones when a share `shrinkage` of paid time goes to
    /// breaks, training, meetings and absence: `⌈agents / (1 − shrinkage)⌉`; `nil` when shrinkage is not in
    /// `0..<1`.
    public static func scheduled(agents: Int, shrinkage: Double) -> Int? {
        guard shrinkage.isFinite, shrinkage >= 0, shrinkage < 1 else { return nil }
        return Int((Double(agents) / (1 - shrinkage) - 1e-9).rounded(.up))
    }
}
