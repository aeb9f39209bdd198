/// Which export column feeds a canonical field, and why (`validate` prints these).
public struct ColumnBinding: Sendable, Equatable {
    public enum Source: String, Sendable {
        /// `--map` or the configuration's `mapping`.
        case explicit = "mapping"
        /// The `--preset`'s column list.
        case preset
        /// A built-in column-name alias.
        case alias
        /// A constant from the preset (the export has no such column).
        case constant
    }

    public var field: CanonicalField
    /// The column's name as the export spells it (or the constant value).
    public var column: String
    /// The column's position in the header (`nil` for a constant).
    public var index: Int?
    public var source: Source

    public init(field: CanonicalField, column: String, index: Int?, source: Source) {
        self.field = field
        self.column = column
        self.index = index
        self.source = source
    }
}
