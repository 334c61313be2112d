// fuzz_bundle.cpp — libFuzzer target for the bundle reader: whatever the bytes, ReadBundle
// must return (accept or refuse with a reason) without crashing, hanging or leaking; an
// accepted bundle must write back to bytes that read again. Its JSON reader (json_reader.h)
// must accept exactly what nlohmann's parser accepts, as the same document, and text it finds
// canonical (IsCanonicalJson) must be exactly nlohmann's dump of it. Read packed, a bundle's
// records must hold the same values as read whole (Record::PackFrom aborts on a difference).
#include <cstdint>
#include <cstdlib>
#include <string>

#include "aggregate.h"
#include "bundle.h"
#include "json_reader.h"
#include "print_html.h"
#include "validate.h"
#include "value_view.h"

namespace {
const lw::FormLibrary& Forms() {
  static const lw::FormLibrary lib = lw::LoadFormLibrary(LW_SOURCE_DIR "/assets/forms");
  return lib;
}

// Equal and of the same types throughout (json's == takes 1 and 1u and 1.0 for one another).
bool Same(const nlohmann::json& a, const nlohmann::json& b) {
  if (a.type() != b.type() || a.size() != b.size()) return false;
  if (a.is_object()) {
    for (auto x = a.begin(), y = b.begin(); x != a.end(); ++x, ++y)
      if (x.key() != y.key() || !Same(*x, *y)) return false;
    return true;
  }
  if (a.is_array()) {
    for (size_t i = 0; i < a.size(); ++i)
      if (!Same(a[i], b[i])) return false;
    return true;
  }
  return a == b;
}

void CheckReaderAgainstNlohmann(const std::string& bytes) {
  nlohmann::json ours;
  nlohmann::detail::json_sax_dom_parser<nlohmann::json> dom(ours, false);
  const bool read = lw::json_reader::Parse(bytes, dom);
  const nlohmann::json theirs = nlohmann::json::parse(bytes, nullptr, false);
  if (read == theirs.is_discarded() || (read && !Same(ours, theirs))) std::abort();
  if (read && lw::IsCanonicalJson(bytes) && theirs.dump() != bytes) std::abort();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  CheckReaderAgainstNlohmann(bytes);
  const lw::BundleReadResult r = lw::ReadBundle(bytes, Forms());
  const lw::BundleReadResult packed = lw::ReadBundle(bytes, Forms(), {}, lw::RecordValues::Packed);
  if (!r.bundle != !packed.bundle || r.error != packed.error) std::abort();
  if (r.bundle) {
    for (size_t i = 0; i < r.bundle->records.size(); ++i)
      if (r.bundle->records[i].ValuesText() != packed.bundle->records[i].ValuesText()) std::abort();
    const lw::BundleReadResult again = lw::ReadBundle(lw::WriteBundle(*r.bundle, Forms()), Forms());
    if (!again.bundle) std::abort();  // what we accept, we must be able to write and read back
    // Everything the app does with accepted records must be safe too (wasm aborts on a throw).
    static const lw::RegionDb regions;
    std::vector<lw::SourceRecord> src;
    for (const lw::Record& rec : r.bundle->records) {
      if (rec.Dump() != rec.ToJson().dump()) std::abort();  // the store's writer against nlohmann's
      src.push_back({&rec, "unit", "150200"});
      const lw::FormDef* f = Forms().Find(rec.form);
      lw::ValidateRecord(*f, rec.values, lw::ValidationContext{});
      lw::PrintHtml(*f, rec, regions, "unit", "2026-11-23", [](const std::string&) { return std::string(); });
    }
    lw::BuildSummaryTables(src, regions, nullptr);
    lw::FiguresByRegion(src, "2020-10-20");
  } else if (r.error.empty()) {
    std::abort();  // a refusal always says why
  }
  return 0;
}
