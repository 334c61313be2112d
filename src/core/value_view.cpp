// value_view.cpp — see value_view.h. The text is walked in place: a member is found by skipping
// the ones before it (a record's values are a few hundred bytes), and nothing is allocated except
// the strings a caller asks for.
#include "value_view.h"

#include <charconv>
#include <vector>

#include "utf8.h"

namespace lw {

using nlohmann::json;

namespace {

const char* Ws(const char* p, const char* end) {
  while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')) ++p;
  return p;
}

// Past the string whose opening quote is at p.
const char* SkipString(const char* p, const char* end) {
  for (++p; p < end; ++p) {
    if (*p == '\\')
      ++p;
    else if (*p == '"')
      return p + 1;
  }
  return end;
}

// Past the value that starts at p.
const char* Skip(const char* p, const char* end) {
  if (p >= end) return end;
  if (*p == '"') return SkipString(p, end);
  if (*p != '{' && *p != '[') {
    while (p < end && *p != ',' && *p != '}' && *p != ']' && *p != ' ' && *p != '\n' && *p != '\r' && *p != '\t') ++p;
    return p;
  }
  int depth = 0;
  while (p < end) {
    if (*p == '"') {
      p = SkipString(p, end);
      continue;
    }
    if (*p == '{' || *p == '[') ++depth;
    if ((*p == '}' || *p == ']') && --depth == 0) return p + 1;
    ++p;
  }
  return end;
}

unsigned Hex4(const char* p, const char* end) {
  unsigned v = 0;
  if (end - p < 4) return 0xFFFD;
  std::from_chars(p, p + 4, v, 16);
  return v;
}

// The text of the string whose opening quote is at p.
std::string Unquote(const char* p, const char* end) {
  const char* stop = SkipString(p, end) - 1;
  const std::string_view raw(p + 1, stop > p ? static_cast<size_t>(stop - p - 1) : 0);
  if (raw.find('\\') == std::string_view::npos) return std::string(raw);
  std::string out;
  out.reserve(raw.size());
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '\\' || i + 1 == raw.size()) {
      out += raw[i];
      continue;
    }
    const char c = raw[++i];
    switch (c) {
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'u': {
        unsigned cp = Hex4(raw.data() + i + 1, raw.data() + raw.size());
        i += 4;
        if (cp >= 0xD800 && cp < 0xDC00 && i + 6 < raw.size() + 1 && raw.substr(i + 1, 2) == "\\u") {
          const unsigned lo = Hex4(raw.data() + i + 3, raw.data() + raw.size());
          if (lo >= 0xDC00 && lo < 0xE000) cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00), i += 6;
        }
        utf8::Append(out, cp);
        break;
      }
      default:
        out += c;  // \" \\ \/
    }
  }
  return out;
}

// A member's key at p (its opening quote) equals key.
bool KeyIs(const char* p, const char* end, std::string_view key) {
  const char* stop = SkipString(p, end) - 1;
  const std::string_view raw(p + 1, stop > p ? static_cast<size_t>(stop - p - 1) : 0);
  return raw.find('\\') == std::string_view::npos ? raw == key : Unquote(p, end) == key;
}

// From a member's key to its value.
const char* ValueOfMember(const char* p, const char* end) {
  p = Ws(SkipString(p, end), end);
  return Ws(p < end && *p == ':' ? p + 1 : p, end);
}

// From an element (or a member's key) to the next one, or to the container's closing bracket
// (end). Text that is not well-formed ends the walk rather than stalling it.
const char* NextElement(const char* p, const char* end, bool object) {
  const char* next = Ws(Skip(object ? ValueOfMember(p, end) : p, end), end);
  if (next < end && *next == ',') return Ws(next + 1, end);
  return next > p ? next : end;
}

}  // namespace

ValueView ValueView::OfText(std::string_view text) {
  const char* end = text.data() + text.size();
  const char* at = Ws(text.data(), end);
  return at < end ? ValueView(at, end) : ValueView();
}

char ValueView::Kind() const {
  if (node_) {
    switch (node_->type()) {
      case json::value_t::object:
        return '{';
      case json::value_t::array:
        return '[';
      case json::value_t::string:
        return '"';
      case json::value_t::boolean:
        return 'b';
      case json::value_t::number_integer:
      case json::value_t::number_unsigned:
      case json::value_t::number_float:
        return '0';
      default:
        return 'n';
    }
  }
  if (!at_ || at_ >= end_) return 0;
  switch (*at_) {
    case '{':
    case '[':
    case '"':
    case 'n':
      return *at_;
    case 't':
    case 'f':
      return 'b';
    default:
      return '0';
  }
}

bool ValueView::is_null() const { return Kind() == 'n' || Kind() == 0; }

bool ValueView::is_number_integer() const {
  if (node_) return node_->is_number_integer();
  if (Kind() != '0') return false;
  for (const char* p = at_; p < end_ && *p != ',' && *p != '}' && *p != ']'; ++p)
    if (*p == '.' || *p == 'e' || *p == 'E') return false;
  return true;
}

ValueView ValueView::operator[](std::string_view key) const {
  if (node_) {
    if (!node_->is_object()) return {};
    const auto it = node_->find(key);
    return it == node_->end() ? ValueView() : ValueView(*it);
  }
  if (Kind() != '{') return {};
  for (const char* p = Ws(at_ + 1, end_); p < end_ && *p == '"'; p = NextElement(p, end_, true))
    if (KeyIs(p, end_, key)) return ValueView(ValueOfMember(p, end_), end_);
  return {};
}

std::string ValueView::String() const {
  if (node_) return node_->is_string() ? node_->get<std::string>() : std::string();
  return Kind() == '"' ? Unquote(at_, end_) : std::string();
}

long long ValueView::Int() const {
  if (!is_number_integer()) return 0;
  if (node_) return node_->get<long long>();
  long long v = 0;
  if (std::from_chars(at_, end_, v).ec == std::errc()) return v;
  unsigned long long u = 0;  // above LLONG_MAX: wrapped, as nlohmann's get<long long>() does
  std::from_chars(at_, end_, u);
  return static_cast<long long>(u);
}

size_t ValueView::size() const {
  if (node_) return node_->is_structured() ? node_->size() : 0;
  size_t n = 0;
  for (Iterator it = begin(), stop = end(); it != stop; ++it) ++n;
  return n;
}

json ValueView::ToJson() const {
  if (node_) return *node_;
  if (!at_) return nullptr;
  return json::parse(at_, Skip(at_, end_), nullptr, false);
}

ValueView::Iterator ValueView::begin() const {
  Iterator it;
  if (node_ && node_->is_structured()) {
    it.node_ = node_;
    it.it_ = node_->cbegin();
  } else if (const char k = Kind(); !node_ && (k == '{' || k == '[')) {
    it.end_ = Skip(at_, end_) - 1;  // the closing bracket: elements are walked up to it
    it.at_ = it.end_ > at_ ? Ws(at_ + 1, it.end_) : it.end_;
    it.object_ = k == '{';
  }
  return it;
}

ValueView::Iterator ValueView::end() const {
  Iterator it;
  if (node_ && node_->is_structured()) {
    it.node_ = node_;
    it.it_ = node_->cend();
  } else if (const char k = Kind(); !node_ && (k == '{' || k == '[')) {
    it.at_ = it.end_ = Skip(at_, end_) - 1;
  }
  return it;
}

ValueView ValueView::Iterator::operator*() const {
  if (node_) return ValueView(*it_);
  return ValueView(object_ ? ValueOfMember(at_, end_) : at_, end_);
}

ValueView::Iterator& ValueView::Iterator::operator++() {
  if (node_)
    ++it_;
  else
    at_ = NextElement(at_, end_, object_);
  return *this;
}

std::string ValueView::Iterator::key() const {
  if (node_) return node_->is_object() ? it_.key() : std::string();
  return object_ ? Unquote(at_, end_) : std::string();
}

bool IsCanonicalJson(std::string_view text) {
  struct Open {
    bool object;
    bool keyed = false;         // objects: a key came before...
    std::string_view last_key;  // ...this one (keys must ascend)
  };
  std::vector<Open> open;
  bool key_next = false;  // in an object, after '{' or ','
  for (size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (c == '"') {
      const size_t close = text.find_first_of("\\\"", i + 1);
      if (close == std::string_view::npos || text[close] != '"') return false;  // an escape
      if (key_next) {
        const std::string_view key = text.substr(i + 1, close - i - 1);
        Open& object = open.back();
        if (object.keyed && key <= object.last_key) return false;
        object.keyed = true;
        object.last_key = key;
        key_next = false;
      }
      i = close + 1;
    } else if (c == '{' || c == '[') {
      open.push_back({c == '{'});
      key_next = c == '{';
      ++i;
    } else if (c == '}' || c == ']') {
      if (open.empty()) return false;
      open.pop_back();
      ++i;
    } else if (c == ',') {
      key_next = !open.empty() && open.back().object;
      ++i;
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      if (c == '-' && i + 1 < text.size() && text[i + 1] == '0') return false;  // -0 is written 0
      size_t end = i + (c == '-');
      while (end < text.size() && text[end] >= '0' && text[end] <= '9') ++end;
      if (end - i > 18) return false;  // maybe past what an integer holds: then not one
      if (end < text.size() && (text[end] == '.' || text[end] == 'e' || text[end] == 'E')) return false;
      i = end;
    } else if (c == ':' || (c >= 'a' && c <= 'z')) {
      ++i;  // the letters of true, false and null
    } else {
      return false;  // white space (or what no value holds: a BOM, a NUL after the value)
    }
  }
  return open.empty() && !text.empty();
}

}  // namespace lw
