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
/// **By storage.** A contact's fields are mostly the very strings a mapper's `TextMemo` handed out before (a
/// repeated subject, queue or language is the same `String`, not an equal one), so a second table is keyed by
/// the two words of each field's `String` value (`cause(ofStorage:hash:)`): a few words to hash and compare
/// instead of every byte copied, hashed and compared again. Two `String` values with the same bits hold the same
/// bytes as long as their storage lives, so the table keeps every string of its keys (`retained`) until it
/// forgets them; it only ever holds keys whose byte key is in the byte table (it is emptied with it), so a cause
/// found by storage is the cause the byte table, and so the rules, would give.
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

    /// Allocated on the first `remember` (`2 × maxEntries` slots), so a classifier that never classifies
    /// costs nothing.
    private var entries: [Entry] = []
    /// The storage table (`2 × maxEntries` slots, allocated on its first `remember(_:forStorage:...)`), its keys'
    /// words, and the strings those words are the bits of, kept alive while their keys are held.
    private var storageEntries: [StorageEntry] = []
    private var storageWords: [UInt64] = []
    private var retained: [String] = []
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

    /// The remembered cause of the storage key `key` (whose `IdentityHash.of(words:)` is `hash`), if any. A hit
    /// counts as a lookup answered; a miss counts nothing (the caller looks the byte key up next, which counts).
    @inline(__always)
    mutating func cause(ofStorage key: UnsafeBufferPointer<UInt64>, hash: UInt64) -> CauseID? {
        guard !storageEntries.isEmpty, let base = key.baseAddress else { return nil }
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
        if found != nil {
            windowStorageHits += 1
            countLookup(hit: true)
        }
        return found
    }

    /// Remembers `cause` for the storage key `key` (not already present); `keyBytes` is the length of the byte
    /// key of the same input, which the byte table holds (call after `cause(of:hash:)` found it or
    /// `remember(_:for:hash:)` took it). When the table is full it starts empty again (the byte table keeps its
    /// keys). Returns whether the key was taken: then the caller hands every string whose bits it holds to
    /// `keepAlive(_:)`.
    mutating func remember(_ cause: CauseID, forStorage key: UnsafeBufferPointer<UInt64>, hash: UInt64,
                           keyBytes: Int) -> Bool {
        guard key.count <= Int(UInt16.max), keyBytes <= Self.maxKeyLength else { return false }
        if storageEntries.isEmpty {
            storageEntries = [StorageEntry](repeating: StorageEntry(), count: Self.maxEntries * 2)
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
