// export_flow.h — sending a bundle upwards: the summary shown before writing (the one shared
// validator decides each record's status) and the export itself, for the desk and the form.
#pragma once
#include <string>
#include <vector>

#include "app_context.h"
#include "bundle_io.h"

namespace lw::ui {

// What exporting these records would send (by form and status, errors left, unit profile).
ExportSummary SummarizeForExport(AppContext& app, const std::vector<const Record*>& records);

// Writes and downloads the bundle, signed with this device's key: this device's drafts get their unit filled into their origin
// first, every record carries its status, and the drafts are marked 已导出. Refuses (toast)
// without a unit and region. Returns the file name, "" when nothing was written.
std::string SendBundle(AppContext& app, const std::vector<const Record*>& records, const std::string& suffix);

}  // namespace lw::ui
