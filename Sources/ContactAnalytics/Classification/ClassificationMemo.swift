import Foundation

/// Remembers the cause a classifier gave to each distinct input it has seen, so a text that comes again
/// (help desks repeat their web-form subjects, macros and categories all day) is classified once.
///
/// The key is every field the compiled rules read, byte for byte (see `RootCauseClassifier`), so a remembered
/// cause is exactly the cause the rules would give again. Memory is bounded: at most `maxEntries` keys and
/// `maxKeyBytes` bytes of keys (keys longer than `maxKeyLength` are never remembered); when either fills up
/// the memo starts empty again, so an input whose texts never repeat costs one hash and one insertion per
/// contact and nothing more.
///
/// When inputs do not repeat (free-text subjects, e-mail bodies), building, hashing and storing keys costs more
/// than the few hits save: after each `window` of lookups that the memo answered fewer than `minimumHits` of,
/// it pauses for `pause` classifications (`isPaused`: the caller neither looks up nor remembers), then samples
/// the next window. Causes never depend on it: a paused memo only means the rules run.
///
/// An open-addressing hash table (linear probing) over one byte arena: no allocation per key.
///
/// **Recent keys.** Both tables hold up to `maxEntries` keys (1.5 MB of storage slots, more than a core's L2
/// cache), and a storage key's words lie apart from its slot, so a lookup by storage read two places that
/// mostly missed the cache. In front of the storage table, a direct-mapped table of `recentSlots` keys of at
/// most `recentWords` words (the words and the cause in the slot, 384 KB) answers the keys that come most
/// often with one read. It only holds keys the storage table holds (a key goes in when the storage table finds
/// or takes it, and it is emptied with it), so its causes are the storage table's.
///
/// **By storage.** A contact's fields are mostly the very strings a mapper's `TextMemo` handed out before (a
/// repeated subject, queue or language is the same `String`, not an equal one), so a second table is keyed by
/// the two words of each field's `String` value (`cause(ofStorage:hash:)`): a few words to hash and compare
/// instead of every byte copied, hashed and compared again. Two `String` values with the same bits hold the same
/// bytes as long as their storage lives, so the table keeps every string of its keys (`retained`) until it
/// forgets them; it only ever holds keys whose byte key is in the byte table (it is emptied with it), so a cause
/// found by storage is the cause the byte table, and so the rules, would give.
///
/// **By subject.** Where the key by storage is a head word and one string, the subject (the rules read other
/// fields the contact lacks), and the mapper's memo held the subject (`MemoOrdinal`), a third table indexed
/// by that ordinal answers it (`cause(ofSubject:key:)`): no hash, and the subjects that come most often, which
/// the mapper's memo took first, lie together at its start (the recent table scatters them over 384 KB, where
/// most lookups of five million rows missed the cache). It only holds keys the storage table holds, as the
/// recent table does, and its words are compared whole, so a key from another mapper's memo with the same
/// ordinal is simply not found.
struct ClassificationMemo: Sendable {
    static let maxEntries = 1 << 15
    static let maxKeyBytes = 2 << 20
    static let maxKeyLength = 1024
    /// Lookups per sampling window, the hits a window needs for the memo to go on (about 5 %), and the
    /// classifications a pause lasts (15 windows).
    static let window = 4096
    static let minimumHits = 205
    static let pause = 15 * 4096

    private struct Entry: Sendable {
        /// `IdentityHash` of the key; 0 = empty slot.
        var hash: UInt64 = 0
        var start: UInt32 = 0
        var length: UInt32 = 0
        var cause: CauseID = .unclassified
    }

    /// A key of the storage table: the words of the key are `storageWords[start..<start + length]`.
    private struct StorageEntry: Sendable {
        /// `IdentityHash.of(words:)` of the key; 0 = empty slot.
        var hash: UInt64 = 0
        var start: UInt32 = 0
        var length: UInt16 = 0
        var cause: CauseID = .unclassified
    }

    /// A key of the recent table: its words zero-padded to `recentWords`; `length` 0 = empty slot.
    private struct RecentKey: Sendable {
        var w0: UInt64 = 0
        var w1: UInt64 = 0
        var w2: UInt64 = 0
        var w3: UInt64 = 0
        var w4: UInt64 = 0
        var length: Int32 = 0
        var cause: CauseID = .unclassified

        init() {}

        init(_ words: (UInt64, UInt64, UInt64, UInt64, UInt64), length: Int, cause: CauseID) {
            (w0, w1, w2, w3, w4) = words
            self.length = Int32(truncatingIfNeeded: length)
            self.cause = cause
        }
    }

    /// The recent table's slots (a power of two) and the longest key it holds, in words.
    static let recentSlots = 8192
    static let recentWords = 5

    /// A key of the subject table: the three words of a storage key (`w0` the head, never 0; 0 = empty slot).
    private struct SubjectKey: Sendable {
        var w0: UInt64 = 0
        var w1: UInt64 = 0
        var w2: UInt64 = 0
        var cause: CauseID = .unclassified
    }

    /// The subject table's slots: the ordinals it answers for (a `TextMemo` holds at most 4,096 values).
    static let subjectSlots = 4096

    /// Allocated on the first `remember` (`2 × maxEntries` slots), so a classifier that never classifies
    /// costs nothing.
    private var entries: [Entry] = []
    /// The storage table (`2 × maxEntries` slots, allocated on its first `remember(_:forStorage:...)`), its keys'
    /// words, and the strings those words are the bits of, kept alive while their keys are held.
    private var storageEntries: [StorageEntry] = []
    private var storageWords: [UInt64] = []
    private var retained: [String] = []
    /// The recent table (`recentSlots` slots, allocated with the storage table), indexed by the key's hash
    /// shifted right by 32 (the storage table uses its low bits).
    private var recent: [RecentKey] = []
    /// Recent-table hits (tests).
    private(set) var recentHits = 0
    /// The subject table (`subjectSlots` slots, allocated with the storage table), indexed by
    /// `MemoOrdinal`, and its hits (tests).
    private var subjects: [SubjectKey] = []
    private(set) var subjectHits = 0
    /// The byte keys' lengths of the keys held by storage (bounded by `maxKeyBytes` as the byte table's arena is,
    /// so the strings kept alive stay bounded).
    private var retainedBytes = 0
    /// Keys held by storage now.
    private(set) var storageCount = 0
    /// Storage hits in the current window, and the windows the storage table is still set aside for: after a
    /// window it answered fewer than `minimumHits` of (fields that are new strings every time: free text that
    /// the mapper's memo gives up on), it is neither looked in nor added to for `storageRest` windows, then
    /// tried again.
    private var windowStorageHits = 0
    private var storageRestWindows = 0
    static let storageRest = 15

    /// Whether the caller should look inputs up by storage (`cause(ofStorage:hash:)`) and remember them so.
    var usesStorage: Bool { storageRestWindows == 0 }
    private var arena: [UInt8] = []
    private let mask = maxEntries * 2 - 1
    /// Keys remembered now.
    private(set) var count = 0
    /// Lookups answered from the memo, and lookups in all (for `--profile` and tests).
    private(set) var hits = 0
    private(set) var lookups = 0
    private var windowLookups = 0
    private var windowHits = 0
    private var pausedFor = 0

    /// Whether the memo is pausing: the caller should classify by the rules and call `countPaused()`.
    var isPaused: Bool { pausedFor > 0 }

    init() {}

    /// The remembered cause of `key` (whose `IdentityHash` is `hash`), if any.
    @inline(__always)
    mutating func cause(of key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> CauseID? {
        guard !entries.isEmpty else {
            countLookup(hit: false)
            return nil
        }
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = entries[slot]
            if entry.hash == 0 {
                countLookup(hit: false)
                return nil
            }
            if entry.hash == hash, Int(entry.length) == key.count, matches(entry, key) {
                countLookup(hit: true)
                return entry.cause
            }
            slot = (slot + 1) & mask
        }
    }

    /// The remembered cause of the storage key `key`, a head word and the two words of a subject whose
    /// `MemoOrdinal` is `subject`, by the subject table, if it holds it. A hit counts as a lookup answered
    /// (and as a hit by storage); a miss counts nothing (the caller looks the key up by storage next).
    @inline(__always)
    mutating func cause(ofSubject subject: MemoOrdinal, key: UnsafeBufferPointer<UInt64>) -> CauseID? {
        let i = Int(subject.value)
        guard key.count == 3, i >= 0, i < subjects.count else { return nil }
        let cause = subjects.withUnsafeBufferPointer { held -> CauseID? in
            let slot = held[i]
            guard slot.w0 == key[0], slot.w1 == key[1], slot.w2 == key[2], slot.w0 != 0 else { return nil }
            return slot.cause
        }
        guard let cause else { return nil }
        subjectHits += 1
        windowStorageHits += 1
        countLookup(hit: true)
        return cause
    }

    /// Puts the storage key `key` (which the storage table holds) and its cause in the subject table, when it
    /// is a head word and the words of a subject whose ordinal is `subject`.
    @inline(__always)
    private mutating func noteSubject(_ subject: MemoOrdinal, _ key: UnsafeBufferPointer<UInt64>, _ cause: CauseID) {
        let i = Int(subject.value)
        guard key.count == 3, i >= 0, i < subjects.count, key[0] != 0 else { return }
        subjects[i] = SubjectKey(w0: key[0], w1: key[1], w2: key[2], cause: cause)
    }

    /// The remembered cause of the storage key `key` (whose `IdentityHash.of(words:)` is `hash`), if any, noted
    /// in the subject table for `subject` when found. A hit counts as a lookup answered; a miss counts nothing
    /// (the caller looks the byte key up next, which counts).
    @inline(__always)
    mutating func cause(ofStorage key: UnsafeBufferPointer<UInt64>, hash: UInt64,
                        subject: MemoOrdinal = .none) -> CauseID? {
        guard !storageEntries.isEmpty, let base = key.baseAddress else { return nil }
        let padded = Self.padded(key)
        let recentSlot = Self.recentSlot(hash)
        if let padded, let cause = recent.withUnsafeBufferPointer({ Self.cause(in: $0[recentSlot], of: key.count, padded) }) {
            recentHits += 1
            windowStorageHits += 1
            countLookup(hit: true)
            noteSubject(subject, key, cause)
            return cause
        }
        let found: CauseID? = storageEntries.withUnsafeBufferPointer { table in
            storageWords.withUnsafeBufferPointer { words in
                guard let held = words.baseAddress else { return nil }
                var slot = Int(truncatingIfNeeded: hash) & mask
                while true {
                    let entry = table[slot]
                    if entry.hash == 0 { return nil }
                    if entry.hash == hash, Int(entry.length) == key.count {
                        let start = held + Int(entry.start)
                        var same = true
                        for i in 0..<key.count where start[i] != base[i] {
                            same = false
                            break
                        }
                        if same { return entry.cause }
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
        if let found {
            if let padded { recent[recentSlot] = RecentKey(padded, length: key.count, cause: found) }
            noteSubject(subject, key, found)
            windowStorageHits += 1
            countLookup(hit: true)
        }
        return found
    }

    /// The recent slot of a storage key whose hash is `hash`.
    @inline(__always)
    private static func recentSlot(_ hash: UInt64) -> Int {
        Int(truncatingIfNeeded: hash >> 32) & (recentSlots - 1)
    }

    /// `key`'s words zero-padded to `recentWords`, or `nil` when it is longer (or empty).
    @inline(__always)
    private static func padded(_ key: UnsafeBufferPointer<UInt64>) -> (UInt64, UInt64, UInt64, UInt64, UInt64)? {
        let n = key.count
        guard n > 0, n <= recentWords else { return nil }
        @inline(__always) func word(_ i: Int) -> UInt64 { i < n ? key[i] : 0 }
        return (word(0), word(1), word(2), word(3), word(4))
    }

    /// The cause in `held` if it holds the key of `length` words padded to `words`.
    @inline(__always)
    private static func cause(in held: RecentKey, of length: Int, _ words: (UInt64, UInt64, UInt64, UInt64, UInt64))
        -> CauseID? {
        guard Int(held.length) == length, held.w0 == words.0, held.w1 == words.1, held.w2 == words.2,
              held.w3 == words.3, held.w4 == words.4 else { return nil }
        return held.cause
    }

    /// Remembers `cause` for the storage key `key` (not already present); `keyBytes` is the length of the byte
    /// key of the same input, which the byte table holds (call after `cause(of:hash:)` found it or
    /// `remember(_:for:hash:)` took it). When the table is full it starts empty again (the byte table keeps its
    /// keys). Returns whether the key was taken: then the caller hands every string whose bits it holds to
    /// `keepAlive(_:)`.
    mutating func remember(_ cause: CauseID, forStorage key: UnsafeBufferPointer<UInt64>, hash: UInt64,
                           keyBytes: Int, subject: MemoOrdinal = .none) -> Bool {
        guard key.count <= Int(UInt16.max), keyBytes <= Self.maxKeyLength else { return false }
        if storageEntries.isEmpty {
            storageEntries = [StorageEntry](repeating: StorageEntry(), count: Self.maxEntries * 2)
            recent = [RecentKey](repeating: RecentKey(), count: Self.recentSlots)
            subjects = [SubjectKey](repeating: SubjectKey(), count: Self.subjectSlots)
        }
        if storageCount == Self.maxEntries || retainedBytes + keyBytes > Self.maxKeyBytes
            || storageWords.count + key.count > Int(UInt32.max) {
            removeAllByStorage()
        }
        var slot = Int(truncatingIfNeeded: hash) & mask
        while storageEntries[slot].hash != 0 { slot = (slot + 1) & mask }
        storageEntries[slot] = StorageEntry(hash: hash, start: UInt32(storageWords.count), length: UInt16(key.count),
                                            cause: cause)
        storageWords.append(contentsOf: key)
        if let padded = Self.padded(key) { recent[Self.recentSlot(hash)] = RecentKey(padded, length: key.count, cause: cause) }
        noteSubject(subject, key, cause)
        retainedBytes += keyBytes
        storageCount += 1
        return true
    }

    /// Keeps `string` (one of whose bits a storage key just remembered holds) alive while that key is held.
    mutating func keepAlive(_ string: String) {
        retained.append(string)
    }

    /// Forgets every storage key (keeping the buffers) and lets go of their strings.
    private mutating func removeAllByStorage() {
        guard storageCount > 0 else { return }
        for i in storageEntries.indices { storageEntries[i].hash = 0 }
        for i in recent.indices { recent[i].length = 0 }
        for i in subjects.indices { subjects[i].w0 = 0 }
        storageWords.removeAll(keepingCapacity: true)
        retained.removeAll(keepingCapacity: true)
        retainedBytes = 0
        storageCount = 0
    }

    /// Counts a lookup of a key longer than `maxKeyLength`, which is never remembered and so never found
    /// (the caller skips hashing it).
    mutating func countMiss() {
        countLookup(hit: false)
    }

    /// Counts a classification made while the memo pauses (a miss, so `hits / lookups` stays the share of
    /// classifications the memo answered).
    mutating func countPaused() {
        lookups += 1
        pausedFor -= 1
    }

    @inline(__always)
    private mutating func countLookup(hit: Bool) {
        lookups += 1
        windowLookups += 1
        if hit {
            hits += 1
            windowHits += 1
        }
        if windowLookups == Self.window {
            if windowHits < Self.minimumHits { pausedFor = Self.pause }
            if storageRestWindows > 0 {
                storageRestWindows -= 1
            } else if windowStorageHits < Self.minimumHits {
                storageRestWindows = Self.storageRest
            }
            windowLookups = 0
            windowHits = 0
            windowStorageHits = 0
        }
    }

    /// Remembers `cause` for `key` (not already present; call after `cause(of:hash:)` said `nil`).
    mutating func remember(_ cause: CauseID, for key: UnsafeBufferPointer<UInt8>, hash: UInt64) {
        guard key.count <= Self.maxKeyLength else { return }
        // A load factor of at most one half keeps probe runs short.
        if entries.isEmpty { entries = [Entry](repeating: Entry(), count: Self.maxEntries * 2) }
        if count == Self.maxEntries || arena.count + key.count > Self.maxKeyBytes { removeAll() }
        // (The storage table holds only keys the byte table holds: `removeAll` empties both.)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while entries[slot].hash != 0 { slot = (slot + 1) & mask }
        entries[slot] = Entry(hash: hash, start: UInt32(arena.count), length: UInt32(key.count), cause: cause)
        arena.append(contentsOf: key)
        count += 1
    }

    /// Forgets every key, by bytes and by storage (keeping the buffers).
    mutating func removeAll() {
        removeAllByStorage()
        guard count > 0 else { return }
        for i in entries.indices { entries[i].hash = 0 }
        arena.removeAll(keepingCapacity: true)
        count = 0
    }

    @inline(__always)
    private func matches(_ entry: Entry, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = key.baseAddress else { return entry.length == 0 }
        return arena.withUnsafeBufferPointer { stored in
            guard let storedBase = stored.baseAddress else { return false }
            return memcmp(storedBase + Int(entry.start), base, key.count) == 0
        }
    }
}
