// silent_units.cpp — see silent_units.h.
#include "silent_units.h"

#include "imgui.h"
#include "item_registry.h"
#include "layout.h"
#include "theme.h"

namespace lw::ui {

namespace {
constexpr const char* kFile = "expected_units.csv";
}

void ImportExpectedUnits(AppContext& app, const std::vector<OpenedFile>& files) {
  if (files.empty()) return;
  const auto& [name, bytes, sha256] = files.front();
  const ExpectedUnitsRead read = ReadExpectedUnits(bytes);
  app.KeepChosenList(name, bytes, kFile, "应报单位名单", read.error, std::to_string(read.units.size()) + " 个单位");
}

void SilentUnitsCard::Load(AppContext& app) {
  if (built_version_ == app.data_version) return;
  built_version_ = app.data_version;
  std::string bytes;
  expected_ = app.ws.store().Read(kFile, bytes) ? ReadExpectedUnits(bytes).units : std::vector<ExpectedUnit>{};
  std::vector<const Record*> arrived = app.imports.records();
  for (const Record& r : app.ws.drafts) arrived.push_back(&r);
  silent_ = SilentUnits(expected_, arrived);
}

void SilentUnitsCard::Draw(AppContext& app) {
  Load(app);
  BeginCard("silent_units");
  SubHeading("尚未报送的单位");
  Muted(
      "导入下级单位名单（CSV 文件，含“单位名称”“地区代码”两列，WPS 或 Excel 另存为 CSV "
      "即可），这里列出还没有任何记录送到的单位。");
  ImGui::BeginDisabled(!app.writable);
  if (TouchButton("导入应报单位名单（CSV）…"))
    app.ChooseFiles({FileTarget::Kind::ExpectedUnits, {}, {}}, ".csv,text/csv", false);
  ImGui::EndDisabled();
  if (expected_.empty()) {
    Muted("尚未导入名单。");
    EndCard();
    return;
  }
  if (silent_.empty()) {
    TextItem("名单中的 " + std::to_string(expected_.size()) + " 个单位都已报送。", Colors().ok);
    EndCard();
    return;
  }
  TextItem(
      "名单中 " + std::to_string(expected_.size()) + " 个单位，尚未报送 " + std::to_string(silent_.size()) + " 个：",
      Colors().text);
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
  if (ImGui::BeginTable("silent_units_table", 3, flags)) {
    for (const char* h : {"单位名称", "地区代码", "所在地区"}) ImGui::TableSetupColumn(h);
    BeginTableSemantics("尚未报送的单位", static_cast<int>(silent_.size()) + 1);
    TallHeadersRow();
    for (size_t i = 0; i < silent_.size(); ++i) {
      ImGui::TableNextRow();
      TableRowSemantics(static_cast<int>(i) + 2);
      for (const std::string& text : {silent_[i].name, silent_[i].region, app.regions.FullName(silent_[i].region)}) {
        ImGui::TableNextColumn();
        TextItem(text, Colors().text);
      }
    }
    EndTableSemantics();
    ImGui::EndTable();
  }
  EndCard();
}

}  // namespace lw::ui
