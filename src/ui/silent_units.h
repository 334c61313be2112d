// silent_units.h — 汇总's card "尚未报送的单位": the coordinator imports its list of expected
// units (CSV: 单位名称, 地区代码; GBK or UTF-8 as WPS/Excel save it; kept as expected_units.csv
// in the data folder) and sees which of them nothing has arrived from yet, by any path.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "app_context.h"
#include "expected_units.h"

namespace lw::ui {

class SilentUnitsCard {
 public:
  void Draw(AppContext& app);

 private:
  void Load(AppContext& app);
  std::vector<ExpectedUnit> expected_;
  std::vector<ExpectedUnit> silent_;
  unsigned built_version_ = ~0u;
};

// The chosen list replaces the stored one when it reads; else a Chinese toast says why.
void ImportExpectedUnits(AppContext& app, const std::vector<OpenedFile>& files);

}  // namespace lw::ui
