import Foundation
import Testing
@testable import ContactAnalytics

/// The precedence requested (command line) > configuration > preset > built-in default, setting by setting,
/// without the binary.
@Suite("RunSettings precedence")
struct RunSettingsTests {
    static func configuration(_ text: String) throws -> ContactStatConfiguration {
        try ContactStatConfiguration(node: try ConfigurationParser.parse(text, file: "test.json"), file: "test.json")
    }

    static func settings(_ requested: RequestedSettings = RequestedSettings(files: ["x.csv"]),
                         _ configuration: String = "{}") throws -> RunSettings {
        try RunSettings(requested, configuration: try Self.configuration(configuration))
    }

    static func requested(_ change: (inout RequestedSettings) -> Void) -> RequestedSettings {
        var requested = RequestedSettings(files: ["x.csv"])
        change(&requested)
        return requested
    }

    @Test("time zone: requested beats configuration beats preset beats UTC")
    func timeZone() throws {
        #expect(try Self.settings().metrics.timeZone.secondsFromGMT(for: Date()) == 0)
        #expect(try Self.settings().ingest.mapping.timeZone == TimeZone(identifier: "UTC"))
        #expect(try Self.settings(Self.requested { $0.preset = "nyc311" }).metrics.timeZone.identifier == "America/New_York")
        #expect(try Self.settings(Self.requested { $0.preset = "nyc311" }, #"{"timezone": "Europe/Helsinki"}"#)
            .metrics.timeZone.identifier == "Europe/Helsinki")
        #expect(try Self.settings(Self.requested { $0.preset = "nyc311"; $0.timeZone = "Asia/Tokyo" },
                                  #"{"timezone": "Europe/Helsinki"}"#).metrics.timeZone.identifier == "Asia/Tokyo")
    }

    @Test("preset: requested beats configuration beats generic")
    func preset() throws {
        #expect(try Self.settings().ingest.mapping.preset.name == "generic")
        #expect(try Self.settings(RequestedSettings(files: ["x.csv"]), #"{"preset": "zendesk"}"#).ingest.mapping.preset.name == "zendesk")
        #expect(try Self.settings(Self.requested { $0.preset = "nyc311" }, #"{"preset": "zendesk"}"#)
            .ingest.mapping.preset.name == "nyc311")
    }

    @Test("column mapping: a requested pair beats the configuration's mapping, which names its origin")
    func mapping() throws {
        let configured = try Self.settings(RequestedSettings(files: ["x.csv"]),
                                           #"{"mapping": {"opened_at": "Created", "channel": "Via"}}"#)
        #expect(configured.ingest.mapping.explicit == [.openedAt: "Created", .channel: "Via"])
        #expect(configured.ingest.mapping.origin(of: .openedAt) == "the configuration's mapping (test.json)")
        let requested = try Self.settings(Self.requested { $0.map = ["opened_at=Opened", "csat=Rating=5"] },
                                          #"{"mapping": {"opened_at": "Created", "channel": "Via"}}"#)
        #expect(requested.ingest.mapping.explicit == [.openedAt: "Opened", .channel: "Via", .csat: "Rating=5"])
        #expect(requested.ingest.mapping.explicitOrigin[.openedAt] == nil)
        #expect(try Self.settings().ingest.mapping.explicit.isEmpty)
    }

    @Test("repeat window and scope: requested beats configuration beats 7 days by cause")
    func window() throws {
        let standard = try Self.settings().metrics.window
        #expect(standard.seconds == 7 * 86_400 && standard.scope == .cause)
        let configured = try Self.settings(RequestedSettings(files: ["x.csv"]), #"{"fcr": {"window_days": 3, "scope": "any"}}"#)
        #expect(configured.metrics.window.seconds == 3 * 86_400 && configured.metrics.window.scope == .any)
        let requested = try Self.settings(Self.requested { $0.window = "2w"; $0.scope = "cause" },
                                          #"{"fcr": {"window_days": 3, "scope": "any"}}"#)
        #expect(requested.metrics.window.seconds == 14 * 86_400 && requested.metrics.window.scope == .cause)
        #expect(try RunSettings.window("72h") == 259_200)
        #expect(try RunSettings.window("90m") == 5_400)
        #expect(try RunSettings.window("1.5") == 129_600)
    }

    @Test("period, day-month order, cause column: requested beats configuration beats default")
    func otherSettings() throws {
        let standard = try Self.settings()
        #expect(standard.metrics.period == .week)
        #expect(standard.ingest.mapping.dayMonthOrder == nil)
        #expect(standard.causeColumn == nil)
        let configuration = #"{"period": "month", "dates": {"day_month_order": "day-first"}, "causes_from": {"column": "Topic"}}"#
        let configured = try Self.settings(RequestedSettings(files: ["x.csv"]), configuration)
        #expect(configured.metrics.period == .month)
        #expect(configured.ingest.mapping.dayMonthOrder == .dayFirst)
        #expect(configured.causeColumn == "Topic")
        let requested = try Self.settings(Self.requested {
            $0.period = "day"; $0.dayMonthOrder = "month-first"; $0.causeFrom = "Reason"
        }, configuration)
        #expect(requested.metrics.period == .day)
        #expect(requested.ingest.mapping.dayMonthOrder == .monthFirst)
        #expect(requested.causeColumn == "Reason")
    }

    @Test("flags and counts taken as given; the range's until date includes its whole day")
    func flagsAndRange() throws {
        let settings = try Self.settings(Self.requested {
            $0.strict = true; $0.quiet = true; $0.foldDiacritics = true; $0.threads = "3"; $0.rejects = "r.csv"
            $0.since = "2026-03-02"; $0.until = "2026-03-08"; $0.timeZone = "Europe/Helsinki"
        })
        #expect(settings.strict && settings.quiet && settings.foldDiacritics)
        #expect(settings.threads == 3)
        #expect(settings.ingest.rejectsPath == "r.csv")
        // 2026-03-02T00:00+02:00 = 1 772 402 400; the end of 2026-03-08 is 2026-03-09T00:00+02:00 = 1 773 007 200.
        #expect(settings.metrics.since == 1_772_402_400)
        #expect(settings.metrics.until == 1_773_007_200)
    }

    /// Each problem names the setting as a `Setting`, never as a flag.
    @Test("errors name the setting", arguments: [
        (Self.requested { $0.threads = "0" }, "\(setting: .threads) expects a whole number from 1 to 64"),
        (Self.requested { $0.causeFrom = " " }, "\(setting: .causeFrom) expects the name of an export column"),
        (Self.requested { $0.preset = "zendsk" }, "unknown preset 'zendsk'"),
        (Self.requested { $0.timeZone = "Mars/Olympus" }, "unknown time zone 'Mars/Olympus'; use an IANA name such as Europe/Helsinki"),
        (Self.requested { $0.map = ["opened_at"] }, "\(setting: .map) expects FIELD=COLUMN, got 'opened_at'"),
        (Self.requested { $0.dayMonthOrder = "ymd" }, "\(setting: .dayMonthOrder) expects day-first or month-first, got 'ymd'"),
        (Self.requested { $0.scope = "all" }, "\(setting: .scope) expects cause or any, got 'all'"),
        (Self.requested { $0.period = "year" }, "\(setting: .period) expects week, month or day, got 'year'"),
        (Self.requested { $0.window = "7y" }, "\(setting: .window) '7y' is not a duration such as 7d, 72h or 2w"),
        (Self.requested { $0.since = "soon" }, "\(setting: .since) 'soon' is not a date or time (e.g. 2026-02-23)"),
        (Self.requested { $0.until = "later" }, "\(setting: .until) 'later' is not a date or time (e.g. 2026-03-01)"),
        (Self.requested { $0.since = "2026-03-02"; $0.until = "2026-03-01T12:00" }, "\(setting: .until) must be later than \(setting: .since)"),
        (RequestedSettings(), "no input files; give one or more exports, or '-' for standard input"),
    ] as [(RequestedSettings, MessageText)])
    func errors(_ requested: RequestedSettings, _ message: MessageText) throws {
        #expect(throws: ContactStatError(.usage, message)) { try Self.settings(requested) }
    }

    @Test("an unknown mapped field gets a did-you-mean, rendered with the front end's words")
    func unknownField() throws {
        do {
            _ = try Self.settings(Self.requested { $0.map = ["opend_at=Created"] })
            Issue.record("expected an error")
        } catch let error as ContactStatError {
            #expect(error.text.settings == [.map])
            let rendered = error.description(SettingNames { "--" + $0.rawValue })
            #expect(rendered.hasPrefix("--map: unknown field 'opend_at'; did you mean 'opened_at'? (fields: contact_id, opened_at,"))
            #expect(error.description.hasPrefix("map: unknown field 'opend_at'"))
        }
    }

    @Test("the configuration is the given file, else contactstat.json in the directory, else none")
    func configurationFile() throws {
        let directory = NSTemporaryDirectory() + "contactstat-settings-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(try RunSettings.configuration(path: nil, directory: directory).file == nil)
        try Data(#"{"period": "day"}"#.utf8).write(to: URL(fileURLWithPath: directory + "/contactstat.json"))
        let found = try RunSettings.configuration(path: nil, directory: directory)
        #expect(found.file == directory + "/contactstat.json" && found.period == .day)
        try Data(#"{"period": "month"}"#.utf8).write(to: URL(fileURLWithPath: directory + "/other.json"))
        #expect(try RunSettings.configuration(path: directory + "/other.json", directory: directory).period == .month)
    }
}
