/// Byte buffers of parsed chunks, handed back by the threads that parsed them (`CSVChunk.recycle`,
/// `JSONChunk.recycle`) for the reader to fill again (`CSVReader.nextChunk`, `JSONRecordReader.nextChunk`).
///
/// Each chunk takes the reader's buffer, so without this the reader allocates a fresh buffer of about half a
/// megabyte for every chunk, and the allocator, which returns large blocks to the system when they are freed,
/// maps new pages for it: the operating system zeroes every page of the input once more on the reading thread
/// (about 190,000 page faults for 5 million rows of 155 bytes; 30 % of those of a JSON Lines run). A buffer
/// taken from here is already mapped.
///
/// A buffer is reused only when nobody else holds it any more (`take` empties it keeping its capacity,
/// which copies nothing and allocates anew when the array is still shared), so handing one back early is
/// harmless. At most `limit` buffers wait here; more are freed.
final class ChunkBufferPool: Sendable {
    private let spare = Locked<[[UInt8]]>([])
    /// The most buffers kept.
    let limit: Int

    init(limit: Int = 8) {
        self.limit = limit
    }

    /// Keeps `bytes`' storage for a later `take` (unless `limit` buffers wait already or it holds nothing).
    func give(_ bytes: [UInt8]) {
        guard bytes.capacity > 0 else { return }
        spare.withLock { spare in
            if spare.count < limit { spare.append(bytes) }
        }
    }

    /// A buffer handed back earlier, emptied (its capacity kept when nobody else holds it), or `nil`.
    func take() -> [UInt8]? {
        guard var bytes = spare.withLock({ $0.popLast() }) else { return nil }
        bytes.removeAll(keepingCapacity: true)
        return bytes
    }

    /// The number of buffers waiting (tests).
    var count: Int { spare.current.count }
}
