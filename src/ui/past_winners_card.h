// past_winners_card.h — 汇总's card "往年获评名单": the coordinator imports the list of past
// 百姓学习之星 and 终身学习品牌项目 (CSV: 年份, 姓名 or 项目名称, 身份证号码 or 申报单位, 地区; GBK
// or UTF-8 as WPS/Excel save it; kept as past_winners.csv in the data folder), and nominations
// that match it show a warning beside the field and before export (src/core/past_winners.*).
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "app_context.h"

namespace lw::ui {

class PastWinnersCard {
 public:
  void Draw(AppContext& app);
};

// The chosen list replaces the stored one when it reads; else a Chinese toast says why.
void ImportPastWinners(AppContext& app, const std::vector<OpenedFile>& files);

}  // namespace lw::ui
