import Foundation

/// Assigns each contact one cause of a taxonomy, or `unclassified`.
///
/// The rules are compiled once (`init`); each contact then costs one pass over the bytes of each field the rules
/// read (tokenising and walking the term automaton together, one table step per byte, no string per word), a
/// hash lookup per exact value (values longer than every rule's value are not even normalised to the end),
/// and the evaluation of only those rules
/// that one of the contact's words or values can make true (plus rules no word gates, such as a lone `not` or
/// a regular expression). So the per-contact cost does not grow with the number of rules.
///
/// Rules are tried in precedence order (see `RootCauseRule`); the first true rule gives the cause.
///
/// Inputs repeat (web-form subjects, macros, categories), so each copy remembers the causes it gave in a
/// bounded `ClassificationMemo` keyed by the bytes of every field the rules read: a repeated input costs a
/// hash and a lookup, and gets exactly the cause the rules would give again; where inputs do not repeat the
/// memo pauses (see `ClassificationMemo`). Where the rules read only canonical fields, an input whose fields
/// are the same strings as a remembered one's (the mapper hands out one `String` per repeated value) is found
/// first by those strings' storage, without reading their bytes.
///
/// `classify` is `mutating` because it reuses scratch buffers: give each thread its own copy (copies share the
/// compiled rules).
public struct RootCauseClassifier: Sendable {
    /// The taxonomy the classifier was compiled from.
    public let taxonomy: Taxonomy
    /// Whether diacritics are folded (`ä` matches `a`): the `foldDiacritics` argument or the taxonomy's own
    /// setting.
    public let foldDiacritics: Bool
    /// Columns named by `column:NAME` rules that the header does not have, in the order first named. Rules that
    /// name them are never true; callers should warn.
    public var unresolvedColumns: [String] { program.unresolvedColumns }

    private let program: CompiledRuleProgram
    /// `program`'s per-contact tables as pointers (valid while `program` lives, which this value holds).
    private let tables: CompiledRuleProgram.Tables
    private let tokenizer: WordTokenizer
    /// `tokenizer` for a subject or body left in the row (`ContactRecord.subjectColumn`): bytes that may not be in
    /// NFC, which the mapper's string would have been (`WordTokenizer.normalizesFromU0300`).
    private let rowTokenizer: WordTokenizer

    // Scratch, reused for every contact.
    /// The contact generation (`regexStamp`).
    private var generation: UInt32 = 0
    /// The atoms true in the contact, the terms matched in the field (bits), the candidate rules.
    private var stamps: ClassifierStamps
    private var regexStamp: [UInt32]
    private var regexValue: [Bool]
    /// Per regular expression: how many fields it ran out of time on. At `RegexBudget.disableAfter` the
    /// expression is switched off for the rest of the run (it never matches).
    private var regexTimeouts: [Int]

    /// Regular expressions switched off because they kept running out of time (see `RegexBudget`).
    /// (Kept as a count: callers ask after every contact.)
    public private(set) var disabledRegexCount = 0

    /// The patterns of the regular expressions switched off so far.
    public var disabledRegexPatterns: [String] {
        regexTimeouts.indices.filter { regexTimeouts[$0] >= RegexBudget.disableAfter }
            .map { program.regexes[$0].expression.pattern }
    }
    /// `matchSequences`' lists: the matches whose term anchors a phrase (from the start, room for every match
    /// of the field), then the terms with single-word atoms the field matched (from the field's match count on).
    private var anchors: [Int32] = []
    private var matches: TermMatches
    private var value: [UInt8] = []
    private var memo = ClassificationMemo()
    /// `false` classifies every contact by the rules (tests compare the two).
    var memoizes = true
    private var memoKey: [UInt8] = []
    /// Whether an input can be keyed by its strings' storage (`buildStorageKey`): the rules read no
    /// `column:NAME` field (whose bytes are no string) and a `String` is two words.
    private let keysByStorage: Bool
    /// The canonical slots the rules read, one bit per `CompiledRuleProgram.CanonicalSlot` raw value.
    private let readsCanonical: UInt64
    /// The storage key (`buildStorageKey`): at most a head word and two words for each of five text fields.
    private var storageKey = [UInt64](repeating: 0, count: 11)
    /// Regular-expression time-outs so far: a classification during which one happened is not remembered.
    private var timeouts = 0

    /// How many classifications the memo answered, of how many (`--profile`, tests).
    public var memoHits: Int { memo.hits }
    public var memoLookups: Int { memo.lookups }
    /// Inputs the memo holds by their strings' storage (tests).
    var memoStorageCount: Int { memo.storageCount }
    /// Lookups by storage the memo's recent table answered (tests).
    var memoRecentHits: Int { memo.recentHits }
    /// Lookups the memo's subject table answered (tests).
    var memoSubjectHits: Int { memo.subjectHits }

    /// Compiles `taxonomy` for an export whose columns are `header` (so `column:NAME` rules resolve to
    /// indexes). Throws `ContactStatError(.configuration)` for an invalid keyword or regular expression.
    public init(taxonomy: Taxonomy, header: [String], foldDiacritics: Bool = false) throws {
        self.taxonomy = taxonomy
        self.foldDiacritics = foldDiacritics || taxonomy.foldDiacritics
        self.tokenizer = WordTokenizer(foldDiacritics: self.foldDiacritics)
        self.rowTokenizer = WordTokenizer(foldDiacritics: self.foldDiacritics, normalizesFromU0300: true)
        self.program = try CompiledRuleProgram(taxonomy: taxonomy, header: header,
                                               foldDiacritics: self.foldDiacritics)
        self.tables = program.tables
        self.stamps = ClassifierStamps(atomCount: program.atomCount, termCount: program.termCount,
                                       ruleCount: program.ruleRoots.count)
        self.regexStamp = [UInt32](repeating: 0, count: program.regexes.count)
        self.regexValue = [Bool](repeating: false, count: program.regexes.count)
        self.regexTimeouts = [Int](repeating: 0, count: program.regexes.count)
        self.matches = TermMatches(automaton: program.automaton)
        self.keysByStorage = StringStorageWords.areAvailable
            && program.readSlots.allSatisfy { $0 < CompiledRuleProgram.firstColumnSlot }
        self.readsCanonical = program.readSlots.reduce(0) { reads, slot in
            slot < CompiledRuleProgram.firstColumnSlot ? reads | 1 << UInt64(slot) : reads
        }
    }

    /// Whether `other` holds the very same compiled rules (a copy of this classifier does; one compiled anew does
    /// not). `ClassifierPool` gives each worker rules of its own.
    func sharesRules(with other: RootCauseClassifier) -> Bool { program === other.program }

    /// The cause of `contact`; `raw` is the export row it was mapped from (read by `column:NAME` rules).
    public mutating func classify(_ contact: borrowing ContactRecord, raw: borrowing RawRecord) -> CauseID {
        // The row's fields as one view of its buffers, taken once: reading a field through the record itself
        // copied its arrays (a retain and a release each) at every field read.
        raw.withFields { classify(contact, raw: $0) }
    }

    /// `classify(_:raw:)` over a view of the row's fields.
    private mutating func classify(_ contact: borrowing ContactRecord, raw: RawRecordFields) -> CauseID {
        guard memoizes else { return evaluateRules(contact, raw: raw) }
        if memo.isPaused {
            memo.countPaused()
            let disabledBefore = disabledRegexCount
            let cause = evaluateRules(contact, raw: raw)
            // As below: causes remembered while an expression still ran could differ now that it never matches.
            if disabledRegexCount != disabledBefore { memo.removeAll() }
            return cause
        }
        // First by the fields' storage: a few words, where the same strings came before; a key of the subject
        // alone first by the subject's place in the mapper's memo (`ClassificationMemo.cause(ofSubject:key:)`).
        let storageWords = keysByStorage && memo.usesStorage ? buildStorageKey(contact) : 0
        let byStorage = storageWords > 0
        var storageHash: UInt64 = 0
        var subject = MemoOrdinal.none
        if byStorage {
            let subjectBit: UInt64 = 1 << UInt64(CompiledRuleProgram.CanonicalSlot.subject.rawValue)
            if storageWords == 3, storageKey[0] & subjectBit != 0 { subject = contact.subjectOrdinal }
            let cached = storageKey.withUnsafeBufferPointer { words -> (CauseID?, UInt64) in
                let key = UnsafeBufferPointer(rebasing: words[0..<storageWords])
                if let cause = memo.cause(ofSubject: subject, key: key) { return (cause, 0) }
                let hash = IdentityHash.of(words: key)
                return (memo.cause(ofStorage: key, hash: hash, subject: subject), hash)
            }
            if let cause = cached.0 { return cause }
            storageHash = cached.1
        }
        buildMemoKey(contact, raw: raw)
        // A key longer than the memo keeps cannot be in it: no hash and no probe for it.
        let rememberable = memoKey.count <= ClassificationMemo.maxKeyLength
        var hash: UInt64 = 0
        if rememberable {
            let cached = memoKey.withUnsafeBufferPointer { key -> (CauseID?, UInt64) in
                let hash = IdentityHash.of(bytes: key)
                return (memo.cause(of: key, hash: hash), hash)
            }
            if let cause = cached.0 {
                if byStorage {
                    rememberByStorage(cause, contact, words: storageWords, hash: storageHash, subject: subject)
                }
                return cause
            }
            hash = cached.1
        } else {
            memo.countMiss()
        }
        let timeoutsBefore = timeouts
        let disabledBefore = disabledRegexCount
        let cause = evaluateRules(contact, raw: raw)
        if timeouts == timeoutsBefore {
            // Remembered by bytes only: by storage once the input comes again (above), so inputs that never
            // repeat (free text) cost the storage table nothing but a probe.
            if rememberable { memoKey.withUnsafeBufferPointer { memo.remember(cause, for: $0, hash: hash) } }
        } else if disabledRegexCount != disabledBefore {
            // Causes remembered while the expression still ran could differ now that it never matches.
            memo.removeAll()
        }
        return cause
    }

    /// The memo key: for each slot the rules read, in order, the field's UTF-8 bytes and 0xFF (0xFD for a
    /// missing field, 0xFE after each tag). Those bytes never occur in UTF-8, so different inputs give
    /// different keys.
    private mutating func buildMemoKey(_ contact: ContactRecord, raw: RawRecordFields) {
        memoKey.removeAll(keepingCapacity: true)
        for slot in program.readSlots {
            switch slot {
            case CompiledRuleProgram.CanonicalSlot.subject.rawValue: appendKey(contact.subject, raw, contact.subjectColumn)
            case CompiledRuleProgram.CanonicalSlot.text.rawValue: appendKey(contact.text, raw, contact.textColumn)
            case CompiledRuleProgram.CanonicalSlot.category.rawValue: appendKey(contact.category)
            case CompiledRuleProgram.CanonicalSlot.tags.rawValue:
                for tag in contact.tags {
                    appendKey(tag)
                    memoKey.append(0xFE)
                }
            case CompiledRuleProgram.CanonicalSlot.channel.rawValue: appendKey(contact.channel.rawValue)
            case CompiledRuleProgram.CanonicalSlot.queue.rawValue: appendKey(contact.queue)
            case CompiledRuleProgram.CanonicalSlot.status.rawValue: appendKey(contact.status?.rawValue)
            case CompiledRuleProgram.CanonicalSlot.language.rawValue: appendKey(contact.language)
            default:
                let column = program.columnIndexes[slot - CompiledRuleProgram.firstColumnSlot]
                raw.withBytes(at: column) { memoKey.append(contentsOf: $0) }
            }
            memoKey.append(0xFF)
        }
    }

    /// `appendKey(_:)` of a subject or text, which may have stayed in the row (`column`,
    /// `ContactRecord.subjectColumn`): its bytes as the row has them. Where those are not in NFC the key differs
    /// from the NFC string's, which only makes another entry: the cause the memo keeps for either is the NFC
    /// text's (`rowTokenizer`).
    @inline(__always)
    private mutating func appendKey(_ text: String?, _ raw: RawRecordFields, _ column: Int32) {
        guard column >= 0 else { return appendKey(text) }
        memoKey.append(contentsOf: ContactRecord.bytes(ofColumn: column, in: raw))
    }

    @inline(__always)
    private mutating func appendKey(_ text: String?) {
        guard var text else {
            memoKey.append(0xFD)
            return
        }
        text.withUTF8 { memoKey.append(contentsOf: $0) }
    }

    /// The storage key of `contact` in `storageKey` (`keysByStorage` only), and its length in words; 0 when the
    /// contact has tags that the rules read (strings made for each contact: no storage worth keying). After a
    /// head word, the two words of each `String` the rules read and the contact has, in the order of
    /// `CompiledRuleProgram.CanonicalSlot`; the head has a bit per such field (the bit of its slot), and the
    /// channel and status the rules read by their case (bits 8-15 and 16-23, 0 for none), which are no
    /// strings. Equal keys mean equal bytes while the strings live (`ClassificationMemo` keeps them); equal bytes
    /// in other storage only miss here and are found by bytes.
    @inline(__always)
    private mutating func buildStorageKey(_ contact: ContactRecord) -> Int {
        let reads = readsCanonical
        typealias Slot = CompiledRuleProgram.CanonicalSlot
        if reads & 1 << UInt64(Slot.tags.rawValue) != 0, !contact.tags.isEmpty { return 0 }
        // A subject or text left in the row has no string storage to key by either.
        if reads & 1 << UInt64(Slot.subject.rawValue) != 0, contact.subjectColumn >= 0 { return 0 }
        if reads & 1 << UInt64(Slot.text.rawValue) != 0, contact.textColumn >= 0 { return 0 }
        return storageKey.withUnsafeMutableBufferPointer { key -> Int in
            var head: UInt64 = 0
            var n = 1
            @inline(__always) func put(_ text: String?, _ slot: Slot) {
                let bit: UInt64 = 1 << UInt64(slot.rawValue)
                guard reads & bit != 0, let text, let words = StringStorageWords.of(text) else { return }
                key[n] = words.0
                key[n + 1] = words.1
                n += 2
                head |= bit
            }
            put(contact.subject, .subject)
            put(contact.text, .text)
            put(contact.category, .category)
            put(contact.queue, .queue)
            put(contact.language, .language)
            if reads & 1 << UInt64(Slot.channel.rawValue) != 0 { head |= UInt64(contact.channel.ordinal + 1) << 8 }
            if reads & 1 << UInt64(Slot.status.rawValue) != 0, let status = contact.status {
                head |= UInt64(Self.statusCase(status) + 1) << 16
            }
            key[0] = head
            return n
        }
    }

    /// A status's case, for `buildStorageKey`.
    @inline(__always)
    private static func statusCase(_ status: ContactStatus) -> Int {
        switch status {
        case .open: 0
        case .pending: 1
        case .resolved: 2
        case .closed: 3
        }
    }

    /// Remembers `cause` for the storage key of `words` words in `storageKey` (whose hash is `hash`), and hands
    /// the memo the strings the key is made of to keep alive; after the byte key in `memoKey` was found or
    /// remembered; `subject` is the subject's ordinal when the key is the subject's alone (the subject table).
    private mutating func rememberByStorage(_ cause: CauseID, _ contact: ContactRecord, words: Int, hash: UInt64,
                                            subject: MemoOrdinal) {
        let keyBytes = memoKey.count
        let taken = storageKey.withUnsafeBufferPointer {
            memo.remember(cause, forStorage: UnsafeBufferPointer(rebasing: $0[0..<words]), hash: hash, keyBytes: keyBytes,
                          subject: subject)
        }
        guard taken else { return }
        let reads = readsCanonical
        typealias Slot = CompiledRuleProgram.CanonicalSlot
        func keep(_ text: String?, _ slot: Slot) {
            if reads & 1 << UInt64(slot.rawValue) != 0, let text { memo.keepAlive(text) }
        }
        keep(contact.subject, .subject)
        keep(contact.text, .text)
        keep(contact.category, .category)
        keep(contact.queue, .queue)
        keep(contact.language, .language)
    }

    /// The cause of `contact` by the rules (no memo).
    private mutating func evaluateRules(_ contact: ContactRecord, raw: RawRecordFields) -> CauseID {
        // Another copy of this classifier may hold the same stamps: take fresh ones before writing any.
        if !isKnownUniquelyReferenced(&stamps) { stamps = stamps.fresh() }
        generation &+= 1
        if generation == 0 {
            for i in regexStamp.indices { regexStamp[i] = 0 }
            generation = 1
        }
        stamps.clearAtoms()
        // The program's tables through pointers (`CompiledRuleProgram.tables`): no retain or release of its arrays
        // per contact.
        let tables = self.tables
        // The candidate rules: the ungated ones, then those the atoms marked below trigger (`mark`).
        let ruleBits = stamps.rules
        let ungated = tables.ungatedRuleBits
        if let words = ungated.baseAddress { ruleBits.update(from: words, count: ungated.count) }
        for slot in tables.tokenSlots {
            guard Self.hasText(in: slot, of: contact) else { continue }
            matches.removeAll()
            scanTokens(slot: slot, contact: contact, raw: raw)
            if matches.count > 0 { matchSequences(slot: slot, tables: tables) }
        }
        for slot in tables.valueSlots { lookUpValues(slot: slot, contact: contact, raw: raw) }
        // In precedence order (rank), each once: the set bits lowest first.
        for w in 0..<ungated.count {
            var word = ruleBits[w]
            while word != 0 {
                let rank = w &<< 6 | word.trailingZeroBitCount
                word &= word &- 1
                if evaluate(tables.ruleRoots[rank], tables: tables, contact: contact, raw: raw) {
                    return tables.ruleCauses[rank]
                }
            }
        }
        return .unclassified
    }

    /// The cause of a contact without an export row (only canonical fields; `column:NAME` rules are false).
    public mutating func classify(_ contact: ContactRecord) -> CauseID {
        classify(contact, raw: RawRecord())
    }

    // MARK: Atoms

    /// Marks `atom` true (`markAtom` on its record).
    @inline(__always)
    private func mark(_ atom: Int32) {
        Self.markAtom(record: Int(tables.atomRecordStarts[Int(atom)]), atomBits: stamps.atoms, ruleBits: stamps.rules,
                      atomRecords: tables.atomRecords)
    }

    /// Whether `contact` has something to tokenise in `slot` (a raw column always counts: the row has its
    /// bytes). A missing subject, body, category, queue, status or language and an empty tag list cost neither
    /// clearing the matches nor a scan: scanning them finds no token, so `matchSequences` would not run either.
    @inline(__always)
    private static func hasText(in slot: Int, of contact: ContactRecord) -> Bool {
        typealias Slot = CompiledRuleProgram.CanonicalSlot
        switch slot {
        case Slot.subject.rawValue: return contact.subject != nil || contact.subjectColumn >= 0
        case Slot.text.rawValue: return contact.text != nil || contact.textColumn >= 0
        case Slot.category.rawValue: return contact.category != nil
        case Slot.tags.rawValue: return !contact.tags.isEmpty
        case Slot.queue.rawValue: return contact.queue != nil
        case Slot.status.rawValue: return contact.status != nil
        case Slot.language.rawValue: return contact.language != nil
        default: return true
        }
    }

    /// Tokenises the field(s) of `slot` into `matches`, walking the automaton as it goes.
    private mutating func scanTokens(slot: Int, contact: ContactRecord, raw: RawRecordFields) {
        switch slot {
        case CompiledRuleProgram.CanonicalSlot.subject.rawValue: scan(contact.subject, raw, contact.subjectColumn)
        case CompiledRuleProgram.CanonicalSlot.text.rawValue: scan(contact.text, raw, contact.textColumn)
        case CompiledRuleProgram.CanonicalSlot.category.rawValue: scan(contact.category)
        case CompiledRuleProgram.CanonicalSlot.tags.rawValue:
            for tag in contact.tags {
                matches.appendBarrier()
                scan(tag)
            }
        case CompiledRuleProgram.CanonicalSlot.channel.rawValue: scan(contact.channel.rawValue)
        case CompiledRuleProgram.CanonicalSlot.queue.rawValue: scan(contact.queue)
        case CompiledRuleProgram.CanonicalSlot.status.rawValue: scan(contact.status?.rawValue)
        case CompiledRuleProgram.CanonicalSlot.language.rawValue: scan(contact.language)
        default:
            let column = program.columnIndexes[slot - CompiledRuleProgram.firstColumnSlot]
            let tokenizer = self.tokenizer
            raw.withBytes(at: column) { tokenize($0, with: tokenizer) }
        }
    }

    /// `scan(_:)` of a subject or text, which may have stayed in the row (`column`, `ContactRecord.subjectColumn`),
    /// read by `rowTokenizer` (made NFC where the string would have been).
    @inline(__always)
    private mutating func scan(_ text: String?, _ raw: RawRecordFields, _ column: Int32) {
        guard column >= 0 else { return scan(text) }
        tokenize(ContactRecord.bytes(ofColumn: column, in: raw), with: rowTokenizer)
    }

    @inline(__always)
    private mutating func scan(_ text: String?) {
        guard var text else { return }
        let tokenizer = self.tokenizer
        text.withUTF8 { tokenize($0, with: tokenizer) }
    }

    /// `tokenizer.scan(bytes, into: &matches)`: the one place the scan (and `TermMatches.feed`) is inlined, for
    /// the three kinds of field (a string, a subject or body left in the row, a raw column).
    @inline(never)
    private mutating func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, with tokenizer: WordTokenizer) {
        tokenizer.scan(bytes, into: &matches)
    }

    /// Marks the atoms that the terms matched in `slot` make true: a term's single-word atoms once per field
    /// (a word repeated in a long body is looked up once), its phrases wherever the tokens around it continue
    /// them.
    ///
    /// Two passes: the first reads each match's `TermEntry` (one 16-byte record a term and row, all the pass
    /// needs), sets the bit of every term the field matched (`ClassifierStamps.terms`, exact, one bit a term;
    /// cleared again on the way out), and lists, with no branch, the matches that anchor a phrase and the packed
    /// word marks of the terms first matched that have single-word atoms, which are then ORed into the marks (the
    /// term's atoms and the rules they can make true, `CompiledRuleProgram.wordMarks`, with no test per atom); the
    /// second looks at the phrases anchored at each matched term (a phrase is filed under its longest word, so the
    /// "not", "no" and "the" that free text is full of start no search) and follows a phrase only where each of
    /// its terms occurs somewhere in the field, by the terms' exact bits: for the anchor as a whole by two terms
    /// all its phrases need (`TermEntry.requiredA`, `requiredB`), then for each phrase by two of its other terms
    /// (`PhraseEntry.termA`, `termB`, read from `CompiledRuleProgram.phraseGates` for all the anchor's phrases into
    /// a mask with no branch per phrase; a phrase of four or more words by all its terms' bits after that).
    /// The program's tables are read through pointers (`CompiledRuleProgram.tables`: no bounds checks, no
    /// retains), and a phrase's atom is marked by `markAtom` from its record. (Prefetching the entries a few matches
    /// ahead, or a matched term's word marks, phrases and anchor head from the first pass, changed no sample count:
    /// the first pass's loads are independent, and the processor already overlaps them.)
    ///
    /// Also tried, and none took measurably less (cachegrind on 20,000 realistic rows, estimated cycles Ir/3 +
    /// 12 D1 misses + 15 mispredicts, 31.7 M for this function before; perf sample shares on a million rows, the
    /// same within their noise of ±0.5 points): a table of four bytes a term for the first pass (the packed word
    /// range and a bit for "anchors"): its misses fell only from 273 k to 229 k, since the work between two fields
    /// empties the first-level cache whatever the table's size, and the second pass's reads of the anchors'
    /// entries then missed 107 k times; no anchor links where no anchor term repeats (a fifth of the fields with
    /// anchors, but most of the anchors: 28 k fewer misses, a million more instructions); the gates four at a
    /// time (34 k fewer mispredicts, 1.7 M more instructions); no `anchorHeads`, the later matches of a term found
    /// by a scan of the anchors (4.7 M more instructions, 23 k more mispredicts); and up to four marks held in the
    /// entry of a term with no phrases, as bit numbers, instead of `wordMarks` (67 k fewer misses, 58 k more
    /// mispredicts on whether a list is held in place, which varies from term to term).
    private mutating func matchSequences(slot: Int, tables: CompiledRuleProgram.Tables) {
        let termEntries = tables.termEntries + tables.termRows[slot]
        let termBits = stamps.terms, atomBits = stamps.atoms, ruleBits = stamps.rules
        let terms = matches.termBuffer
        // The field's term bits are cleared on the way out: all the words where they are fewer than twice the
        // matches, else the words of the matched terms. (A mask of the words set, cleared word by word, cost more
        // instructions for the same time.)
        let termWords = stamps.termWordCount
        defer {
            if termWords < 2 &* terms.count {
                termBits.update(repeating: 0, count: termWords)
            } else {
                for term in terms { termBits[Int(term) &>> 6] = 0 }
            }
        }
        // The matches whose term anchors a phrase in this slot, for the second pass, and the packed word marks of
        // the terms first matched here that have some: each match is written at the end of both lists and kept
        // (the count moved on) where it belongs, with no branch on that (a third of the matches anchor, a third are
        // first matches with atoms, in no order a branch predictor learns).
        if anchors.count < 2 * terms.count {
            anchors = [Int32](repeating: 0, count: max(2 * terms.count, anchors.count * 2))
        }
        var anchorList: [Int32] = []
        swap(&anchorList, &anchors)
        defer { swap(&anchorList, &anchors) }
        anchorList.withUnsafeMutableBufferPointer { anchorBuffer in
            guard let anchors = anchorBuffer.baseAddress else { return }
            let wordLists = anchors + terms.count
            var anchorCount = 0, wordListCount = 0
            for k in terms.indices {
                let term = Int(terms[k])
                let entry = termEntries[term]
                anchors[anchorCount] = Int32(truncatingIfNeeded: k)
                anchorCount &+= entry.phraseFlag
                let bits = termBits[term &>> 6], bit: UInt64 = 1 &<< UInt64(term & 63)
                let unseen = bits & bit == 0
                termBits[term &>> 6] = bits | bit
                wordLists[wordListCount] = Int32(bitPattern: entry.words)
                wordListCount &+= entry.wordFlag & (unseen ? 1 : 0)
            }
            let atomRecords = tables.atomRecords, wideRanges = tables.wideRanges
            let wordMarks = tables.wordMarks, phraseEntries = tables.phraseEntries, gates = tables.phraseGates
            // A term's atoms and their rules: each pair ORs its bits into a word of the marks.
            for list in UnsafeBufferPointer(start: wordLists, count: wordListCount) {
                let (first, end) = CompiledRuleProgram.unpackRange(UInt32(bitPattern: list), wide: wideRanges)
                // The first four pairs with no branch on their number (a list has at least one; a place past the
                // last reads the last again, and ORing its bits twice changes nothing), any others in a loop: a
                // loop over every list's pairs mispredicted its exit at most lists (their lengths vary, mostly 1-4).
                let last = end &- 1
                for j in 0..<4 {
                    let p = min(first &+ j, last)
                    atomBits[Int(truncatingIfNeeded: wordMarks[2 &* p])] |= wordMarks[2 &* p &+ 1]
                }
                var p = first &+ 4
                while p < end {
                    atomBits[Int(truncatingIfNeeded: wordMarks[2 &* p])] |= wordMarks[2 &* p &+ 1]
                    p &+= 1
                }
            }
            guard anchorCount > 0 else { return }
            // Each anchor match linked to the next match of its term (`nextOfTerm`, in the word lists' room, read
            // above), each term's first in `anchorHeads`.
            let nextOfTerm = wordLists, heads = stamps.anchorHeads
            var a = anchorCount
            while a > 0 {
                a &-= 1
                let term = Int(terms[Int(anchors[a])])
                nextOfTerm[a] = heads[term]
                heads[term] = Int32(truncatingIfNeeded: a)
            }
            let sequenceTerms = tables.sequenceTerms
            for a in 0..<anchorCount {
                let term = Int(terms[Int(anchors[a])])
                // A term's phrases are looked at once, at its first match, for all its matches.
                if heads[term] != Int32(truncatingIfNeeded: a) { continue }
                heads[term] = -1
                let anchor = termEntries[term]
                if Self.eitherIsAbsent(anchor.requiredA, anchor.requiredB, termBits: termBits) { continue }
                var (start, end) = CompiledRuleProgram.unpackRange(anchor.phrases, wide: wideRanges)
                // The phrases whose two other terms (`phraseGates`) were both matched, 64 at a time as bits, with
                // no branch per phrase (which of them pass is what a branch would mispredict on); only those are
                // read further.
                while start < end {
                    let count = min(64, end &- start)
                    var passing: UInt64 = 0
                    for j in 0..<count {
                        let gate = gates[start &+ j]
                        let x = Int(truncatingIfNeeded: gate & 0xFFFF_FFFF), y = Int(truncatingIfNeeded: gate &>> 32)
                        let both = termBits[x &>> 6] &>> UInt64(x & 63) & termBits[y &>> 6] &>> UInt64(y & 63) & 1
                        passing |= both &<< UInt64(j)
                    }
                    let first = start
                    start &+= count
                    while passing != 0 {
                        let entry = phraseEntries[first &+ passing.trailingZeroBitCount]
                        passing &= passing &- 1
                        let atom = Int(entry.atom)
                        if atomBits[atom &>> 6] & (1 &<< UInt64(atom & 63)) != 0 { continue }
                        if entry.length > 3, !Self.allTermsOccur(entry, termBits: termBits,
                                                                 sequenceTerms: sequenceTerms) {
                            continue
                        }
                        var o = a
                        while o >= 0 {
                            if phraseOccurs(entry, anchoredAt: Int(anchors[o]), sequenceTerms: sequenceTerms) {
                                Self.markAtom(record: Int(entry.atomRecord), atomBits: atomBits, ruleBits: ruleBits,
                                              atomRecords: atomRecords)
                                break
                            }
                            o = Int(nextOfTerm[o])
                        }
                    }
                }
            }
        }
    }

    /// Marks the atom whose record starts at `atomRecords[record]` (`CompiledRuleProgram.atomRecords`: the atom,
    /// its rule count, the rules' ranks) true: sets its bit in `atomBits` (`ClassifierStamps.atoms`) and the
    /// candidate bit of each rule it can make true, unless its bit was already set. One record, read where it
    /// lies: the atom and its rules share a cache line (most atoms make one rule true, or none).
    @inline(__always)
    private static func markAtom(record: Int, atomBits: UnsafeMutablePointer<UInt64>,
                                 ruleBits: UnsafeMutablePointer<UInt64>, atomRecords: UnsafeBufferPointer<Int32>) {
        let a = Int(atomRecords[record])
        let word = atomBits[a &>> 6], bit: UInt64 = 1 &<< UInt64(a & 63)
        if word & bit != 0 { return }
        atomBits[a &>> 6] = word | bit
        var k = record &+ 2
        let end = k &+ Int(atomRecords[record &+ 1])
        while k < end {
            let rank = Int(atomRecords[k])
            ruleBits[rank &>> 6] |= 1 &<< UInt64(rank & 63)
            k &+= 1
        }
    }

    /// Whether term `x` or term `y` was not matched in the field (its bit in `termBits`, `ClassifierStamps.terms`,
    /// clear): both bits read, one branch.
    @inline(__always)
    private static func eitherIsAbsent(_ x: Int32, _ y: Int32, termBits: UnsafeMutablePointer<UInt64>) -> Bool {
        let a = Int(x), b = Int(y)
        return (~termBits[a &>> 6] & (1 &<< UInt64(a & 63))) | (~termBits[b &>> 6] & (1 &<< UInt64(b & 63))) != 0
    }

    /// Whether every term of the phrase was matched somewhere in the field (its bit in `termBits`,
    /// `ClassifierStamps.terms`). Every term's bit is read, with no branch per term: which term is missing is
    /// what a branch would mispredict on.
    @inline(__always)
    private static func allTermsOccur(_ entry: CompiledRuleProgram.PhraseEntry, termBits: UnsafeMutablePointer<UInt64>,
                                      sequenceTerms: UnsafeBufferPointer<Int32>) -> Bool {
        let start = Int(entry.start)
        var missing: UInt64 = 0
        for j in 0..<Int(entry.length) {
            let term = Int(sequenceTerms[start &+ j])
            missing |= ~termBits[term &>> 6] & (1 &<< UInt64(term & 63))
        }
        return missing == 0
    }

    /// Whether the phrase occurs with its anchor term at the match `matches.terms[k]`: the tokens before and
    /// after it match the phrase's other terms, one token each.
    private func phraseOccurs(_ entry: CompiledRuleProgram.PhraseEntry, anchoredAt k: Int,
                              sequenceTerms: UnsafeBufferPointer<Int32>) -> Bool {
        let terms = matches.termBuffer, tokens = matches.tokenBuffer
        let first = tokens[k] - Int32(entry.anchor)
        guard first >= 0 else { return false }
        // The first match on or after the phrase's first token (matches are in token order).
        var cursor = k
        while cursor > 0, tokens[cursor - 1] >= first { cursor -= 1 }
        for j in 0..<Int(entry.length) {
            let wanted = sequenceTerms[Int(entry.start) + j]
            let token = first + Int32(j)
            while cursor < terms.count, tokens[cursor] < token { cursor += 1 }
            var found = false
            while cursor < terms.count, tokens[cursor] == token {
                if terms[cursor] == wanted { found = true }
                cursor += 1
            }
            if !found { return false }
        }
        return true
    }

    private mutating func lookUpValues(slot: Int, contact: ContactRecord, raw: RawRecordFields) {
        let limit = tables.wholeValueLimits[slot]
        switch slot {
        case CompiledRuleProgram.CanonicalSlot.subject.rawValue:
            lookUp(contact.subject, inRow: contact.subjectColumn, raw, slot: slot, limit)
        case CompiledRuleProgram.CanonicalSlot.text.rawValue:
            lookUp(contact.text, inRow: contact.textColumn, raw, slot: slot, limit)
        case CompiledRuleProgram.CanonicalSlot.category.rawValue: lookUp(contact.category, slot: slot, limit)
        case CompiledRuleProgram.CanonicalSlot.tags.rawValue:
            for tag in contact.tags { lookUp(tag, slot: slot, limit) }
        case CompiledRuleProgram.CanonicalSlot.channel.rawValue:
            lookUp(contact.channel.rawValue, slot: slot, limit)
        case CompiledRuleProgram.CanonicalSlot.queue.rawValue: lookUp(contact.queue, slot: slot, limit)
        case CompiledRuleProgram.CanonicalSlot.status.rawValue:
            lookUp(contact.status?.rawValue, slot: slot, limit)
        case CompiledRuleProgram.CanonicalSlot.language.rawValue: lookUp(contact.language, slot: slot, limit)
        default:
            let program = self.program
            let column = program.columnIndexes[slot - CompiledRuleProgram.firstColumnSlot]
            let tokenizer = self.tokenizer
            let whole = program.wholeValueAtoms[slot]
            if !whole.isEmpty {
                value.removeAll(keepingCapacity: true)
                let fits = raw.withBytes(at: column) {
                    !WordTokenizer.certainlyNormalizesBeyond(limit, $0)
                        && tokenizer.appendNormalizedValue(of: $0, to: &value, limit: limit)
                }
                if fits, let atoms = whole[value] { for atom in atoms { mark(atom) } }
            }
            let split = program.splitValueAtoms[slot]
            if !split.isEmpty {
                raw.withBytes(at: column) { bytes in
                    var start = 0
                    for i in 0...bytes.count {
                        let isEnd = i == bytes.count
                        if !isEnd {
                            let b = bytes[i]
                            if b != UInt8(ascii: ",") && b != UInt8(ascii: ";") && b != UInt8(ascii: "|") { continue }
                        }
                        value.removeAll(keepingCapacity: true)
                        tokenizer.appendNormalizedValue(of: UnsafeBufferPointer(rebasing: bytes[start..<i]),
                                                        to: &value)
                        if let atoms = split[value] { for atom in atoms { mark(atom) } }
                        start = i + 1
                    }
                }
            }
        }
    }

    /// Marks the atoms of the whole value `text` in `slot`'s table (`CompiledRuleProgram.wholeValueAtoms`, whose
    /// longest key is `limit` bytes). A value certainly longer than that (most subjects and bodies) costs its
    /// first `limit` bytes or so and neither normalising nor the table (nor a retain of it).
    private mutating func lookUp(_ text: String?, slot: Int, _ limit: Int) {
        guard var text else { return }
        let tokenizer = self.tokenizer
        // (`text.utf8.withContiguousStorageIfAvailable` instead of a copy for `withUTF8` retained the string too.)
        text.withUTF8 { lookUp(bytes: $0, slot: slot, limit, tokenizer) }
    }

    /// `lookUp(_:slot:_:)` of a subject or text, which may have stayed in the row (`column`,
    /// `ContactRecord.subjectColumn`), read by `rowTokenizer`.
    @inline(__always)
    private mutating func lookUp(_ text: String?, inRow column: Int32, _ raw: RawRecordFields, slot: Int,
                                 _ limit: Int) {
        guard column >= 0 else { return lookUp(text, slot: slot, limit) }
        lookUp(bytes: ContactRecord.bytes(ofColumn: column, in: raw), slot: slot, limit, rowTokenizer)
    }

    /// `lookUp(_:slot:_:)` of the value's UTF-8 bytes, normalised by `tokenizer` (`rowTokenizer` for a value
    /// left in the row).
    @inline(__always)
    private mutating func lookUp(bytes: UnsafeBufferPointer<UInt8>, slot: Int, _ limit: Int,
                                 _ tokenizer: WordTokenizer) {
        if WordTokenizer.certainlyNormalizesBeyond(limit, bytes) { return }
        value.removeAll(keepingCapacity: true)
        let fits = tokenizer.appendNormalizedValue(of: bytes, to: &value, limit: limit)
        if fits, let atoms = program.wholeValueAtoms[slot][value] {
            for atom in atoms { mark(atom) }
        }
    }

    // MARK: Evaluation

    private mutating func evaluate(_ index: Int32, tables: CompiledRuleProgram.Tables, contact: ContactRecord,
                                   raw: RawRecordFields) -> Bool {
        switch tables.nodes[Int(index)] {
        case .atom(let atom):
            return stamps.isTrue(atom: atom)
        case .regex(let r):
            let i = Int(r)
            if regexStamp[i] != generation {
                regexStamp[i] = generation
                if regexTimeouts[i] >= RegexBudget.disableAfter {
                    regexValue[i] = false
                } else {
                    let program = self.program
                    let (matched, timedOut) = Self.regexMatches(program.regexes[i], program: program, contact: contact,
                                                                raw: raw)
                    regexValue[i] = matched
                    if timedOut {
                        regexTimeouts[i] += 1
                        if regexTimeouts[i] == RegexBudget.disableAfter { disabledRegexCount += 1 }
                        timeouts += 1
                    }
                }
            }
            return regexValue[i]
        case .all(let start, let count):
            for k in start..<(start + count) where !evaluate(child: tables.children[Int(k)], tables: tables,
                                                             contact: contact, raw: raw) {
                return false
            }
            return true
        case .any(let start, let count):
            for k in start..<(start + count) where evaluate(child: tables.children[Int(k)], tables: tables,
                                                            contact: contact, raw: raw) {
                return true
            }
            return false
        case .not(let child):
            return !evaluate(child, tables: tables, contact: contact, raw: raw)
        }
    }

    /// `evaluate` of a child of an `all` or `any` node: an atom (most children: the keyword lists of a rule) is
    /// its stamp, read here with no call; any other node is evaluated by `evaluate`.
    @inline(__always)
    private mutating func evaluate(child index: Int32, tables: CompiledRuleProgram.Tables, contact: ContactRecord,
                                   raw: RawRecordFields) -> Bool {
        if case .atom(let atom) = tables.nodes[Int(index)] { return stamps.isTrue(atom: atom) }
        return evaluate(index, tables: tables, contact: contact, raw: raw)
    }

    /// Whether `regex` matches one of its fields, and whether it ran out of time on one (`RegexBudget`): a
    /// match that takes too long is abandoned and counts as no match.
    private static func regexMatches(_ regex: CompiledRuleProgram.CompiledRegex, program: CompiledRuleProgram,
                                     contact: ContactRecord, raw: RawRecordFields) -> (matched: Bool, timedOut: Bool) {
        var timedOut = false
        func test(_ text: String?) -> Bool {
            guard let text, !text.isEmpty else { return false }
            let bounded = bounded(text)
            var matched = false
            let deadline = DispatchTime.now().uptimeNanoseconds + RegexBudget.nanosecondsPerField
            // ICU reports progress while it backtracks, so a runaway pattern can be stopped.
            regex.expression.enumerateMatches(in: bounded, options: [.reportProgress],
                                              range: NSRange(location: 0, length: bounded.utf16.count)) { result, _, stop in
                if result != nil {
                    matched = true
                    stop.pointee = true
                } else if DispatchTime.now().uptimeNanoseconds > deadline {
                    timedOut = true
                    stop.pointee = true
                }
            }
            return matched
        }
        for slot in regex.slots {
            switch slot {
            case CompiledRuleProgram.CanonicalSlot.subject.rawValue: if test(contact.subject(in: raw)) { return (true, timedOut) }
            case CompiledRuleProgram.CanonicalSlot.text.rawValue: if test(contact.text(in: raw)) { return (true, timedOut) }
            case CompiledRuleProgram.CanonicalSlot.category.rawValue: if test(contact.category) { return (true, timedOut) }
            case CompiledRuleProgram.CanonicalSlot.tags.rawValue:
                for tag in contact.tags where test(tag) { return (true, timedOut) }
            case CompiledRuleProgram.CanonicalSlot.channel.rawValue: if test(contact.channel.rawValue) { return (true, timedOut) }
            case CompiledRuleProgram.CanonicalSlot.queue.rawValue: if test(contact.queue) { return (true, timedOut) }
            case CompiledRuleProgram.CanonicalSlot.status.rawValue: if test(contact.status?.rawValue) { return (true, timedOut) }
            case CompiledRuleProgram.CanonicalSlot.language.rawValue: if test(contact.language) { return (true, timedOut) }
            default:
                let column = program.columnIndexes[slot - CompiledRuleProgram.firstColumnSlot]
                if test(raw.string(at: column)) { return (true, timedOut) }
            }
        }
        return (false, timedOut)
    }

    /// `text` in NFC, cut to at most `regexByteLimit` UTF-8 bytes at a scalar boundary.
    static func bounded(_ text: String) -> String {
        let nfc = TextNormalization.nfc(text)
        let limit = CompiledRuleProgram.regexByteLimit
        let utf8 = nfc.utf8
        guard utf8.count > limit else { return nfc }
        var end = utf8.index(utf8.startIndex, offsetBy: limit)
        while end > utf8.startIndex, UTF8.isContinuation(utf8[end]) { end = utf8.index(before: end) }
        return String(decoding: utf8[utf8.startIndex..<end], as: UTF8.self)
    }
}

/// The time a taxonomy regular expression may take, so a catastrophic pattern (`(a+)+$`) cannot hang a run.
/// A match that runs longer than `nanosecondsPerField` on one field is abandoned and counts as no match; an
/// expression that does so on `disableAfter` fields is switched off for the rest of the run (per thread).
public enum RegexBudget {
    public static let nanosecondsPerField: UInt64 = 20_000_000
    public static let disableAfter = 3
}
