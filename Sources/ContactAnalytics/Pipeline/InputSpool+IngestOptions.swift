extension InputSpool {
    /// `options` reading copies of standard input and of every input that is not a regular file, and the
    /// spool; `nil` when every input is a regular file (then nothing is copied). See
    /// ``spooling(_:displayName:)``, which knows only files (Input does not use Pipeline's types).
    public static func spooling(_ options: IngestOptions) throws -> (IngestOptions, InputSpool)? {
        guard let spooled = try spooling(options.files, displayName: options.displayName(of:)) else { return nil }
        var options = options
        options.files = spooled.files
        options.displayNames.merge(spooled.displayNames) { _, copy in copy }
        return (options, spooled.spool)
    }
}
