import Foundation

/// `contactstat sql`: the SQL script that computes the report's figures in another engine
/// (`SQLScriptBuilder`), with the configuration in force (repeat window and scope, CSAT scale, cost model,
/// period, time zone, reporting range, taxonomy) compiled in. Reads no input.
public struct SQLAction: Sendable {
    public var settings: RunSettings
    public var dialect: SQLDialect
    public var table: String

    public init(settings: RunSettings, dialect: SQLDialect, table: String = "contacts") {
        self.settings = settings
        self.dialect = dialect
        self.table = table
    }

    /// The dialect named `name`; a usage error listing the dialects otherwise.
    public static func dialect(_ name: String) throws -> SQLDialect {
        guard let dialect = SQLDialect(rawValue: name.lowercased()) else {
            throw ContactStatError(.usage, "unknown SQL dialect '\(name)' (use \(SQLDialect.names.joined(separator: ", ")))")
        }
        return dialect
    }

    public func perform() throws -> ActionOutcome {
        guard !table.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ContactStatError(.usage, "the table name is empty")
        }
        let builder = SQLScriptBuilder(dialect: dialect, table: table, metrics: settings.metrics,
                                       taxonomy: settings.taxonomy, foldDiacritics: settings.foldDiacritics)
        return ActionOutcome(output: try builder.script())
    }
}
