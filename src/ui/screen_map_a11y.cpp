// screen_map_a11y.cpp — the map for the keyboard and for screen readers (issue 10): arrow keys
// walk the map region by region (its name and figures shown and announced), Enter opens a
// province's cities, Esc goes back to the whole country; and the map's figures as a real table
// (region, value) laid over the regions, so the map has a text equivalent.
#include <algorithm>

#include "imgui.h"
#include "imgui_internal.h"
#include "item_registry.h"
#include "map_keynav.h"
#include "screen_map.h"
#include "theme.h"

namespace lw::ui {

// Called right after the map's own item (the invisible button): while it has the keyboard focus
// the arrow keys (and Esc inside a province) are the map's, not ImGui's navigation's.
int MapScreen::KeyboardRegion(const std::vector<int>& shown, bool activated) {
  const ImGuiID id = ImGui::GetItemID();
  if (std::find(shown.begin(), shown.end(), key_region_) == shown.end()) key_region_ = -1;
  Semantics& sem = LastItemSemantics();
  sem.name = "地图：方向键逐个地区查看，回车键查看该省各市，Esc 键返回全国";
  if (!ImGui::IsItemFocused()) return -1;
  static const struct {
    ImGuiKey key;
    map::NavDir dir;
  } kArrows[] = {{ImGuiKey_LeftArrow, map::NavDir::Left},
                 {ImGuiKey_RightArrow, map::NavDir::Right},
                 {ImGuiKey_UpArrow, map::NavDir::Up},
                 {ImGuiKey_DownArrow, map::NavDir::Down}};
  std::vector<map::NavPoint> points;
  for (int r : shown) {
    const ImVec2 p = view_.LabelPos(r);
    points.push_back({p.x, p.y});
  }
  const int at = static_cast<int>(std::find(shown.begin(), shown.end(), key_region_) - shown.begin());
  for (const auto& a : kArrows) {
    ImGui::SetKeyOwner(a.key, id);  // held from this frame on: ImGui's navigation skips them
    if (ImGui::IsKeyPressed(a.key, ImGuiInputFlags_Repeat, id)) {
      const int next = map::NextInDirection(points, key_region_ < 0 ? -1 : at, a.dir);
      if (next >= 0) key_region_ = shown[next];
    }
  }
  if (drilled_ >= 0) {
    ImGui::SetKeyOwner(ImGuiKey_Escape, id);
    if (ImGui::IsKeyPressed(ImGuiKey_Escape, 0, id)) {
      key_region_ = drilled_;  // back on the province just left
      drilled_ = -1;
    }
  }
  const bool keyed = activated && GImGui->NavActivateId == id;  // Enter or Space, not a click
  if (keyed && key_region_ >= 0 && drilled_ < 0) {
    const map::MapRegion& r = view_.asset().regions[key_region_];
    drilled_ = r.level == 1 ? key_region_ : r.parent;
    key_region_ = -1;
  }
  if (key_region_ >= 0)
    sem.name = "地图：" + DescribeRegion(view_.asset().regions[key_region_].name,
                                         data_.Find(view_.asset().regions[key_region_].code));
  return key_region_;
}

// The chosen region's figures beside its label, as for the mouse; announced.
void MapScreen::KeyboardTooltip(int region) {
  if (region < 0) return;
  const map::MapRegion& r = view_.asset().regions[region];
  const char* hint = drilled_ >= 0 ? nullptr : r.level == 1 ? "回车键查看各市" : "回车键查看所在省";
  const ImVec2 p = view_.LabelPos(region);
  RegionTooltip(region, hint, p);
  // Announced from the map itself (tooltips are not in the mirror), over the region's label.
  if (Semantics* s =
          RegisterTextItem("已选：" + DescribeRegion(r.name, data_.Find(r.code)), p.x, p.y, p.x + Em(), p.y + Em()))
    s->live = "polite";
}

// One row per region shown (largest value first), each cell over the region's label.
void MapScreen::FiguresTable(const std::vector<int>& shown, const ImRect& map_rect) {
  std::vector<std::pair<long long, int>> rows;
  for (int r : shown) rows.push_back({data_.Value(view_.asset().regions[r].code, measure_), r});
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  const std::string table = std::string("地图数据：") + MeasureName(measure_);
  const int n = static_cast<int>(rows.size()) + 1;
  const ImVec2 corner = map_rect.Min;
  const float s = Em() * 0.5f;
  RegisterCell(table, n, 2, 1, 1, "columnheader", "地区", corner.x, corner.y, corner.x + s, corner.y + s);
  RegisterCell(table, n, 2, 1, 2, "columnheader", MeasureName(measure_), corner.x + s, corner.y, corner.x + 2 * s,
               corner.y + s);
  for (size_t k = 0; k < rows.size(); ++k) {
    const auto& [value, r] = rows[k];
    const ImVec2 p = view_.LabelPos(r);
    const int row = static_cast<int>(k) + 2;
    RegisterCell(table, n, 2, row, 1, "rowheader", view_.asset().regions[r].name, p.x - s, p.y - s, p.x, p.y + s);
    RegisterCell(table, n, 2, row, 2, "cell", value > 0 ? Thousands(value) : "暂无数据", p.x, p.y - s, p.x + s,
                 p.y + s);
  }
}

}  // namespace lw::ui
