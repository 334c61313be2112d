// table_widgets.cpp — repeat groups: a table of rows (add, remove, reorder) and the Shanxi-style
// statistics matrix (one column per activity under a theme; rows and columns may be added).
#include <algorithm>

#include "field_widgets.h"
#include "imgui.h"
#include "item_registry.h"
#include "layout.h"
#include "platform.h"
#include "stats_matrix.h"
#include "sticky_header.h"
#include "theme.h"
#include "validate.h"

namespace lw::ui {

using nlohmann::json;

namespace {

// Row and column buttons: full-size targets (≥ 44 px, 60 px in 大字模式), named for what they act on.
bool RowButton(const char* label, const std::string& name, bool enabled = true) {
  ImGui::BeginDisabled(!enabled);
  const bool hit = TouchButton(label);
  LastItemSemantics().name = name;
  ImGui::EndDisabled();
  return hit;
}

long long RowTotal(const json& cols, const std::string& row_id) {
  long long total = 0;
  for (const json& c : cols) {
    const json v = c.value("cells", json::object()).value(row_id, json());
    if (v.is_number_integer()) total += v.get<long long>();
  }
  return total;
}

// Popup asking for the theme of a new activity column; returns the new column's index, or -1.
int AddColumnPopup(const FieldDef& f, json& cols) {
  int added = -1;
  if (ImGui::BeginPopup("add-column")) {
    ImGui::TextUnformatted("新增一项活动，属于哪个主题？");
    ImGui::Separator();
    for (const std::string& t : f.themes)
      if (ListEntry(t.c_str())) added = static_cast<int>(InsertThemeColumn(cols, t));
    ImGui::EndPopup();
  }
  return added;
}

bool AddRowPopup(json& extra) {
  static std::string label;
  bool added = false;
  if (ImGui::BeginPopup("add-row")) {
    ImGui::TextUnformatted("新增栏目名称：");
    ImGui::SetNextItemWidth(Em() * 14);
    ImGui::InputText(
        "##新增栏目名称", label.data(), label.capacity() + 1, ImGuiInputTextFlags_CallbackResize,
        [](ImGuiInputTextCallbackData* d) {
          auto* s = static_cast<std::string*>(d->UserData);
          s->resize(static_cast<size_t>(d->BufTextLen));
          d->Buf = s->data();
          return 0;
        },
        &label);
    ImGui::BeginDisabled(label.empty());
    if (ImGui::Button("添加")) {
      extra.push_back({{"id", "x" + std::to_string(extra.size() + 1)}, {"label", label}});
      label.clear();
      added = true;
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndDisabled();
    ImGui::EndPopup();
  }
  return added;
}

// A column's share of the table's width, by what its cells hold: a date is three pickers side by
// side, a number a few digits.
float ColumnWeight(FieldType t) {
  switch (t) {
    case FieldType::TextArea:
      return 2.0f;
    case FieldType::Date:
      return 2.4f;
    case FieldType::Integer:
      return 0.7f;
    default:
      return 1.0f;
  }
}

}  // namespace

bool TableInput(const FieldDef& f, json& value, const FieldEnv& env) {
  json rows = value.is_array() ? value : json::array();
  bool changed = false;
  const int ncols = static_cast<int>(f.columns.size()) + 2;  // 序号, fields…, 调整
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
  int move_from = -1, move_to = -1, remove = -1;
  // A row just added takes the focus in its first cell, where the user goes on typing (without
  // it the focus stayed on a button the new row now stands before in Tab order).
  ImGuiStorage* storage = ImGui::GetStateStorage();
  const ImGuiID focus_key = ImGui::GetID("focus-row");
  const int focus_row = storage->GetInt(focus_key, -1);
  if (ImGui::BeginTable("rows", ncols, flags)) {
    ImGui::TableSetupColumn("序号", ImGuiTableColumnFlags_WidthFixed, Em() * 2.5f);
    for (const FieldDef& c : f.columns)
      ImGui::TableSetupColumn((c.label + (c.required ? " *" : "")).c_str(), ImGuiTableColumnFlags_WidthStretch,
                              ColumnWeight(c.type));
    ImGui::TableSetupColumn("调整", ImGuiTableColumnFlags_WidthFixed, TouchButtonsWidth({"↑", "↓", "删除"}));
    BeginTableSemantics(f.label, static_cast<int>(rows.size()) + 1);
    TallHeadersRow();
    for (int i = 0; i < static_cast<int>(rows.size()); ++i) {
      ImGui::PushID(i);
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::AlignTextToFramePadding();
      TextItem(std::to_string(i + 1), Colors().text);
      if (!rows[i].is_object()) rows[i] = json::object();
      for (const FieldDef& c : f.columns) {
        ImGui::TableNextColumn();
        if (i == focus_row && &c == &f.columns.front()) {
          ImGui::SetKeyboardFocusHere();
          storage->SetInt(focus_key, -1);
        }
        json cell = rows[i].value(c.id, json());
        FieldEnv sub = env;
        sub.width = ImGui::GetContentRegionAvail().x;
        sub.error = false;
        BeginCellSemantics(c.label, "（第 " + std::to_string(i + 1) + " 行）", c.required);
        if (FieldInput(c, cell, sub)) {
          rows[i][c.id] = cell;
          changed = true;
        }
        EndCellSemantics();
      }
      ImGui::TableNextColumn();
      if (!env.read_only) {
        const std::string row = "第 " + std::to_string(i + 1) + " 行";
        if (RowButton("↑##up", row + "上移", i > 0)) move_from = i, move_to = i - 1;
        ImGui::SameLine();
        if (RowButton("↓##down", row + "下移", i + 1 < static_cast<int>(rows.size()))) move_from = i, move_to = i + 1;
        ImGui::SameLine();
        if (RowButton("删除", "删除" + row)) remove = i;
      }
      ImGui::PopID();
    }
    EndTableSemantics();
    ImGui::EndTable();
  }
  if (move_from >= 0) {
    std::swap(rows[move_from], rows[move_to]);
    changed = true;
  }
  if (remove >= 0) {
    rows.erase(rows.begin() + remove);
    changed = true;
  }
  if (!env.read_only && static_cast<int>(rows.size()) < f.max_rows) {
    if (ImGui::Button(("＋ 添加一行##" + f.id).c_str())) {
      rows.push_back(json::object());
      storage->SetInt(focus_key, static_cast<int>(rows.size()) - 1);
      changed = true;
    }
  }
  if (changed) value = rows.empty() ? json() : rows;
  return changed;
}

json NewMatrixValue(const FieldDef& f) {
  json cols = json::array();
  for (const std::string& t : f.themes) cols.push_back({{"theme", t}, {"cells", json::object()}});
  return {{"columns", cols}, {"extraRows", json::array()}};
}

bool MatrixInput(const FieldDef& f, json& value, const FieldEnv& env) {
  if (!value.is_object() || !value.contains("columns")) value = NewMatrixValue(f);
  json& cols = value["columns"];
  if (!value.contains("extraRows") || !value["extraRows"].is_array()) value["extraRows"] = json::array();
  json& extra = value["extraRows"];
  bool changed = false;
  int remove_col = -1;

  std::vector<FieldDef> rows = f.columns;
  for (const json& x : extra) {
    FieldDef r;
    r.id = x.value("id", "");
    r.label = x.value("label", "");
    r.type = FieldType::Text;
    rows.push_back(r);
  }
  const int ncols = static_cast<int>(cols.size()) + 2;
  const ImGuiTableFlags flags =
      ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollX | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg;
  // A horizontally scrolling table needs a height: use what its content took last frame.
  ImGuiStorage* storage = ImGui::GetStateStorage();
  const ImGuiID height_key = ImGui::GetID("matrix-height");
  const float row_h = ImGui::GetFrameHeight() + ImGui::GetStyle().CellPadding.y * 2;
  const float height = storage->GetFloat(height_key, row_h * (rows.size() + 2)) + ImGui::GetStyle().ScrollbarSize;
  const ImGuiID scroll_key = ImGui::GetID("matrix-scroll-to");
  const int scroll_to = storage->GetInt(scroll_key, -1);
  if (ImGui::BeginTable("matrix", ncols, flags, ImVec2(0, height))) {
    ImGui::TableSetupScrollFreeze(2, 0);  // row names and totals stay while activities scroll
    ImGui::TableSetupColumn("活动主题", ImGuiTableColumnFlags_WidthFixed, Em() * 9);
    ImGui::TableSetupColumn("合计", ImGuiTableColumnFlags_WidthFixed, Em() * 5);
    for (int c = 0; c < static_cast<int>(cols.size()); ++c)
      ImGui::TableSetupColumn(cols[c].value("theme", "").c_str(), ImGuiTableColumnFlags_WidthFixed, Em() * 11);

    // Header: theme names; added activity columns can be removed.
    BeginTableSemantics(f.label, static_cast<int>(rows.size()) + 1);
    std::vector<std::string> headings = {"活动主题", "合计"};
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    ImGui::TableNextColumn();
    TextItem("活动主题", Colors().text);
    ImGui::TableNextColumn();
    TextItem("合计", Colors().text);
    for (int c = 0; c < static_cast<int>(cols.size()); ++c) {
      ImGui::TableNextColumn();
      ImGui::PushID(c);
      ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + Em() * 10.5f);
      headings.push_back(cols[c].value("theme", ""));
      TextItem(headings.back(), Colors().accent);
      ImGui::PopTextWrapPos();
      if (c == scroll_to) {  // a column just added: bring it into view, clear of the frozen names
        ImGui::SetScrollHereX(0.5f);
        storage->SetInt(scroll_key, -1);
      }
      if (!env.read_only && IsAddedColumn(cols, c) && RowButton("删除此列", "删除此列：" + headings.back()))
        remove_col = c;
      ImGui::PopID();
    }

    StickyHeader sticky;
    for (const FieldDef& r : rows) {
      ImGui::PushID(r.id.c_str());
      ImGui::TableNextRow();
      if (!sticky.captured()) sticky.Capture(headings);
      ImGui::TableNextColumn();
      ImGui::AlignTextToFramePadding();
      TextItem(r.label, Colors().text);
      ImGui::TableNextColumn();
      if (r.type == FieldType::Integer) {
        ImGui::AlignTextToFramePadding();
        const long long total = RowTotal(cols, r.id);
        ImGui::TextColored(Colors().accent, "%lld", total);
        RegisterText(r.label + "合计 " + std::to_string(total), ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y,
                     ImGui::GetItemRectMax().x, ImGui::GetItemRectMax().y);
      }
      for (int c = 0; c < static_cast<int>(cols.size()); ++c) {
        ImGui::TableNextColumn();
        ImGui::PushID(c);
        json& cells = cols[c]["cells"];
        if (!cells.is_object()) cells = json::object();
        json cell = cells.value(r.id, json());
        FieldEnv sub = env;
        sub.width = Em() * 10.5f;
        sub.error = false;
        FieldDef labeled = r;
        labeled.label = cols[c].value("theme", "") + "·" + r.label;
        labeled.hint.clear();
        BeginCellSemantics(labeled.label, "", r.required);
        if (FieldInput(labeled, cell, sub)) {
          if (cell.is_null())
            cells.erase(r.id);
          else
            cells[r.id] = cell;
          changed = true;
        }
        EndCellSemantics();
        ImGui::PopID();
      }
      ImGui::PopID();
    }
    const float content_h = ImGui::GetCursorPosY();
    if (storage->GetFloat(height_key, -1) != content_h) {
      storage->SetFloat(height_key, content_h);
      platform::RequestRedraw();
    }
    EndTableSemantics();
    ImGui::EndTable();
    sticky.Draw();
  }
  if (remove_col >= 0) {
    cols.erase(cols.begin() + remove_col);
    changed = true;
  }
  if (!env.read_only && f.extendable) {
    if (ImGui::Button("＋ 加列（新增一项活动）")) ImGui::OpenPopup("add-column");
    ImGui::SameLine();
    if (ImGui::Button("＋ 加行（新增栏目）")) ImGui::OpenPopup("add-row");
    if (const int added = AddColumnPopup(f, cols); added >= 0) {
      storage->SetInt(scroll_key, added);
      changed = true;
    }
    changed |= AddRowPopup(extra);
  }
  return changed;
}

}  // namespace lw::ui
