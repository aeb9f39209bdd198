/// Named sets of CSV options for spreadsheets (`--spreadsheet NAME`).
public enum SpreadsheetPreset: String, Sendable, CaseIterable, Equatable {
    /// RFC 4180 as is: `,`, decimal point, no BOM.
    case standard
    /// Excel in decimal-point locales: `,`, decimal point, with a BOM so UTF-8 text shows correctly.
    case excel
    /// Excel in decimal-comma locales (most of Europe): `;` delimiter, decimal comma, BOM.
    case excelCommaDecimal = "excel-comma-decimal"
}
