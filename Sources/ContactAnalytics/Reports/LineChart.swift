/// An inline SVG line chart of rates over periods (FCR and avoidable-contact rate), on a fixed 0–100 %
/// axis, with a legend. A period without a value leaves a gap in its line (no point is invented); every
/// point carries a `<title>` with its exact value.
struct LineChart: Sendable {
    /// One line: its name, colour, and one value per period (`nil` = no value).
    struct Series: Sendable {
        var name: String
        var colour: String
        var values: [Double?]
    }

    var periods: [String]
    var series: [Series]
    var title: String

    static let width = 640, height = 300
    private static let left = 56.0, right = 16.0, top = 16.0, bottom = 64.0

    func svg(id: String) -> String {
        let format = ReportNumberFormat(currency: "")
        var out = ChartAxis.open(id: id, width: Self.width, height: Self.height, title: title,
                                 description: "Lines: " + series.map(\.name).joined(separator: " and ")
                                    + " per period, in percent.")
        let hasValue = series.contains { $0.values.contains { $0 != nil } }
        guard !periods.isEmpty, hasValue else {
            return out + ChartAxis.emptyMessage(width: Self.width, height: Self.height, text: "No rates to chart") + "</svg>"
        }
        let c = ChartAxis.coordinate
        let plotWidth = Double(Self.width) - Self.left - Self.right
        let plotHeight = Double(Self.height) - Self.top - Self.bottom
        let baseline = Self.top + plotHeight
        let axis = ChartAxis.rates
        for tick in axis.ticks {
            let y = baseline - axis.offset(tick, length: plotHeight)
            out += "<line class=\"grid\" x1=\"\(c(Self.left))\" y1=\"\(c(y))\" x2=\"\(c(Self.left + plotWidth))\" y2=\"\(c(y))\"/>"
            out += "<text class=\"tick\" x=\"\(c(Self.left - 6))\" y=\"\(c(y + 4))\" text-anchor=\"end\">\(Int((tick * 100).rounded())) %</text>"
        }
        let slot = plotWidth / Double(periods.count)
        func x(_ index: Int) -> Double { Self.left + slot * (Double(index) + 0.5) }
        for (index, period) in periods.enumerated() {
            out += "<text class=\"label\" x=\"\(c(x(index)))\" y=\"\(c(baseline + 16))\" text-anchor=\"middle\">\(MarkupEscaping.html(period))</text>"
        }
        for line in series {
            var segment: [String] = []
            var markers = ""
            func flush() {
                if segment.count > 1 {
                    out += "<polyline class=\"line\" stroke=\"\(line.colour)\" points=\"\(segment.joined(separator: " "))\"/>"
                }
                segment.removeAll()
            }
            for (index, value) in line.values.enumerated() {
                guard let value, value.isFinite else { flush(); continue }
                let y = baseline - axis.offset(value, length: plotHeight)
                segment.append("\(c(x(index))),\(c(y))")
                markers += "<circle class=\"point\" fill=\"\(line.colour)\" cx=\"\(c(x(index)))\" cy=\"\(c(y))\" r=\"3.5\">"
                    + "<title>\(MarkupEscaping.html(periods[index])) \(MarkupEscaping.html(line.name)): \(format.percent(value))</title></circle>"
            }
            flush()
            out += markers
        }
        out += "<line class=\"axis\" x1=\"\(c(Self.left))\" y1=\"\(c(baseline))\" x2=\"\(c(Self.left + plotWidth))\" y2=\"\(c(baseline))\"/>"
        for (index, line) in series.enumerated() {
            let lx = Self.left + Double(index) * 180
            let ly = baseline + 40
            out += "<line x1=\"\(c(lx))\" y1=\"\(c(ly - 4))\" x2=\"\(c(lx + 20))\" y2=\"\(c(ly - 4))\" stroke=\"\(line.colour)\" stroke-width=\"3\"/>"
            out += "<text class=\"legend\" x=\"\(c(lx + 26))\" y=\"\(c(ly))\">\(MarkupEscaping.html(line.name))</text>"
        }
        return out + "</svg>"
    }
}
