// screen_map.cpp — see screen_map.h.
#include "screen_map.h"

#include <algorithm>

#include "example_data.h"
#include "imgui_internal.h"
#include "item_registry.h"
#include "layout.h"
#include "map_note.h"
#include "platform.h"
#include "radio_group.h"
#include "text_widgets.h"
#include "theme.h"

namespace lw::ui {

namespace {
constexpr double kStepMs = 700;  // one day of the activity week per step while playing

int WindowDays(const AppContext& app, Date* begin) {
  const Campaign* c = app.campaign();
  if (!c) return 0;
  const DateWindow w = c->WindowFor(app.issuer());
  *begin = w.begin;
  return DaysBetween(w.begin, w.end) + 1;
}

std::string DayLabel(Date begin, int n) { return FormatDate(AddDays(begin, n)); }
}  // namespace

void RemoveExampleData(AppContext& app) {
  for (const Provenance& p : app.imports.bundles())
    if (p.unit == kExampleUnit) {
      app.imports.Remove(p.sha256);
      break;
    }
  app.Changed();
  app.Toast("示例数据已删除");
}

std::string MapScreen::Day(const AppContext& app) const {
  if (day_index_ < 0) return {};
  Date begin;
  WindowDays(app, &begin);
  return DayLabel(begin, day_index_);
}

void MapScreen::DaySlider(AppContext& app) {
  Date begin;
  const int days = WindowDays(app, &begin);
  if (days <= 0) return;
  ImGui::TextUnformatted("日期");
  if (playing_ && app.now_ms >= next_step_ms_) {
    day_index_ = day_index_ + 1 >= days ? -1 : day_index_ + 1;
    if (day_index_ < 0) playing_ = false;  // played through the week: show it whole
    next_step_ms_ = app.now_ms + kStepMs;
  }
  int v = day_index_ < 0 ? days : day_index_;
  const std::string label = day_index_ < 0 ? "全周累计" : "截至 " + DayLabel(begin, day_index_);
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - Em() * 4);
  const bool moved =
      ImGui::SliderInt("##日期", &v, 0, days, label.c_str(), ImGuiSliderFlags_NoInput);  // Tab lands on the slider
  MarkSlider("日期", 0, static_cast<float>(days), static_cast<float>(v), label);
  if (moved) {
    day_index_ = v >= days ? -1 : v;
    playing_ = false;
  }
  RegisterText(label, ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y, ImGui::GetItemRectMax().x,
               ImGui::GetItemRectMax().y);
  ImGui::SameLine();
  if (ImGui::Button(playing_ ? "暂停###play" : "播放###play")) {  // one id: the focus stays on it
    playing_ = !playing_;
    if (playing_ && day_index_ < 0) day_index_ = 0;
    next_step_ms_ = app.now_ms + kStepMs;
  }
}

void MapScreen::Legend() {
  const auto& breaks = data_.breaks();
  const bool dark = false;
  const auto swatch = [](ImU32 color) {  // a colour chip, then the text on the same line
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float s = ImGui::GetTextLineHeight();
    ImGui::GetWindowDrawList()->AddRectFilled(p, p + ImVec2(s * 1.6f, s), color, 3);
    ImGui::Dummy(ImVec2(s * 1.6f, s));
    ImGui::SameLine();
  };
  double lo = 1;
  for (size_t k = 0; k < breaks.size(); ++k) {
    swatch(MapData::ClassColor(static_cast<int>(k), static_cast<int>(breaks.size()), dark));
    const std::string range =
        Thousands(static_cast<long long>(lo)) + " – " + Thousands(static_cast<long long>(breaks[k]));
    if (Semantics* s = TextItem(range, Colors().text))  // the colour, said in words
      s->name = "图例：第 " + std::to_string(k + 1) + " 级颜色（共 " + std::to_string(breaks.size()) +
                " 级，越深越多）" + range;
    lo = breaks[k] + 1;
  }
  swatch(MapData::NoDataColor(dark));
  if (Semantics* s = TextItem("暂无数据", Colors().text_muted)) s->name = "图例：灰色 暂无数据";
}

void MapScreen::Ranking(AppContext&, const std::vector<int>& shown) {
  std::vector<std::pair<long long, int>> rank;
  for (int r : shown) rank.push_back({data_.Value(view_.asset().regions[r].code, measure_), r});
  std::sort(rank.begin(), rank.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  if (!ImGui::BeginTable("ranking", 2, ImGuiTableFlags_SizingStretchProp)) return;
  ImGui::TableSetupColumn("地区", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn("数值", ImGuiTableColumnFlags_WidthFixed, Em() * 5.5f);
  for (int k = 0; k < std::min<int>(12, static_cast<int>(rank.size())); ++k) {
    const auto& [v, r] = rank[k];
    if (v <= 0) break;
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::PushID(r);
    const std::string line = std::to_string(k + 1) + ". " + view_.asset().regions[r].name;
    if (ListEntry(line.c_str()) && drilled_ < 0 && view_.asset().regions[r].level == 1) drilled_ = r;
    ImGui::PopID();
    ImGui::TableNextColumn();
    ImGui::TextColored(Colors().accent, "%s", Thousands(v).c_str());
  }
  ImGui::EndTable();
}

void MapScreen::FeedAndExample(AppContext& app) {
  ImGui::Separator();
  ImGui::TextUnformatted("实时数据源（可选）");
  if (feed_edit_.empty()) feed_edit_ = app.ws.settings.feed_url;
  LineInput("##实时数据源网址", feed_edit_, "https://…/learnweek.json", ImGuiInputTextFlags_CharsNoBlank);
  ImGui::BeginDisabled(!app.writable);
  const bool on = !app.ws.settings.feed_url.empty();
  if (TouchButton(on ? "停止接收###feed_toggle" : "开始接收###feed_toggle")) {
    app.ws.settings.feed_url = on ? "" : feed_edit_;
    app.SettingsChanged();
    platform::SetFeed(app.ws.settings.feed_url);
    if (!on) app.Toast("联网时每 15 秒检查一次实时数据源");
  }
  ImGui::EndDisabled();
}

// Placed once, where the mouse entered the region, not following it: moving within a region then
// changes nothing on screen (at 4K a move costs a third of the time) and the figures hold still
// for slow readers. The size is measured here, as ImGui would measure it a frame later, so a move
// onto the next region is drawn complete in one frame (frame_settle.h).
Semantics* MapScreen::RegionTooltip(int region, const char* hint, ImVec2 anchor) {
  const map::MapRegion& r = view_.asset().regions[region];
  const std::string text = DescribeRegion(r.name, data_.Find(r.code));
  const ImGuiStyle& style = ImGui::GetStyle();
  const ImVec2 body = ImGui::CalcTextSize(text.c_str(), nullptr, false, Em() * 18 - style.WindowPadding.x);
  const ImVec2 note = hint ? ImGui::CalcTextSize(hint) : ImVec2(0, 0);
  const ImVec2 size(ImTrunc(std::max(body.x, note.x)) + style.WindowPadding.x * 2,
                    ImTrunc(body.y + (hint ? style.ItemSpacing.y + note.y : 0)) + style.WindowPadding.y * 2);
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const ImVec2 gap(Em(), Em() * 0.75f), end = vp->WorkPos + vp->WorkSize;
  ImVec2 at = anchor + gap;  // below right of the pointer; above or left where the screen ends
  if (at.x + size.x > end.x) at.x = std::max(vp->WorkPos.x, anchor.x - gap.x - size.x);
  if (at.y + size.y > end.y) at.y = std::max(vp->WorkPos.y, anchor.y - gap.y * 0.5f - size.y);
  ImGui::SetNextWindowPos(at);
  ImGui::SetNextWindowSize(size);
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(Em() * 18);
  Semantics* s = TextItem(text, Colors().text);
  ImGui::PopTextWrapPos();
  if (hint) ImGui::TextDisabled("%s", hint);
  ImGui::EndTooltip();
  return s;
}

void MapScreen::Panel(AppContext& app, const std::vector<int>& shown) {
  // The screen's title (focus rests on it when the map opens) says which map is shown.
  const std::string place = drilled_ >= 0 ? app.regions.Name(view_.asset().regions[drilled_].code) : "全国";
  ScreenTitle(("活动地图 · " + place).c_str());
  bool example = false;
  for (const Provenance& p : app.imports.bundles()) example |= p.unit == kExampleUnit;
  if (example) {  // next in the panel: nobody should mistake the example for real figures
    TextItem("当前地图包含示例数据", Colors().warn);
    ImGui::SameLine();
    ImGui::BeginDisabled(!app.writable);
    if (TouchButton("删除示例数据")) RemoveExampleData(app);
    ImGui::EndDisabled();
    ImGui::Separator();
  }
  if (drilled_ >= 0) {
    if (ImGui::Button("← 返回全国")) drilled_ = -1;  // takes effect next frame: `shown` is this frame's
  } else {
    Check("按地级市显示", &show_prefectures);
  }
  ImGui::Separator();
  ImGui::TextUnformatted("显示指标");
  static constexpr Measure kMeasures[] = {Measure::Activities, Measure::Participants, Measure::Volunteers,
                                          Measure::Stars, Measure::Projects};
  int checked = 0;
  for (int i = 0; i < 5; ++i)
    if (kMeasures[i] == measure_) checked = i;
  RadioGroup group(checked, "显示指标");
  for (Measure m : kMeasures) group.Item(MeasureName(m));
  if (const int k = group.End(); k >= 0) measure_ = kMeasures[k];
  ImGui::Separator();
  Legend();
  ImGui::Separator();
  DaySlider(app);
  ImGui::Separator();
  ImGui::Text("%s排行", MeasureName(measure_));
  Ranking(app, shown);
  FeedAndExample(app);
  ImGui::Separator();
  if (PrimaryButton("开幕式大屏模式###map.ceremony")) {
    platform::SetFullscreen(true);
    app.Go(Screen::Ceremony);
    if (on_ceremony) on_ceremony(app.now_ms);
  }
}

float MapScreen::NotePx() const { return ImGui::GetFontSize() * 0.75f; }

ImRect MapScreen::NoteRect(const AppContext& app, const MapView::Frame& f) const {
  return MapNoteRect(f.rect, app.ws.settings.map_approval, NotePx());
}

void MapScreen::Draw(AppContext& app) {
  data_.Update(app, Day(app));
  std::vector<int> shown = drilled_ >= 0      ? view_.ChildrenOf(drilled_)
                           : show_prefectures ? view_.Prefectures()
                                              : view_.Provinces();
  data_.Colorize(view_, shown, measure_, app.ws.settings.dark);
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float panel_w = std::max(Em() * 15, avail.x * 0.28f);
  const float height = std::max(Em() * 20, avail.y - ImGui::GetStyle().ItemSpacing.y);
  ImGui::BeginChild("map", ImVec2(avail.x - panel_w - ImGui::GetStyle().ItemSpacing.x, height),
                    ImGuiChildFlags_Borders | ImGuiChildFlags_NavFlattened,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  const ImVec2 size = ImGui::GetContentRegionAvail();
  const bool clicked =
      ImGui::InvisibleButton("##地图", size, ImGuiButtonFlags_EnableNav);  // on release, like any button
  const int key_region = KeyboardRegion(shown, clicked);
  MapView::Frame f;
  f.highlight = key_region;
  f.rect = ImRect(p0, p0 + size);
  f.regions = shown;
  f.fill = data_.colors();
  f.border = app.ws.settings.dark ? IM_COL32(20, 24, 30, 255) : IM_COL32(255, 255, 255, 255);
  f.border_px = drilled_ >= 0 ? 1.5f : 1.0f;
  f.labels = !show_prefectures || drilled_ >= 0;
  f.label_px = ImGui::GetFontSize() * 0.8f;
  f.label_color = IM_COL32(250, 252, 255, 255);
  f.label_color_on_light = IM_COL32(30, 35, 45, 255);
  const ImRect note = NoteRect(app, f);
  f.label_obstacles.push_back(note);
  const int hovered = view_.Draw(ImGui::GetWindowDrawList(), f);
  DrawMapNote(ImGui::GetWindowDrawList(), note, app.ws.settings.map_approval, NotePx(), U32(Colors().text_muted));
  if (hovered >= 0) {
    const map::MapRegion& r = view_.asset().regions[hovered];
    if (hovered != tip_region_) tip_region_ = hovered, tip_anchor_ = ImGui::GetIO().MousePos;
    RegionTooltip(hovered, drilled_ < 0 && r.level == 1 ? "点击查看各市" : nullptr, tip_anchor_);
    if (clicked && drilled_ < 0 && r.level == 1) drilled_ = hovered;
    if (clicked && drilled_ < 0 && r.level == 2) drilled_ = r.parent;
  } else {
    tip_region_ = -1;
    KeyboardTooltip(key_region);
  }
  FiguresTable(shown, f.rect);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("panel", ImVec2(panel_w, height), ImGuiChildFlags_Borders | ImGuiChildFlags_NavFlattened);
  Panel(app, shown);
  ImGui::EndChild();
}

}  // namespace lw::ui
