// image_size.cpp — see image_size.h. Only headers are read; every offset is bounds-checked
// because photos come from users' disks and from imported bundles.
#include "image_size.h"

namespace lw {

namespace {

unsigned Byte(const std::string& b, size_t i) { return static_cast<unsigned char>(b[i]); }
unsigned Be16(const std::string& b, size_t i) { return Byte(b, i) << 8 | Byte(b, i + 1); }
unsigned Be32(const std::string& b, size_t i) { return Be16(b, i) << 16 | Be16(b, i + 2); }
unsigned Le16(const std::string& b, size_t i) { return Byte(b, i) | Byte(b, i + 1) << 8; }

bool Starts(const std::string& b, const char* sig, size_t n) { return b.size() >= n && b.compare(0, n, sig, n) == 0; }

std::optional<PixelSize> Valid(unsigned w, unsigned h) {
  if (w == 0 || h == 0 || w > 65535 || h > 65535) return std::nullopt;
  return PixelSize{static_cast<int>(w), static_cast<int>(h)};
}

// Walks the marker segments to the first start-of-frame (SOF0–SOF15 except DHT, JPG, DAC).
std::optional<PixelSize> JpegSize(const std::string& b) {
  size_t i = 2;
  while (i + 9 < b.size()) {
    if (Byte(b, i) != 0xFF) return std::nullopt;
    const unsigned marker = Byte(b, i + 1);
    if (marker == 0xFF) {
      ++i;
      continue;
    }  // fill byte
    if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
      i += 2;
      continue;
    }  // no length
    const bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (sof) return Valid(Be16(b, i + 7), Be16(b, i + 5));
    i += 2 + Be16(b, i + 2);
  }
  return std::nullopt;
}

}  // namespace

std::string ImageExtension(const std::string& b) {
  if (Starts(b, "\xFF\xD8\xFF", 3)) return "jpeg";
  if (Starts(b, "\x89PNG\r\n\x1A\n", 8)) return "png";
  if (Starts(b, "GIF87a", 6) || Starts(b, "GIF89a", 6)) return "gif";
  return "";
}

std::optional<PixelSize> ImagePixelSize(const std::string& b) {
  const std::string ext = ImageExtension(b);
  if (ext == "jpeg") return JpegSize(b);
  if (ext == "png" && b.size() >= 24) return Valid(Be32(b, 16), Be32(b, 20));  // IHDR comes first
  if (ext == "gif" && b.size() >= 10) return Valid(Le16(b, 6), Le16(b, 8));
  return std::nullopt;
}

}  // namespace lw
