// utf8.cpp — see utf8.h.
#include "utf8.h"

namespace lw::utf8 {

char32_t Next(std::string_view s, size_t& i) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  if (c < 0x80) {
    ++i;
    return c;
  }
  int len = 0;
  char32_t cp = 0, min = 0;
  if ((c & 0xE0) == 0xC0) {
    len = 2;
    cp = c & 0x1F;
    min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3;
    cp = c & 0x0F;
    min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4;
    cp = c & 0x07;
    min = 0x10000;
  } else {
    ++i;
    return kReplacement;
  }
  if (i + len > s.size()) {
    ++i;
    return kReplacement;
  }
  for (int k = 1; k < len; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) {
      ++i;
      return kReplacement;
    }
    cp = (cp << 6) | (b(i + k) & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++i;
    return kReplacement;
  }
  i += len;
  return cp;
}

size_t Prev(std::string_view s, size_t i) {
  if (i == 0) return 0;
  size_t j = i - 1;
  while (j > 0 && i - j < 4 && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) --j;
  // Only accept the lead byte if it decodes to exactly [j, i); otherwise step one byte.
  size_t k = j;
  Next(s, k);
  return k == i ? j : i - 1;
}

bool IsValid(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const size_t start = i;
    const char32_t cp = Next(s, i);
    if (cp == kReplacement) {
      // A literal U+FFFD (EF BF BD) is valid; a decoding failure advanced exactly one byte.
      if (i - start != 3) return false;
    }
  }
  return true;
}

void Append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string Encode(char32_t cp) {
  std::string s;
  Append(s, cp);
  return s;
}

std::u32string Decode(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) out += Next(s, i);
  return out;
}

size_t CountCodePoints(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size();) {
    Next(s, i);
    ++n;
  }
  return n;
}

size_t Utf16Length(std::string_view s, size_t bytes) {
  size_t n = 0;
  for (size_t i = 0; i < s.size() && i < bytes;) n += Next(s, i) > 0xFFFF ? 2 : 1;
  return n;
}

namespace {

bool IsExtender(char32_t cp) {
  return (cp >= 0x0300 && cp <= 0x036F) ||    // combining diacritics
         (cp >= 0xFE00 && cp <= 0xFE0F) ||    // variation selectors
         (cp >= 0x1F3FB && cp <= 0x1F3FF) ||  // emoji skin tones
         (cp >= 0xE0020 && cp <= 0xE007F) ||  // emoji tag sequences (flags of regions)
         cp == 0x200D || cp == 0x20E3;        // ZWJ, keycap
}

bool IsRegionalIndicator(char32_t cp) { return cp >= 0x1F1E6 && cp <= 0x1F1FF; }

bool IsLineBreak(char32_t cp) { return cp == '\n' || cp == '\r'; }

// Calls f(start_byte) for each user-perceived character; returns the number of characters.
template <class F>
size_t ForEachChar(std::string_view s, F&& f) {
  size_t count = 0;
  size_t i = 0;
  while (i < s.size()) {
    const size_t start = i;
    char32_t cp = Next(s, i);
    const bool counted = !IsLineBreak(cp);
    bool joined = false;  // previous code point was ZWJ: the next one belongs to this character
    const bool regional = IsRegionalIndicator(cp);
    bool paired = false;
    while (i < s.size()) {
      size_t j = i;
      const char32_t nx = Next(s, j);
      if (IsExtender(nx)) {
        joined = nx == 0x200D;
        i = j;
        continue;
      }
      if (joined) {
        joined = false;
        i = j;
        continue;
      }
      if (regional && !paired && IsRegionalIndicator(nx)) {
        paired = true;
        i = j;
        continue;
      }
      if (cp == '\r' && nx == '\n') {
        i = j;
      }
      break;
    }
    f(start, counted);
    if (counted) ++count;
  }
  return count;
}

}  // namespace

size_t CountChars(std::string_view s) {
  return ForEachChar(s, [](size_t, bool) {});
}

size_t OffsetOfChar(std::string_view s, size_t max_chars) {
  size_t seen = 0, result = s.size();
  ForEachChar(s, [&](size_t start, bool counted) {
    if (counted && seen++ == max_chars && result == s.size()) result = start;
  });
  return result;
}

std::vector<size_t> CharBoundaries(std::string_view s) {
  std::vector<size_t> out;
  ForEachChar(s, [&](size_t start, bool) { out.push_back(start); });
  out.push_back(s.size());
  return out;
}

bool IsCjkIdeograph(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x3134F) ||
         (cp >= 0xF900 && cp <= 0xFAFF);
}

bool IsWhitespace(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x3000 || cp == 0xA0;
}

size_t DisplayWidth(std::string_view s) {
  size_t w = 0;
  for (size_t i = 0; i < s.size();) {
    const char32_t cp = Next(s, i);
    w += cp >= 0x2E80 && cp != 0xFFFD ? 2 : 1;  // CJK radicals onwards: ideographs, kana, full-width forms
  }
  return w;
}

}  // namespace lw::utf8
