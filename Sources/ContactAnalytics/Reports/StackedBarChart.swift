/// An inline SVG chart of the channel mix per period: one stacked bar per period (contacts, segments by
/// channel in channel order) and a legend naming each channel's colour. Each segment carries a `<title>`
/// with its exact count.
struct StackedBarChart: Sendable {
    /// Periods in order, each with contacts per channel.
    var periods: [(label: String, channels: [Channel: Int])]

    static let width = 640, height = 320
    private static let left = 56.0, right = 16.0, top = 16.0, bottom = 72.0

    func svg(id: String) -> String {
        let format = ReportNumberFormat(currency: "")
        var out = ChartAxis.open(id: id, width: Self.width, height: Self.height,
                                 title: "Channel mix per period",
                                 description: "Stacked bars: contacts per channel in each period.")
        var present = Set<Channel>()
        for period in periods { present.formUnion(period.channels.filter { $0.value > 0 }.keys) }
        let channels = present.sorted()
        let totals = periods.map { $0.channels.values.reduce(0) { $0 + max(0, $1) } }
        guard let largest = totals.max(), largest > 0 else {
            return out + ChartAxis.emptyMessage(width: Self.width, height: Self.height, text: "No contacts to chart") + "</svg>"
        }
        let c = ChartAxis.coordinate
        let plotWidth = Double(Self.width) - Self.left - Self.right
        let plotHeight = Double(Self.height) - Self.top - Self.bottom
        let baseline = Self.top + plotHeight
        let axis = ChartAxis(largest: Double(largest))
        for tick in axis.ticks {
            let y = baseline - axis.offset(tick, length: plotHeight)
            out += "<line class=\"grid\" x1=\"\(c(Self.left))\" y1=\"\(c(y))\" x2=\"\(c(Self.left + plotWidth))\" y2=\"\(c(y))\"/>"
            out += "<text class=\"tick\" x=\"\(c(Self.left - 6))\" y=\"\(c(y + 4))\" text-anchor=\"end\">\(ChartAxis.shortLabel(tick))</text>"
        }
        let slot = plotWidth / Double(periods.count)
        let barWidth = min(slot * 0.7, 64)
        for (index, period) in periods.enumerated() {
            let x = Self.left + slot * Double(index) + (slot - barWidth) / 2
            var stacked = 0.0
            let label = MarkupEscaping.html(period.label)
            for channel in channels {
                let count = max(0, period.channels[channel] ?? 0)
                guard count > 0 else { continue }
                let y0 = baseline - axis.offset(stacked, length: plotHeight)
                stacked += Double(count)
                let y1 = baseline - axis.offset(stacked, length: plotHeight)
                out += "<rect x=\"\(c(x))\" y=\"\(c(y1))\" width=\"\(c(barWidth))\" height=\"\(c(y0 - y1))\" fill=\"\(ChartAxis.colour(channel))\">"
                    + "<title>\(label) \(channel.rawValue): \(format.count(count))</title></rect>"
            }
            out += "<text class=\"label\" x=\"\(c(x + barWidth / 2))\" y=\"\(c(baseline + 16))\" text-anchor=\"middle\">\(label)</text>"
        }
        out += "<line class=\"axis\" x1=\"\(c(Self.left))\" y1=\"\(c(baseline))\" x2=\"\(c(Self.left + plotWidth))\" y2=\"\(c(baseline))\"/>"
        // Legend: up to five entries a row.
        for (index, channel) in channels.enumerated() {
            let x = Self.left + Double(index % 5) * 112
            let y = baseline + 34 + Double(index / 5) * 18
            out += "<rect x=\"\(c(x))\" y=\"\(c(y - 10))\" width=\"12\" height=\"12\" fill=\"\(ChartAxis.colour(channel))\"/>"
            out += "<text class=\"legend\" x=\"\(c(x + 18))\" y=\"\(c(y))\">\(channel.rawValue)</text>"
        }
        return out + "</svg>"
    }
}
