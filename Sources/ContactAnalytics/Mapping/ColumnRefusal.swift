/// A column that a field's name alias found but whose values do not fit the field, so the field was not fed
/// from it (a US `State` column is no `status`, a `caller_id` of names no `phone`). `validate` lists these and
/// every command reports them as notes.
public struct ColumnRefusal: Sendable, Equatable {
    /// The field the column's name suggested.
    public var field: CanonicalField
    /// The column, as the export spells it.
    public var column: String
    /// The field the column feeds instead, if any (a category-like `Subject` becomes `category`).
    public var reassignedTo: CanonicalField?
    /// Why, in a sentence: `column 'State' not used as status: 48 of 50 sampled values are not statuses
    /// (e.g. 'MA', 'CA')`.
    public var message: String

    public init(field: CanonicalField, column: String, reassignedTo: CanonicalField? = nil, message: String) {
        self.field = field
        self.column = column
        self.reassignedTo = reassignedTo
        self.message = message
    }
}
