// screen_desk.h — 汇总 (the coordinator's desk): import other units' bundles, see where every
// record came from, resolve conflicts, and read, sort, filter and export the summary tables.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "aggregate.h"
#include "app_context.h"
#include "bundle_io.h"
#include "export_flow.h"
#include "past_winners_card.h"
#include "region_summary.h"
#include "silent_units.h"

namespace lw::ui {

class DeskScreen {
 public:
  void Draw(AppContext& app);

 private:
  void ImportCard(AppContext& app);
  void ConflictsCard(AppContext& app);
  void SuggestionsCard(AppContext& app);
  void BundlesCard(AppContext& app);
  void ExportCard(AppContext& app);
  void TablesCard(AppContext& app);
  void DrawTable(const SummaryTable& t);

  unsigned built_version_ = ~0u;
  std::string built_campaign_;
  std::vector<SummaryTable> tables_;
  std::string filter_;
  std::string province_;  // "" = all
  size_t selected_ = 0;   // table shown
  RegionSummaryCard regions_;
  SilentUnitsCard silent_;
  PastWinnersCard past_winners_;

  ExportPanel export_;
};

// Imports a batch of files (picker or drop) into the desk; the report is kept in app.last_imports.
void ImportFiles(AppContext& app, const std::vector<OpenedFile>& files);

}  // namespace lw::ui
