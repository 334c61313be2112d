// fast_hash.cpp — see fast_hash.h.
#include "fast_hash.h"

#include <cstring>

namespace lw {

// Four independent lanes of 8 bytes keep the multiplier busy (the map's vertices are megabytes,
// hashed every frame); short inputs take 8 bytes a step.
uint64_t HashBytes(const void* data, size_t n, uint64_t h) {
  const unsigned char* p = static_cast<const unsigned char*>(data);
  size_t i = 0;
  if (n >= 32) {
    uint64_t lane[4] = {h, h ^ 0x1234567, h ^ 0x89ABCDEF, h ^ 0xFEDCBA98};
    for (; i + 32 <= n; i += 32) {
      uint64_t w[4];
      std::memcpy(w, p + i, 32);
      for (int k = 0; k < 4; ++k) lane[k] = (lane[k] ^ w[k]) * kHashMul;
    }
    h = HashMix(HashMix(HashMix(HashMix(h, lane[0]), lane[1]), lane[2]), lane[3]);
  }
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    h = HashMix(h, w);
  }
  uint64_t tail = 0;
  std::memcpy(&tail, p + i, n - i);
  return HashMix(h, tail ^ n);
}

}  // namespace lw
