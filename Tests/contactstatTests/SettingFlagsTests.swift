import ArgumentParsing
import ContactAnalytics
import Testing
@testable import contactstat

/// The executable words the library's settings as its flags: every `Setting` has a flag that some command
/// declares, and a library message comes out with it.
@Suite("Setting flags")
struct SettingFlagsTests {
    @Test("every setting's flag is an option of some command", arguments: Setting.allCases)
    func declared(_ setting: Setting) {
        let options = Set(CommandTree.root.subcommands.flatMap(\.options).map(\.long))
        #expect(options.contains(SettingFlags.flag(for: setting)))
    }

    @Test("a library message is rendered with the flags")
    func rendered() {
        let error = ContactStatError(.usage, "name one with \(setting: .map) opened_at=COLUMN or pick a \(setting: .preset)",
                                     at: "x.csv")
        #expect(error.description(SettingFlags.names) == "x.csv: name one with --map opened_at=COLUMN or pick a --preset")
        #expect(error.description == "x.csv: name one with map opened_at=COLUMN or pick a preset")
    }
}
