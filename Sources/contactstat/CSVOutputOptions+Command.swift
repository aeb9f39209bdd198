import ArgumentParsing
import ContactAnalytics

extension CSVOutputOptions {
    /// The CSV spreadsheet options of a command line (`--spreadsheet`, then `--csv-delimiter`,
    /// `--decimal-comma`, `--bom` on top): read the same way for `report` and `classify`.
    init(_ command: ParsedCommand) throws {
        self.init()
        if let preset = command.value("spreadsheet").flatMap(SpreadsheetPreset.init(rawValue:)) {
            self = CSVOutputOptions(preset: preset)
        }
        if let delimiter = command.value("csv-delimiter") {
            self.delimiter = try ClassifyAction.delimiter(delimiter)
        }
        if command.flag("decimal-comma") { decimalComma = true }
        if command.flag("bom") { byteOrderMark = true }
    }
}
