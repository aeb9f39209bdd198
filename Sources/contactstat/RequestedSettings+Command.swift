import ArgumentParsing
import ContactAnalytics

extension RequestedSettings {
    /// What the command line asks for. Options the command does not declare count as not given.
    init(_ command: ParsedCommand) {
        func option(_ name: String) -> String? {
            command.declaredOption(name) != nil ? command.value(name) : nil
        }
        func flag(_ name: String) -> Bool {
            command.declaredOption(name) != nil && command.flag(name)
        }
        self.init(files: command.positionals)
        configurationPath = option("config")
        preset = option("preset")
        map = command.declaredOption("map") != nil ? command.values("map") : []
        records = option("records")
        sheet = option("sheet")
        columns = option("columns")
        timeZone = option("timezone")
        dayMonthOrder = option("day-month-order")
        rejects = option("rejects")
        strict = flag("strict")
        quiet = flag("quiet")
        foldDiacritics = flag("fold-diacritics")
        threads = option("threads")
        causeFrom = option("cause-from")
        since = option("since")
        until = option("until")
        window = option("window")
        scope = option("scope")
        period = option("period")
    }
}

extension RunSettings {
    /// The settings of a run of `command`: its command line over the configuration, the preset and the defaults.
    init(_ command: ParsedCommand, needsFiles: Bool = true) throws {
        try self.init(RequestedSettings(command), needsFiles: needsFiles)
        ingest.settingNames = SettingFlags.names
    }
}
