/// How many contacts the causes of one built-in pack were given in a report: which packs the export's own
/// words matched.
///
/// Every pack is in force unless the configuration names some (`taxonomy.packs`); a pack whose words never
/// occur in an export gives no cause there, so it is left out of the tally. The report's definitions print the
/// tally (`Packs matched  public-service 998, general 12`; JSON `definitions.taxonomy_packs_matched`), so a
/// reader sees which industries' causes decided, and a stray pack (a travel cause in a telecom export) shows
/// as a small count to look at, or to switch off with `taxonomy.packs`.
public struct TaxonomyPackMatch: Sendable, Equatable {
    /// The pack's name (`telecom`), or `configuration` for causes in groups that no built-in pack holds.
    public let pack: String
    /// The contacts given one of its causes.
    public let contacts: Int

    public init(pack: String, contacts: Int) {
        self.pack = pack
        self.contacts = contacts
    }

    /// The name under which causes outside every built-in pack are counted.
    public static let configurationName = "configuration"

    /// The tally of a report's causes (path and contacts; `unclassified` and causes with no contacts are left
    /// out), one entry per pack that gave at least one contact its cause, in `TaxonomyPack.all` order, then
    /// `configuration`. A cause belongs to the pack that holds its group (the path's first segment).
    public static func tally<Causes: Sequence>(_ causes: Causes) -> [TaxonomyPackMatch]
    where Causes.Element == (path: String, contacts: Int) {
        var counts: [String: Int] = [:]
        for (path, contacts) in causes where contacts > 0 && path != CauseDescriptor.unclassified.path {
            let group = path.split(separator: "/", maxSplits: 1).first.map(String.init) ?? path
            let pack = TaxonomyPack.all.first { $0.groups.contains(group) }?.name ?? configurationName
            counts[pack, default: 0] += contacts
        }
        let order = TaxonomyPack.all.map(\.name) + [configurationName]
        return order.compactMap { name in counts[name].map { TaxonomyPackMatch(pack: name, contacts: $0) } }
    }

    /// The tally in words: `public-service 998, general 12`, or `none` when no contact got a cause.
    public static func describe(_ matches: [TaxonomyPackMatch]) -> String {
        matches.isEmpty ? "none" : matches.map { "\($0.pack) \($0.contacts)" }.joined(separator: ", ")
    }
}
