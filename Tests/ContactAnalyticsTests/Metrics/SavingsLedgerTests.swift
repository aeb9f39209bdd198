import Foundation
import Testing
@testable import ContactAnalytics

/// The savings ledger on a hand-computed fixture (the arithmetic is in the comments).
@Suite struct SavingsLedgerTests {
    static let day: Int64 = 86_400
    static let t0: Int64 = 1_767_571_200

    static let causes = [
        CauseDescriptor(path: "delivery/where-is-my-order", name: "Where is my order", process: "Logistics",
                        avoidable: true, fix: .proactiveMessage, suggestion: "Send tracking updates."),
        CauseDescriptor(path: "delivery/change-delivery", name: "Change delivery", process: "Logistics",
                        avoidable: false, fix: .selfService, suggestion: "Let them change it online."),
        CauseDescriptor(path: "billing/wrong-invoice", name: "Wrong invoice", process: "Billing", avoidable: true,
                        fix: .processFix, suggestion: "Fix the billing rule."),
        CauseDescriptor(path: "feedback/praise", name: "Praise", process: "Customer experience", avoidable: false),
    ]

    /// Explicit costs; window 7 days, scope cause. Repeats: c2 (of c1), c4 (of c3), c7 (of c6), c9 (of c8).
    static func report(deflection: DeflectionShares = DeflectionShares()) throws -> ContactReport {
        func c(_ n: Int, _ customer: String, _ dayOffset: Int64, _ channel: Channel, _ cause: Int32,
               _ cost: Double) -> (ContactRecord, Int32) {
            (ContactRecord(contactID: "c\(n)", openedAt: t0 + dayOffset * day, customer: customer, channel: channel,
                           cost: cost), cause)
        }
        let contacts = [
            c(1, "A", 0, .phone, 0, 6), c(2, "A", 2, .phone, 0, 6),
            c(3, "B", 0, .email, 1, 8), c(4, "B", 3, .email, 1, 8),
            c(5, "C", 1, .phone, 2, 10),
            c(6, "D", 1, .chat, 3, 4), c(7, "D", 2, .chat, 3, 4),
            c(8, "E", 5, .web, -1, 5), c(9, "E", 6, .web, -1, 5),
        ]
        var configuration = MetricsConfiguration()
        configuration.deflection = deflection
        var engine = ContactMetricsEngine(configuration: configuration, causes: causes)
        for (contact, cause) in contacts { engine.add(contact, cause: cause) }
        return try engine.report(input: InputSummary(files: ["t.csv"], rowsRead: 9, rowsRejected: 0,
                                                     duplicatesDropped: 0, fieldWarnings: 0, contactsRead: 9))
    }

    @Test func ownersCausesAndEstimatesAreHandComputed() throws {
        let report = try Self.report()
        let ledger = report.savings
        #expect(abs(ledger.selfServiceCost - 0.10) < 1e-9)
        // Avoidable: where-is-my-order c1, c2 (12); change-delivery c4 (repeat, 8); wrong-invoice c5 (10);
        // praise c7 (repeat, 4); unclassified c9 (repeat, 5): 6 contacts, 39.
        #expect(ledger.avoidable == 6)
        #expect(abs(ledger.avoidableCost - 39) < 1e-9)
        #expect(ledger.repeats == 4)
        #expect(abs(ledger.repeatCost - 23) < 1e-9)
        // By avoidable cost: Logistics 20, Billing 10, Unassigned 5, Customer experience 4.
        #expect(ledger.owners.map(\.process) == ["Logistics", "Billing", "Unassigned", "Customer experience"])
        let logistics = ledger.owners[0]
        #expect(logistics.avoidable == 3)
        #expect(abs(logistics.avoidableCost - 20) < 1e-9)
        #expect(logistics.repeats == 2)
        #expect(abs(logistics.repeatCost - 14) < 1e-9)
        #expect(logistics.causes.map(\.cause) == ["delivery/where-is-my-order", "delivery/change-delivery"])
        // (12 - 2 x 0.10) x 0.30 = 3.54; (8 - 0.10) x 0.23 = 1.817.
        #expect(abs((logistics.causes[0].savings ?? 0) - 3.54) < 1e-9)
        #expect(logistics.causes[0].deflection == 0.30)
        #expect(abs((logistics.causes[1].savings ?? 0) - 1.817) < 1e-9)
        #expect(abs(logistics.savings - 5.357) < 1e-9)
        // (10 - 0.10) x 0.50 = 4.95.
        #expect(abs(ledger.owners[1].savings - 4.95) < 1e-9)
        // No fix: no estimate, nothing added.
        let praise = ledger.owners[3].causes[0]
        #expect(praise.fix == nil && praise.savings == nil && praise.deflection == nil)
        #expect(ledger.owners[2].causes[0].cause == "unclassified")
        #expect(abs(ledger.savings - 10.307) < 1e-9)
        // The ledger adds up to the report's avoidable figures.
        #expect(ledger.avoidable == report.summary.avoidable)
        #expect(abs(ledger.avoidableCost - report.summary.avoidableCost) < 1e-9)
    }

    @Test func configuredSharesReplaceTheDefaults() throws {
        let ledger = try Self.report(deflection: DeflectionShares(overrides: [.proactiveMessage: 0.5])).savings
        // (12 - 0.20) x 0.5 = 5.9; the others keep theirs.
        #expect(abs((ledger.owners[0].causes[0].savings ?? 0) - 5.9) < 1e-9)
        #expect(abs((ledger.owners[0].causes[1].savings ?? 0) - 1.817) < 1e-9)
        #expect(ledger.deflection.source(of: .proactiveMessage) == "configured")
        #expect(ledger.deflection.source(of: .faq) == "default")
    }

    @Test func aContactCheaperThanSelfServiceSavesNothing() {
        var set = MetricSet()
        set.avoidable = 2
        set.avoidableCost = 0.1
        let ledger = SavingsLedger(causes: [(Self.causes[0], set)], deflection: DeflectionShares(), costModel: .builtIn)
        #expect(ledger.owners[0].causes[0].savings == 0)
    }

    @Test func statementsNameEachOwnerAndRefuseAnUnknownOne() throws {
        let report = try Self.report()
        let markdown = try SavingsStatement(report: report).render(.markdown)
        #expect(markdown.contains("## Logistics"))
        #expect(markdown.contains("Logistics: 3 avoidable contacts costing EUR 20.00; repeats of its causes cost EUR 14.00."))
        #expect(markdown.contains("| Total | 6 | 39.00 | 23.00 | 10.31 |"))
        #expect(markdown.contains("- **Where is my order** (delivery/where-is-my-order): Send tracking updates."))
        let one = try SavingsStatement(report: report, owner: "billing").render(.text)
        #expect(one.contains("Billing: 1 avoidable contacts costing EUR 10.00"))
        #expect(!one.contains("Logistics:"))
        #expect(throws: ContactStatError.self) { try SavingsStatement(report: report, owner: "Logistix") }
        do {
            _ = try SavingsStatement(report: report, owner: "Logistix")
        } catch let error as ContactStatError {
            #expect(error.kind == .usage)
            #expect("\(error.text)".contains("did you mean 'Logistics'?"))
        }
    }

    @Test func everyBuiltInAvoidableCauseHasAFixAndTheTableNamesOnlyRealCauses() {
        let taxonomy = Taxonomy.builtIn
        let paths = Set(taxonomy.causes.map(\.path))
        for path in BuiltInTaxonomy.fixes.keys { #expect(paths.contains(path), "\(path)") }
        for cause in taxonomy.causes where cause.avoidable {
            #expect(cause.fix != nil, "\(cause.path)")
            #expect(!cause.suggestion.isEmpty, "\(cause.path)")
        }
    }
}
