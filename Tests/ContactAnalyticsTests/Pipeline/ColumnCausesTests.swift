import Foundation
import Testing
@testable import ContactAnalytics

/// How `ColumnCauses` turns a column's values into causes (values and counts given by hand).
@Suite struct ColumnCausesTests {
    static func causes(_ values: [String], _ counts: [String: Int], table: CauseColumnTable = CauseColumnTable())
        throws -> ColumnCauses {
        try ColumnCauses(column: "Topic", table: table, base: .builtIn, values: values, counts: counts,
                         emptyContacts: 0, contacts: counts.values.reduce(0, +), foundColumn: true)
    }

    @Test func unlistedValuesBecomePathsNumberedWhenTaken() throws {
        let found = try Self.causes(["HEAT/HOT WATER", "heat hot-water", "Lämmitys", "!!!"],
                                    ["HEAT/HOT WATER": 3, "heat hot-water": 1, "Lämmitys": 2, "!!!": 1])
        #expect(found.taxonomy.causes.map(\.path)
                == ["unmapped/heat-hot-water", "unmapped/heat-hot-water-2", "unmapped/lammitys", "unmapped/value"])
        #expect(found.taxonomy.causes.map(\.name) == ["HEAT/HOT WATER", "heat hot-water", "Lämmitys", "!!!"])
        #expect(found.taxonomy.causes.allSatisfy { $0.process == "Unmapped" && !$0.avoidable })
        // Most contacts first, then by value.
        #expect(found.unmapped.map(\.value) == ["HEAT/HOT WATER", "Lämmitys", "!!!", "heat hot-water"])
        #expect(found.taxonomy.rules.isEmpty)
    }

    @Test func listedValuesShareACauseAndIgnoreCase() throws {
        var table = CauseColumnTable()
        table.list("billing ", as: .init(path: "billing/invoice-question"))
        table.list("Invoices", as: .init(path: "billing/invoice-question"))
        let found = try Self.causes(["Billing", "invoices", "Other"], ["Billing": 2, "invoices": 1, "Other": 1],
                                    table: table)
        let builtIn = try #require(Taxonomy.builtIn.id(of: "billing/invoice-question").flatMap { Taxonomy.builtIn.cause($0) })
        #expect(found.taxonomy.causes.map(\.path) == ["billing/invoice-question", "unmapped/other"])
        #expect(found.taxonomy.causes[0].process == builtIn.process)
        #expect(found.taxonomy.causes[0].avoidable == builtIn.avoidable)
        #expect(found.unmapped == [ColumnCauses.UnmappedValue(value: "Other", contacts: 1)])
    }

    /// Beyond `maximumUnmappedCauses` unlisted values, the least frequent share one cause.
    @Test func rareValuesBeyondTheCapShareOneCause() throws {
        let values = (0...ColumnCauses.maximumUnmappedCauses).map { "v\($0)" }
        var counts: [String: Int] = [:]
        for (i, value) in values.enumerated() { counts[value] = i == 0 ? 1 : 2 }
        let found = try Self.causes(values, counts)
        #expect(found.taxonomy.causes.count == ColumnCauses.maximumUnmappedCauses + 1)
        #expect(found.taxonomy.causes[0].path == "unmapped/other-values")
        #expect(found.unmapped.count == ColumnCauses.maximumUnmappedCauses + 1)
    }

    @Test func columnFoundByItsLettersAndDigits() {
        #expect(ColumnCauses.index(of: "Complaint Type", in: ["id", "complaint_type"]) == 1)
        #expect(ColumnCauses.index(of: "complaint_type", in: ["Complaint Type", "complaint_type"]) == 1)
        #expect(ColumnCauses.index(of: "Type", in: ["complaint_type"]) == nil)
    }
}
