// fast_hash.h — a fast 64-bit hash of memory, for telling whether something changed from one
// frame to the next (draw lists of megabytes, the accessibility mirror's items). Not for storage
// or security: use sha256.h there.
#pragma once
#include <cstddef>
#include <cstdint>

namespace lw {

constexpr uint64_t kHashMul = 0x9E3779B97F4A7C15ull;

inline uint64_t HashMix(uint64_t h, uint64_t w) {
  h = (h ^ w) * kHashMul;
  return h ^ (h >> 29);
}

// Hashes n bytes at data into h.
uint64_t HashBytes(const void* data, size_t n, uint64_t h);

}  // namespace lw
