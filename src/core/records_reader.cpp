// records_reader.cpp — see records_reader.h.
#include "records_reader.h"

#include <algorithm>

#include "json_reader.h"

namespace lw {

using nlohmann::json;

namespace {

// Builds the document as nlohmann's DOM parser would, except that each object of the top-level
// "records" array becomes a Record as soon as it is complete: its members go straight to their
// slots (RecordMembers), so no object is built per record, and only the values are a document
// until take() has seen them.
class RecordsSax {
 public:
  RecordsSax(RecordsDocument& out, int max_depth, const TakeRecord& take)
      : out_(out), max_depth_(max_depth), take_(take) {}
  // Where the reader is (just past the bracket of an object it opens or closes): the text of a
  // record's values is cut from there.
  void Follow(const unsigned char* const* cursor) { cursor_ = cursor; }

  bool null() { return Put(nullptr); }
  bool boolean(bool v) { return Put(v); }
  bool number_integer(json::number_integer_t v) { return Put(v); }
  bool number_unsigned(json::number_unsigned_t v) { return Put(v); }
  bool number_float(json::number_float_t v, const std::string&) { return Put(v); }
  bool string(std::string& v) { return Put(std::move(v)); }
  bool start_object(std::size_t) { return Open(json::value_t::object); }
  bool start_array(std::size_t) { return Open(json::value_t::array); }
  bool key(std::string& k) {
    if (stack_.size() == 1) top_key_ = k;
    if (stack_.back() == &record_) {
      member_ = members_.Slot(k);
      if (!member_) member_ = &unread_;  // parsed (and checked) all the same, then dropped
      return true;
    }
    // Keys mostly come sorted (WriteBundle), so the end is the place to look first. A repeated
    // key keeps its last value, as in json::parse.
    json::object_t& object = stack_.back()->get_ref<json::object_t&>();
    member_ = &object.emplace_hint(object.end(), std::move(k), nullptr)->second;
    return true;
  }
  bool end_object() { return Close(); }
  bool end_array() { return Close(); }

 private:
  bool Put(json v) {
    Place(std::move(v));
    return true;
  }
  // Deep nesting is refused as it opens, so neither the parser's stack nor the (recursive)
  // destruction of a half-built document ever goes deeper than kMaxJsonDepth.
  bool Open(json::value_t t) {
    if (stack_.size() >= static_cast<size_t>(max_depth_)) {
      out_.too_deep = true;
      return false;
    }
    const bool values =
        !stack_.empty() && stack_.back() == &record_ && member_ == values_ && t == json::value_t::object;
    stack_.push_back(Place(json(t)));
    if (values && cursor_) values_begin_ = *cursor_ - 1;
    return true;
  }
  bool Close() {
    const json* done = stack_.back();
    stack_.pop_back();
    if (done == values_ && values_begin_ && cursor_)
      values_text_ = {Chars(values_begin_), size_t(*cursor_ - values_begin_)};
    if (done == &record_) {
      if (out_.record_error.empty()) {
        Record& r = out_.records.emplace_back();  // in place: no move of a record per record
        if (!Record::FromMembers(members_, r, &out_.record_error))
          out_.records.pop_back();
        else if (take_)
          take_(r, out_.records.size() - 1, values_text_);
      }
      members_.Clear();
      values_begin_ = nullptr;
      values_text_ = {};
      unread_ = nullptr;
    }
    return true;
  }
  json* Place(json v) {
    if (stack_.empty()) return &(out_.doc = std::move(v));
    json& top = *stack_.back();
    if (&top == records_) {
      if (v.is_object()) return &record_;
      out_.non_object_record = true;
    }
    if (top.is_array()) {
      top.push_back(std::move(v));
      return &top.back();
    }
    *member_ = std::move(v);
    if (stack_.size() == 1 && top_key_ == "records" && member_->is_array()) records_ = member_;
    return member_;
  }

  RecordsDocument& out_;
  const int max_depth_;
  const TakeRecord& take_;
  std::vector<json*> stack_;  // open objects and arrays, outermost first
  json* member_ = nullptr;    // the object member the next value goes to
  std::string top_key_;       // the last key of the document itself
  const json* records_ = nullptr;
  json record_ = json::object();  // stands for the record being parsed on the stack (stays empty)
  RecordMembers members_;         // ...whose members are here
  json unread_;                   // the value of a record's member that records do not have
  json* const values_ = members_.Slot("values");
  const unsigned char* const* cursor_ = nullptr;
  const unsigned char* values_begin_ = nullptr;  // the '{' of the record's values being read
  std::string_view values_text_;                 // ...and their text, once read

  static const char* Chars(const unsigned char* p) { return reinterpret_cast<const char*>(p); }
};

// How many records the text holds at most, to reserve them at once: growing a vector of 100,000
// records would hold the old and the new array together (a third more memory at the peak). Each
// record has one "uuid" member; one that is not a record's only costs room, and no record is
// shorter than kMinRecordBytes.
size_t RecordsAtMost(std::string_view bytes) {
  constexpr std::string_view kUuid = "\"uuid\":\"";
  constexpr size_t kMinRecordBytes = 96;
  size_t n = 0;
  for (size_t at = bytes.find(kUuid); at != std::string_view::npos; at = bytes.find(kUuid, at + kUuid.size())) ++n;
  return std::min(n, bytes.size() / kMinRecordBytes);
}

}  // namespace

bool ReadRecordsDocument(std::string_view bytes, RecordsDocument& out, int max_depth, const TakeRecord& take) {
  out.records.reserve(RecordsAtMost(bytes));
  RecordsSax sax(out, max_depth, take);
  json_reader::Reader<RecordsSax> reader(bytes, sax);
  sax.Follow(reader.Cursor());
  return reader.Parse();
}

}  // namespace lw
