extension Taxonomy {
    /// The taxonomy in force for a configuration's `taxonomy` node: `nil` gives `builtIn`. See
    /// `starterConfigurationExample` for the format. Errors are `ContactStatError(.configuration)` naming the
    /// key path and `FILE:LINE:COLUMN`. `ContactStatConfiguration` reads its `taxonomy` section with it, like
    /// every other section.
    public static func configured(from node: ConfigurationNode?) throws -> Taxonomy {
        guard let node else { return builtIn }
        return try TaxonomyConfigurationReader(base: builtIn).read(node)
    }
}
