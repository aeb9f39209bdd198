extension ExportPreset {
    /// No explicit mapping: columns are found by the built-in English, Finnish, Swedish and Spanish aliases.
    public static let generic = ExportPreset(
        name: "generic",
        summary: "any export: columns found by name (English, Finnish, Swedish, Spanish aliases)",
        mapping: [:])
}
