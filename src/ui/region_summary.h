// region_summary.h — 汇总's card "按地区汇总": the records grouped by province, city or county
// (core: region_groups.h), each row a button that drills down to the regions under it, with a
// path back up and a totals row.
#pragma once
#include <string>
#include <vector>

#include "app_context.h"
#include "region_groups.h"

namespace lw::ui {

class RegionSummaryCard {
 public:
  void Draw(AppContext& app);

 private:
  RegionLevel Shown() const;  // the level the rows are at (the grouping, or one below the path)
  void Rebuild(AppContext& app);
  void DrawTable(AppContext& app);
  void PrintButtons(AppContext& app);
  std::string Where(AppContext& app) const;  // "全部地区" or the region drilled into

  RegionLevel grouping_ = RegionLevel::Province;
  std::vector<std::string> path_;  // regions drilled into, coarsest first
  std::vector<RegionGroup> rows_;
  RegionGroup totals_;
  unsigned built_version_ = ~0u;
  std::string built_key_;
};

}  // namespace lw::ui
