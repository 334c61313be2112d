// screen_desk.cpp — see screen_desk.h.
#include "screen_desk.h"

#include <algorithm>
#include <numeric>

#include "bundle_io.h"
#include "csv.h"
#include "docx.h"
#include "export_flow.h"
#include "form_table.h"
#include "imgui.h"
#include "item_registry.h"
#include "layout.h"
#include "platform.h"
#include "print_html.h"
#include "radio_group.h"
#include "sticky_header.h"
#include "submission_package.h"
#include "text_widgets.h"
#include "theme.h"
#include "utf8.h"
#include "xlsx.h"
#include "zip_reader.h"

namespace lw::ui {

using nlohmann::json;

namespace {
// A bare bundle, or a 报送包 (.zip): then its bundle is read, checked against its 报送清单 first
// (the browser's digest is the zip's, not the bundle's: that one is computed).
ImportPlan ImportOne(AppContext& app, const OpenedFile& file) {
  const auto& [name, bytes, sha256] = file;
  if (!LooksLikeZip(bytes)) return app.imports.Import(name, bytes, app.forms, app.ImportValidation(), sha256);
  const UnpackedSubmission sub = BundleFromSubmission(bytes);
  if (sub.error.empty())
    return app.imports.Import(name + " › " + sub.bundle_name, sub.bundle, app.forms, app.ImportValidation());
  ImportPlan refused;
  refused.file_name = name;
  refused.refused = sub.error;
  return refused;
}
}  // namespace

void ImportFiles(AppContext& app, const std::vector<OpenedFile>& files) {
  app.last_imports.clear();
  int ok = 0;
  for (const OpenedFile& file : files) {
    app.last_imports.push_back(ImportOne(app, file));
    if (app.last_imports.back().refused.empty()) ++ok;
  }
  app.Changed();
  app.Go(Screen::Desk);
  const int refused = static_cast<int>(files.size()) - ok;
  app.Toast("已导入 " + std::to_string(ok) + " 个数据包" + (refused ? "，拒绝 " + std::to_string(refused) + " 个" : ""),
            refused > 0);
}

namespace {

std::string OriginText(const AppContext& app, const Origin& o) {
  std::string s = o.unit.empty() ? "（未填单位）" : o.unit;
  if (!o.region.empty())
    s += " · " + (app.regions.FullName(o.region).empty() ? o.region : app.regions.FullName(o.region));
  // A device id is a UUID from LearnWeek, but a hand-made bundle may hold anything: cut on a
  // character boundary.
  s +=
      o.device.empty() ? " · 设备未知（旧版数据包）" : " · 设备 " + o.device.substr(0, utf8::OffsetOfChar(o.device, 8));
  return s;
}

std::string ValueText(const AppContext& app, const FieldDef& f, const json& v) {
  const std::string s = DisplayValue(f, v, app.regions);
  return s.empty() ? "（空）" : s;
}

}  // namespace

void DeskScreen::ImportCard(AppContext& app) {
  BeginCard("import");
  SubHeading("导入下级单位的数据包");
  Muted(
      "数据包（.json）或报送包（."
      "zip）都可以导入。每个文件先完整检查，合格才导入；同一记录以修订号较高者为准，重复导入不会产生重复数据。");
  ImGui::BeginDisabled(!app.writable);
  if (PrimaryButton("选择数据包文件…###desk.import")) {
    app.ChooseFiles({FileTarget::Kind::Import, {}, {}}, ".json,.zip,application/json,application/zip", true);
  }
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::TextDisabled("也可以把文件拖到此页面");
  for (const ImportPlan& p : app.last_imports) {
    const bool refused = !p.refused.empty();
    // The import report is announced (a refusal at once), and a refusal carries the error icon.
    if (refused)
      ErrorText(p.file_name + "：" + p.Summary(), "assertive");
    else if (Semantics* s = TextItem(p.file_name + "：" + p.Summary(), Colors().ok))
      s->live = "polite";
    if (!refused && !p.warning.empty()) ErrorText(p.warning, "polite");
  }
  EndCard();
}

void DeskScreen::ConflictsCard(AppContext& app) {
  const auto& conflicts = app.imports.conflicts();
  if (conflicts.empty()) return;
  BeginCard("conflicts");
  SubHeading("需要您决定的记录");
  Muted(
      "同一条记录来自不同的单位或设备（或同一单位的两个不同修改），不会自动覆盖。请逐条选择保留哪一个；"
      "汇总表在您决定之前使用现有版本。");
  int choose = -1;
  bool incoming = false;
  for (size_t i = 0; i < conflicts.size(); ++i) {
    const Conflict& c = conflicts[i];
    ImGui::PushID(static_cast<int>(i));
    const FormDef* f = app.forms.Find(c.existing.form);
    ImGui::Separator();
    TextItem((f ? f->short_title : c.existing.form) + " · " + app.TitleOf(c.existing), Colors().text);
    if (ImGui::BeginTable("diff", 3, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp)) {
      ImGui::TableSetupColumn("栏目", ImGuiTableColumnFlags_WidthFixed, Em() * 8);
      ImGui::TableSetupColumn("现有版本");
      ImGui::TableSetupColumn("新导入的版本");
      TallHeadersRow();
      const auto row = [](const std::string& label, const std::string& a, const std::string& b) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        TextItem(label, Colors().text);
        ImGui::TableNextColumn();
        Paragraph(a);  // long texts (事迹) wrap in their column
        ImGui::TableNextColumn();
        Paragraph(b);
      };
      row("来源", "来源：" + OriginText(app, c.existing.origin), "来源：" + OriginText(app, c.incoming.origin));
      row("修订号", std::to_string(c.existing.revision), std::to_string(c.incoming.revision));
      for (const FieldDef* fd : f ? f->AllFields() : std::vector<const FieldDef*>{}) {
        const json a = c.existing.values.value(fd->id, json()), b = c.incoming.values.value(fd->id, json());
        if (a != b) row(fd->label, ValueText(app, *fd, a), ValueText(app, *fd, b));
      }
      ImGui::EndTable();
    }
    if (ImGui::Button("保留现有版本")) choose = static_cast<int>(i);
    ImGui::SameLine();
    if (PrimaryButton("采用新导入的版本")) choose = static_cast<int>(i), incoming = true;
    ImGui::PopID();
  }
  EndCard();
  if (choose >= 0) {
    app.imports.Resolve(static_cast<size_t>(choose), incoming);
    app.Changed();
  }
}

void DeskScreen::SuggestionsCard(AppContext& app) {
  const auto& suggestions = app.imports.suggestions();
  if (suggestions.empty()) return;
  BeginCard("suggestions");
  SubHeading("本机记录的修改建议");
  Muted("导入的数据包里有本机填写的记录的另一个版本。本机记录不会被覆盖；需要的栏目可以逐项采用。");
  int done = -1;
  for (size_t i = 0; i < suggestions.size(); ++i) {
    const Suggestion& s = suggestions[i];
    Record* mine = app.ws.FindDraft(s.incoming.uuid);
    const FormDef* f = app.forms.Find(s.incoming.form);
    if (!mine || !f) continue;
    ImGui::PushID(static_cast<int>(i));
    ImGui::Separator();
    TextItem(f->short_title + " · " + app.TitleOf(*mine) + "（来自 " + (s.unit.empty() ? "未填单位" : s.unit) +
                 " 的数据包）",
             Colors().text);
    int differing = 0;
    if (ImGui::BeginTable("diff", 4, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp)) {
      ImGui::TableSetupColumn("栏目", ImGuiTableColumnFlags_WidthFixed, Em() * 8);
      ImGui::TableSetupColumn("本机版本");
      ImGui::TableSetupColumn("导入的版本");
      ImGui::TableSetupColumn("操作", ImGuiTableColumnFlags_WidthFixed, Em() * 7);
      TallHeadersRow();
      for (const FieldDef* fd : f->AllFields()) {
        const json a = mine->values.value(fd->id, json()), b = s.incoming.values.value(fd->id, json());
        if (a == b) continue;
        ++differing;
        ImGui::PushID(fd->id.c_str());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        TextItem(fd->label, Colors().text);
        ImGui::TableNextColumn();
        Paragraph(ValueText(app, *fd, a));
        ImGui::TableNextColumn();
        Paragraph(ValueText(app, *fd, b));
        ImGui::TableNextColumn();
        ImGui::BeginDisabled(!app.writable);
        if (TouchButton("采用")) {
          if (b.is_null())
            mine->values.erase(fd->id);
          else
            mine->values[fd->id] = b;
          app.Edited(mine->uuid);
        }
        LastItemSemantics().name = "采用导入的“" + fd->label + "”";
        ImGui::EndDisabled();
        ImGui::PopID();
      }
      ImGui::EndTable();
    }
    if (!differing) Muted("所有栏目已与导入的版本一致。");
    ImGui::BeginDisabled(!app.writable);
    if (ImGui::Button(differing ? "保留本机版本，不再提示" : "完成")) done = static_cast<int>(i);
    ImGui::EndDisabled();
    ImGui::PopID();
  }
  EndCard();
  if (done >= 0) {
    app.imports.Dismiss(static_cast<size_t>(done));
    app.Changed();
  }
}

void DeskScreen::BundlesCard(AppContext& app) {
  const auto& bundles = app.imports.bundles();
  if (bundles.empty()) return;
  BeginCard("bundles");
  SubHeading("已导入的数据包");
  std::string remove;
  if (ImGui::BeginTable("bundles", 7,
                        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn("报送单位", 0, 1.4f);
    ImGui::TableSetupColumn("文件", 0, 2.2f);
    ImGui::TableSetupColumn("记录数", ImGuiTableColumnFlags_WidthFixed, Em() * 4);
    ImGui::TableSetupColumn("导入时间", ImGuiTableColumnFlags_WidthFixed, Em() * 8.5f);
    ImGui::TableSetupColumn("SHA-256", ImGuiTableColumnFlags_WidthFixed, Em() * 6);
    ImGui::TableSetupColumn("签名密钥指纹", ImGuiTableColumnFlags_WidthFixed, Em() * 10);
    ImGui::TableSetupColumn("操作", ImGuiTableColumnFlags_WidthFixed, TouchButtonsWidth({"移除"}));
    BeginTableSemantics("已导入的数据包", static_cast<int>(bundles.size()) + 1);
    TallHeadersRow();
    for (const Provenance& p : bundles) {
      ImGui::PushID(p.sha256.c_str());
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::AlignTextToFramePadding();
      TextItem(p.unit.empty() ? "（未填单位）" : p.unit, Colors().text);
      ImGui::TableNextColumn();
      TextItem(p.file_name, Colors().text);
      ImGui::TableNextColumn();
      TextItem(std::to_string(p.records), Colors().text);
      ImGui::TableNextColumn();
      TextItem(LocalMinute(p.imported), Colors().text_muted);
      ImGui::TableNextColumn();
      TextItem(p.sha256.substr(0, 8) + "…", Colors().text_muted);
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", p.sha256.c_str());
      ImGui::TableNextColumn();
      TextItem(p.key.empty() ? "未签名" : "指纹 " + p.key, p.warning.empty() ? Colors().text : Colors().error);
      if (!p.warning.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", p.warning.c_str());
      ImGui::TableNextColumn();
      ImGui::BeginDisabled(!app.writable);
      if (TouchButton("移除")) remove = p.sha256;
      LastItemSemantics().name = "移除 " + p.file_name;
      ImGui::EndDisabled();
      ImGui::PopID();
    }
    EndTableSemantics();
    ImGui::EndTable();
  }
  EndCard();
  if (!remove.empty() && app.imports.Remove(remove)) {
    app.Changed();
    app.Toast("已移除该数据包的记录");
  }
}

void DeskScreen::ExportCard(AppContext& app) {
  BeginCard("export");
  SubHeading("向上级报送");
  Muted("导出的数据包是一个 .json 文件，可以用U盘、邮件或上传平台交给上级单位。导出前会先列出将要报送的内容。");
  ImGui::BeginDisabled(!app.writable);
  if (PrimaryButton("导出本单位数据包###export.bundle")) export_.Ask(app, false);
  ImGui::SameLine();
  ImGui::BeginDisabled(app.imports.records().empty());
  if (ImGui::Button("导出汇总数据包（含下级单位）")) export_.Ask(app, true);
  ImGui::EndDisabled();
  ImGui::EndDisabled();
  export_.Draw(app);
  EndCard();
}

void DeskScreen::DrawTable(const SummaryTable& t) {
  if (!t.note.empty()) Muted("%s", t.note.c_str());
  std::vector<size_t> order;
  for (size_t i = 0; i < t.rows.size(); ++i) {
    if (!province_.empty() && RegionDb::ProvinceOf(t.row_regions[i]) != province_) continue;
    if (!filter_.empty() && std::none_of(t.rows[i].begin(), t.rows[i].end(),
                                         [&](const Cell& c) { return c.text.find(filter_) != std::string::npos; }))
      continue;
    order.push_back(i);
  }
  const int ncols = static_cast<int>(t.headers.size());
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_Sortable |
                                ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_Resizable;
  if (!ImGui::BeginTable(t.id.c_str(), ncols, flags)) return;
  for (int c = 0; c < ncols; ++c)
    ImGui::TableSetupColumn(t.headers[c].c_str(), c == 0 ? ImGuiTableColumnFlags_DefaultSort : 0);
  const int nrows = static_cast<int>(order.size()) + 1 + (t.totals.empty() ? 0 : 1);
  BeginTableSemantics(t.title, nrows);
  TallHeadersRow();
  if (ImGuiTableSortSpecs* spec = ImGui::TableGetSortSpecs(); spec && spec->SpecsCount > 0) {
    const int col = spec->Specs[0].ColumnIndex;
    const bool asc = spec->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      const Cell &x = t.rows[a][col], &y = t.rows[b][col];
      return asc ? CellLess(x, y) : CellLess(y, x);
    });
  }
  StickyHeader sticky;
  ImGuiListClipper clip;  // 100,000 rows scroll without drawing them all
  clip.Begin(static_cast<int>(order.size()));
  while (clip.Step())
    for (int k = clip.DisplayStart; k < clip.DisplayEnd; ++k) {
      ImGui::TableNextRow();
      if (!sticky.captured()) sticky.Capture(t.headers);
      TableRowSemantics(k + 2);
      for (const Cell& c : t.rows[order[k]]) {
        ImGui::TableNextColumn();
        TextItem(c.text, Colors().text);
      }
    }
  if (!t.totals.empty()) {
    ImGui::TableNextRow();
    TableRowSemantics(nrows);
    for (const Cell& c : t.totals) {
      ImGui::TableNextColumn();
      TextItem(c.text, Colors().accent);
    }
  }
  EndTableSemantics();
  ImGui::EndTable();
  sticky.Draw();
  RegisterText(t.title + "：" + std::to_string(order.size()) + " 行", ImGui::GetItemRectMin().x,
               ImGui::GetItemRectMin().y, ImGui::GetItemRectMax().x, ImGui::GetItemRectMin().y + 2);
}

void DeskScreen::TablesCard(AppContext& app) {
  const std::string campaign = app.campaign() ? app.campaign()->id : "";
  if (built_version_ != app.data_version || built_campaign_ != campaign) {
    const std::vector<SourceRecord> records = app.AllRecords();
    tables_ = BuildSummaryTables(records, app.regions, app.campaign());
    for (SummaryTable& t : PackageFormTables(app.forms, records, app.regions)) tables_.push_back(std::move(t));
    built_version_ = app.data_version;
    built_campaign_ = campaign;
  }
  BeginCard("tables");
  SubHeading("汇总表");
  Muted("包括本机填写和导入的全部记录。点击表头排序；可按地区和关键词筛选。");
  ImGui::SetNextItemWidth(Em() * 12);
  LineInput("##筛选关键词", filter_, "筛选关键词", 0, Em() * 12);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(Em() * 12);
  const ImGuiID pid = ImGui::GetID("##筛选地区");
  const bool open =
      ImGui::BeginCombo("##筛选地区", province_.empty() ? "全部地区" : app.regions.Name(province_).c_str());
  MarkComboBox(pid, "筛选地区", province_.empty() ? "全部地区" : app.regions.Name(province_), open);
  if (open) {
    if (ListEntry("全部地区", province_.empty())) province_.clear();
    for (const std::string& p : app.regions.Provinces())
      if (ListEntry(app.regions.Name(p).c_str(), p == province_)) province_ = p;
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  if (ImGui::Button("导出全部表格（Excel）")) {
    std::vector<const SummaryTable*> all;
    for (const SummaryTable& t : tables_) all.push_back(&t);
    platform::Download("学习周_汇总表_" + TodayLocal() + ".xlsx",
                       "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ToXlsx(all));
    app.Toast("已导出 Excel 汇总表");
  }
  // One button per table (plain buttons read better than tabs for older users, and wrap).
  float x = 0;
  const float avail = ImGui::GetContentRegionAvail().x;
  RadioGroup tables(selected_ < tables_.size() ? static_cast<int>(selected_) : -1, "选择汇总表",
                    RadioGroup::Look::Buttons);
  for (size_t i = 0; i < tables_.size(); ++i) {
    const std::string label = tables_[i].title + " (" + std::to_string(tables_[i].rows.size()) + ")";
    const float w = ImGui::CalcTextSize(label.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
    if (x > 0 && x + w < avail)
      ImGui::SameLine();
    else
      x = 0;
    x += w + ImGui::GetStyle().ItemSpacing.x;
    tables.Item(label.c_str());
  }
  if (const int k = tables.End(); k >= 0) selected_ = k;
  if (selected_ >= tables_.size()) selected_ = 0;
  if (!tables_.empty()) {
    const SummaryTable& t = tables_[selected_];
    ImGui::Separator();
    SubHeading(t.title.c_str());
    if (ImGui::Button("导出此表 CSV")) {
      platform::Download("学习周_" + t.title + "_" + TodayLocal() + ".csv", "text/csv", ToCsv(t));
      app.Toast("已导出 CSV：" + t.title);
    }
    ImGui::SameLine();
    if (ImGui::Button("导出此表 Excel")) {
      platform::Download("学习周_" + t.title + "_" + TodayLocal() + ".xlsx",
                         "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ToXlsx({&t}));
      app.Toast("已导出 Excel：" + t.title);
    }
    ImGui::SameLine();
    const std::string unit = StringAt(app.ws.profile.values, "unit");
    if (ImGui::Button("导出此表 Word")) {
      const std::string name = TableDocxFileName(t, unit, TodayLocal());
      platform::Download(name, "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                         TableDocx(t, unit, TodayLocal()));
      app.Toast("已导出 Word 文件：" + name);
    }
    ImGui::SameLine();
    if (ImGui::Button("打印此表")) platform::ShowPrintPreview(PrintTableHtml(t, unit, TodayLocal()));
    DrawTable(t);
  }
  EndCard();
}

void DeskScreen::Draw(AppContext& app) {
  Heading("汇总");
  Muted("市、省各级用于收集下级单位报送的数据包，查看汇总表，并向上级报送。");
  ImGui::Spacing();
  ImportCard(app);
  ConflictsCard(app);
  SuggestionsCard(app);
  TablesCard(app);
  regions_.Draw(app);
  silent_.Draw(app);
  past_winners_.Draw(app);
  BundlesCard(app);
  ExportCard(app);
}

}  // namespace lw::ui
