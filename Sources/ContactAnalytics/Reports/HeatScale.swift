/// The shading of the heatmap tables (arrivals by weekday and hour, channel switches): nine levels of one
/// hue, from none to the busiest cell, dark enough at the top for white text. One blue ramp, light to dark, reads
/// the same for colour-blind readers and in greyscale print; every cell also holds its number, so the colour
/// is never the only carrier of a figure.
struct HeatScale: Sendable {
    /// The largest count of the grid (the darkest level); at least 1.
    let busiest: Int

    init(busiest: Int) {
        self.busiest = max(1, busiest)
    }

    /// Level 0 (no contacts) to 8 (the busiest): `ceil(count / busiest * 8)`, at least 1 for any contact.
    func level(_ count: Int) -> Int {
        guard count > 0 else { return 0 }
        return min(8, max(1, Int((Double(count) / Double(busiest) * 8).rounded(.up))))
    }

    /// Background and text colour of each level.
    static let colours: [(background: String, text: String)] = [
        ("#f4f6f8", "#1d232a"), ("#e1edf5", "#1d232a"), ("#c6dcec", "#1d232a"), ("#a8cae2", "#1d232a"),
        ("#84b4d5", "#1d232a"), ("#5c9cc8", "#ffffff"), ("#3787bd", "#ffffff"), ("#1a78b5", "#ffffff"),
        ("#0060a0", "#ffffff"),
    ]

    /// The CSS classes `heat0` ... `heat8`.
    static var css: String {
        colours.enumerated().map { index, colour in
            ".heat\(index) { background: \(colour.background);\(colour.text == "#ffffff" ? " color: #fff;" : "") }"
        }.joined(separator: "\n")
    }

    /// The inline style of a level (for the e-mail variant, which has no stylesheet); the text colour only
    /// where it is not the default ink.
    static func inlineStyle(_ level: Int) -> String {
        let colour = colours[min(max(level, 0), colours.count - 1)]
        return "background:\(colour.background);" + (colour.text == "#ffffff" ? "color:#ffffff;" : "")
    }
}
