// past_winners_card.cpp — see past_winners_card.h.
#include "past_winners_card.h"

#include "imgui.h"
#include "item_registry.h"
#include "layout.h"
#include "theme.h"

namespace lw::ui {

void ImportPastWinners(AppContext& app, const std::vector<OpenedFile>& files) {
  if (files.empty()) return;
  const auto& [name, bytes, sha256] = files.front();
  const PastWinnersRead read = ReadPastWinners(bytes, app.regions);
  app.KeepChosenList(name, bytes, AppContext::kPastWinnersFile, "往年获评名单", read.error,
                     std::to_string(read.winners.size()) + " 条");
}

void PastWinnersCard::Draw(AppContext& app) {
  BeginCard("past_winners");
  SubHeading("往年获评名单");
  Muted(
      "导入往年的百姓学习之星、终身学习品牌项目名单（CSV "
      "文件，含“年份”“姓名”或“项目名称”“身份证号码”或“申报单位”“地区”等列，"
      "WPS 或 Excel 另存为 CSV "
      "即可）。推荐表中的人或项目与名单相符时，表格和导出前核对会提醒“不得重复推荐”，但不妨碍保存和导出。");
  ImGui::BeginDisabled(!app.writable);
  if (TouchButton("导入往年获评名单（CSV）…"))
    app.ChooseFiles({FileTarget::Kind::PastWinners, {}, {}}, ".csv,text/csv", false);
  ImGui::EndDisabled();
  const std::vector<PastWinner>& list = app.PastWinners();
  if (list.empty()) {
    Muted("尚未导入名单。");
  } else {
    int stars = 0;
    for (const PastWinner& w : list) stars += w.kind == PastWinner::Kind::Star;
    TextItem("已导入 " + std::to_string(list.size()) + " 条：百姓学习之星 " + std::to_string(stars) +
                 " 人，终身学习品牌项目 " + std::to_string(list.size() - stars) + " 个。",
             Colors().text);
  }
  EndCard();
}

}  // namespace lw::ui
