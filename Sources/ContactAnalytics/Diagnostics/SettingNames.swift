/// How a front end names settings in messages: `MessageText.rendered(_:)` asks it for each `Setting` a message
/// refers to. `plain` (the default) uses plain words; the `contactstat` executable supplies its flags.
public struct SettingNames: Sendable {
    private let name: @Sendable (Setting) -> String

    public init(_ name: @escaping @Sendable (Setting) -> String) {
        self.name = name
    }

    /// The words for `setting`.
    public func callAsFunction(_ setting: Setting) -> String { name(setting) }

    /// Plain words (`Setting.plainName`).
    public static let plain = SettingNames { $0.plainName }
}
