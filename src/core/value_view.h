// value_view.h — read-only access to a record's values, whether they are a document (a draft that
// is being edited) or packed into their canonical JSON text (an imported record: 100,000 records
// as documents take four times the memory of their text, more than a browser tab should ask for).
// Readers that see both kinds (summary tables, the map, the ceremony) read through this view.
// Packed text is only ever made by Record::Pack from a document, or is text IsCanonicalJson
// found to be exactly that, so it is trusted to be well-formed; the view still never reads past
// its end.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace lw {

class ValueView {
 public:
  ValueView() = default;  // null
  explicit ValueView(const nlohmann::json& node) : node_(&node) {}
  // The value a JSON text holds (the whole text is one value).
  static ValueView OfText(std::string_view text);

  bool is_null() const;
  bool is_object() const { return Kind() == '{'; }
  bool is_array() const { return Kind() == '['; }
  bool is_string() const { return Kind() == '"'; }
  bool is_number_integer() const;

  // An object's member; a null view when absent or when this is not an object.
  ValueView operator[](std::string_view key) const;
  bool contains(std::string_view key) const { return (*this)[key].Present(); }
  std::string String() const;  // a string's value, "" for anything else
  long long Int() const;       // an integer's value, 0 for anything else
  size_t size() const;         // members or elements, 0 for anything else
  bool empty() const { return size() == 0; }
  nlohmann::json ToJson() const;

  // Over an array's elements or an object's member values (key() names the member).
  class Iterator {
   public:
    ValueView operator*() const;
    Iterator& operator++();
    bool operator!=(const Iterator& o) const { return node_ ? it_ != o.it_ : at_ != o.at_; }
    std::string key() const;

   private:
    friend class ValueView;
    const nlohmann::json* node_ = nullptr;
    nlohmann::json::const_iterator it_;
    const char* at_ = nullptr;   // text: the element's (or member's key's) first byte
    const char* end_ = nullptr;  // ...and the container's closing bracket
    bool object_ = false;
  };
  Iterator begin() const;
  Iterator end() const;

 private:
  ValueView(const char* at, const char* end) : at_(at), end_(end) {}
  char Kind() const;  // '{', '[', '"', 'n' (null), 'b' (boolean), '0' (number), 0 (absent)
  bool Present() const { return node_ || at_; }

  const nlohmann::json* node_ = nullptr;
  const char* at_ = nullptr;  // text: the value's first byte (neither set: absent, read as null)
  const char* end_ = nullptr;
};

// Whether `text` — one JSON value as a strict parser accepted it — is already the canonical text
// of that value (nlohmann's compact dump, what Record::Pack writes): no white space, no escape in
// any string, integers only (no -0, at most 18 digits), each object's keys strictly ascending.
// False only costs a dump; true must never be wrong (the fuzzer holds it to the dump).
bool IsCanonicalJson(std::string_view text);

}  // namespace lw
