/// A Pareto of causes by cost, as the HTML formats draw it: a table of horizontal bars (a row per cause, its
/// path as text, so it reads at any width and on paper, and the table is its own text alternative), the
/// `maxNamed` costliest causes largest first, each with its cost and the cumulative share of the total cost of
/// all causes. The causes beyond them are not a bar (a bar "other (21)" would dwarf every named cause and say
/// nothing): they are one sentence, ``restNote``, under the chart. This type decides what is drawn; each HTML
/// renderer writes the markup.
struct ParetoChart: Sendable {
    /// One named cause: its label, cost, and the cumulative share of the total cost up to and including it.
    struct Bar: Sendable, Equatable {
        var label: String
        var cost: Double
        var cumulativeShare: Double
    }

    /// The causes as `(label, cost)`, in the order given (the report sorts them by cost, descending).
    var items: [(label: String, cost: Double)]
    var currency: String
    var maxNamed = 10

    /// The total cost of all causes (negative costs count as 0).
    var total: Double { items.reduce(0) { $0 + max(0, $1.cost) } }

    /// The named causes, with their cumulative shares of ``total``.
    var bars: [Bar] {
        let total = self.total
        var cumulative = 0.0
        return items.prefix(maxNamed).map { item in
            cumulative += max(0, item.cost)
            return Bar(label: item.label, cost: item.cost, cumulativeShare: total > 0 ? cumulative / total : 0)
        }
    }

    /// What the causes beyond the named ones add up to, as a sentence; empty when every cause is named.
    var restNote: String {
        guard items.count > maxNamed else { return "" }
        let format = ReportNumberFormat(currency: currency)
        let rest = items[maxNamed...].reduce(0.0) { $0 + max(0, $1.cost) }
        let count = items.count - maxNamed
        return "The other \(format.count(count)) cause\(count == 1 ? "" : "s") cost \(format.moneyWithCurrency(rest))"
            + " together (\(format.percent(total > 0 ? rest / total : nil)) of the total); the table lists every cause."
    }

    /// The chart's visible title.
    var title: String {
        items.count > maxNamed ? "The \(maxNamed) costliest causes (\(currency))" : "Causes by cost (\(currency))"
    }

    /// A bar's length in percent of the longest (the costliest cause): 1 to 100, 0 for no cost.
    func barPercent(_ bar: Bar) -> Int {
        guard let largest = bars.map(\.cost).max(), largest > 0, bar.cost > 0 else { return 0 }
        return max(1, min(100, Int((bar.cost / largest * 100).rounded())))
    }
}
