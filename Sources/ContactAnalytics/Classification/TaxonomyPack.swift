/// A part of the built-in taxonomy for one kind of organisation: the groups of causes it brings.
///
/// A run uses every pack unless the configuration names some (`"taxonomy": {"packs": ["telecom"]}`); the
/// `general` pack (invoices, payments, accounts, contracts, technical faults, service complaints, feedback) is
/// always in force. Choosing packs keeps an industry's words from deciding causes in another's export: a
/// "broken laptop" is a hardware ticket at an IT service desk and a product defect in a shop.
public struct TaxonomyPack: Sendable, Hashable {
    /// The name a configuration uses (`telecom`).
    public let name: String
    /// What kind of organisation it is for.
    public let summary: String
    /// The first-level groups of the built-in taxonomy it brings.
    public let groups: [String]

    /// Every pack, `general` first.
    public static let all: [TaxonomyPack] = [
        TaxonomyPack(name: "general", summary: "every organisation (always in force)",
                     groups: ["billing", "payments", "account", "contract", "technical", "presales", "service",
                              "feedback"]),
        TaxonomyPack(name: "retail", summary: "shops and e-commerce", groups: ["delivery", "returns"]),
        TaxonomyPack(name: "travel", summary: "travel, hospitality and other bookings", groups: ["booking"]),
        TaxonomyPack(name: "telecom", summary: "telecom and internet service", groups: ["telecom"]),
        TaxonomyPack(name: "banking", summary: "banking, credit, cards, loans and debt collection",
                     groups: ["banking"]),
        TaxonomyPack(name: "public-service", summary: "public services and 311 (housing, streets, noise, ...)",
                     groups: ["public-service"]),
        TaxonomyPack(name: "it-service", summary: "IT service desks", groups: ["it-service"]),
        TaxonomyPack(name: "energy", summary: "energy and utilities (electricity, gas, water supply)",
                     groups: ["energy"]),
        TaxonomyPack(name: "insurance", summary: "insurance (claims, policies, premiums)", groups: ["insurance"]),
        TaxonomyPack(name: "saas", summary: "software as a service (subscriptions, SSO, APIs, integrations)",
                     groups: ["saas"]),
    ]

    /// The pack named `name`, if any.
    public static func named(_ name: String) -> TaxonomyPack? {
        all.first { $0.name == name }
    }

    /// The pack a built-in group belongs to (`general` for a group no pack names).
    static func pack(ofGroup group: String) -> String {
        all.first { $0.groups.contains(group) }?.name ?? "general"
    }
}
