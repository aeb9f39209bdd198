// contactstat: the one thing Swift cannot say. A prefetch asks the processor to bring a cache line in while the
// program goes on; unlike a load, nothing waits for it, not even the instruction's retirement. Swift has no
// spelling for it (clang's `__builtin_prefetch` and the `_mm_prefetch` macro do not import), so this header,
// built by the toolchain's own clang, gives it one (`CacheLine` in ContactAnalytics is the only caller).
#ifndef CONTACTSTAT_CPREFETCH_H
#define CONTACTSTAT_CPREFETCH_H

/// Brings the cache line holding `address` into every cache level, to be read.
static inline __attribute__((always_inline)) void contactstat_prefetch_read(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

/// Brings the cache line holding `address` into every cache level, to be written.
static inline __attribute__((always_inline)) void contactstat_prefetch_write(const void *address) {
    __builtin_prefetch(address, 1, 3);
}

#endif
