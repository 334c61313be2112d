// source_records.h — every record the summaries, the map and the ceremony count: this device's
// own drafts (submitted by the unit of its profile) and the imported ones (each by its origin).
#pragma once
#include <functional>
#include <vector>

#include "aggregate.h"
#include "import_store.h"
#include "record.h"

namespace lw {

// is_draft says whether a local draft is still incomplete (the UI validates with its rules).
// Imported records bring their status with them. The pointers stay valid while `drafts` and
// `imports` are unchanged.
std::vector<SourceRecord> CollectRecords(const std::vector<Record>& drafts, const nlohmann::json& profile,
                                         const ImportStore& imports,
                                         const std::function<bool(const Record&)>& is_draft);

}  // namespace lw
