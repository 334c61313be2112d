// records_reader.h — reads a JSON document whose top-level "records" array holds records (a
// bundle, or an import kept in the workspace) without building a document per record: each
// record is taken apart as it is parsed and handed to the caller at once, so its values can be
// checked and packed (record.h) while the next is read. A 100,000-record file is never held as
// one document.
#pragma once
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "record.h"

namespace lw {

struct RecordsDocument {
  nlohmann::json doc;  // the document, its "records" array left empty
  std::vector<Record> records;
  std::string record_error;        // why the record after the last one taken is not a record
  bool non_object_record = false;  // "records" held something other than objects
  bool too_deep = false;           // nesting beyond max_depth: parsing stopped there
};

// Parses bytes (strictly, as nlohmann::json::parse would: json_reader.h); false when they are not
// JSON. Each well-formed record goes to take(record, its index, the text its values were read
// from — a view into bytes) before it is kept, in order; reading stops taking records at the
// first malformed one (record_error).
using TakeRecord = std::function<void(Record&, size_t, std::string_view values_text)>;
bool ReadRecordsDocument(std::string_view bytes, RecordsDocument& out, int max_depth, const TakeRecord& take = {});

}  // namespace lw
