/// When contacts arrive: counted contacts by local ISO weekday and hour of `opened_at` (in the report's time
/// zone, daylight saving included), per channel and in total.
///
/// Derived figures, each defined where it is computed: the busiest weekday-hours, and the share of contacts
/// that arrive in the evening (18:00-23:59, any day) and at the weekend (Saturday and Sunday).
public struct ArrivalGrid: Sendable, Equatable {
    /// 7 weekdays x 24 hours.
    public static let cells = 7 * 24
    /// The first hour counted as evening.
    public static let eveningFrom = 18
    public static let weekdayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    /// One weekday-hour: ISO weekday (1 = Monday ... 7 = Sunday) and local hour (0-23).
    public struct Cell: Sendable, Equatable {
        public var weekday: Int
        public var hour: Int
        public var contacts: Int

        /// `Mon 09:00-10:00`.
        public var label: String {
            let from = hour < 10 ? "0\(hour)" : "\(hour)", to = hour + 1 < 10 ? "0\(hour + 1)" : "\(hour + 1)"
            return "\(ArrivalGrid.weekdayNames[weekday - 1]) \(from):00-\(to):00"
        }
    }

    /// Per channel with contacts, in channel order: its contacts by cell (index `(weekday - 1) * 24 + hour`).
    public var channels: [(channel: Channel, counts: [Int])] {
        zip(channelOrder, channelCounts).map { ($0, $1) }
    }
    private var channelOrder: [Channel]
    private var channelCounts: [[Int]]
    /// All channels: contacts by cell.
    public private(set) var counts: [Int]

    /// A grid of no contacts.
    public init() {
        self.init(byChannel: [:])
    }

    /// A grid of per-channel counts (each `cells` long); channels without contacts are left out.
    public init(byChannel: [Channel: [Int]]) {
        let present = byChannel.keys.sorted().filter { byChannel[$0]?.contains { $0 != 0 } ?? false }
        channelOrder = present
        channelCounts = present.map { byChannel[$0] ?? [] }
        var total = [Int](repeating: 0, count: Self.cells)
        for counts in channelCounts {
            for (cell, count) in counts.enumerated() where cell < Self.cells { total[cell] += count }
        }
        counts = total
    }

    public static func == (lhs: ArrivalGrid, rhs: ArrivalGrid) -> Bool {
        lhs.channelOrder == rhs.channelOrder && lhs.channelCounts == rhs.channelCounts
    }

    /// Contacts in all cells.
    public var total: Int { counts.reduce(0, +) }

    /// Contacts on ISO weekday `weekday` (1-7) in hour `hour` (0-23).
    public func contacts(weekday: Int, hour: Int) -> Int {
        counts[(weekday - 1) * 24 + hour]
    }

    /// Contacts of `channel` in that cell (0 for a channel without contacts).
    public func contacts(weekday: Int, hour: Int, channel: Channel) -> Int {
        guard let index = channelOrder.firstIndex(of: channel) else { return 0 }
        return channelCounts[index][(weekday - 1) * 24 + hour]
    }

    /// The `count` cells with the most contacts (ties: the earlier in the week first), cells with contacts only.
    public func busiest(_ count: Int) -> [Cell] {
        let order = counts.indices.filter { counts[$0] > 0 }.sorted { a, b in
            counts[a] != counts[b] ? counts[a] > counts[b] : a < b
        }
        return order.prefix(count).map { Cell(weekday: $0 / 24 + 1, hour: $0 % 24, contacts: counts[$0]) }
    }

    /// Contacts that arrived 18:00-23:59 local time, any day / all contacts.
    public var evening: Ratio {
        Ratio(counts.indices.filter { $0 % 24 >= Self.eveningFrom }.reduce(0) { $0 + counts[$1] }, of: total)
    }

    /// Contacts that arrived on a Saturday or Sunday / all contacts.
    public var weekend: Ratio {
        Ratio(counts[(5 * 24)...].reduce(0, +), of: total)
    }

    /// Every cell, Monday 00 first.
    public var cells: [Cell] {
        counts.indices.map { Cell(weekday: $0 / 24 + 1, hour: $0 % 24, contacts: counts[$0]) }
    }
}
