/// Lays out a table in monospaced columns for the text format: numbers right-aligned, names left-aligned,
/// two spaces between columns, no trailing spaces.
///
/// **Fitting.** When the natural width exceeds `maxWidth`, the widest name column is narrowed one
/// character at a time (never below its header or 8 characters) and its longer cells end in `…`. Number
/// columns never shrink. Widths count Characters, which is exact for the Latin, Greek and Cyrillic text of
/// typical exports; East Asian wide characters may overhang.
struct TextTable: Sendable {
    var columns: [ReportContent.Column]
    var rows: [[String]]

    /// The lines of the table: the header, a rule of `-`, the rows. Cells are passed through
    /// ``MarkupEscaping/terminal(_:)`` first.
    func lines(maxWidth: Int) -> (header: String, rule: String, rows: [String]) {
        let clean = rows.map { $0.map(MarkupEscaping.terminal) }
        var widths = columns.map { $0.header.count }
        for row in clean {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        let separators = 2 * max(0, columns.count - 1)
        var total = widths.reduce(0, +) + separators
        while total > maxWidth {
            var candidate: Int?
            for (index, column) in columns.enumerated() where !column.numeric {
                let floor = max(8, column.header.count)
                guard widths[index] > floor else { continue }
                if let current = candidate, widths[current] >= widths[index] { continue }
                candidate = index
            }
            guard let narrowed = candidate else { break }
            widths[narrowed] -= 1
            total -= 1
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (index, width) in widths.enumerated() {
                let cell = index < cells.count ? TextTable.fit(cells[index], width) : ""
                let padding = String(repeating: " ", count: max(0, width - cell.count))
                parts.append(columns[index].numeric ? padding + cell : cell + padding)
            }
            var text = parts.joined(separator: "  ")
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        let rule = String(repeating: "-", count: min(maxWidth, widths.reduce(0, +) + separators))
        return (line(columns.map(\.header)), rule, clean.map(line))
    }

    /// `text` cut to `width` characters, with `…` where it was cut. A cause path (`group/leaf`) is cut in the
    /// middle, so both its group and the end of its leaf stay readable (`delivery/…is-my-order`); other names
    /// are cut at the end.
    static func fit(_ text: String, _ width: Int) -> String {
        guard text.count > width else { return text }
        guard width > 1 else { return String(text.prefix(width)) }
        if let slash = text.firstIndex(of: "/"), width >= 8 {
            // Keep the whole group when it leaves room for a few letters of the leaf, else half and half.
            let group = text.distance(from: text.startIndex, to: slash) + 1
            let head = group <= width - 6 ? group : (width - 1) / 2
            return String(text.prefix(head)) + "…" + String(text.suffix(width - 1 - head))
        }
        return String(text.prefix(width - 1)) + "…"
    }
}
