/// An inline SVG line chart of rates over periods (FCR and avoidable-contact rate), on a fixed 0–100 %
/// axis, with axis titles and a legend. Lines differ in colour and in their point marker (circle, square), so
/// colour is never the only key. Period labels are thinned to every n-th (always the latest) so they never
/// overlap. A partial period is drawn apart: the segment into it dashed and its point hollow, with a legend
/// note, so a half-covered week does not read as a collapse. A period without a value leaves a gap (no point
/// is invented); every point carries a `<title>` with its exact value.
struct LineChart: Sendable {
    /// How a line's points are drawn.
    enum Marker: Sendable {
        case circle, square
    }

    /// One line: its name, colour, marker, and one value per period (`nil` = no value).
    struct Series: Sendable {
        var name: String
        var colour: String
        var marker: Marker = .circle
        var values: [Double?]
    }

    var periods: [String]
    /// Per period, whether the data covers it only in part (missing entries count as whole).
    var partial: [Bool] = []
    var series: [Series]
    var title: String
    /// What a period is (`week`), for the axis title and the partial note.
    var periodNoun = "period"

    static let width = 640, height = 340
    private static let left = 60.0, right = 40.0, top = 30.0, bottom = 104.0

    private func isPartial(_ index: Int) -> Bool { index < partial.count && partial[index] }

    func svg(id: String) -> String {
        let format = ReportNumberFormat(currency: "")
        var out = ChartAxis.open(id: id, width: Self.width, height: Self.height, title: title,
                                 description: "Lines: " + series.map(\.name).joined(separator: " and ")
                                    + " per \(periodNoun), in percent (0 to 100)."
                                    + (partial.contains(true) ? " A partial \(periodNoun) is dashed, with a hollow point." : ""))
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
        out += "<text class=\"axis-title\" x=\"4\" y=\"14\">Rate (%)</text>"
        let slot = plotWidth / Double(periods.count)
        func x(_ index: Int) -> Double { Self.left + slot * (Double(index) + 0.5) }
        let shown = ChartAxis.labelledIndexes(count: periods.count, slot: slot, labelWidth: 100)
        for index in shown {
            let label = periods[index] + (isPartial(index) ? ReportContent.partialMark : "")
            out += "<line class=\"axis\" x1=\"\(c(x(index)))\" y1=\"\(c(baseline))\" x2=\"\(c(x(index)))\" y2=\"\(c(baseline + 4))\"/>"
            out += "<text class=\"label\" x=\"\(c(x(index)))\" y=\"\(c(baseline + 18))\" text-anchor=\"middle\">\(MarkupEscaping.html(label))</text>"
        }
        out += "<text class=\"axis-title\" x=\"\(c(Self.left + plotWidth / 2))\" y=\"\(c(baseline + 38))\" text-anchor=\"middle\">"
            + "\(MarkupEscaping.html(periodNoun.prefix(1).uppercased() + periodNoun.dropFirst()))</text>"
        for line in series {
            var segment: [String] = []
            var dashed = ""
            var markers = ""
            func flush() {
                if segment.count > 1 {
                    out += "<polyline class=\"line\" stroke=\"\(line.colour)\" points=\"\(segment.joined(separator: " "))\"/>"
                }
                segment.removeAll()
            }
            var previous: (index: Int, y: Double)?
            for (index, value) in line.values.enumerated() {
                guard let value, value.isFinite else {
                    flush()
                    previous = nil
                    continue
                }
                let y = baseline - axis.offset(value, length: plotHeight)
                if let before = previous, isPartial(index) || isPartial(before.index) {
                    flush()
                    dashed += "<line class=\"line partial\" stroke=\"\(line.colour)\" x1=\"\(c(x(before.index)))\" y1=\"\(c(before.y))\" "
                        + "x2=\"\(c(x(index)))\" y2=\"\(c(y))\"/>"
                }
                if isPartial(index) { flush() } else { segment.append("\(c(x(index))),\(c(y))") }
                let tooltip = "<title>\(MarkupEscaping.html(periods[index]))\(isPartial(index) ? " (partial)" : "") "
                    + "\(MarkupEscaping.html(line.name)): \(format.percent(value))</title>"
                markers += Self.marker(line.marker, x: x(index), y: y, colour: line.colour, hollow: isPartial(index), tooltip: tooltip)
                previous = (index, y)
            }
            flush()
            out += dashed + markers
        }
        out += "<line class=\"axis\" x1=\"\(c(Self.left))\" y1=\"\(c(baseline))\" x2=\"\(c(Self.left + plotWidth))\" y2=\"\(c(baseline))\"/>"
        var legendY = baseline + 62
        var legendX = Self.left
        for line in series {
            out += "<line x1=\"\(c(legendX))\" y1=\"\(c(legendY - 4))\" x2=\"\(c(legendX + 24))\" y2=\"\(c(legendY - 4))\" stroke=\"\(line.colour)\" stroke-width=\"2.5\"/>"
            out += Self.marker(line.marker, x: legendX + 12, y: legendY - 4, colour: line.colour, hollow: false, tooltip: "")
            out += "<text class=\"legend\" x=\"\(c(legendX + 30))\" y=\"\(c(legendY))\">\(MarkupEscaping.html(line.name))</text>"
            legendX += 56 + Double(line.name.count) * 10
        }
        if partial.contains(true) {
            legendX = Self.left
            legendY += 24
            out += "<line class=\"line partial\" stroke=\"#5b6570\" x1=\"\(c(legendX))\" y1=\"\(c(legendY - 4))\" x2=\"\(c(legendX + 24))\" y2=\"\(c(legendY - 4))\"/>"
            out += Self.marker(.circle, x: legendX + 24, y: legendY - 4, colour: "#5b6570", hollow: true, tooltip: "")
            out += "<text class=\"legend\" x=\"\(c(legendX + 34))\" y=\"\(c(legendY))\">* partial \(MarkupEscaping.html(periodNoun)): not a whole one</text>"
        }
        return out + "</svg>"
    }

    private static func marker(_ marker: Marker, x: Double, y: Double, colour: String, hollow: Bool, tooltip: String) -> String {
        let c = ChartAxis.coordinate
        let paint = hollow ? "fill=\"#fff\" stroke=\"\(colour)\" stroke-width=\"2\"" : "fill=\"\(colour)\""
        let kind = hollow ? "point partial" : "point"
        switch marker {
        case .circle:
            return "<circle class=\"\(kind)\" \(paint) cx=\"\(c(x))\" cy=\"\(c(y))\" r=\"4\">\(tooltip)</circle>"
        case .square:
            return "<rect class=\"\(kind)\" \(paint) x=\"\(c(x - 4))\" y=\"\(c(y - 4))\" width=\"8\" height=\"8\">\(tooltip)</rect>"
        }
    }
}
