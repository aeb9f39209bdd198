/// Repeats whose channel differs from that of the contact they repeat: customers moving between channels.
public struct ChannelSwitch: Sendable, Equatable {
    public var from: Channel
    public var to: Channel
    public var count: Int

    public init(from: Channel, to: Channel, count: Int) {
        self.from = from
        self.to = to
        self.count = count
    }
}
