// export_flow.cpp — see export_flow.h.
#include "export_flow.h"

#include "rollup.h"

namespace lw::ui {

ExportSummary SummarizeForExport(AppContext& app, const std::vector<const Record*>& records) {
  return SummarizeExport(app.ws, records, app.forms, [&](const Record& r) { return app.IssuesOf(r); });
}

std::string SendBundle(AppContext& app, const std::vector<const Record*>& records, const std::string& suffix) {
  app.ws.Flush(app.now_ms, true);
  const ExportSummary summary = SummarizeForExport(app, records);
  if (const std::string why = summary.Refusal(); !why.empty()) {
    app.Toast(why, true);
    return {};
  }
  app.ws.FillOrigins();  // records made before the profile was filled in leave with their unit
  Bundle b = MakeBundle(app.ws, records, "submission", app.ws.settings.campaign, &summary);
  AttachRoutes(b, app.imports);  // forwarded records carry their way up (roll-up)
  const std::string name = BundleFileName(StringAt(app.ws.profile.values, "unit"), TodayLocal(), suffix);
  platform::DownloadSignedBundle(name, WriteBundle(b, app.forms));
  std::vector<std::string> mine;
  for (const Record* r : records)
    if (app.ws.FindDraft(r->uuid)) mine.push_back(r->uuid);
  app.ws.MarkExported(mine);
  app.Toast("已导出 " + std::to_string(records.size()) + " 条记录：" + name);
  return name;
}

}  // namespace lw::ui
