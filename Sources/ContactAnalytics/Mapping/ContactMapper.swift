import TextDistance
import Foundation

/// Turns raw records of one input into `ContactRecord`s: binds export columns to canonical fields, parses
/// every value, and says what did not fit.
///
/// - A record with a missing or unreadable `opened_at`, or (CSV) a different number of fields than the
///   header, is **rejected** (`MappingOutcome.rejected`).
/// - A record the export marks as outbound (`inbound` = false) is **excluded**: not a customer contact.
/// - A record whose channel is `internal` (opened by the organisation's own staff or systems) is
///   **excluded as internal**: not customer demand, counted apart.
/// - Any other unreadable value is left empty and reported as a field warning.
///
/// Before mapping, the pipeline shows the mapper the first 1,000 records of each file:
/// - `checkAliasColumns(_:)` refuses columns found by a name alias whose values do not fit the field (a US
///   `State` column as `status`), so that the next alias may take the field;
/// - `observe(_:)` then `decideDateOrder()` settle the day/month order of ambiguous dates (`03/04/2026`),
///   unless forced (a forced order is never reversed: a value it cannot read is unreadable); a column that
///   mixes orders as a spreadsheet re-save leaves it reads its ambiguous values the other way, with a
///   `date-order-mixed` warning (`DayMonthOrderEvidence.mixesOrders`); and how a
///   spreadsheet saved the time and duration columns (`SpreadsheetTimeEvidence`).
///
/// A column named by a requested `map` pair or the configuration that the export lacks, or no column for `opened_at`, is a
/// usage error (`requireColumns()`).
public struct ContactMapper: Sendable {
    public enum Outcome: Sendable, Equatable {
        case contact(ContactRecord)
        /// The reason, and the column concerned.
        case rejected(reason: MessageText, column: String?)
        case excluded(reason: String)
        /// Opened by the organisation's staff or systems (channel `internal`): not customer demand.
        case excludedInternal(reason: String)
    }

    public private(set) var file: String
    public let options: MappingOptions
    /// `true` for CSV input, where every record must have as many fields as the header.
    public let checksFieldCount: Bool
    public private(set) var header: [String]
    public private(set) var bindings: [CanonicalField: ColumnBinding] = [:]
    /// Explicit or preset columns that the input does not have.
    public private(set) var missingColumns: [(field: CanonicalField, column: String, source: ColumnBinding.Source)] = []
    /// Columns an alias found but whose sampled values do not fit the field (see `checkAliasColumns(_:)`).
    public private(set) var refusedColumns: [ColumnRefusal] = []
    /// Column indexes refused per field: the aliases pass them over.
    private var refused: [CanonicalField: Set<Int>] = [:]
    /// A category-like column refused as subject: it feeds `category` when no other column does.
    private var categoryFromSubject: Int?
    /// How many mapped contacts had a value for each field.
    public var filledCounts: [CanonicalField: Int] {
        var counts: [CanonicalField: Int] = [:]
        for field in CanonicalField.allCases {
            let bit = UInt64(field.position)
            let count = filled.count(at: field.position) + Int((lastFilled >> bit) & 1)
            if count > 0 { counts[field] = count }
        }
        return counts
    }
    /// Returns the fill counts so far and starts counting from zero (for mappers working on batches).
    public mutating func takeFilledCounts() -> [CanonicalField: Int] {
        defer {
            filled.removeAll()
            lastFilled = 0
        }
        return filledCounts
    }

    /// The same counts by `CanonicalField.position`, tallied by the set of fields each record filled (the hot path
    /// adds without hashing, one count a record), without the last record's.
    private var filled = FilledFieldTally()
    /// The fields the last record mapped filled, one bit per `CanonicalField.position`: added to `filled` when
    /// the next record is mapped.
    private var lastFilled: UInt64 = 0
    /// The day/month order decided for each date column, and how; only for columns whose observed values
    /// include day/month dates (set by `decideDateOrder()`).
    public private(set) var dateOrders: [CanonicalField: (order: DayMonthOrder, how: String)] = [:]
    /// What was decided for a date column that mixes orders (`'Date': day-first; 126 ambiguous values read
    /// month-first: the column mixes orders`), for the report's data section; `nil` otherwise.
    public private(set) var mixedDateOrder: String?

    private var openedParser: TimestampParser
    private var closedParser: TimestampParser
    /// `first_reply_at`, read in the order decided for opened_at and closed_at.
    private var replyParser: TimestampParser
    private var openedEvidence = DayMonthOrderEvidence()
    private var closedEvidence = DayMonthOrderEvidence()
    /// How many records `observe(_:)` saw (the sample behind the day/month order).
    private var observedRecords = 0
    /// How a spreadsheet saved the time and duration columns (`openedTime`, `closedTime`, `handleTime`): one
    /// stored value each, not a dictionary entry, as every sampled record of every file updates them.
    private var openedTimeEvidence = SpreadsheetTimeEvidence()
    private var closedTimeEvidence = SpreadsheetTimeEvidence()
    private var handleTimeEvidence = SpreadsheetTimeEvidence()
    /// Time and duration columns read in a spreadsheet's form, and how (`validate` prints these).
    public private(set) var timeForms: [CanonicalField: String] = [:]
    private let channels: ChannelNormalizer
    private let statuses: StatusNormalizer
    private let priorities: PriorityNormalizer
    private var priorityMemo = ValueMemo<ContactPriority?>()
    /// Yes/no words plus the preset's own `answered` values.
    private let answeredFlags: FlagParser
    /// Durations of the reply-time and wait-time columns, each in the unit its column name gives.
    private var replyDuration = DurationParser(maximumSeconds: Self.longestReplySeconds)
    private var waitDuration = DurationParser()
    /// Yes/no words plus the preset's own `inbound` values.
    private let inboundFlags: FlagParser
    /// Channel and the raw text, by the field's bytes.
    private var channelMemo = ValueMemo<(channel: Channel, raw: String)>()
    private var statusMemo = ValueMemo<ContactStatus?>()
    /// The strings of the text columns that repeat their values, by their bytes.
    private var agentMemo = TextMemo()
    private var queueMemo = TextMemo()
    private var languageMemo = TextMemo()
    private var categoryMemo = TextMemo()
    /// Subjects: many exports repeat a few thousand (templates, topics); where they do not (free text), the memo
    /// is bypassed after its first 512 lookups.
    private var subjectMemo = TextMemo()
    /// `MappingOptions.textStaysInRow`.
    private let textStaysInRow: Bool
    private let csat: CSATParser
    private let flags = FlagParser()
    private let identity: IdentityKey
    private let money = DecimalParser()
    private var duration = DurationParser()
    /// The bound column of each field, by `CanonicalField.position` (no hashing per row).
    private var index = FieldColumns()
    private var constantChannel: Channel?

    /// Binds `header`; with `requiresOpenedAt`, throws the usage errors of `requireColumns()` (JSON input, whose
    /// keys come as it reads, calls that later).
    public init(header: [String], options: MappingOptions, file: String, checksFieldCount: Bool,
                requiresOpenedAt: Bool = true) throws {
        self.file = file
        self.options = options
        textStaysInRow = options.textStaysInRow
        self.checksFieldCount = checksFieldCount
        self.header = header
        let forced = options.dayMonthOrder ?? options.preset.dayMonthOrder
        openedParser = TimestampParser(timeZone: options.effectiveTimeZone, dayMonthOrder: forced)
        closedParser = TimestampParser(timeZone: options.effectiveTimeZone, dayMonthOrder: forced)
        replyParser = TimestampParser(timeZone: options.effectiveTimeZone, dayMonthOrder: forced)
        replyParser.enforcesDayMonthOrder = forced != nil
        openedParser.enforcesDayMonthOrder = forced != nil
        closedParser.enforcesDayMonthOrder = forced != nil
        csat = CSATParser(scale: options.csatScale)
        channels = ChannelNormalizer(aliases: options.preset.channelValues)
        statuses = StatusNormalizer(aliases: options.preset.statusValues)
        priorities = PriorityNormalizer(aliases: options.preset.priorityValues)
        answeredFlags = FlagParser(trueWords: options.preset.answeredValues.filter(\.value).map(\.key).sorted(),
                                   falseWords: options.preset.answeredValues.filter { !$0.value }.map(\.key).sorted())
        inboundFlags = FlagParser(trueWords: options.preset.inboundValues.filter(\.value).map(\.key).sorted(),
                                  falseWords: options.preset.inboundValues.filter { !$0.value }.map(\.key).sorted())
        identity = IdentityKey(countryCallingCode: options.countryCode)
        if let constant = options.preset.constants[.channel] { constantChannel = channels.resolve(constant).channel }
        bind()
        if requiresOpenedAt { try requireColumns() }
    }

    /// A copy for another thread. Copies share storage, and a reference count that two threads change for
    /// every record (the file name stamped on each contact) costs far more than the work around it, so the
    /// copy gets storage of its own for what `map` retains per record.
    func copyForThread() -> ContactMapper {
        var copy = self
        copy.settleFilled()
        copy.file = String(decoding: Array(file.utf8), as: UTF8.self)
        // Memos fill again on the thread, with strings of its own.
        copy.channelMemo = ValueMemo()
        copy.statusMemo = ValueMemo()
        copy.priorityMemo = ValueMemo()
        copy.agentMemo = TextMemo()
        copy.queueMemo = TextMemo()
        copy.languageMemo = TextMemo()
        copy.categoryMemo = TextMemo()
        copy.subjectMemo = TextMemo()
        return copy
    }

    /// `copyForThread()`, keeping the text memos of `previous`, the mapper this thread used until now (for an
    /// earlier file, or an earlier header of the same file). A text memo gives the NFC string of a value's bytes,
    /// whatever the column or the file, so the strings this thread made carry over: a run of many small files
    /// with the same agents, queues and subjects builds each string once per thread, not once per file. (The
    /// channel, status and priority memos depend on the file's preset and start again.)
    func copyForThread(keepingTextMemosOf previous: ContactMapper) -> ContactMapper {
        var copy = copyForThread()
        copy.agentMemo = previous.agentMemo
        copy.queueMemo = previous.queueMemo
        copy.languageMemo = previous.languageMemo
        copy.categoryMemo = previous.categoryMemo
        copy.subjectMemo = previous.subjectMemo
        return copy
    }

    /// This mapper for another input file, `file`: a copy that differs only in the file its messages and
    /// contacts name. Meant for a mapper just bound (no record checked, observed or mapped yet): binding a
    /// header is the same work for every file that has it (`BoundHeaders`), and the copy goes through the
    /// column check and the day/month order on its own file's records.
    func reading(_ file: String) -> ContactMapper {
        var copy = self
        copy.file = file
        return copy
    }

    /// Throws a usage error when a column named by `--map` or the configuration's `mapping` is not in the
    /// export, or when no column gives `opened_at` (the preset's candidates absent and no alias found). The
    /// message names the file, the column asked for and where it was asked for, the export's columns and the
    /// closest one ("did you mean"). With `sample` (the first records), a missing opened_at also names the
    /// columns whose values are timestamps as candidates (`timestampColumns(in:)`); none is mapped by itself.
    public func requireColumns(sample: [RawRecord] = []) throws {
        let columns = header.filter { !$0.isEmpty }.prefix(40).map { "'\(Self.excerpt($0))'" }.joined(separator: ", ")
        for missing in missingColumns where missing.source == .explicit {
            var message: MessageText = "column '\(missing.column)' is not in this export (\(options.origin(of: missing.field)) "
                + "maps \(missing.field.rawValue) to it)"
            if let near = Self.closestColumn(to: missing.column, in: header) { message += "; did you mean '\(near)'?" }
            throw ContactStatError(.usage, message + "; columns: \(columns)", at: file)
        }
        guard bindings[.openedAt] == nil else { return }
        if let candidates = options.preset.mapping[.openedAt], !candidates.isEmpty {
            let names = candidates.map { "'\($0)'" }.joined(separator: " or ")
            var message = "the preset '\(options.preset.name)' reads opened_at from \(names), which this export lacks, "
                + "and no other column gives opened_at"
            if let near = candidates.lazy.compactMap({ Self.closestColumn(to: $0, in: self.header) }).first {
                message += "; did you mean '\(near)'?"
            }
            throw ContactStatError(.usage, "\(message); columns: \(columns)\(timestampCandidates(sample)); "
                                   + "name one with \(setting: .map) opened_at=COLUMN", at: file)
        }
        throw ContactStatError(.usage, "no column gives opened_at (when each contact was opened); columns: \(columns)"
                               + "\(timestampCandidates(sample)); name one with \(setting: .map) opened_at=COLUMN or pick a \(setting: .preset)",
                               at: file)
    }

    /// `; columns holding timestamps: 'A', 'B'` (else dates), or nothing when no sampled column holds either.
    private func timestampCandidates(_ sample: [RawRecord]) -> String {
        let found = timestampColumns(in: sample)
        guard !found.columns.isEmpty else { return "" }
        return "; columns holding \(found.withTime ? "timestamps" : "dates"): "
            + found.columns.map { "'\(Self.excerpt($0))'" }.joined(separator: ", ")
    }

    /// The columns whose sampled non-empty values are at least 90 % date-and-time values (`2023-06-01
    /// 19:11:14`, `01/06/2023 7:11 PM`); when none, those that are at least 90 % dates (`2021-06-07`).
    /// Plain numbers are not counted (an age or an id is no Unix time here). `withTime` says which kind.
    public func timestampColumns(in sample: [RawRecord]) -> (columns: [String], withTime: Bool) {
        var timestamps: [String] = []
        var dates: [String] = []
        for (column, name) in header.enumerated() where !name.isEmpty {
            var filled = 0
            var dated = 0
            var timed = 0
            for record in sample where column < record.count && !record.isEmpty(at: column) {
                filled += 1
                guard let scan = record.withBytes(at: column, { TimestampScanner.scan($0, numbers: false, serials: false) })
                else { continue }
                dated += 1
                if scan.hasTime { timed += 1 }
            }
            guard filled > 0 else { continue }
            if timed * 10 >= filled * 9 { timestamps.append(name) } else if dated * 10 >= filled * 9 { dates.append(name) }
        }
        return timestamps.isEmpty ? (dates, false) : (timestamps, true)
    }

    /// The header column closest to `name` (compared folded: case, spaces and punctuation aside), for a
    /// "did you mean"; `nil` when none is close.
    static func closestColumn(to name: String, in header: [String]) -> String? {
        var byKey: [String: String] = [:]
        var keys: [String] = []
        for column in header where !column.isEmpty {
            let key = AliasTable<Int>.foldedKey(column)
            if byKey[key] == nil, !key.isEmpty {
                byKey[key] = column
                keys.append(key)
            }
        }
        return EditDistance.suggestion(for: AliasTable<Int>.foldedKey(name), among: keys).flatMap { byKey[$0] }
    }

    /// Rebinds after the header grew (JSON input discovers keys as it reads).
    public mutating func updateHeader(_ newHeader: [String]) {
        header = newHeader
        bind()
    }

    private mutating func bind() {
        var bindings: [CanonicalField: ColumnBinding] = [:]
        var used = Set<Int>()
        var missing: [(field: CanonicalField, column: String, source: ColumnBinding.Source)] = []
        let folded = header.map { AliasTable<Int>.foldedKey($0) }
        func find(_ name: String) -> Int? {
            if let exact = header.firstIndex(of: name), !used.contains(exact) { return exact }
            let key = AliasTable<Int>.foldedKey(name)
            return folded.indices.first { folded[$0] == key && !key.isEmpty && !used.contains($0) }
        }
        func take(_ field: CanonicalField, _ column: Int, _ source: ColumnBinding.Source) {
            bindings[field] = ColumnBinding(field: field, column: header[column], index: column, source: source)
            used.insert(column)
        }
        for field in CanonicalField.allCases {
            if let name = options.explicit[field] {
                if let column = find(name) { take(field, column, .explicit) } else { missing.append((field, name, .explicit)) }
            }
        }
        for field in CanonicalField.allCases where bindings[field] == nil {
            if let names = options.preset.mapping[field], !names.isEmpty {
                var found: Int?
                for name in names where found == nil { found = find(name) }
                if let column = found {
                    take(field, column, .preset)
                } else {
                    missing.append((field, names.joined(separator: "' or '"), .preset))
                }
            }
        }
        for field in CanonicalField.allCases where bindings[field] == nil {
            if let value = options.preset.constants[field] {
                bindings[field] = ColumnBinding(field: field, column: value, index: nil, source: .constant)
                continue
            }
            let refusedHere = refused[field] ?? []
            for alias in field.aliases {
                let key = AliasTable<Int>.foldedKey(alias)
                if let column = folded.indices.first(where: { folded[$0] == key && !used.contains($0)
                                                               && !refusedHere.contains($0) }) {
                    take(field, column, .alias)
                    break
                }
            }
        }
        if bindings[.category] == nil, let column = categoryFromSubject, column < header.count, !used.contains(column) {
            take(.category, column, .alias)
        }
        self.bindings = bindings
        self.missingColumns = missing
        index = FieldColumns(bindings.compactMapValues(\.index))
        if let handle = bindings[.handleTime] {
            duration.defaultUnit = Self.durationUnit(ofColumn: handle.column)
        }
        if let reply = bindings[.firstReplyTime] { replyDuration.defaultUnit = Self.durationUnit(ofColumn: reply.column) }
        if let wait = bindings[.waitTime] { waitDuration.defaultUnit = Self.durationUnit(ofColumn: wait.column) }
    }

    /// The unit of plain numbers in a duration column, from whole words of its name: `ms`, `msec`,
    /// `millisecond(s)` -> milliseconds; `min`, `mins`, `minute(s)`, `minuutit`, `minuuttia`, `minuter` ->
    /// minutes; `hr`, `hrs`, `hour(s)`, `tunnit`, `tuntia`, `timmar`, `horas` -> hours (Freshdesk's "First
    /// response time (in hrs)"); anything else seconds ("Admin handle time" is in seconds).
    static func durationUnit(ofColumn name: String) -> DurationParser.Unit {
        let words = name.lowercased().split { !$0.isLetter }.map(String.init)
        if words.contains(where: { ["ms", "msec", "msecs", "millisecond", "milliseconds", "millis"].contains($0) }) {
            return .milliseconds
        }
        if words.contains(where: { ["min", "mins", "minute", "minutes", "minuutit", "minuuttia", "minuter", "minutos"].contains($0) }) {
            return .minutes
        }
        if words.contains(where: { ["hr", "hrs", "hour", "hours", "tunnit", "tuntia", "timmar", "horas"].contains($0) }) {
            return .hours
        }
        return .seconds
    }

    // MARK: Checking columns found by name

    /// Checks each column bound by a name alias (not `--map`, not the preset) against `sample`, the first
    /// records of the input: a column whose non-empty values mostly do not parse as its field is refused
    /// (see `ColumnValueCheck`) and the field's next alias may take another column, checked in turn. Returns
    /// one note per refusal (also kept in `refusedColumns`). Call it before `observe(_:)`: the bindings can
    /// change.
    public mutating func checkAliasColumns(_ sample: [RawRecord]) -> [Diagnostic] {
        guard !sample.isEmpty else { return [] }
        var diagnostics: [Diagnostic] = []
        var checked = Set<[Int]>()
        var dates = TimestampParser()
        let times = TimeOfDayParser(readsDayFractions: true)
        var clockDurations = duration
        clockDurations.readsTimeOfDay = true
        while true {
            var changed = false
            for field in CanonicalField.allCases {
                guard let binding = bindings[field], binding.source == .alias, let column = binding.index,
                      checked.insert([field.position, column]).inserted else { continue }
                guard ColumnValueCheck.checkedFields.contains(field) else { continue }
                let categoryIsFree = bindings[.category] == nil
                var check = ColumnValueCheck(field: field, column: binding.column, sampleSize: sample.count)
                observe(sample, column: column, into: &check, categoryIsFree: categoryIsFree, &dates, times, clockDurations)
                guard let refusal = check.refusal(categoryIsFree: categoryIsFree) else { continue }
                refused[field, default: []].insert(column)
                if refusal.reassignedTo == .category { categoryFromSubject = column }
                refusedColumns.append(refusal)
                diagnostics.append(Diagnostic(.note, kind: "column-refused", at: SourceLocation(file: file, line: 0),
                                              column: binding.column, message: MessageText(refusal.message)))
                changed = true
            }
            guard changed else { return diagnostics }
            bind()
        }
    }

    /// Feeds `check` the trimmed non-empty values of `column` in `sample`, each with whether the field's parser
    /// reads it. An ASCII value is read from the record's bytes (its NFC `String` has the same bytes), and its
    /// `String` is made only when `check` keeps it (most checks keep only unreadable values); any other value
    /// goes through its NFC `String`, as the readers give values to the mapper. Stops as soon as the values
    /// left cannot make the check refuse the column (`ColumnValueCheck.isSettled`): a column of timestamps is
    /// settled once half the sample has read as timestamps. Not `mutating`: the closures over the records
    /// borrow the mapper instead of copying it.
    private func observe(_ sample: [RawRecord], column: Int, into check: inout ColumnValueCheck, categoryIsFree: Bool,
                         _ dates: inout TimestampParser, _ times: TimeOfDayParser, _ durations: DurationParser) {
        let field = check.field
        // A status column holds a few distinct values: each is folded and looked up once (about 600
        // instructions a lookup) and handed to the check once with its count (the check keeps every status
        // value), for as long as its ASCII values fit the tally; then what was tallied goes to the check, in the
        // order first seen, and the rest value by value.
        var tally = DistinctValueTally()
        var tallying = field == .status
        for position in sample.indices {
            if check.isSettled(remaining: sample.count - position, categoryIsFree: categoryIsFree) { break }
            sample[position].withBytes(at: column) { bytes in
                let value = ByteCursor.trimmingSpace(bytes)
                guard !value.isEmpty else { return }
                if tallying {
                    if ByteCursor.isASCII(value),
                       tally.add(value, readable: { readable(field, $0, &dates, times, durations) ?? true }) {
                        return
                    }
                    tally.flush(into: &check)
                    tallying = false
                }
                if ByteCursor.isASCII(value) {
                    let verdict = readable(field, value, &dates, times, durations)
                    if field == .csat, verdict == nil { return }  // no response ("offered", "n/a")
                    let isReadable = verdict ?? true
                    if check.keeps(readable: isReadable) {
                        check.observe(String(decoding: value, as: UTF8.self), readable: isReadable)
                    } else {
                        check.count(readable: isReadable)
                    }
                } else {
                    var text = TextNormalization.string(fromUTF8: value)
                    let verdict = text.withUTF8 { readable(field, $0, &dates, times, durations) }
                    if field == .csat, verdict == nil { return }
                    check.observe(text, readable: verdict ?? true)
                }
            }
        }
        if tallying { tally.flush(into: &check) }
    }

    /// Whether the field's parser reads a non-empty value: `true`, `false`, or for CSAT `nil` when the value
    /// means "no response"; `true` for a field without a parser (subject: judged by its distinct values).
    private func readable(_ field: CanonicalField, _ bytes: UnsafeBufferPointer<UInt8>,
                          _ dates: inout TimestampParser, _ times: TimeOfDayParser,
                          _ durations: DurationParser) -> Bool? {
        switch field {
        case .openedAt, .closedAt, .firstReplyAt: return dates.parse(bytes) != nil
        case .openedTime, .closedTime: return times.parse(bytes) != nil
        case .email: return identity.email(bytes) != nil
        case .phone: return identity.phone(bytes) != nil
        case .status: return statuses.status(bytes) != nil
        case .handleTime: return durations.parse(bytes) != nil
        case .cost: return money.parse(bytes) != nil
        case .firstContactResolved: return flags.parse(bytes) != nil
        case .inbound: return inboundFlags.parse(bytes) != nil
        case .answered: return answeredFlags.parse(bytes) != nil
        case .firstReplyTime: return replyDuration.parse(bytes) != nil
        case .waitTime: return waitDuration.parse(bytes) != nil
        case .agentReplies, .reopens:
            return Int(String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces)).map { $0 >= 0 } == true
        case .csat:
            switch csat.read(bytes) {
            case .response: return true
            case .noResponse: return nil
            case .unreadable: return false
            }
        default: return true
        }
    }

    // MARK: Day/month order

    /// Takes one record's date values as evidence of the day/month order (and its time and duration values as
    /// evidence of how a spreadsheet saved them). One view of the record's fields for all of them.
    public mutating func observe(_ raw: RawRecord) {
        let line = raw.line
        raw.withFields { fields in
            if let i = index[.openedAt] { openedEvidence.observe(fields.bytes(at: i), line: line) }
            if let i = index[.closedAt] { closedEvidence.observe(fields.bytes(at: i), line: line) }
            if let i = index[.openedTime] { openedTimeEvidence.observe(fields.bytes(at: i)) }
            if let i = index[.closedTime] { closedTimeEvidence.observe(fields.bytes(at: i)) }
            if let i = index[.handleTime] { handleTimeEvidence.observe(fields.bytes(at: i)) }
        }
        observedRecords += 1
    }

    /// Decides from the evidence whether the time columns hold fractions of a day and the duration column
    /// times of day or fractions of a day (see `SpreadsheetTimeEvidence`).
    private mutating func decideSpreadsheetTimes() {
        timeForms = [:]
        // Evidence with no values decides nothing (every verdict needs more than half of the values).
        if openedTimeEvidence.timeOfDayIsDayFraction {
            openedParser.timeOfDay.readsDayFractions = true
            timeForms[.openedTime] = "fractions of a day (0.5 = 12:00)"
        }
        if closedTimeEvidence.timeOfDayIsDayFraction {
            closedParser.timeOfDay.readsDayFractions = true
            timeForms[.closedTime] = "fractions of a day (0.5 = 12:00)"
        }
        if handleTimeEvidence.durationIsTimeOfDay {
            duration.readsTimeOfDay = true
            timeForms[.handleTime] = "times of day (12:02:23 AM = 2 min 23 s)"
        } else if handleTimeEvidence.durationIsDayFraction {
            duration.readsDayFractions = true
            timeForms[.handleTime] = "fractions of a day (0.001 = 86.4 s)"
        }
    }

    /// Decides the day/month order of each date column from the evidence (unless forced), and returns a
    /// warning for a column whose values contradict each other. Also decides, from the same records, how a
    /// spreadsheet saved the time and duration columns (`timeForms`). `dateOrders` says what was decided, and
    /// stays empty when no observed value was a day/month date (ISO timestamps have no order to tell).
    public mutating func decideDateOrder() -> [Diagnostic] {
        decideSpreadsheetTimes()
        // One export writes its dates one way: pool the evidence of both columns.
        var evidence = openedEvidence
        evidence.merge(closedEvidence)
        dateOrders = [:]
        mixedDateOrder = nil
        guard evidence.slashCount + evidence.dotOrDashCount > 0 else { return [] }
        if let forced = openedParser.dayMonthOrder {
            dateOrders[.openedAt] = (forced, options.dayMonthOrder != nil ? "configured" : "preset")
            dateOrders[.closedAt] = dateOrders[.openedAt]
            return []
        }
        var diagnostics: [Diagnostic] = []
        let order = evidence.order
        var how: String
        switch evidence.verdict {
        case .dayFirst: how = "a day above 12"
        case .monthFirst: how = "a month-first value with a second part above 12"
        case .unsettled: how = "default: no value settled the order"
        case .conflicting:
            how = "majority of conflicting values"
            diagnostics.append(Diagnostic(.warning, kind: "date-order", at: SourceLocation(file: file, line: 0),
                                          column: bindings[.openedAt]?.column,
                                          message: "dates are written both day-first (\(evidence.dayFirstCount)) and "
                                              + "month-first (\(evidence.monthFirstCount)); reading them \(order.rawValue)"))
        }
        if evidence.verdict != .unsettled {
            openedParser.dayMonthOrder = order
            closedParser.dayMonthOrder = order
            replyParser.dayMonthOrder = order
        }
        if evidence.mixesOrders {
            // The parser reads ambiguous values in its order and the others the only way they can be read
            // (it is not enforced), so giving it the other order reads both kinds right.
            let other = evidence.ambiguousOrder
            openedParser.dayMonthOrder = other
            closedParser.dayMonthOrder = other
            replyParser.dayMonthOrder = other
            how += "; \(evidence.ambiguousCount) ambiguous values read \(other.rawValue): the column mixes orders"
            diagnostics.append(mixedOrderWarning(evidence))
            mixedDateOrder = "'\(bindings[.openedAt]?.column ?? "")': \(order.rawValue); \(evidence.ambiguousCount) "
                + "ambiguous values read \(other.rawValue): the column mixes orders"
        }
        dateOrders[.openedAt] = (order, how)
        dateOrders[.closedAt] = (order, how)
        return diagnostics
    }

    /// The `date-order-mixed` warning: what proves the order, where the ambiguous values fall, how many were
    /// read the other way (in the sample), an example, and how to force an order.
    private func mixedOrderWarning(_ evidence: DayMonthOrderEvidence) -> Diagnostic {
        let order = evidence.order
        let other = evidence.ambiguousOrder
        let proving = order == .dayFirst ? evidence.dayFirstCount : evidence.monthFirstCount
        let example = evidence.firstAmbiguous
        let exampleText = example.map { " (such as '\(Self.excerpt($0.text))')" } ?? ""
        let months = evidence.provenMonths.map { " (\($0))" } ?? ""
        let message = "dates mix orders, as a spreadsheet re-save leaves them: \(proving) values can only be read "
            + "\(order.rawValue), but the \(evidence.ambiguousCount) ambiguous ones\(exampleText) fall in the same "
            + "months\(months) only when read \(other.rawValue); read \(evidence.ambiguousCount) ambiguous values "
            + "in the first \(observedRecords) records \(other.rawValue) and the rest the one way they can be read. "
        let text: MessageText = "\(message)If that is wrong, force one order with \(setting: .dayMonthOrder) day-first or month-first"
        let column = bindings[.openedAt]?.column
        return Diagnostic(.warning, kind: "date-order-mixed",
                          at: SourceLocation(file: file, line: example?.line ?? 0), column: column, message: text)
    }

    // MARK: Mapping

    /// What became of a record mapped with `map(_:into:diagnostics:)`.
    public enum Verdict: Sendable, Equatable {
        /// The record is a contact, now in `contact`.
        case contact
        /// The reason, and the column concerned.
        case rejected(reason: MessageText, column: String?)
        case excluded(reason: String)
        /// Opened by the organisation's staff or systems (channel `internal`): not customer demand.
        case excludedInternal(reason: String)
    }

    /// The reason given for a record excluded as internal.
    public static let internalReason = "internal: opened by the organisation's own staff or systems, not a customer contact"

    /// Maps one record. Field warnings go to `diagnostics`.
    public mutating func map(_ raw: RawRecord, diagnostics: inout DiagnosticLog) -> Outcome {
        var contact = ContactRecord(openedAt: 0)
        switch map(raw, into: &contact, diagnostics: &diagnostics) {
        case .contact: return .contact(contact)
        case .rejected(let reason, let column): return .rejected(reason: reason, column: column)
        case .excluded(let reason): return .excluded(reason: reason)
        case .excludedInternal(let reason): return .excludedInternal(reason: reason)
        }
    }

    /// Maps one record into `contact`, overwriting every field (the hot path reuses one record, so no
    /// record is copied). `contact` holds the result only when the verdict is `.contact`. Field warnings go
    /// to `diagnostics`.
    public mutating func map(_ record: RawRecord, into contact: inout ContactRecord,
                             diagnostics: inout DiagnosticLog) -> Verdict {
        record.withFields { fields in map(fields, line: record.line, into: &contact, diagnostics: &diagnostics) }
    }

    /// `map(_:into:diagnostics:)` over a view of the record's fields (one retain of its buffers per record,
    /// not one per field read).
    private mutating func map(_ raw: RawRecordFields, line: Int, into contact: inout ContactRecord,
                              diagnostics: inout DiagnosticLog) -> Verdict {
        settleFilled()
        // The record's place, made only for a diagnostic: a `SourceLocation` per record retained and released
        // the file name's storage (a name longer than 15 bytes) every row.
        @inline(__always) func location() -> SourceLocation { SourceLocation(file: file, line: line) }
        if checksFieldCount, raw.count != header.count {
            return .rejected(reason: "has \(raw.count) field\(raw.count == 1 ? "" : "s"); the header has \(header.count)",
                             column: nil)
        }
        if let i = index[.inbound], !raw.isEmpty(at: i) {
            switch inboundFlags.parse(raw.bytes(at: i)) {
            case false?: return .excluded(reason: "outbound message (the organisation's own, not a customer contact)")
            case true?: count(.inbound)
            case nil: diagnostics.report(Diagnostic(.warning, kind: "unreadable-inbound", at: location(),
                                                    column: bindings[.inbound]?.column,
                                                    message: "inbound '\(Self.excerpt(raw.string(at: i)))' is not yes or no; read as inbound"))
            }
        }
        // opened_at (required).
        guard let openedColumn = index[.openedAt], !raw.isEmpty(at: openedColumn) else {
            return .rejected(reason: "opened_at is empty", column: bindings[.openedAt]?.column)
        }
        guard let opened = Self.timestamp(raw, openedColumn, index[.openedTime], parser: &openedParser) else {
            return .rejected(reason: "opened_at '\(Self.excerpt(raw.string(at: openedColumn)))' is not "
                                 + "\(unreadableDate(raw, openedColumn, openedParser))",
                             column: bindings[.openedAt]?.column)
        }
        // Fields the code below assigns on every mapped record (contactID, subject, text, rawChannel, category,
        // agent, queue, language) are left for it: an interned value the same as the last row's stays.
        contact.resetForMapping(openedAt: opened.0, file: file, line: line)
        count(.openedAt)
        if opened.usedTime { count(.openedTime) }
        if opened.unreadableTime { warn(.openedTime, "a time of day; the date was read alone") }

        func warn(_ field: CanonicalField, _ what: MessageText) {
            let i = index[field] ?? 0
            let message: MessageText = "\(field.rawValue) '\(Self.excerpt(raw.string(at: i)))' is not \(what); left empty"
            diagnostics.report(Diagnostic(.warning, kind: "unreadable-\(field.rawValue)", at: location(),
                                          column: bindings[field]?.column,
                                          message: message))
        }
        // `text` and `present` run a dozen times a row: inlined, not called.
        @inline(__always) func text(_ field: CanonicalField) -> String? {
            guard let i = index[field], let value = raw.trimmedString(at: i) else { return nil }
            count(field)
            return value
        }
        @inline(__always) func present(_ field: CanonicalField) -> Int? {
            guard let i = index[field], !raw.isEmpty(at: i) else { return nil }
            return i
        }

        if Self.text(raw, index[.contactID], in: &contact.contactID) { count(.contactID) }
        if let i = present(.closedAt) {
            if let closed = Self.timestamp(raw, i, index[.closedTime], parser: &closedParser) {
                contact.closedAt = closed.0
                count(.closedAt)
                if closed.usedTime { count(.closedTime) }
                if closed.unreadableTime { warn(.closedTime, "a time of day; the date was read alone") }
                if closed.0 < opened.0 {
                    diagnostics.report(Diagnostic(.warning, kind: Self.closedBeforeOpenedKind, at: location(),
                                                  column: bindings[.closedAt]?.column,
                                                  message: "closed_at '\(Self.excerpt(raw.string(at: i)))' is before opened_at "
                                                    + "'\(Self.excerpt(raw.string(at: openedColumn)))'; not used for resolution time"))
                }
            } else {
                warn(.closedAt, unreadableDate(raw, i, closedParser))
            }
        }
        // Identity: customer id, else e-mail, else phone.
        if let i = present(.customer), let key = identity.customerID(raw.bytes(at: i)) {
            contact.customer = key
            count(.customer)
        } else if let i = present(.email), let key = identity.email(raw.bytes(at: i)) {
            contact.customer = key
            count(.email)
        } else if let i = present(.phone), let key = identity.phone(raw.bytes(at: i)) {
            contact.customer = key
            count(.phone)
        }
        if let i = present(.channel) {
            let channels = self.channels
            let channel = raw.withBytes(at: i) { bytes in
                channelMemo.withValue(for: bytes, { (channels.resolve($0).channel, TextNormalization.string(fromUTF8: $0)) }) { memo in
                    ContactRecord.keep(memo.raw, in: &contact.rawChannel)
                    return memo.channel
                }
            }
            contact.channel = channel
            if channel == .internal { return .excludedInternal(reason: Self.internalReason) }
            count(.channel)
        } else {
            ContactRecord.keep(nil, in: &contact.rawChannel)
            if let constantChannel { contact.channel = constantChannel }
        }
        if textStaysInRow, subjectMemo.isBypassed, let i = index[.subject],
           let hasValue = Self.leaveInRow(raw, i, in: &contact.subject, column: &contact.subjectColumn) {
            if hasValue { count(.subject) }
        } else if Self.text(raw, index[.subject], memo: &subjectMemo, in: &contact.subject,
                            ordinal: &contact.subjectOrdinal) {
            count(.subject)
        }
        if textStaysInRow, let i = index[.text],
           let hasValue = Self.leaveInRow(raw, i, in: &contact.text, column: &contact.textColumn) {
            if hasValue { count(.text) }
        } else {
            ContactRecord.keep(text(.text), in: &contact.text)
        }
        if Self.text(raw, index[.category], memo: &categoryMemo, in: &contact.category) { count(.category) }
        if let tags = text(.tags) { contact.tags = Self.splitTags(tags) }
        if let i = present(.status) {
            let statuses = self.statuses
            if let status = raw.withBytes(at: i, { bytes in statusMemo.value(for: bytes) { statuses.status($0) } }) {
                contact.status = status
                count(.status)
            } else {
                warn(.status, "a known status (open, pending, resolved, closed)")
            }
        }
        if let i = present(.handleTime) {
            if let seconds = duration.parse(raw.bytes(at: i)) {
                contact.handleTimeSeconds = seconds
                count(.handleTime)
            } else {
                warn(.handleTime, "a duration")
            }
        }
        if let i = present(.csat) {
            switch csat.read(raw.bytes(at: i)) {
            case .response(let response):
                contact.csat = response
                count(.csat)
            case .noResponse:
                break
            case .unreadable:
                warn(.csat, "a satisfaction answer on the scale \(options.csatScale)")
            }
        }
        if let i = present(.cost) {
            if let amount = money.parse(raw.bytes(at: i)) {
                contact.cost = amount
                count(.cost)
            } else {
                warn(.cost, "an amount")
            }
        }
        if Self.text(raw, index[.agent], memo: &agentMemo, in: &contact.agent) { count(.agent) }
        if Self.text(raw, index[.queue], memo: &queueMemo, in: &contact.queue) { count(.queue) }
        if Self.text(raw, index[.language], memo: &languageMemo, in: &contact.language) { count(.language) }
        if let i = present(.firstContactResolved) {
            if let flag = flags.parse(raw.bytes(at: i)) {
                contact.firstContactResolved = flag
                count(.firstContactResolved)
            } else {
                warn(.firstContactResolved, "yes or no")
            }
        }
        if let i = present(.agentReplies) {
            if let replies = raw.trimmedString(at: i).flatMap({ Int($0) }), replies >= 0 {
                contact.agentReplies = replies
                count(.agentReplies)
            } else {
                warn(.agentReplies, "a whole number")
            }
        }
        // First reply: a timestamp (not before the contact opened), else the export's reply-time duration.
        if let i = present(.firstReplyAt) {
            if let reply = replyParser.parse(raw.bytes(at: i)) {
                if reply < opened.0 {
                    diagnostics.report(Diagnostic(.warning, kind: Self.replyBeforeOpenedKind, at: location(),
                                                  column: bindings[.firstReplyAt]?.column,
                                                  message: "first_reply_at '\(Self.excerpt(raw.string(at: i)))' is before opened_at "
                                                    + "'\(Self.excerpt(raw.string(at: openedColumn)))'; not used for first-reply time"))
                } else {
                    contact.firstReplySeconds = Double(reply - opened.0)
                    count(.firstReplyAt)
                }
            } else {
                warn(.firstReplyAt, unreadableDate(raw, i, replyParser))
            }
        }
        if contact.firstReplySeconds == nil, let i = present(.firstReplyTime) {
            if let seconds = replyDuration.parse(raw.bytes(at: i)) {
                contact.firstReplySeconds = seconds
                count(.firstReplyTime)
            } else {
                warn(.firstReplyTime, "a duration (negative values are not read)")
            }
        }
        if let i = present(.priority) {
            let priorities = self.priorities
            let priority = raw.withBytes(at: i) { bytes in priorityMemo.value(for: bytes) { priorities.priority($0) } }
            contact.rawPriority = raw.trimmedString(at: i)
            count(.priority)
            if let priority {
                contact.priority = priority
            } else {
                diagnostics.report(Diagnostic(.note, kind: Self.unknownPriorityKind, at: location(),
                                              column: bindings[.priority]?.column,
                                              message: "priority '\(Self.excerpt(raw.string(at: i)))' is not urgent, high, "
                                                + "normal or low (nor an alias); kept as written, no priority target applies"))
            }
        }
        if let i = present(.answered) {
            if let flag = answeredFlags.parse(raw.bytes(at: i)) {
                contact.answered = flag
                count(.answered)
            } else {
                warn(.answered, "yes or no")
            }
        }
        if let i = present(.waitTime) {
            if let seconds = waitDuration.parse(raw.bytes(at: i)) {
                contact.waitSeconds = seconds
                count(.waitTime)
            } else {
                warn(.waitTime, "a duration")
            }
        }
        if let i = present(.reopens) {
            if let reopens = raw.trimmedString(at: i).flatMap({ Int($0) }), reopens >= 0 {
                contact.reopens = reopens
                count(.reopens)
            } else {
                warn(.reopens, "a whole number")
            }
        }
        if contact.subjectColumn >= 0 || contact.textColumn >= 0,
           contact.language.flatMap(ContactLanguage.init(mapped:)) == nil {
            // The language is detected from the strings (`ContactFacts.language(of:)`): they are made after all.
            Self.takeOutOfRow(raw, column: &contact.subjectColumn, into: &contact.subject)
            Self.takeOutOfRow(raw, column: &contact.textColumn, into: &contact.text)
        }
        return .contact
    }

    /// Leaves the trimmed value of the text column `column` in the row (`ContactRecord.subjectColumn`,
    /// `textColumn`: `column` set, `field` `nil`) when it is longer than a small string (which costs no
    /// allocation) and valid UTF-8 (the reader checked it, or it is ASCII): the string `TextNormalization.string(
    /// fromUTF8:isKnownValid:)` would make of it is then those bytes in NFC, and the classifier reads them so
    /// (`ContactRecord.subject(in:)` makes that string; its tokenizer makes a field NFC at the first scalar from
    /// U+0300 on, `WordTokenizer.normalizesFromU0300`). Returns whether the column has a value, or `nil`, leaving
    /// both as they are, when the caller makes the string.
    @inline(__always)
    private static func leaveInRow(_ raw: RawRecordFields, _ column: Int, in field: inout String?,
                                   column rowColumn: inout Int32) -> Bool? {
        let value = ByteCursor.trimmingSpace(raw.bytes(at: column))
        if value.isEmpty {
            ContactRecord.keep(nil, in: &field)
            return false
        }
        guard value.count > SmallASCIIString.maxCount else { return nil }
        // Bytes a reader checked are valid UTF-8 (the classifier makes a field with a scalar from U+0300 on NFC
        // itself, `WordTokenizer.normalizesFromU0300`); others are left only when they are ASCII.
        if !raw.holdsValidUTF8, TextNormalization.form(of: value) != .ascii { return nil }
        ContactRecord.keep(nil, in: &field)
        rowColumn = Int32(truncatingIfNeeded: column)
        return true
    }

    /// Makes the string of a text field `leaveInRow` left in the row (`column` set), as the mapper makes it
    /// otherwise, and clears `column`.
    private static func takeOutOfRow(_ raw: RawRecordFields, column: inout Int32, into field: inout String?) {
        guard column >= 0 else { return }
        field = raw.trimmedString(at: Int(column))
        column = -1
    }

    /// What an unreadable date is not: a readable timestamp, or (when a forced order is the only obstacle)
    /// a date in that order.
    private func unreadableDate(_ raw: RawRecordFields, _ column: Int, _ parser: TimestampParser) -> MessageText {
        guard parser.enforcesDayMonthOrder, let order = parser.dayMonthOrder,
              raw.withBytes(at: column, { parser.contradictsDayMonthOrder($0) }) else { return "a readable timestamp" }
        let how: MessageText = options.dayMonthOrder == nil ? "the preset's order" : "set with \(setting: .dayMonthOrder) or the configuration"
        return "a \(order.rawValue) date (\(how); the data says otherwise)"
    }

    /// The diagnostic kind of a contact closed before it was opened (a field warning; the contact is kept, its
    /// resolution time has no value).
    public static let closedBeforeOpenedKind = "closed-before-opened"

    /// The diagnostic kind of a first reply before the contact was opened (a field warning; the contact is
    /// kept, its first-reply time has no value).
    public static let replyBeforeOpenedKind = "reply-before-opened"

    /// The diagnostic kind of a priority no alias recognises (a note; the value is kept as written).
    public static let unknownPriorityKind = "unknown-priority"

    /// The longest first-reply time read from a duration column (400 days); longer values are unreadable.
    static let longestReplySeconds: Double = 400 * 86_400

    @inline(__always)
    private mutating func count(_ field: CanonicalField) {
        lastFilled |= 1 << UInt64(field.position)
    }

    /// Adds the last record's filled fields to `filled`.
    @inline(__always)
    private mutating func settleFilled() {
        guard lastFilled != 0 else { return }
        filled.add(lastFilled)
        lastFilled = 0
    }

    /// Puts the trimmed value of a text column in `field` (`nil` when it has none, or only blanks), as
    /// `raw.trimmedString(at:)` gives it, through `memo` unless it is a small ASCII string (a value the same as
    /// the last row's is left in place); whether there was a value.
    @inline(__always)
    private static func text(_ raw: RawRecordFields, _ column: Int?, memo: inout TextMemo,
                             in field: inout String?) -> Bool {
        var ordinal = MemoOrdinal.none
        return text(raw, column, memo: &memo, in: &field, ordinal: &ordinal)
    }

    /// Puts the trimmed value of a text column in `field` as `raw.trimmedString(at:)` gives it (`nil` when it has
    /// none, or only blanks), a small ASCII string without making a `String` (`ContactRecord.keep(smallWords:in:)`);
    /// whether there was a value.
    @inline(__always)
    private static func text(_ raw: RawRecordFields, _ column: Int?, in field: inout String?) -> Bool {
        let (hasValue, rest) = shortText(raw, column, in: &field)
        if let rest {
            ContactRecord.keep(TextNormalization.string(fromUTF8: rest, isKnownValid: raw.holdsValidUTF8), in: &field)
        }
        return hasValue
    }

    /// What both `text` functions do first: `nil` in `field` when the column is missing, empty or only blanks;
    /// the string of a value of up to 15 ASCII bytes (most agents, queues, languages) made from its words, which
    /// costs less than a lookup and is the very string a memo would give (a small string's bits are its bytes).
    /// Returns whether there is a value, and the trimmed value when it is left to the caller.
    @inline(__always)
    private static func shortText(_ raw: RawRecordFields, _ column: Int?,
                                  in field: inout String?) -> (hasValue: Bool, rest: UnsafeBufferPointer<UInt8>?) {
        guard let column else {
            ContactRecord.keep(nil, in: &field)
            return (false, nil)
        }
        let value = ByteCursor.trimmingSpace(raw.bytes(at: column))
        if value.isEmpty {
            ContactRecord.keep(nil, in: &field)
            return (false, nil)
        }
        if value.count <= SmallASCIIString.maxCount, let small = SmallASCIIString.words(value) {
            ContactRecord.keep(smallWords: small, in: &field)
            return (true, nil)
        }
        return (true, value)
    }

    /// `text(_:_:memo:in:)`, setting `ordinal` to the string's `MemoOrdinal` in `memo` (`none` when the
    /// memo does not hold it, or there is no value). `ordinal` is left as it is (`none`, from
    /// `ContactRecord.resetForMapping`) when the column is missing or empty.
    @inline(__always)
    private static func text(_ raw: RawRecordFields, _ column: Int?, memo: inout TextMemo,
                             in field: inout String?, ordinal: inout MemoOrdinal) -> Bool {
        let (hasValue, rest) = shortText(raw, column, in: &field)
        guard let value = rest else { return hasValue }
        let valid = raw.holdsValidUTF8
        let held = memo.store(value, in: &field) { TextNormalization.string(fromUTF8: $0, isKnownValid: valid) }
        if held.value >= 0 { ordinal = held }
        return true
    }

    /// A date column, completed by a separate time column when there is one. When the time column cannot be
    /// read, the date is read alone and `unreadableTime` says so (the caller warns).
    private static func timestamp(_ raw: RawRecordFields, _ dateColumn: Int, _ timeColumn: Int?,
                                  parser: inout TimestampParser) -> (EpochSeconds, usedTime: Bool, unreadableTime: Bool)? {
        var unreadableTime = false
        if let timeColumn, !raw.isEmpty(at: timeColumn) {
            let combined = raw.withBytes(at: dateColumn) { date in
                raw.withBytes(at: timeColumn) { time in parser.parse(date: date, time: time) }
            }
            if let combined { return (combined, true, false) }
            unreadableTime = true
        }
        return raw.withBytes(at: dateColumn) { parser.parse($0) }.map { ($0, false, unreadableTime) }
    }

    /// Tags separated by commas or semicolons, else by white space (Zendesk writes `vip billing_issue`).
    static func splitTags(_ text: String) -> [String] {
        let separators: Set<Character> = text.contains(",") || text.contains(";") ? [",", ";"] : [" ", "\t"]
        return text.split(whereSeparator: { separators.contains($0) })
            .map { $0.trimmingCharacters(in: .whitespaces) } // tags are rare and short: Foundation is fine here
            .filter { !$0.isEmpty }
    }

    /// At most 40 characters of a value, for messages.
    static func excerpt(_ value: String) -> String {
        value.count <= 40 ? value : String(value.prefix(39)) + "…"
    }
}

/// The column index bound to each canonical field, stored by position.
struct FieldColumns: Sendable {
    private var columns = [Int](repeating: -1, count: CanonicalField.allCases.count)

    init() {}

    init(_ bound: [CanonicalField: Int]) {
        for (field, column) in bound { columns[field.position] = column }
    }

    @inline(__always)
    subscript(field: CanonicalField) -> Int? {
        let column = columns[field.position]
        return column >= 0 ? column : nil
    }
}
