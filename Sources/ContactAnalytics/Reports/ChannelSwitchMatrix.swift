/// The channel switches as a from x to matrix: rows are the channel of the earlier contact, columns the
/// channel of the repeat, each cell the repeats that moved that way, with row and column totals. The HTML
/// formats show it as a heatmap; a 38-row list says the same, less at a glance.
struct ChannelSwitchMatrix: Sendable {
    /// The channels that occur on either side, in channel order (the same list for rows and columns).
    let channels: [Channel]
    private let counts: [Channel: [Channel: Int]]

    init(_ switches: [ChannelSwitch]) {
        var counts: [Channel: [Channel: Int]] = [:]
        var seen = Set<Channel>()
        for entry in switches where entry.count > 0 {
            counts[entry.from, default: [:]][entry.to, default: 0] += entry.count
            seen.insert(entry.from)
            seen.insert(entry.to)
        }
        self.counts = counts
        channels = seen.sorted()
    }

    /// Repeats first seen in `from` that came back in `to` (0 when none; the diagonal is always 0).
    func count(from: Channel, to: Channel) -> Int {
        counts[from]?[to] ?? 0
    }

    /// Repeats that left `from`.
    func rowTotal(_ from: Channel) -> Int { counts[from]?.values.reduce(0, +) ?? 0 }

    /// Repeats that arrived in `to`.
    func columnTotal(_ to: Channel) -> Int { channels.reduce(0) { $0 + count(from: $1, to: to) } }

    /// Every switch.
    var total: Int { channels.reduce(0) { $0 + rowTotal($1) } }

    /// The largest cell.
    var busiest: Int { channels.flatMap { from in channels.map { count(from: from, to: $0) } }.max() ?? 0 }
}
