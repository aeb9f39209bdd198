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

    /// Allocated on the first `remember` (`2 × maxEntries` slots), so a classifier that never classifies
    /// costs nothing.
    private var entries: [Entry] = []
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
            windowLookups = 0
            windowHits = 0
        }
    }

    /// Remembers `cause` for `key` (not already present; call after `cause(of:hash:)` said `nil`).
    mutating func remember(_ cause: CauseID, for key: UnsafeBufferPointer<UInt8>, hash: UInt64) {
        guard key.count <= Self.maxKeyLength else { return }
        // A load factor of at most one half keeps probe runs short.
        if entries.isEmpty { entries = [Entry](repeating: Entry(), count: Self.maxEntries * 2) }
        if count == Self.maxEntries || arena.count + key.count > Self.maxKeyBytes { removeAll() }
        var slot = Int(truncatingIfNeeded: hash) & mask
        while entries[slot].hash != 0 { slot = (slot + 1) & mask }
        entries[slot] = Entry(hash: hash, start: UInt32(arena.count), length: UInt32(key.count), cause: cause)
        arena.append(contentsOf: key)
        count += 1
    }

    /// Forgets every key (keeping the buffers).
    mutating func removeAll() {
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
