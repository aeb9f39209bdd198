/// The declaration of one named command-line option: parsing, validation and help all derive from it.
///
/// An option always has a long name (`--format`) and may have a one-character short name (`-f`).
/// Names are stored without their dashes.
///
/// ```swift
/// let format = OptionSpec.value(
///     "format", short: "f", valueName: "format",
///     allowedValues: ["text", "markdown", "json"], defaultValue: "text",
///     help: "The output format.")
/// let strict = OptionSpec.flag("strict", help: "Fail when any row is rejected.")
/// let map = OptionSpec.repeatable("map", valueName: "field=column", help: "Map a field to a column.")
/// ```
public struct OptionSpec: Sendable, Hashable {
    /// What an option consumes from the command line.
    public enum Kind: Sendable, Hashable {
        /// A boolean switch: `--strict`. Giving it a value (`--strict=yes`) is an error.
        case flag
        /// An option with one value (`--format json`, `--format=json`, `-f json`, `-f=json`).
        /// When given several times, the last occurrence wins. The associated text is the
        /// value's placeholder in help and error messages (`<format>`).
        case value(String)
        /// An option that may be given any number of times; every value is kept, in order.
        /// The associated text is the value's placeholder (`<field=column>`).
        case repeatable(String)
    }

    /// The long name without the leading `--`, e.g. `"format"`.
    public var long: String
    /// The optional short name without the leading `-`, e.g. `"f"`.
    public var short: Character?
    /// Whether this is a flag, a single-value option or a repeatable option.
    public var kind: Kind
    /// The values accepted, for enum-like options. Empty means any value. When non-empty, every value
    /// given is checked (exact, case-sensitive match) and help lists them as `(values: a, b, c)`.
    public var allowedValues: [String]
    /// One-line help text shown in the OPTIONS section (wrapped at the help width).
    public var help: String
    /// The default shown in help as `(default: …)`. Documentation only: the parser never injects it
    /// into a ``ParsedCommand`` (so a caller can tell "not given" apart from "given the default", which
    /// matters when a configuration file sits between the command line and built-in defaults).
    /// Use ``ParsedCommand/valueOrDefault(_:)`` to fall back to it explicitly.
    public var defaultValue: String?
    /// Hidden options are parsed normally but left out of help and of "did you mean" suggestions.
    public var isHidden: Bool

    /// Creates an option declaration. Prefer the ``flag(_:short:help:isHidden:)``,
    /// ``value(_:short:valueName:allowedValues:defaultValue:help:isHidden:)`` and
    /// ``repeatable(_:short:valueName:allowedValues:help:isHidden:)`` factories.
    public init(
        _ long: String,
        short: Character? = nil,
        kind: Kind,
        allowedValues: [String] = [],
        help: String = "",
        defaultValue: String? = nil,
        isHidden: Bool = false
    ) {
        self.long = long
        self.short = short
        self.kind = kind
        self.allowedValues = allowedValues
        self.help = help
        self.defaultValue = defaultValue
        self.isHidden = isHidden
    }

    /// A boolean flag such as `--strict` or `-s`.
    public static func flag(
        _ long: String, short: Character? = nil, help: String = "", isHidden: Bool = false
    ) -> OptionSpec {
        OptionSpec(long, short: short, kind: .flag, help: help, isHidden: isHidden)
    }

    /// A single-value option such as `--format json`; the last occurrence wins.
    /// `valueName` defaults to the long name.
    public static func value(
        _ long: String,
        short: Character? = nil,
        valueName: String? = nil,
        allowedValues: [String] = [],
        defaultValue: String? = nil,
        help: String = "",
        isHidden: Bool = false
    ) -> OptionSpec {
        OptionSpec(
            long, short: short, kind: .value(valueName ?? long), allowedValues: allowedValues,
            help: help, defaultValue: defaultValue, isHidden: isHidden)
    }

    /// A repeatable option such as `--map FIELD=COLUMN`; every occurrence is kept, in order.
    /// `valueName` defaults to the long name.
    public static func repeatable(
        _ long: String,
        short: Character? = nil,
        valueName: String? = nil,
        allowedValues: [String] = [],
        help: String = "",
        isHidden: Bool = false
    ) -> OptionSpec {
        OptionSpec(
            long, short: short, kind: .repeatable(valueName ?? long), allowedValues: allowedValues,
            help: help, isHidden: isHidden)
    }

    /// The value placeholder (`"format"` for `.value("format")`), or `nil` for a flag.
    public var valueName: String? {
        switch kind {
        case .flag: return nil
        case .value(let name), .repeatable(let name): return name
        }
    }

    /// `true` for a flag, `false` for options that take a value.
    public var isFlag: Bool { valueName == nil }

    /// How the option is shown in messages when written with its long name: `--format <format>` or
    /// `--strict`.
    public var longSynopsis: String { synopsis(spelling: "--" + long) }

    /// The option as written by the user (`-f` or `--format`) followed by its placeholder, if any.
    func synopsis(spelling: String) -> String {
        guard let valueName else { return spelling }
        return "\(spelling) <\(valueName)>"
    }
}
