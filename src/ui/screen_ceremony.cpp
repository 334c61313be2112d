// screen_ceremony.cpp — see screen_ceremony.h.
#include "screen_ceremony.h"

#include <algorithm>
#include <cmath>

#include "imgui_internal.h"
#include "item_registry.h"
#include "theme.h"
#include "utf8.h"

namespace lw::ui {

using nlohmann::json;

namespace {
constexpr double kCountUpMs = 2500;  // totals count up after entering
constexpr double kTourMs = 4000;     // one province highlighted this long
constexpr float kTickerPxPerS = 110;

ImU32 White(float a = 1) { return IM_COL32(255, 255, 255, static_cast<int>(255 * a)); }

void CenteredText(ImDrawList* dl, ImFont* font, float px, ImVec2 center, ImU32 color, const std::string& s) {
  const ImVec2 size = font->CalcTextSizeA(px, FLT_MAX, 0, s.c_str());
  dl->AddText(font, px, ImVec2(center.x - size.x / 2, center.y - size.y / 2), color, s.c_str());
  RegisterText(s, center.x - size.x / 2, center.y - size.y / 2, center.x + size.x / 2, center.y + size.y / 2);
}
}  // namespace

void CeremonyScreen::Enter(double now_ms) { entered_ms_ = now_ms; }

void CeremonyScreen::RebuildTicker(AppContext& app) {
  struct Item {
    std::string date, text;
  };
  std::vector<Item> items;
  for (const SourceRecord& s : app.AllRecords()) {
    const std::string region = RegionOf(s);
    const std::string place = app.regions.Name(RegionDb::ProvinceOf(region)) +
                              (RegionDb::Level(region) >= 2 ? "·" + app.regions.Name(RegionDb::CityOf(region)) : "");
    if (s.record->form == "demo_activity_summary")
      for (const json& row : s.record->values.value("activities", json::array()))
        if (row.is_object() && !StringAt(row, "name").empty())
          items.push_back({StringAt(row, "date"), "【" + place + "】" + StringAt(row, "name") + " " +
                                                      Thousands(IntAt(row, "participants", 0)) + "人次"});
  }
  std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.date > b.date; });
  ticker_.clear();
  for (size_t i = 0; i < std::min<size_t>(items.size(), 40); ++i) ticker_ += items[i].text + "　　｜　　";
  if (ticker_.empty()) ticker_ = "欢迎参加全民终身学习活动周　　｜　　";
  tour_ = view_.Provinces();
  std::sort(tour_.begin(), tour_.end(), [&](int a, int b) {
    return data_.Value(view_.asset().regions[a].code, Measure::Participants) >
           data_.Value(view_.asset().regions[b].code, Measure::Participants);
  });
  ticker_version_ = data_.version();
}

void CeremonyScreen::Totals(AppContext& app, ImDrawList* dl, ImRect area) {
  const RegionFigures t = data_.Totals();
  const double k = std::min(1.0, (app.now_ms - entered_ms_) / kCountUpMs);
  const double ease = 1 - std::pow(1 - k, 3);
  struct Big {
    const char* label;
    long long value;
    const char* unit;
  };
  const Big bigs[] = {{"活动", t.activities, "项"},
                      {"参与", t.participants, "人次"},
                      {"志愿者", t.volunteers, "人次"},
                      {"百姓学习之星", t.stars, "名"}};
  const float h = area.GetHeight() / 4;
  ImFont* font = ImGui::GetFont();
  for (int i = 0; i < 4; ++i) {
    const float y = area.Min.y + h * i;
    const float label_px = h * 0.18f, number_px = h * 0.42f;
    dl->AddText(font, label_px, ImVec2(area.Min.x, y + h * 0.08f), White(0.75f), bigs[i].label);
    const std::string number = Thousands(static_cast<long long>(std::llround(bigs[i].value * ease)));
    dl->AddText(font, number_px, ImVec2(area.Min.x, y + h * 0.30f), IM_COL32(255, 214, 102, 255), number.c_str());
    const ImVec2 nsize = font->CalcTextSizeA(number_px, FLT_MAX, 0, number.c_str());
    dl->AddText(font, label_px, ImVec2(area.Min.x + nsize.x + label_px * 0.4f, y + h * 0.30f + number_px - label_px * 1.3f),
                White(0.75f), bigs[i].unit);
    RegisterText(std::string(bigs[i].label) + " " + Thousands(bigs[i].value) + bigs[i].unit, area.Min.x, y, area.Max.x, y + h);
  }
}

void CeremonyScreen::Ticker(AppContext& app, ImDrawList* dl, ImRect area) {
  ImFont* font = ImGui::GetFont();
  const float px = area.GetHeight() * 0.5f;
  const float w = font->CalcTextSizeA(px, FLT_MAX, 0, ticker_.c_str()).x;
  if (w <= 0) return;
  const float shift = std::fmod(static_cast<float>((app.now_ms - entered_ms_) / 1000.0 * kTickerPxPerS), w);
  dl->AddRectFilled(area.Min, area.Max, IM_COL32(0, 0, 0, 90));
  dl->PushClipRect(area.Min, area.Max, true);
  const float y = area.Min.y + (area.GetHeight() - px) / 2;
  for (float x = area.Min.x - shift; x < area.Max.x; x += w) dl->AddText(font, px, ImVec2(x, y), White(0.92f), ticker_.c_str());
  dl->PopClipRect();
  // Its first 60 characters, cut between characters (a byte cut left half a 讲 and broke items()).
  RegisterText("滚动播报：" + ticker_.substr(0, utf8::OffsetOfChar(ticker_, 60)), area.Min.x, area.Min.y, area.Max.x, area.Max.y);
}

bool CeremonyScreen::Draw(AppContext& app) {
  data_.Update(app, "");
  if (ticker_version_ != data_.version()) RebuildTicker(app);
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->Pos);
  ImGui::SetNextWindowSize(vp->Size);
  ImGui::Begin("开幕式大屏", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                      ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoNav);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  // The backdrop and the map go to the background list, the ticker and the counting totals to the
  // window's own: the map's 50,000 triangles then stay byte-identical between frames, and a frame
  // costs what moves (src/render/frame_damage.h: unchanged lists are one memory hash).
  ImDrawList* still = ImGui::GetBackgroundDrawList();
  const ImVec2 o = vp->Pos, s = vp->Size;
  still->AddRectFilledMultiColor(o, o + s, IM_COL32(10, 37, 84, 255), IM_COL32(10, 37, 84, 255), IM_COL32(4, 18, 44, 255),
                              IM_COL32(4, 18, 44, 255));
  ImFont* font = ImGui::GetFont();
  const Campaign* c = app.campaign();
  const float title_px = s.y * 0.062f;
  CenteredText(dl, font, title_px, ImVec2(o.x + s.x / 2, o.y + s.y * 0.075f), White(), c ? c->theme : "全民终身学习活动周");
  CenteredText(dl, font, title_px * 0.42f, ImVec2(o.x + s.x / 2, o.y + s.y * 0.14f), White(0.7f),
               c ? c->title + " · 活动实况" : "活动实况");

  // The map with the auto-tour highlight.
  const std::vector<int> provinces = view_.Provinces();
  data_.Colorize(view_, provinces, Measure::Participants, true);
  MapView::Frame f;
  f.rect = ImRect(o + ImVec2(s.x * 0.03f, s.y * 0.18f), o + ImVec2(s.x * 0.66f, s.y * 0.88f));
  f.regions = provinces;
  f.fill = data_.colors();
  f.border = IM_COL32(10, 37, 84, 255);
  f.border_px = std::max(1.0f, s.y / 900);
  f.label_px = s.y * 0.021f;
  f.label_color = White(0.9f);
  f.label_color_on_light = IM_COL32(10, 37, 84, 255);
  const int step = static_cast<int>((app.now_ms - entered_ms_) / kTourMs);
  const int current = tour_.empty() ? -1 : tour_[static_cast<size_t>(step) % std::min<size_t>(tour_.size(), 12)];
  f.highlight = current;
  f.highlight_color = IM_COL32(255, 214, 102, 255);
  view_.Draw(still, f);
  if (current >= 0) {  // a callout for the highlighted province
    const map::MapRegion& r = view_.asset().regions[current];
    const RegionFigures* fig = data_.Find(r.code);
    const std::string line1 = r.name;
    const std::string line2 = fig ? "活动 " + Thousands(fig->activities) + " 项 · 参与 " + Thousands(fig->participants) + " 人次" : "";
    const ImVec2 at = view_.LabelPos(current) + ImVec2(s.y * 0.02f, -s.y * 0.07f);
    const float px = s.y * 0.024f;
    const ImVec2 box = ImVec2(std::max(font->CalcTextSizeA(px, FLT_MAX, 0, line2.c_str()).x, px * 4) + px, px * 2.9f);
    dl->AddRectFilled(at, at + box, IM_COL32(255, 255, 255, 235), px * 0.3f);
    dl->AddText(font, px * 1.1f, at + ImVec2(px * 0.5f, px * 0.25f), IM_COL32(10, 37, 84, 255), line1.c_str());
    dl->AddText(font, px * 0.85f, at + ImVec2(px * 0.5f, px * 1.6f), IM_COL32(60, 70, 90, 255), line2.c_str());
    RegisterText("正在展示：" + DescribeRegion(r.name, fig), at.x, at.y, at.x + box.x, at.y + box.y);
  }
  Totals(app, dl, ImRect(o + ImVec2(s.x * 0.70f, s.y * 0.20f), o + ImVec2(s.x * 0.97f, s.y * 0.86f)));
  Ticker(app, dl, ImRect(o + ImVec2(0, s.y * 0.92f), o + s));
  const float hint = static_cast<float>(1.0 - std::clamp((app.now_ms - entered_ms_ - 4000) / 1500, 0.0, 1.0));
  if (hint > 0) dl->AddText(font, s.y * 0.018f, o + ImVec2(s.x * 0.86f, s.y * 0.885f), White(0.6f * hint), "按 Esc 退出");
  ImGui::End();
  return !ImGui::IsKeyPressed(ImGuiKey_Escape, false);
}

}  // namespace lw::ui
