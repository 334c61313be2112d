// inflate.cpp — see inflate.h. A canonical-Huffman decoder in the manner of zlib's contrib/puff:
// codes are decoded bit by bit from per-length counts, which is small and fast enough for the
// few megabytes a form package holds.
#include "inflate.h"

#include <array>
#include <cstdint>

namespace lw {

namespace {

constexpr int kMaxBits = 15;

struct Huffman {
  std::array<uint16_t, kMaxBits + 1> count{};
  std::array<uint16_t, 320> symbol{};
};

class Inflater {
 public:
  Inflater(const std::string& in, size_t max_out) : in_(in), max_out_(max_out) {}

  bool Run() {
    for (bool last = false; !last;) {
      last = Bits(1);
      const int type = Bits(2);
      const bool ok = type == 0 ? Stored() : type == 1 ? Fixed() : type == 2 ? Dynamic() : false;
      if (!ok || error_) return false;
    }
    return true;
  }
  std::string& out() { return out_; }

 private:
  int Bits(int need) {
    uint32_t v = bit_buf_;
    while (bit_count_ < need) {
      if (pos_ >= in_.size()) {
        error_ = true;
        return 0;
      }
      v |= static_cast<uint32_t>(static_cast<unsigned char>(in_[pos_++])) << bit_count_;
      bit_count_ += 8;
    }
    bit_buf_ = v >> need;
    bit_count_ -= need;
    return static_cast<int>(v & ((1u << need) - 1));
  }

  bool Stored() {
    bit_buf_ = 0;
    bit_count_ = 0;
    if (pos_ + 4 > in_.size()) return false;
    const auto byte = [&](size_t i) { return static_cast<unsigned>(static_cast<unsigned char>(in_[pos_ + i])); };
    const unsigned len = byte(0) | byte(1) << 8, nlen = byte(2) | byte(3) << 8;
    if (len != (~nlen & 0xFFFF)) return false;
    pos_ += 4;
    if (pos_ + len > in_.size() || out_.size() + len > max_out_) return false;
    out_.append(in_, pos_, len);
    pos_ += len;
    return true;
  }

  int Decode(const Huffman& h) {
    int code = 0, first = 0, index = 0;
    for (int len = 1; len <= kMaxBits; ++len) {
      code |= Bits(1);
      if (error_) return -1;
      const int count = h.count[len];
      if (code - count < first) return h.symbol[index + (code - first)];
      index += count;
      first = (first + count) << 1;
      code <<= 1;
    }
    return -1;
  }

  // Builds the decoding table from code lengths; false when the lengths over-subscribe the code
  // (an incomplete code is allowed, as zlib allows it for a single distance code).
  static bool Build(Huffman& h, const uint8_t* lengths, int n) {
    h.count.fill(0);
    for (int s = 0; s < n; ++s) ++h.count[lengths[s]];
    if (h.count[0] == n) return true;
    int left = 1;
    for (int len = 1; len <= kMaxBits; ++len) {
      left = (left << 1) - h.count[len];
      if (left < 0) return false;
    }
    std::array<uint16_t, kMaxBits + 1> offs{};
    for (int len = 1; len < kMaxBits; ++len) offs[len + 1] = offs[len] + h.count[len];
    for (int s = 0; s < n; ++s)
      if (lengths[s] != 0) h.symbol[offs[lengths[s]]++] = static_cast<uint16_t>(s);
    return true;
  }

  bool Codes(const Huffman& lit, const Huffman& dist) {
    static constexpr uint16_t kLenBase[29] = {3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
                                              31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
    static constexpr uint8_t kLenExtra[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                              2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
    static constexpr uint16_t kDistBase[30] = {1,    2,    3,    4,    5,    7,    9,    13,    17,    25,
                                               33,   49,   65,   97,   129,  193,  257,  385,   513,   769,
                                               1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
    static constexpr uint8_t kDistExtra[30] = {0, 0, 0, 0, 1, 1, 2, 2,  3,  3,  4,  4,  5,  5,  6,
                                               6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
    for (;;) {
      int sym = Decode(lit);
      if (sym < 0) return false;
      if (sym < 256) {
        if (out_.size() >= max_out_) return false;
        out_ += static_cast<char>(sym);
        continue;
      }
      if (sym == 256) return true;
      sym -= 257;
      if (sym >= 29) return false;
      const size_t len = kLenBase[sym] + Bits(kLenExtra[sym]);
      const int d = Decode(dist);
      if (d < 0 || d >= 30) return false;
      const size_t back = kDistBase[d] + Bits(kDistExtra[d]);
      if (error_ || back > out_.size() || out_.size() + len > max_out_) return false;
      for (size_t i = 0; i < len; ++i) out_ += out_[out_.size() - back];  // overlapping copies repeat
    }
  }

  bool Fixed() {
    static Huffman lit, dist;
    static bool built = false;
    if (!built) {
      uint8_t lengths[288];
      for (int s = 0; s < 288; ++s) lengths[s] = s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8;
      Build(lit, lengths, 288);
      for (int s = 0; s < 30; ++s) lengths[s] = 5;
      Build(dist, lengths, 30);
      built = true;
    }
    return Codes(lit, dist);
  }

  bool Dynamic() {
    static constexpr uint8_t kOrder[19] = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};
    const int nlen = Bits(5) + 257, ndist = Bits(5) + 1, ncode = Bits(4) + 4;
    if (error_ || nlen > 286 || ndist > 30) return false;
    uint8_t lengths[320] = {};
    for (int i = 0; i < ncode; ++i) lengths[kOrder[i]] = static_cast<uint8_t>(Bits(3));
    Huffman code_lengths;
    if (!Build(code_lengths, lengths, 19)) return false;
    for (int i = 0; i < nlen + ndist;) {
      const int sym = Decode(code_lengths);
      if (sym < 0) return false;
      if (sym < 16) {
        lengths[i++] = static_cast<uint8_t>(sym);
        continue;
      }
      uint8_t repeat = 0;
      int times;
      if (sym == 16) {
        if (i == 0) return false;
        repeat = lengths[i - 1];
        times = 3 + Bits(2);
      } else {
        times = sym == 17 ? 3 + Bits(3) : 11 + Bits(7);
      }
      if (error_ || i + times > nlen + ndist) return false;
      while (times-- > 0) lengths[i++] = repeat;
    }
    if (lengths[256] == 0) return false;  // no end-of-block code
    Huffman lit, dist;
    if (!Build(lit, lengths, nlen) || !Build(dist, lengths + nlen, ndist)) return false;
    return Codes(lit, dist);
  }

  const std::string& in_;
  size_t max_out_, pos_ = 0;
  uint32_t bit_buf_ = 0;
  int bit_count_ = 0;
  bool error_ = false;
  std::string out_;
};

}  // namespace

std::optional<std::string> Inflate(const std::string& in, size_t max_out) {
  Inflater inflater(in, max_out);
  if (!inflater.Run()) return std::nullopt;
  return std::move(inflater.out());
}

}  // namespace lw
