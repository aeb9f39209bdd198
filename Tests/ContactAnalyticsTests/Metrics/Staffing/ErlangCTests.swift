import Foundation
import Testing
@testable import ContactAnalytics

/// `ErlangC` against hand-computed values and the published worked example.
@Suite struct ErlangCTests {
    /// A = 2 erlangs, N = 3: Σ_{k<3} 2^k/k! = 1 + 2 + 2 = 5, and 2^3/3! · 3/(3 − 2) = 4, so C = 4 / (5 + 4) = 4/9.
    /// With h = 240 s and t = 15 s: SL = 1 − 4/9 · e^(−1 · 15/240); ASA = 4/9 · 240 / 1.
    @Test func smallQueueByHand() throws {
        let model = ErlangC(arrivalsPerSecond: 2.0 / 240.0, handleTimeSeconds: 240)
        #expect(abs(model.load - 2) < 1e-12)
        let waiting = try #require(model.probabilityOfWaiting(agents: 3))
        #expect(abs(waiting - 4.0 / 9.0) < 1e-12)
        let level = try #require(model.serviceLevel(agents: 3, answeredWithin: 15))
        #expect(abs(level - (1 - 4.0 / 9.0 * exp(-15.0 / 240.0))) < 1e-12)
        let speed = try #require(model.averageSpeedOfAnswer(agents: 3))
        #expect(abs(speed - 4.0 / 9.0 * 240) < 1e-9)
    }

    /// The worked example published with the Erlang C formula (Call Centre Helper, "Erlang C Formula – Made
    /// Simple"): 100 calls in 30 minutes, 180 s handle time, 80 % answered in 20 s. The load is 10 erlangs;
    /// 14 agents are needed (probability of waiting 17.41 %, service level 88.84 %, ASA 7.8 s; 13 agents
    /// reach only 79.56 %); with 30 % shrinkage 20 must be scheduled. The figures were also checked with exact
    /// fractions in Python (Σ A^k/k!).
    @Test func publishedWorkedExample() throws {
        let model = ErlangC(contacts: 100, over: 1_800, handleTimeSeconds: 180)
        #expect(abs(model.load - 10) < 1e-12)
        #expect(model.agentsNeeded(serviceLevel: 0.8, answeredWithin: 20) == 14)
        let table: [(agents: Int, waiting: Double, level: Double)] = [
            (11, 0.6821, 0.3896), (12, 0.4494, 0.6402), (13, 0.2853, 0.7956), (14, 0.1741, 0.8884), (15, 0.1020, 0.9415),
        ]
        for row in table {
            let waiting = try #require(model.probabilityOfWaiting(agents: row.agents))
            let level = try #require(model.serviceLevel(agents: row.agents, answeredWithin: 20))
            #expect(abs(waiting - row.waiting) < 0.00005, "agents \(row.agents)")
            #expect(abs(level - row.level) < 0.00005, "agents \(row.agents)")
        }
        let speed = try #require(model.averageSpeedOfAnswer(agents: 14))
        #expect(abs(speed - 7.84) < 0.005)
        #expect(ErlangC.scheduled(agents: 14, shrinkage: 0.3) == 20)
    }

    @Test func tooFewAgentsReachNoServiceLevel() {
        let model = ErlangC(contacts: 100, over: 1_800, handleTimeSeconds: 180)
        #expect(model.probabilityOfWaiting(agents: 10) == nil)
        #expect(model.serviceLevel(agents: 9, answeredWithin: 20) == nil)
        #expect(model.averageSpeedOfAnswer(agents: 0) == nil)
    }

    /// A large centre (500 erlangs) stays finite (no factorial overflow) and needs a little over the load.
    @Test func largeLoadsStayFinite() throws {
        let model = ErlangC(arrivalsPerSecond: 500.0 / 300.0, handleTimeSeconds: 300)
        let agents = try #require(model.agentsNeeded(serviceLevel: 0.8, answeredWithin: 20))
        #expect(agents > 500 && agents < 540)
        let level = try #require(model.serviceLevel(agents: agents, answeredWithin: 20))
        #expect(level >= 0.8)
        let fewer = try #require(model.serviceLevel(agents: agents - 1, answeredWithin: 20))
        #expect(fewer < 0.8)
    }

    @Test func noArrivalsNeedNoAgentsAndBadInputsNone() {
        #expect(ErlangC(arrivalsPerSecond: 0, handleTimeSeconds: 300).agentsNeeded(serviceLevel: 0.8, answeredWithin: 20) == 0)
        #expect(ErlangC(arrivalsPerSecond: 0.01, handleTimeSeconds: 0).agentsNeeded(serviceLevel: 0.8, answeredWithin: 20) == 1)
        #expect(ErlangC(arrivalsPerSecond: .nan, handleTimeSeconds: 300).agentsNeeded(serviceLevel: 0.8, answeredWithin: 20) == nil)
        #expect(ErlangC(arrivalsPerSecond: 1, handleTimeSeconds: 3).agentsNeeded(serviceLevel: 1, answeredWithin: 20) == nil)
        #expect(ErlangC.scheduled(agents: 10, shrinkage: 1) == nil)
        #expect(ErlangC.scheduled(agents: 10, shrinkage: 0) == 10)
        #expect(ErlangC.scheduled(agents: 7, shrinkage: 0.3) == 10)
    }
}
