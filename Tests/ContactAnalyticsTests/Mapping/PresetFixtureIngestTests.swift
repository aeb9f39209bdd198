import Foundation
import Testing
@testable import ContactAnalytics

/// The presets on slices of the real public exports (`Fixtures/input`), read end to end by `ContactIngest.run`.
/// Counts were checked against the files with Python's `csv` and `json` modules.
@Suite struct PresetFixtureIngestTests {
    struct Ingested {
        var summary: IngestSummary
        var contacts: [ContactRecord]
    }

    /// Reads `fixture` with `preset`, in the preset's time zone (as the command line does).
    static func ingest(_ fixture: String, _ preset: ExportPreset) throws -> Ingested {
        let path = MappingTestSupport.fixturePath("input", fixture)
        let options = IngestOptions(files: [path], mapping: MappingOptions(preset: preset,
                                                                            timeZone: MappingTestSupport.zone(of: preset)))
        var contacts: [ContactRecord] = []
        let summary = try ContactIngest.run(options) { contact, _, _ in contacts.append(contact) }
        return Ingested(summary: summary, contacts: contacts)
    }

    static func channelCounts(_ contacts: [ContactRecord]) -> [Channel: Int] {
        contacts.reduce(into: [:]) { $0[$1.channel, default: 0] += 1 }
    }

    @Test(arguments: ["nyc311-2024-05-first30.csv", "nyc311-2024-05-first30.json"])
    func nyc311(_ fixture: String) throws {
        let result = try Self.ingest(fixture, .nyc311)
        let summary = result.summary
        #expect(summary.rowsRead == 30)
        #expect(summary.contacts == 30)
        #expect(summary.rejected == 0)
        #expect(summary.excluded == 0)
        #expect(summary.fieldWarnings == 0)
        #expect(result.contacts.count == 30)
        let first = try #require(result.contacts.first)
        #expect(first.contactID == "61276295")
        // 2024-05-27T02:08:51.000 New York (EDT, UTC-4) = 2024-05-27T06:08:51Z = 1 716 790 131.
        #expect(first.openedAt == 1_716_790_131)
        #expect(first.closedAt == nil)
        #expect(first.category == "Street Condition")
        #expect(first.subject == "Pothole")
        #expect(first.queue == "DOT")
        #expect(first.status == .open)
        #expect(first.channel == .other)
        #expect(first.rawChannel == "UNKNOWN")
        #expect(first.text == "The Department of Transportation referred this complaint to the appropriate "
                + "Maintenance Unit for repair.")
        // MOBILE 9 (an app: self-service), ONLINE 8 (web), PHONE 7, UNKNOWN 6; every status is open
        // (In Progress 23, Open 6, Assigned 1).
        #expect(Self.channelCounts(result.contacts) == [.selfService: 9, .web: 8, .phone: 7, .other: 6])
        #expect(result.contacts.allSatisfy { $0.status == .open })
        let file = try #require(summary.files.first)
        #expect(file.filledCounts[.openedAt] == 30)
        #expect(file.filledCounts[.closedAt] == nil)
        #expect(Set(file.bindings.filter { $0.source == .preset }.map(\.field))
                == Set(ExportPreset.nyc311.mapping.keys).subtracting(fixture.hasSuffix(".json") ? [.closedAt] : []))
    }

    @Test func nyc311JSONHasNoClosedDateKey() throws {
        // The 30 objects have no `closed_date` key at all (the CSV writes it empty).
        let file = try #require(try Self.ingest("nyc311-2024-05-first30.json", .nyc311).summary.files.first)
        #expect(file.format == "json")
        #expect(file.missingColumns.map { "\($0.field.rawValue)=\($0.column)" } == ["closed_at=closed_date"])
        let csv = try #require(try Self.ingest("nyc311-2024-05-first30.csv", .nyc311).summary.files.first)
        #expect(csv.missingColumns.isEmpty)
    }

    @Test func callCentre() throws {
        let result = try Self.ingest("call-centre-trends-first30.csv", .callCentre)
        let summary = result.summary
        #expect(summary.rowsRead == 30)
        #expect(summary.contacts == 30)
        #expect(summary.rejected == 0)
        #expect(summary.excluded == 0)
        #expect(summary.fieldWarnings == 0)
        let first = try #require(result.contacts.first)
        // ID0001,Diane,01-01-2021,09:12:58,Contract related,Y,Y,109,143,3 -> 2021-01-01T09:12:58Z.
        #expect(first == ContactRecord(contactID: "ID0001", openedAt: 1_609_492_378, channel: .phone,
                                       category: "Contract related", handleTimeSeconds: 143, csat: .score(3),
                                       agent: "Diane", firstContactResolved: true, answered: true, waitSeconds: 109,
                                       location: ContactAnalytics.SourceLocation(file: MappingTestSupport.fixturePath(
                                           "input", "call-centre-trends-first30.csv"), line: 2)))
        // ID0006: unanswered, talk time 0, no rating.
        let sixth = result.contacts[5]
        #expect(sixth.contactID == "ID0006")
        #expect(sixth.handleTimeSeconds == 0)
        #expect(sixth.csat == nil)
        #expect(sixth.firstContactResolved == false)
        #expect(result.contacts.allSatisfy { $0.channel == .phone })
        let file = try #require(summary.files.first)
        // 24 ratings (6 empty), resolved Y 23 / N 7 all read.
        #expect(file.filledCounts == [.contactID: 30, .openedAt: 30, .openedTime: 30, .category: 30, .agent: 30,
                                      .handleTime: 30, .csat: 24, .firstContactResolved: 30, .answered: 30,
                                      .waitTime: 24])
        #expect(result.contacts.filter { $0.firstContactResolved == true }.count == 23)
    }

    @Test func twitter() throws {
        let result = try Self.ingest("twitter-customer-care-first40.csv", .twitter)
        let summary = result.summary
        // 20 customer tweets (inbound True) and 20 brand replies (False, excluded).
        #expect(summary.rowsRead == 40)
        #expect(summary.contacts == 20)
        #expect(summary.rejected == 0)
        #expect(summary.excluded == 20)
        #expect(summary.fieldWarnings == 0)
        let first = try #require(result.contacts.first)
        #expect(first.contactID == "119237")
        #expect(first.customer == "105834")
        // Wed Oct 11 06:55:44 +0000 2017 = 1 507 704 944.
        #expect(first.openedAt == 1_507_704_944)
        #expect(first.channel == .social)
        #expect(first.text?.hasPrefix("@AppleSupport causing the reply to be disregarded") == true)
        #expect(first.location.line == 2)
        #expect(result.contacts.allSatisfy { $0.channel == .social && $0.customer != nil })
        let file = try #require(summary.files.first)
        #expect(file.filledCounts[.inbound] == 20)
    }
}
