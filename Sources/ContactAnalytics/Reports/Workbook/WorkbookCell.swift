/// One typed cell of a written workbook: a spreadsheet shows each kind with its number format, and sorts and
/// sums them as numbers, whatever its locale.
public enum WorkbookCell: Sendable, Equatable {
    /// Text, written as an inline string (never a formula, whatever it starts with).
    case text(String)
    /// A whole number.
    case integer(Int)
    /// A number shown with two decimals.
    case decimal(Double)
    /// A share from 0 to 1, shown as a percentage with one decimal (`0.125` shows `12.5%`).
    case percent(Double)
    /// An amount of money in the currency `code` (ISO 4217), shown with two decimals and the code.
    case money(Double, currency: String)
    /// A duration in seconds, shown as `[h]:mm:ss`.
    case duration(Double)
    /// A date and time given as its parts (local to the report's time zone), shown `yyyy-mm-dd hh:mm`.
    case dateTime(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int)
    /// No value: an empty cell.
    case empty
}
