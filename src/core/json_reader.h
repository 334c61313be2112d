// json_reader.h — a strict JSON reader for large files (bundles of tens of MB). It calls a SAX
// handler the way nlohmann::json::sax_parse does and accepts exactly what nlohmann's parser
// accepts (RFC 8259; UTF-8 checked by the same ranges; a leading BOM skipped; integers typed as
// unsigned, signed or floating point the same way; a NUL byte after the value ends the text),
// but it scans strings, numbers and white space in runs over the bytes instead of through a
// character-by-character lexer: about three times faster in WebAssembly. The fuzzer holds it to
// nlohmann's parser (fuzz_bundle.cpp).
//
// Handler: null(), boolean(bool), number_integer(int64_t), number_unsigned(uint64_t),
// number_float(double, const std::string&), string(std::string&), key(std::string&),
// start_object(size_t), end_object(), start_array(size_t), end_array(); each returns false to
// stop. Nesting is kept on a heap stack, so the handler alone decides how deep is too deep.
#pragma once
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace lw::json_reader {

// Bytes of the valid UTF-8 sequence that starts at p (lead byte ≥ 0x80), 0 when it is not one:
// no overlong form, no surrogate, nothing above U+10FFFF.
inline size_t Utf8Length(const unsigned char* p, const unsigned char* end) {
  const auto tail = [&](size_t n) {  // n continuation bytes follow
    if (static_cast<size_t>(end - p) <= n) return false;
    for (size_t i = 1; i <= n; ++i)
      if ((p[i] & 0xC0) != 0x80) return false;
    return true;
  };
  const unsigned char c = p[0];
  if (c < 0xC2) return 0;
  if (c < 0xE0) return tail(1) ? 2 : 0;
  if (c < 0xF0) return tail(2) && !(c == 0xE0 && p[1] < 0xA0) && !(c == 0xED && p[1] > 0x9F) ? 3 : 0;
  if (c < 0xF5) return tail(3) && !(c == 0xF0 && p[1] < 0x90) && !(c == 0xF4 && p[1] > 0x8F) ? 4 : 0;
  return 0;
}

template <class Sax>
class Reader {
 public:
  Reader(std::string_view text, Sax& sax)
      : p_(reinterpret_cast<const unsigned char*>(text.data())), end_(p_ + text.size()), sax_(sax) {}

  // Where the reader is: just past the bracket of the object or array the handler is told of.
  const unsigned char* const* Cursor() const { return &p_; }

  bool Parse() {
    if (end_ - p_ >= 1 && p_[0] == 0xEF && !(end_ - p_ >= 3 && p_[1] == 0xBB && p_[2] == 0xBF)) return false;
    if (end_ - p_ >= 3 && p_[0] == 0xEF) p_ += 3;  // the byte order mark
    for (;;) {
      bool opened = false;
      if (!Value(opened)) return false;
      if (!opened && !AfterValue()) return false;
      if (stack_.empty()) {
        SkipSpace();
        return p_ == end_ || *p_ == 0;  // nlohmann takes a NUL byte for the end (of a C string)
      }
    }
  }

 private:
  static constexpr size_t kUnknownSize = static_cast<size_t>(-1);

  void SkipSpace() {
    while (p_ != end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
  }
  bool Next(unsigned char c) {  // skips white space, then c if it is there
    SkipSpace();
    if (p_ == end_ || *p_ != c) return false;
    ++p_;
    return true;
  }

  // One value; a container that is not empty is left open (opened), its first value to follow.
  bool Value(bool& opened) {
    SkipSpace();
    if (p_ == end_) return false;
    switch (*p_) {
      case '{':
        ++p_;
        if (!sax_.start_object(kUnknownSize)) return false;
        if (Next('}')) return sax_.end_object();
        stack_.push_back(true);
        opened = true;
        return Key();
      case '[':
        ++p_;
        if (!sax_.start_array(kUnknownSize)) return false;
        if (Next(']')) return sax_.end_array();
        stack_.push_back(false);
        opened = true;
        return true;
      case '"':
        ++p_;
        return String() && sax_.string(text_);
      case 't':
        return Literal("true") && sax_.boolean(true);
      case 'f':
        return Literal("false") && sax_.boolean(false);
      case 'n':
        return Literal("null") && sax_.null();
      default:
        return Number();
    }
  }

  // After a complete value: closes what ends there, and reads up to where the next value starts.
  bool AfterValue() {
    while (!stack_.empty()) {
      SkipSpace();
      if (p_ == end_) return false;
      const unsigned char c = *p_++;
      const bool object = stack_.back();
      if (c == ',') return !object || Key();
      if (c != (object ? '}' : ']')) return false;
      stack_.pop_back();
      if (!(object ? sax_.end_object() : sax_.end_array())) return false;
    }
    return true;
  }

  bool Key() { return Next('"') && String() && sax_.key(text_) && Next(':'); }

  bool Literal(std::string_view word) {
    if (static_cast<size_t>(end_ - p_) < word.size() || std::string_view(Chars(p_), word.size()) != word) return false;
    p_ += word.size();
    return true;
  }

  // The rest of a string after its opening quote, into text_. Runs of plain characters (UTF-8
  // checked as they go) are copied at once.
  bool String() {
    text_.clear();
    const unsigned char* run = p_;
    for (;;) {
      if (p_ == end_) return false;
      const unsigned char c = *p_;
      if (c >= 0x80) {
        const size_t n = Utf8Length(p_, end_);
        if (!n) return false;
        p_ += n;
        continue;
      }
      if (c >= 0x20 && c != '"' && c != '\\') {
        ++p_;
        continue;
      }
      text_.append(Chars(run), p_ - run);
      ++p_;
      if (c == '"') return true;
      if (c != '\\' || !Escape()) return false;  // a control character must be escaped
      run = p_;
    }
  }

  bool Escape() {
    if (p_ == end_) return false;
    const unsigned char c = *p_++;
    switch (c) {
      case '"':
      case '\\':
      case '/':
        text_ += static_cast<char>(c);
        return true;
      case 'b':
        text_ += '\b';
        return true;
      case 'f':
        text_ += '\f';
        return true;
      case 'n':
        text_ += '\n';
        return true;
      case 'r':
        text_ += '\r';
        return true;
      case 't':
        text_ += '\t';
        return true;
      case 'u':
        return CodePoint();
      default:
        return false;
    }
  }

  int Hex4() {  // the four hex digits of \uXXXX, -1 when they are not
    if (end_ - p_ < 4) return -1;
    int v = 0;
    for (int i = 0; i < 4; ++i) {
      const unsigned char c = *p_++;
      const int d = c >= '0' && c <= '9'   ? c - '0'
                    : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                           : -1;
      if (d < 0) return -1;
      v = v * 16 + d;
    }
    return v;
  }

  // \uXXXX (after the u), a surrogate pair as one code point; a lone surrogate is refused.
  bool CodePoint() {
    int cp = Hex4();
    if (cp < 0 || (cp >= 0xDC00 && cp <= 0xDFFF)) return false;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return false;
      p_ += 2;
      const int low = Hex4();
      if (low < 0xDC00 || low > 0xDFFF) return false;
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    const auto byte = [&](int v) { text_ += static_cast<char>(v); };
    if (cp < 0x80) {
      byte(cp);
    } else if (cp < 0x800) {
      byte(0xC0 | cp >> 6), byte(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      byte(0xE0 | cp >> 12), byte(0x80 | (cp >> 6 & 0x3F)), byte(0x80 | (cp & 0x3F));
    } else {
      byte(0xF0 | cp >> 18), byte(0x80 | (cp >> 12 & 0x3F)), byte(0x80 | (cp >> 6 & 0x3F)), byte(0x80 | (cp & 0x3F));
    }
    return true;
  }

  bool Digits() {  // one or more
    const unsigned char* start = p_;
    while (p_ != end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    return p_ != start;
  }

  // As nlohmann types numbers: an integer that fits is unsigned (or signed when negative), any
  // other number a finite double.
  bool Number() {
    const unsigned char* start = p_;
    const bool negative = *p_ == '-';
    if (negative) ++p_;
    if (p_ == end_ || *p_ < '0' || *p_ > '9') return false;
    if (*p_ == '0')
      ++p_;
    else
      Digits();
    bool integer = true;
    if (p_ != end_ && *p_ == '.') {
      ++p_;
      if (!Digits()) return false;
      integer = false;
    }
    if (p_ != end_ && (*p_ == 'e' || *p_ == 'E')) {
      ++p_;
      if (p_ != end_ && (*p_ == '+' || *p_ == '-')) ++p_;
      if (!Digits()) return false;
      integer = false;
    }
    if (integer && negative) {
      int64_t v = 0;
      if (std::from_chars(Chars(start), Chars(p_), v).ec == std::errc()) return sax_.number_integer(v);
    } else if (integer) {
      uint64_t v = 0;
      if (std::from_chars(Chars(start), Chars(p_), v).ec == std::errc()) return sax_.number_unsigned(v);
    }
    number_.assign(Chars(start), p_ - start);
    const double v = std::strtod(number_.c_str(), nullptr);
    return std::isfinite(v) && sax_.number_float(v, number_);
  }

  static const char* Chars(const unsigned char* p) { return reinterpret_cast<const char*>(p); }

  const unsigned char* p_;
  const unsigned char* end_;
  Sax& sax_;
  std::vector<bool> stack_;  // open containers, innermost last: true for an object
  std::string text_;         // the string or key just read (the handler may move it away)
  std::string number_;
};

template <class Sax>
bool Parse(std::string_view text, Sax& sax) {
  return Reader<Sax>(text, sax).Parse();
}

}  // namespace lw::json_reader
