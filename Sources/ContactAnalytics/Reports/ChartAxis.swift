/// A value axis for the SVG charts: from 0 to a "nice" maximum (1, 2, 2.5 or 5 times a power of ten per
/// step), with the tick values, and the mapping from values to pixel offsets. Also the shared drawing
/// vocabulary (coordinates with one decimal, channel colours), so the charts look alike.
struct ChartAxis: Sendable {
    /// The top of the axis (at least the largest value; 1 when there is nothing to show).
    let maximum: Double
    /// Tick values from 0 to `maximum`, inclusive.
    let ticks: [Double]

    /// An axis covering `0...largest` in about `tickCount` steps.
    init(largest: Double, tickCount: Int = 5) {
        guard largest.isFinite, largest > 0 else {
            maximum = 1
            ticks = [0, 0.25, 0.5, 0.75, 1]
            return
        }
        let rough = largest / Double(max(1, tickCount))
        var magnitude: Double = 1
        while magnitude * 10 <= rough { magnitude *= 10 }
        while magnitude > rough { magnitude /= 10 }
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? magnitude * 10
        var top = step
        while top < largest { top += step }
        maximum = top
        var values: [Double] = []
        var value = 0.0
        while value <= top + step / 2 {
            values.append(value)
            value += step
        }
        ticks = values
    }

    /// A fixed axis from 0 to 1 (rates), ticks every 20 %.
    static let rates = ChartAxis(fixedTicks: [0, 0.2, 0.4, 0.6, 0.8, 1])

    private init(fixedTicks: [Double]) {
        ticks = fixedTicks
        maximum = fixedTicks.last ?? 1
    }

    /// The pixel offset of `value` from the axis origin, for an axis `length` pixels long.
    func offset(_ value: Double, length: Double) -> Double {
        guard maximum > 0, value.isFinite else { return 0 }
        return min(max(value, 0), maximum) / maximum * length
    }

    /// A coordinate with at most one decimal (`12.5`), locale-independent.
    static func coordinate(_ value: Double) -> String {
        ReportNumberFormat.fixed(value, places: 1).map { text in
            text.hasSuffix(".0") ? String(text.dropLast(2)) : text
        } ?? "0"
    }

    /// A short tick label: `12k`, `1.5M`, `250`, `2.5`.
    static func shortLabel(_ value: Double) -> String {
        let format = ReportNumberFormat(currency: "")
        if value >= 1_000_000 { return trimmed(value / 1_000_000) + "M" }
        if value >= 10_000 { return trimmed(value / 1_000) + "k" }
        if value == value.rounded() { return format.count(Int(value)) }
        return trimmed(value)
    }

    private static func trimmed(_ value: Double) -> String {
        var text = ReportNumberFormat.fixed(value, places: 1) ?? "0"
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }

    /// The indexes of `count` evenly spaced slots (each `slot` pixels wide) that get a label `labelWidth`
    /// pixels wide without overlapping: every n-th, counted back from the latest, which is always labelled.
    static func labelledIndexes(count: Int, slot: Double, labelWidth: Double) -> [Int] {
        guard count > 0 else { return [] }
        let step = slot > 0 ? max(1, Int((labelWidth / slot).rounded(.up))) : count
        return (0..<count).filter { (count - 1 - $0) % step == 0 }
    }

    /// A `<defs>` with a diagonal hatch pattern named `id` in `colour`: the fill of a partial period's bar.
    static func hatch(id: String, colour: String) -> String {
        "<defs><pattern id=\"\(id)\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" patternTransform=\"rotate(45)\">"
            + "<rect width=\"6\" height=\"6\" fill=\"#fff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"\(colour)\" stroke-width=\"3\"/>"
            + "</pattern></defs>"
    }

    /// A colour-blind-safe colour per channel (Okabe–Ito palette first).
    static func colour(_ channel: Channel) -> String {
        switch channel {
        case .phone: "#0072B2"
        case .email: "#E69F00"
        case .letter: "#44AA99"
        case .chat: "#009E73"
        case .social: "#CC79A7"
        case .messaging: "#56B4E9"
        case .web: "#D55E00"
        case .selfService: "#F0E442"
        case .sms: "#7F7F7F"
        case .inPerson: "#882255"
        case .internal: "#BBBBBB"
        case .other: "#332288"
        }
    }

    /// The opening `<svg>` tag with its `<title>` and `<desc>` (both escaped), labelled for assistive
    /// technology.
    /// `className` is `chart` and, for a small panel, `chart panel`.
    static func open(id: String, width: Int, height: Int, title: String, description: String,
                     className: String = "chart") -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"\(id)\" class=\"\(className)\" viewBox=\"0 0 \(width) \(height)\" "
            + "role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\">"
            + "<title id=\"\(id)-title\">\(MarkupEscaping.html(title))</title>"
            + "<desc id=\"\(id)-desc\">\(MarkupEscaping.html(description))</desc>"
    }

    /// A centred "no data" message for an empty chart.
    static func emptyMessage(width: Int, height: Int, text: String) -> String {
        "<text x=\"\(width / 2)\" y=\"\(height / 2)\" text-anchor=\"middle\" class=\"empty\">\(MarkupEscaping.html(text))</text>"
    }
}
