// region_summary.cpp — see region_summary.h.
#include "region_summary.h"

#include "docx.h"
#include "imgui.h"
#include "item_registry.h"
#include "layout.h"
#include "platform.h"
#include "print_html.h"
#include "radio_group.h"
#include "theme.h"

namespace lw::ui {

namespace {
std::vector<std::string> Figures(const RegionGroup& g) { return CellTexts(RegionGroupCells(g)); }
}  // namespace

RegionLevel RegionSummaryCard::Shown() const {
  if (path_.empty()) return grouping_;
  return Finer(static_cast<RegionLevel>(RegionDb::Level(path_.back())));
}

void RegionSummaryCard::Rebuild(AppContext& app) {
  const std::string key = std::to_string(static_cast<int>(Shown())) + "|" + (path_.empty() ? "" : path_.back());
  if (built_version_ == app.data_version && built_key_ == key) return;
  totals_ = {};
  rows_ = GroupByRegion(app.AllRecords(), app.regions, Shown(), path_.empty() ? "" : path_.back(), &totals_);
  built_version_ = app.data_version;
  built_key_ = key;
}

void RegionSummaryCard::Draw(AppContext& app) {
  BeginCard("regions");
  SubHeading("按地区汇总");
  Muted("按省份、地市或区县统计全部记录。点击地区名称查看它下面的各地区。");
  const struct {
    const char* label;
    RegionLevel level;
  } kGroupings[] = {{"按省份", RegionLevel::Province}, {"按地市", RegionLevel::City}, {"按区县", RegionLevel::County}};
  int checked = 0;
  for (int i = 0; i < 3; ++i)
    if (kGroupings[i].level == grouping_) checked = i;
  RadioGroup group(checked, "统计方式");
  for (const auto& g : kGroupings) {
    if (g.level != RegionLevel::Province) ImGui::SameLine();
    group.Item(g.label);
  }
  if (const int k = group.End(); k >= 0 && kGroupings[k].level != grouping_)
    grouping_ = kGroupings[k].level, path_.clear();
  // The way back up: 全部 › 内蒙古自治区 › 包头市
  if (TouchButton("全部地区")) path_.clear();
  for (size_t i = 0; i < path_.size(); ++i) {
    ImGui::SameLine();
    ImGui::TextUnformatted("›");
    ImGui::SameLine();
    const std::string name = app.regions.Name(path_[i]).empty() ? path_[i] : app.regions.Name(path_[i]);
    if (TouchButton((name + "##up" + std::to_string(i)).c_str())) path_.resize(i + 1);
  }
  Rebuild(app);
  if (!rows_.empty()) PrintButtons(app);
  DrawTable(app);
  EndCard();
}

std::string RegionSummaryCard::Where(AppContext& app) const {
  return path_.empty() ? "全部地区" : app.regions.Name(path_.back());
}

// The grouping shown, on paper: Word and the print preview, as every summary table has.
void RegionSummaryCard::PrintButtons(AppContext& app) {
  const SummaryTable t = RegionGroupsTable(rows_, totals_, Where(app));
  const std::string unit = StringAt(app.ws.profile.values, "unit");
  if (TouchButton("导出此汇总 Word")) {
    const std::string name = TableDocxFileName(t, unit, TodayLocal());
    platform::Download(name, "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                       TableDocx(t, unit, TodayLocal()));
    app.Toast("已导出 Word 文件：" + name);
  }
  ImGui::SameLine();
  if (TouchButton("打印此汇总")) platform::ShowPrintPreview(PrintTableHtml(t, unit, TodayLocal()));
}

void RegionSummaryCard::DrawTable(AppContext& app) {
  if (rows_.empty()) {
    Muted("这里还没有记录。");
    return;
  }
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
  const std::vector<std::string>& headers = RegionGroupHeaders();
  if (!ImGui::BeginTable("region_groups", static_cast<int>(headers.size()), flags)) return;
  for (const std::string& h : headers) ImGui::TableSetupColumn(h.c_str());
  const int nrows = static_cast<int>(rows_.size()) + 2;
  BeginTableSemantics("按地区汇总：" + Where(app), nrows);
  TallHeadersRow();
  std::string open;  // drilled into after the table: the rows must not change while drawn
  const bool drill = Shown() != RegionLevel::County;
  for (size_t i = 0; i < rows_.size(); ++i) {
    const RegionGroup& g = rows_[i];
    ImGui::TableNextRow();
    TableRowSemantics(static_cast<int>(i) + 2);
    ImGui::TableNextColumn();
    const bool own_level = g.name.find("（本级）") != std::string::npos;
    if (drill && !own_level) {
      if (TouchButton((g.name + "##g" + g.code).c_str())) open = g.code;
    } else {
      TextItem(g.name, Colors().text);
    }
    for (const std::string& v : Figures(g)) {
      ImGui::TableNextColumn();
      TextItem(v, Colors().text);
    }
  }
  ImGui::TableNextRow();
  TableRowSemantics(nrows);
  ImGui::TableNextColumn();
  TextItem("合计", Colors().accent);
  for (const std::string& v : Figures(totals_)) {
    ImGui::TableNextColumn();
    TextItem(v, Colors().accent);
  }
  EndTableSemantics();
  ImGui::EndTable();
  if (!open.empty()) path_.push_back(open);
}

}  // namespace lw::ui
