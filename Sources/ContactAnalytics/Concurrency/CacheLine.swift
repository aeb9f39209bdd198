import CPrefetch

/// Prefetches: asks the processor to bring the cache line holding an address into the caches while the program
/// goes on. Unlike a load (even one whose value is never used), nothing waits for a prefetch, not even its
/// retirement, so a loop can ask for the lines it needs a few iterations ahead without the reorder window filling
/// up behind the misses. A hint only: it changes no result, whatever it points at (an address past the end of an
/// array is harmless, though wasted).
enum CacheLine {
    /// Brings in the line holding `address`, to be read.
    @inline(__always)
    static func prefetchForReading(_ address: UnsafeRawPointer) {
        contactstat_prefetch_read(address)
    }

    /// Brings in the line holding `address`, to be written.
    @inline(__always)
    static func prefetchForWriting(_ address: UnsafeRawPointer) {
        contactstat_prefetch_write(address)
    }
}
