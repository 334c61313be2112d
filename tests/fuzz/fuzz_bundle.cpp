// fuzz_bundle.cpp — libFuzzer target for the bundle reader: whatever the bytes, ReadBundle
// must return (accept or refuse with a reason) without crashing, hanging or leaking; an
// accepted bundle must write back to bytes that read again.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "aggregate.h"
#include "bundle.h"
#include "print_html.h"
#include "validate.h"

namespace {
const lw::FormLibrary& Forms() {
  static const lw::FormLibrary lib = lw::LoadFormLibrary(LW_SOURCE_DIR "/assets/forms");
  return lib;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  const lw::BundleReadResult r = lw::ReadBundle(bytes, Forms());
  if (r.bundle) {
    const lw::BundleReadResult again = lw::ReadBundle(lw::WriteBundle(*r.bundle, Forms()), Forms());
    if (!again.bundle) std::abort();  // what we accept, we must be able to write and read back
    // Everything the app does with accepted records must be safe too (wasm aborts on a throw).
    static const lw::RegionDb regions;
    std::vector<lw::SourceRecord> src;
    for (const lw::Record& rec : r.bundle->records) {
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
