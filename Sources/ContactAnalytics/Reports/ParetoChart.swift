/// An inline SVG Pareto chart of causes by cost: bars (cost, left axis, largest first) and the cumulative
/// share of cost as a line (right axis, 0–100 %), with a dashed 80 % guide. Up to `maxBars` causes are drawn;
/// the rest are summed into one bar `other (N)`. Each bar carries a `<title>` with its exact figures.
struct ParetoChart: Sendable {
    /// The causes as `(label, cost)`, in the order given (the report sorts them by cost, descending).
    var items: [(label: String, cost: Double)]
    var currency: String
    var maxBars = 12

    static let width = 640, height = 320
    private static let left = 76.0, right = 52.0, top = 24.0, bottom = 96.0

    func svg(id: String) -> String {
        let format = ReportNumberFormat(currency: currency)
        var bars = Array(items.prefix(maxBars))
        if items.count > maxBars {
            let rest = items[maxBars...].reduce(0.0) { $0 + $1.cost }
            bars.append((label: "other (\(items.count - maxBars))", cost: rest))
        }
        let total = bars.reduce(0.0) { $0 + max(0, $1.cost) }
        var out = ChartAxis.open(id: id, width: Self.width, height: Self.height,
                                 title: "Pareto of causes by cost",
                                 description: "Bars: cost per cause in \(currency), largest first. Line: cumulative share of the total cost.")
        guard total > 0 else {
            return out + ChartAxis.emptyMessage(width: Self.width, height: Self.height, text: "No cost to chart") + "</svg>"
        }
        let plotWidth = Double(Self.width) - Self.left - Self.right
        let plotHeight = Double(Self.height) - Self.top - Self.bottom
        let baseline = Self.top + plotHeight
        let axis = ChartAxis(largest: bars.map(\.cost).max() ?? 0)
        let c = ChartAxis.coordinate
        // Grid and left axis (cost).
        for tick in axis.ticks {
            let y = baseline - axis.offset(tick, length: plotHeight)
            out += "<line class=\"grid\" x1=\"\(c(Self.left))\" y1=\"\(c(y))\" x2=\"\(c(Self.left + plotWidth))\" y2=\"\(c(y))\"/>"
            out += "<text class=\"tick\" x=\"\(c(Self.left - 6))\" y=\"\(c(y + 4))\" text-anchor=\"end\">\(ChartAxis.shortLabel(tick))</text>"
        }
        // Right axis (cumulative %).
        for tick in ChartAxis.rates.ticks {
            let y = baseline - ChartAxis.rates.offset(tick, length: plotHeight)
            out += "<text class=\"tick\" x=\"\(c(Self.left + plotWidth + 6))\" y=\"\(c(y + 4))\">\(Int((tick * 100).rounded())) %</text>"
        }
        let guideY = baseline - ChartAxis.rates.offset(0.8, length: plotHeight)
        out += "<line class=\"guide\" x1=\"\(c(Self.left))\" y1=\"\(c(guideY))\" x2=\"\(c(Self.left + plotWidth))\" y2=\"\(c(guideY))\"/>"
        let slot = plotWidth / Double(bars.count)
        let barWidth = slot * 0.7
        var cumulative = 0.0
        var points: [String] = []
        var markers = ""
        for (index, bar) in bars.enumerated() {
            let x = Self.left + slot * Double(index) + (slot - barWidth) / 2
            let height = axis.offset(bar.cost, length: plotHeight)
            cumulative += max(0, bar.cost)
            let share = cumulative / total
            let label = MarkupEscaping.html(bar.label)
            out += "<rect class=\"bar\" x=\"\(c(x))\" y=\"\(c(baseline - height))\" width=\"\(c(barWidth))\" height=\"\(c(height))\">"
                + "<title>\(label): \(MarkupEscaping.html(format.moneyWithCurrency(bar.cost))), cumulative \(format.percent(share))</title></rect>"
            let centre = x + barWidth / 2
            out += "<text class=\"label\" transform=\"translate(\(c(centre)),\(c(baseline + 10))) rotate(-40)\" text-anchor=\"end\">"
                + "\(MarkupEscaping.html(TextTable.fit(bar.label, 18)))</text>"
            let y = baseline - ChartAxis.rates.offset(share, length: plotHeight)
            points.append("\(c(centre)),\(c(y))")
            markers += "<circle class=\"point cumulative\" cx=\"\(c(centre))\" cy=\"\(c(y))\" r=\"3\"><title>cumulative \(format.percent(share))</title></circle>"
        }
        out += "<polyline class=\"line cumulative\" points=\"\(points.joined(separator: " "))\"/>" + markers
        out += "<line class=\"axis\" x1=\"\(c(Self.left))\" y1=\"\(c(baseline))\" x2=\"\(c(Self.left + plotWidth))\" y2=\"\(c(baseline))\"/>"
        out += "<text class=\"axis-title\" x=\"\(c(Self.left))\" y=\"14\">\(MarkupEscaping.html(currency))</text>"
        out += "<text class=\"axis-title\" x=\"\(c(Self.left + plotWidth + 6))\" y=\"14\">cum. %</text>"
        return out + "</svg>"
    }
}
