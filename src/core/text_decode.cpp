// text_decode.cpp — see text_decode.h.
#include "text_decode.h"

#include <unordered_map>

#include "utf8.h"

namespace lw {

namespace {
#include "gbk_table.inc"

std::optional<std::string> FromGbk(const std::string& bytes) {
  std::string out;
  out.reserve(bytes.size() * 3 / 2);
  for (size_t i = 0; i < bytes.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(bytes[i]);
    if (c < 0x80) {
      if (c == 0) return std::nullopt;  // NUL: UTF-16 or binary, not a text file
      out += static_cast<char>(c);
      continue;
    }
    if (c == 0x80) {  // CP936's single-byte euro sign
      utf8::Append(out, 0x20AC);
      continue;
    }
    if (c == 0xFF || i + 1 == bytes.size()) return std::nullopt;
    const unsigned char t = static_cast<unsigned char>(bytes[++i]);
    const unsigned short cp = t >= 0x40 && t <= 0xFE ? kGbk[c - 0x81][t - 0x40] : 0;
    if (!cp) return std::nullopt;
    utf8::Append(out, cp);
  }
  return out;
}
}  // namespace

std::optional<std::string> EncodeGbk(const std::string& text) {
  static const std::unordered_map<char32_t, unsigned short> codes = [] {
    std::unordered_map<char32_t, unsigned short> m;
    for (int lead = 0; lead < 126; ++lead)
      for (int trail = 0; trail < 191; ++trail)
        if (const unsigned short cp = kGbk[lead][trail])
          m.emplace(cp, static_cast<unsigned short>((lead + 0x81) << 8 | (trail + 0x40)));
    return m;
  }();
  std::string out;
  for (size_t i = 0; i < text.size();) {
    const char32_t cp = utf8::Next(text, i);
    if (cp < 0x80) {
      out += static_cast<char>(cp);
      continue;
    }
    const auto it = codes.find(cp);
    if (it == codes.end()) return std::nullopt;
    out += static_cast<char>(it->second >> 8);
    out += static_cast<char>(it->second & 0xFF);
  }
  return out;
}

std::optional<std::string> DecodeOfficeText(const std::string& bytes) {
  static const std::string kBom = "\xEF\xBB\xBF";
  if (bytes.compare(0, kBom.size(), kBom) == 0) {
    std::string text = bytes.substr(kBom.size());
    return utf8::IsValid(text) ? std::optional<std::string>(std::move(text)) : std::nullopt;
  }
  if (utf8::IsValid(bytes) && bytes.find('\0') == std::string::npos) return bytes;
  return FromGbk(bytes);
}

}  // namespace lw
