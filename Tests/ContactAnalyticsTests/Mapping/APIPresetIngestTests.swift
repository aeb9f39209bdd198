import Foundation
import Testing
@testable import ContactAnalytics

/// The presets on the API-shaped fixtures (`Fixtures/api`): statuses from the APIs' words and codes, and the
/// first contact's fields, per contact (the report does not show statuses). Hand-counted from the fixtures.
@Suite struct APIPresetIngestTests {
    static func contacts(_ fixture: String, _ preset: ExportPreset) throws -> [ContactRecord] {
        let options = IngestOptions(files: [MappingTestSupport.fixturePath("api", fixture)],
                                    mapping: MappingOptions(preset: preset, timeZone: MappingTestSupport.zone(of: preset)))
        var contacts: [ContactRecord] = []
        let summary = try ContactIngest.run(options) { contact, _, _ in contacts.append(contact) }
        #expect(summary.rejected == 0)
        #expect(summary.fieldWarnings == 0)
        return contacts
    }

    static func statuses(_ contacts: [ContactRecord]) -> [ContactStatus?: Int] {
        contacts.reduce(into: [:]) { $0[$1.status, default: 0] += 1 }
    }

    @Test(arguments: ["zendesk-incremental-tickets.json", "zendesk-tickets-export.csv"])
    func zendeskStatuses(_ fixture: String) throws {
        let contacts = try Self.contacts(fixture, .zendesk)
        // solved 3, closed 1, open 1, pending 1.
        #expect(Self.statuses(contacts) == [.resolved: 3, .closed: 1, .open: 1, .pending: 1])
        let first = try #require(contacts.first)
        #expect(first.contactID == "101")
        #expect(first.customer == "9000")
        #expect(first.channel == .email)
        // 2026-02-02T09:00:00Z and 13:00:00Z.
        #expect(first.openedAt == 1_770_022_800)
        #expect(first.closedAt == 1_770_037_200)
    }

    @Test(arguments: ["freshdesk-tickets.json", "freshdesk-tickets-export.csv"])
    func freshdeskStatuses(_ fixture: String) throws {
        let contacts = try Self.contacts(fixture, .freshdesk)
        // Codes 4 4 4 (resolved), 5 (closed), 2 (open), 3 (pending); the CSV's words the same.
        #expect(Self.statuses(contacts) == [.resolved: 3, .closed: 1, .open: 1, .pending: 1])
        #expect(contacts.map(\.channel) == [.email, .web, .phone, .chat, .web, .email])
        #expect(contacts.first?.subject == "Cannot log in")
    }

    @Test func intercomStatusesAndUnixSeconds() throws {
        let contacts = try Self.contacts("intercom-conversations.json", .intercom)
        // closed 3, open 1, snoozed 1 (pending); the admin-initiated conversation is excluded.
        #expect(Self.statuses(contacts) == [.closed: 3, .open: 1, .pending: 1])
        #expect(contacts.map(\.contactID) == ["1001", "1002", "1003", "1005", "1006"])
        let first = try #require(contacts.first)
        // created_at 1775466000 = 2026-04-06T09:00:00Z; last_close_at 30 minutes later.
        #expect(first.openedAt == 1_775_466_000)
        #expect(first.closedAt == 1_775_467_800)
        #expect(first.customer == "65a000")
        #expect(first.tags == ["onboarding"])
    }

    @Test func chatwootStatusesAndMessages() throws {
        let contacts = try Self.contacts("chatwoot-conversations.json", .chatwoot)
        // resolved 2, open 1, pending 1, snoozed 1 (pending).
        #expect(Self.statuses(contacts) == [.resolved: 2, .open: 1, .pending: 2])
        #expect(contacts.first?.text == "I was charged twice, Thanks, we are looking into it")
        #expect(contacts.first?.customer == "300")
    }

    @Test func hubspotPipelineStages() throws {
        let contacts = try Self.contacts("hubspot-tickets.json", .hubspot)
        // Stages 4 4 1 2 4: closed 3, open 1, pending 1.
        #expect(Self.statuses(contacts) == [.closed: 3, .open: 1, .pending: 1])
        #expect(contacts.map(\.channel) == [.email, .chat, .web, .phone, .email])
    }
}
