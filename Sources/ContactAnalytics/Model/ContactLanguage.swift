import Foundation

/// The language a contact was written in: mapped from an export column (`language`) or detected from its text
/// (`LanguageDetector`). `unknown` when the text does not say clearly; `other` for a mapped language that is
/// none of the six the reports name.
public enum ContactLanguage: String, Sendable, CaseIterable {
    case en, fi, sv, es, pt, de, other, unknown

    /// A small fixed id for the metrics' slices (0 = unknown).
    var slot: Int {
        switch self {
        case .unknown: 0
        case .en: 1
        case .fi: 2
        case .sv: 3
        case .es: 4
        case .pt: 5
        case .de: 6
        case .other: 7
        }
    }

    /// The language of `slot` (`slot` of a language).
    init(slot: Int) {
        self = ContactLanguage.bySlot[max(0, min(slot, ContactLanguage.bySlot.count - 1))]
    }

    private static let bySlot: [ContactLanguage] = [.unknown, .en, .fi, .sv, .es, .pt, .de, .other]

    /// How many slots there are.
    static let slotCount = 8

    /// Reads a mapped value: an ISO 639-1 or 639-2 code, with or without a region (`fi`, `fi-FI`, `sv_SE`,
    /// `fin`, `swe`), or the language's name in English or in itself (`Finnish`, `suomi`, `svenska`,
    /// `Español`); any other non-empty value is `other`, an empty one `nil`.
    init?(mapped value: String) {
        let folded = value.trimmingCharacters(in: .whitespaces).lowercased()
        guard !folded.isEmpty else { return nil }
        let code = String(folded.prefix { $0.isLetter })
        self = ContactLanguage.names[code] ?? .other
    }

    private static let names: [String: ContactLanguage] = [
        "en": .en, "eng": .en, "english": .en, "englanti": .en, "engelska": .en,
        "fi": .fi, "fin": .fi, "finnish": .fi, "suomi": .fi, "finska": .fi,
        "sv": .sv, "swe": .sv, "swedish": .sv, "svenska": .sv, "ruotsi": .sv,
        "es": .es, "spa": .es, "spanish": .es, "español": .es, "espanol": .es, "castellano": .es,
        "pt": .pt, "por": .pt, "portuguese": .pt, "português": .pt, "portugues": .pt,
        "de": .de, "deu": .de, "ger": .de, "german": .de, "deutsch": .de, "saksa": .de, "tyska": .de,
    ]
}
