/// Contacts per period for each channel as small multiples: one small bar chart per channel, all on the same
/// scale, instead of one chart with a line (or a stacked segment) for each of up to seven channels. Each panel
/// is its own SVG with a `<title>`, names its channel and total in view, labels the first and latest period
/// and the top of the shared axis. A partial period's bar is hatched (with a legend note in the caption), so
/// it does not read as a collapse.
struct ChannelTrendMultiples: Sendable {
    /// Periods in order, each with contacts per channel and whether the data covers it only in part.
    var periods: [(label: String, channels: [Channel: Int], partial: Bool)]
    /// What a period is (`week`).
    var periodNoun = "period"

    static let width = 300, height = 150
    private static let left = 40.0, right = 10.0, top = 26.0, bottom = 24.0

    /// The channels with contacts in any period, in channel order.
    var channels: [Channel] {
        var present = Set<Channel>()
        for period in periods { present.formUnion(period.channels.filter { $0.value > 0 }.keys) }
        return present.sorted()
    }

    /// The shared axis: up to the largest count of any channel in any period.
    var axis: ChartAxis {
        ChartAxis(largest: Double(periods.flatMap { $0.channels.values }.max() ?? 0), tickCount: 2)
    }

    /// One SVG per channel (ids `<id>-<channel>`); empty when there are no contacts.
    func panels(id: String) -> [String] {
        let axis = self.axis
        return channels.map { panel(id: "\(id)-\($0.rawValue)", channel: $0, axis: axis) }
    }

    private func panel(id: String, channel: Channel, axis: ChartAxis) -> String {
        let format = ReportNumberFormat(currency: "")
        let c = ChartAxis.coordinate
        let counts = periods.map { max(0, $0.channels[channel] ?? 0) }
        let total = counts.reduce(0, +)
        let peak = counts.enumerated().max { $0.element < $1.element }
        var description = "Bars: contacts per \(periodNoun) in \(channel.rawValue), \(format.count(total)) in all"
        if let peak { description += "; most in \(periods[peak.offset].label) (\(format.count(peak.element)))" }
        description += "; the same scale as the other channels' panels."
        var out = ChartAxis.open(id: id, width: Self.width, height: Self.height,
                                 title: "Contacts per \(periodNoun): \(channel.rawValue)", description: description,
                                 className: "chart panel")
        let colour = "#0072B2"
        out += ChartAxis.hatch(id: "\(id)-hatch", colour: colour)
        out += "<text class=\"panel-title\" x=\"4\" y=\"15\">\(channel.rawValue)</text>"
        out += "<text class=\"tick\" x=\"\(c(Double(Self.width) - 4))\" y=\"15\" text-anchor=\"end\">\(format.count(total)) contacts</text>"
        let plotWidth = Double(Self.width) - Self.left - Self.right
        let plotHeight = Double(Self.height) - Self.top - Self.bottom
        let baseline = Self.top + plotHeight
        for tick in axis.ticks {
            let y = baseline - axis.offset(tick, length: plotHeight)
            out += "<line class=\"grid\" x1=\"\(c(Self.left))\" y1=\"\(c(y))\" x2=\"\(c(Self.left + plotWidth))\" y2=\"\(c(y))\"/>"
            out += "<text class=\"tick\" x=\"\(c(Self.left - 4))\" y=\"\(c(y + 4))\" text-anchor=\"end\">\(ChartAxis.shortLabel(tick))</text>"
        }
        let slot = plotWidth / Double(max(1, periods.count))
        let barWidth = max(1, min(slot * 0.75, 28))
        for (index, period) in periods.enumerated() {
            let count = counts[index]
            let x = Self.left + slot * Double(index) + (slot - barWidth) / 2
            let height = axis.offset(Double(count), length: plotHeight)
            let fill = period.partial ? "url(#\(id)-hatch)\" stroke=\"\(colour)\" stroke-width=\"1" : colour
            out += "<rect class=\"column\(period.partial ? " partial" : "")\" x=\"\(c(x))\" y=\"\(c(baseline - height))\" width=\"\(c(barWidth))\" "
                + "height=\"\(c(height))\" fill=\"\(fill)\"><title>\(MarkupEscaping.html(period.label))\(period.partial ? " (partial)" : ""): "
                + "\(format.count(count))</title></rect>"
        }
        out += "<line class=\"axis\" x1=\"\(c(Self.left))\" y1=\"\(c(baseline))\" x2=\"\(c(Self.left + plotWidth))\" y2=\"\(c(baseline))\"/>"
        if let first = periods.first, let last = periods.last {
            out += "<text class=\"tick\" x=\"\(c(Self.left))\" y=\"\(c(baseline + 15))\">\(MarkupEscaping.html(first.label + (first.partial ? ReportContent.partialMark : "")))</text>"
            if periods.count > 1 {
                out += "<text class=\"tick\" x=\"\(c(Self.left + plotWidth))\" y=\"\(c(baseline + 15))\" text-anchor=\"end\">"
                    + "\(MarkupEscaping.html(last.label + (last.partial ? ReportContent.partialMark : "")))</text>"
            }
        }
        return out + "</svg>"
    }
}
