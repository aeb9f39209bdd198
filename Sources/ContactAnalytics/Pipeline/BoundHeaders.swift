/// The headers a run's input has shown so far, each with the set-up of a file that depends on its header
/// alone (and on the run's settings, the same for every file): the header passed the header-row check, and
/// the mapper bound to it before any record is seen (`ContactMapper.init`: the bindings, the value parsers).
///
/// An export split over many files (158 files of 1,000 rows) has one header: it is checked and bound once, not
/// once a file. Everything that depends on a file's records is still done for each file on its own copy
/// (`ContactMapper.reading(_:)`): the alias-column check of its values (which may refuse and rebind a column),
/// its day/month order, its counts and warnings. A file with another header, or of another format (a CSV
/// header is checked for values unless the columns are named, a sheet's always; JSON input's header is its
/// keys), is set up afresh.
///
/// Each thread that opens files keeps its own, of at most `capacity` headers: files with ever new headers (JSON
/// input whose first objects differ) keep no more mappers than that, the later headers being bound for each
/// file as before.
struct BoundHeaders {
    private struct Key: Hashable {
        /// The file's format as its summary names it (`csv`, `json`, `xlsx, sheet 'NAME'`).
        var format: String
        var header: [String]
    }

    /// The mapper first bound to each header, as it was bound (for the file it was made for).
    private var mappers: [Key: ContactMapper] = [:]

    /// The most headers kept.
    let capacity: Int

    init(capacity: Int = 64) {
        self.capacity = capacity
    }

    /// How many headers were set up.
    var count: Int { mappers.count }

    /// Whether a file of `format` with `header` was set up before and kept: its header passed the header-row
    /// check.
    func contains(_ header: [String], format: String) -> Bool {
        mappers[Key(format: format, header: header)] != nil
    }

    /// The mapper for `file`, of `format`, with `header`: a copy of the one bound for the first file with that
    /// header (`ContactMapper.reading(_:)`), else the one `bind` makes, kept for the next files while fewer than
    /// `capacity` are. Call it before the file's records are checked or observed.
    mutating func mapper(for header: [String], format: String, file: String,
                         bind: () throws -> ContactMapper) rethrows -> ContactMapper {
        let key = Key(format: format, header: header)
        if let bound = mappers[key] { return bound.reading(file) }
        let made = try bind()
        if mappers.count < capacity { mappers[key] = made }
        return made
    }
}
