// source_records.cpp — see source_records.h.
#include "source_records.h"

namespace lw {

std::vector<SourceRecord> CollectRecords(const std::vector<Record>& drafts, const nlohmann::json& profile,
                                         const ImportStore& imports,
                                         const std::function<bool(const Record&)>& is_draft) {
  std::vector<SourceRecord> out;
  const std::string unit = StringAt(profile, "unit"), region = StringAt(profile, "region");
  for (const Record& r : drafts) out.push_back({&r, unit, region, is_draft(r)});
  // Imported records leave this device's own drafts out (ImportStore), so nothing counts twice.
  for (const Record* r : imports.records()) {
    const Provenance* p = imports.SourceOf(r->uuid);
    const std::string& by = r->origin.unit.empty() && p ? p->unit : r->origin.unit;
    const std::string& at = r->origin.region.empty() && p ? p->region : r->origin.region;
    out.push_back({r, by, at, r->status != kStatusValid});
  }
  return out;
}

}  // namespace lw
