// contactstat: SSE2's byte mask, which Swift's SIMD types do not reach. `pmovmskb` gathers the top bit of each of
// sixteen byte lanes into one integer in one instruction; Swift has no operation that LLVM lowers to it, so the
// readers gathered the bits with two multiplications and a dozen scalar instructions per 16 bytes (`ByteBlock.bits`).
// SSE2 is the x86-64 baseline: no target flags. Other architectures keep the Swift gather (`ByteBlock` calls this
// only on x86-64).
#ifndef CONTACTSTAT_CBYTEMASK_H
#define CONTACTSTAT_CBYTEMASK_H

#include <stdint.h>

/// Sixteen bytes, imported into Swift as `SIMD16<UInt8>`.
typedef uint8_t contactstat_bytes16 __attribute__((ext_vector_type(16)));

#if defined(__SSE2__)
#include <emmintrin.h>

/// Bit i set where the top bit of byte lane i is set (SSE2's `pmovmskb`).
static inline __attribute__((always_inline)) uint32_t contactstat_top_bits16(contactstat_bytes16 lanes) {
    return (uint32_t)_mm_movemask_epi8((__m128i)lanes);
}
#endif

#endif
