// screen_ceremony.cpp — see screen_ceremony.h.
#include "screen_ceremony.h"

#include <algorithm>
#include <cmath>

#include "example_data.h"
#include "imgui_internal.h"
#include "item_registry.h"
#include "map_note.h"
#include "odometer.h"
#include "theme.h"
#include "utf8.h"

namespace lw::ui {

using nlohmann::json;

namespace {
constexpr double kCountUpMs = 2500;   // totals count up after entering
constexpr double kTourMs = 4000;      // one province highlighted this long
constexpr double kRankPageMs = 6000;  // one page of the ranking carousel
constexpr double kSlideMs = 500;      // a new page slides in
constexpr int kRankPageRows = 5, kRankPages = 2;
constexpr float kTickerEmPerS = 4.5f;
const ImU32 kGold = IM_COL32(255, 214, 102, 255);
const ImU32 kNavy = IM_COL32(10, 37, 84, 255);
const ImU32 kBadge = IM_COL32(255, 145, 60, 255);

ImU32 White(float a = 1) { return IM_COL32(255, 255, 255, static_cast<int>(255 * a)); }
ImVec2 V(double x, double y) { return ImVec2(static_cast<float>(x), static_cast<float>(y)); }
ImRect R(const map::Box& b) { return ImRect(V(b.x0, b.y0), V(b.x1, b.y1)); }
ImVec2 TextSize(float px, const std::string& s) { return ImGui::GetFont()->CalcTextSizeA(px, FLT_MAX, 0, s.c_str()); }

void Text(ImDrawList* dl, float px, ImVec2 at, ImU32 color, const std::string& s, bool register_it = true) {
  dl->AddText(ImGui::GetFont(), px, at, color, s.c_str());
  if (register_it) {
    const ImVec2 size = TextSize(px, s);
    RegisterText(s, at.x, at.y, at.x + size.x, at.y + size.y);
  }
}

void CenteredText(ImDrawList* dl, float px, ImVec2 center, ImU32 color, const std::string& s) {
  const ImVec2 size = TextSize(px, s);
  Text(dl, px, center - size * 0.5f, color, s);
}

void Panel(ImDrawList* dl, const map::Box& b, float round) {
  dl->AddRectFilled(V(b.x0, b.y0), V(b.x1, b.y1), IM_COL32(255, 255, 255, 14), round);
  dl->AddRect(V(b.x0, b.y0), V(b.x1, b.y1), IM_COL32(255, 255, 255, 40), round);
}

// "10月19日" or "10月19日–25日"
std::string DayRange(const DateWindow& w) {
  const auto md = [](const Date& d) { return std::to_string(d.month) + "月" + std::to_string(d.day) + "日"; };
  if (w.begin == w.end) return md(w.begin);
  return md(w.begin) + "–" + (w.begin.month == w.end.month ? std::to_string(w.end.day) + "日" : md(w.end));
}
}  // namespace

bool HasExampleData(const AppContext& app) {
  for (const Provenance& p : app.imports.bundles())
    if (p.unit == kExampleUnit) return true;
  return false;
}

void CeremonyScreen::Enter(double now_ms) { entered_ms_ = now_ms; }

void CeremonyScreen::RebuildTicker(AppContext& app, bool include_example) {
  struct Item {
    std::string date, text;
  };
  std::vector<Item> items;
  for (const SourceRecord& s : app.AllRecords()) {
    if (!include_example && s.unit == kExampleUnit) continue;
    const std::string region = RegionOf(s);
    const std::string place = app.regions.Name(RegionDb::ProvinceOf(region)) +
                              (RegionDb::Level(region) >= 2 ? "·" + app.regions.Name(RegionDb::CityOf(region)) : "");
    if (s.record->form == "demo_activity_summary")
      for (const ValueView row : s.record->Values()["activities"])
        if (row.is_object() && !row["name"].String().empty())
          items.push_back({row["date"].String(), "【" + place + "】" + row["name"].String() + " " +
                                                     Thousands(row["participants"].Int()) + "人次"});
  }
  std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.date > b.date; });
  ticker_.clear();
  for (size_t i = 0; i < std::min<size_t>(items.size(), 40); ++i) ticker_ += items[i].text + "　　｜　　";
  if (ticker_.empty()) ticker_ = "欢迎参加全民终身学习活动周　　｜　　";
  tour_ = view_.Provinces();
  const auto value = [&](int r) { return data_.Value(view_.asset().regions[r].code, Measure::Participants); };
  std::erase_if(tour_, [&](int r) { return value(r) <= 0; });  // nothing to show for a province without data
  std::sort(tour_.begin(), tour_.end(), [&](int a, int b) { return value(a) > value(b); });
  ticker_version_ = data_.version();
}

// Title, the 示例数据 badge (never missing while an example figure is shown) and the live time.
void CeremonyScreen::Header(AppContext& app, ImDrawList* dl, const CeremonyLayout& l, bool example) {
  const Campaign* c = app.campaign();
  const float px = static_cast<float>(l.text_px);
  const ImVec2 mid = V((l.title.x0 + l.title.x1) / 2, l.title.y0);
  CenteredText(dl, px * 2.6f, mid + ImVec2(0, px * 1.9f), White(), c ? c->theme : "全民终身学习活动周");
  CenteredText(dl, px * 1.1f, mid + ImVec2(0, px * 4.1f), White(0.7f), c ? c->title + " · 活动实况" : "活动实况");
  if (example) {
    const ImRect b = R(l.badge);
    dl->AddRectFilled(b.Min, b.Max, kBadge, px * 0.4f);
    const std::string big = "示例数据", small = "数字为演示，非真实统计";
    const float big_px = std::min(px * 1.5f, b.GetWidth() / 5.2f),
                small_px = std::min(px * 0.72f, b.GetWidth() / 11.5f);
    CenteredText(dl, big_px, ImVec2(b.GetCenter().x, b.Min.y + b.GetHeight() * 0.36f), kNavy, big);
    CenteredText(dl, small_px, ImVec2(b.GetCenter().x, b.Min.y + b.GetHeight() * 0.77f), kNavy, small);
  }
  if (!app.ws.settings.feed_url.empty()) {
    const ImRect u = R(l.updated);
    dl->AddCircleFilled(u.Min + ImVec2(px * 0.5f, px * 0.75f), px * 0.3f, IM_COL32(80, 220, 120, 255));
    Text(dl, px * 0.85f, u.Min + ImVec2(px * 1.1f, px * 0.2f), White(0.9f), "实时数据");
    Text(dl, px * 0.75f, u.Min + ImVec2(0, px * 1.5f), White(0.7f),
         app.feed_updated.empty() ? "等待第一次更新" : "最后更新 " + app.feed_updated);
  }
}

void CeremonyScreen::MapPanel(AppContext& app, ImDrawList* dl, const CeremonyLayout& l) {
  const std::vector<int> provinces = view_.Provinces();
  data_.Colorize(view_, provinces, Measure::Participants, true);
  const float px = static_cast<float>(l.text_px);
  MapView::Frame f;
  f.rect = R(l.map);
  f.regions = provinces;
  f.fill = data_.colors();
  f.border = kNavy;
  f.border_px = std::max(1.0f, px / 24);
  f.label_px = px * 0.85f;
  f.label_color = White(0.9f);
  f.label_color_on_light = kNavy;
  f.mark_color = IM_COL32(200, 215, 235, 255);
  f.label_halo = IM_COL32(4, 18, 44, 220);
  const ImRect note = MapNoteRect(f.rect, app.ws.settings.map_approval, px * 0.7f);
  f.label_obstacles = {R(l.legend), note};
  const int step = static_cast<int>(Elapsed(app) / kTourMs);
  const int current = tour_.empty() ? -1 : tour_[static_cast<size_t>(step) % std::min<size_t>(tour_.size(), 12)];
  f.highlight = current;
  f.highlight_color = kGold;
  view_.Draw(dl, f);
  DrawMapNote(dl, note, app.ws.settings.map_approval, px * 0.7f, White(0.65f));
  Legend(dl, l);
  if (current < 0) return;
  // A callout for the highlighted province, kept inside the map's rectangle.
  const map::MapRegion& r = view_.asset().regions[current];
  const RegionFigures* fig = data_.Find(r.code);
  const std::string line2 =
      fig ? "活动 " + Thousands(fig->activities) + " 项 · 参与 " + Thousands(fig->participants) + " 人次" : "";
  const ImVec2 box = ImVec2(std::max(TextSize(px * 0.85f, line2).x, px * 4) + px, px * 2.9f);
  ImVec2 at = view_.LabelPos(current) + ImVec2(px * 0.8f, -px * 3.4f);
  at.x = std::clamp(at.x, f.rect.Min.x, f.rect.Max.x - box.x);
  at.y = std::clamp(at.y, f.rect.Min.y, f.rect.Max.y - box.y);
  dl->AddRectFilled(at, at + box, IM_COL32(255, 255, 255, 235), px * 0.3f);
  dl->AddText(ImGui::GetFont(), px * 1.1f, at + ImVec2(px * 0.5f, px * 0.25f), kNavy, r.name.c_str());
  dl->AddText(ImGui::GetFont(), px * 0.85f, at + ImVec2(px * 0.5f, px * 1.6f), IM_COL32(60, 70, 90, 255),
              line2.c_str());
  RegisterText("正在展示：" + DescribeRegion(r.name, fig), at.x, at.y, at.x + box.x, at.y + box.y);
}

// What the colours mean: the class breaks of the measure shown (participants).
void CeremonyScreen::Legend(ImDrawList* dl, const CeremonyLayout& l) {
  const float px = static_cast<float>(l.text_px) * 0.72f;
  const ImRect area = R(l.legend);
  dl->AddRectFilled(area.Min, area.Max, IM_COL32(4, 18, 44, 200), px * 0.4f);
  ImVec2 at = area.Min + ImVec2(px * 0.6f, px * 0.5f);
  Text(dl, px * 1.05f, at, White(0.9f), "图例 · 参与人次");
  at.y += px * 1.6f;
  const auto& breaks = data_.breaks();
  const auto row = [&](ImU32 color, const std::string& label) {
    dl->AddRectFilled(at, at + ImVec2(px * 1.8f, px), color, px * 0.2f);
    Text(dl, px, at + ImVec2(px * 2.3f, -px * 0.1f), White(0.85f), label);
    at.y += px * 1.3f;
  };
  double lo = 1;
  for (size_t k = 0; k < breaks.size(); ++k) {
    row(MapData::ClassColor(static_cast<int>(k), static_cast<int>(breaks.size()), true),
        Thousands(static_cast<long long>(lo)) + " – " + Thousands(static_cast<long long>(breaks[k])));
    lo = breaks[k] + 1;
  }
  row(MapData::NoDataColor(true), "暂无数据");
}

// One number on rolling digits: each digit cell shows the figure leaving above the one arriving.
float CeremonyScreen::Odometer(ImDrawList* dl, ImVec2 at, float px, double value, long long final_value, ImU32 color) {
  ImFont* font = ImGui::GetFont();
  const int digits = static_cast<int>(std::to_string(std::max(0LL, final_value)).size());
  const std::vector<RollingDigit> roll = OdometerDigits(std::min(value, static_cast<double>(final_value)), digits);
  const float cell = font->CalcTextSizeA(px, FLT_MAX, 0, "0").x * 1.04f, comma = cell * 0.45f;
  const float h = px * 1.15f;
  float x = at.x;
  bool leading = true;  // leading zeros are dimmed: the counter's width never jumps
  for (size_t i = 0; i < roll.size(); ++i) {
    const RollingDigit& d = roll[i];
    leading = leading && d.from == 0 && d.roll == 0 && i + 1 < roll.size();
    const ImU32 c = leading ? (color & 0x00FFFFFF) | (60u << 24) : color;
    dl->PushClipRect(ImVec2(x, at.y), ImVec2(x + cell, at.y + h), true);
    const char from[2] = {static_cast<char>('0' + d.from), 0}, to[2] = {static_cast<char>('0' + d.to), 0};
    const float dy = static_cast<float>(d.roll) * h;
    dl->AddText(font, px, ImVec2(x, at.y - dy), c, from);
    if (d.roll > 0) dl->AddText(font, px, ImVec2(x, at.y + h - dy), c, to);
    dl->PopClipRect();
    x += cell;
    const size_t left = roll.size() - 1 - i;
    if (left > 0 && left % 3 == 0) {
      if (!leading) dl->AddText(font, px, ImVec2(x - cell * 0.15f, at.y), color, ",");
      x += comma;
    }
  }
  return x - at.x;
}

// The rolling digits go on `moving` (see Draw), the panels and labels on `dl`.
void CeremonyScreen::Totals(AppContext& app, ImDrawList* dl, ImDrawList* moving, const CeremonyLayout& l) {
  const RegionFigures t = data_.Totals();
  const double ease = CountUpEase(Elapsed(app) / kCountUpMs);
  struct Big {
    const char* label;
    long long value;
    const char* unit;
  };
  const Big bigs[] = {{"活动", t.activities, "项"},
                      {"参与", t.participants, "人次"},
                      {"志愿者", t.volunteers, "人次"},
                      {"百姓学习之星", t.stars, "名"}};
  const ImRect area = R(l.totals);
  const int cols = area.GetWidth() > area.GetHeight() * 1.4f ? 2 : 1, rows = 4 / cols;
  const float cw = area.GetWidth() / cols, ch = area.GetHeight() / rows;
  const float px = static_cast<float>(l.text_px);
  for (int i = 0; i < 4; ++i) {
    const ImVec2 o = area.Min + ImVec2(cw * (i % cols), ch * (i / cols));
    const ImRect cell(o + ImVec2(px * 0.3f, px * 0.3f), o + ImVec2(cw, ch) - ImVec2(px * 0.3f, px * 0.3f));
    Panel(dl, {cell.Min.x, cell.Min.y, cell.Max.x, cell.Max.y}, px * 0.4f);
    const std::string unit = bigs[i].unit;
    Text(dl, px * 1.05f, cell.Min + ImVec2(px * 0.7f, px * 0.5f), White(0.75f), bigs[i].label, false);
    // Digits as large as the cell allows (a 7-digit figure with its commas and unit must fit).
    const size_t n = std::to_string(std::max(0LL, bigs[i].value)).size() + 1;
    const float number_px = std::min(cell.GetHeight() * 0.5f, (cell.GetWidth() - px * 3.2f) / (n * 0.62f + 0.6f));
    const ImVec2 at = cell.Min + ImVec2(px * 0.7f, cell.GetHeight() - number_px * 1.35f);
    const float digits_w = Odometer(moving, at, number_px, bigs[i].value * ease, bigs[i].value, kGold);
    Text(dl, px * 0.95f,
         ImVec2(std::min(at.x + digits_w + px * 0.4f, cell.Max.x - px * 2.6f), at.y + number_px * 1.1f - px * 0.95f),
         White(0.75f), unit, false);
    RegisterText(std::string(bigs[i].label) + " " + Thousands(bigs[i].value) + unit, cell.Min.x, cell.Min.y, cell.Max.x,
                 cell.Max.y);
  }
}

// Top regions by participants, five at a time, turning every few seconds (a page slides in).
void CeremonyScreen::Ranking(AppContext& app, ImDrawList* dl, const CeremonyLayout& l) {
  const ImRect area = R(l.ranking);
  const float px = static_cast<float>(l.text_px);
  Panel(dl, l.ranking, px * 0.4f);
  const std::vector<int> top(tour_.begin(), tour_.begin() + std::min<size_t>(tour_.size(), kRankPageRows * kRankPages));
  const int pages = std::max(1, (static_cast<int>(top.size()) + kRankPageRows - 1) / kRankPageRows);
  const double t = Elapsed(app);
  const int page = static_cast<int>(t / kRankPageMs) % pages;
  const float slide = static_cast<float>(1 - CountUpEase(std::fmod(t, kRankPageMs) / kSlideMs));
  const std::string title = top.empty()
                                ? std::string("参与人次排行")
                                : "参与人次排行 · 第 " + std::to_string(page * kRankPageRows + 1) + "–" +
                                      std::to_string(std::min<int>(top.size(), (page + 1) * kRankPageRows)) + " 名";
  Text(dl, px * 1.05f, area.Min + ImVec2(px * 0.7f, px * 0.5f), White(0.9f), title);
  if (top.empty()) {
    Text(dl, px, area.Min + ImVec2(px * 0.7f, px * 2.2f), White(0.6f), "暂无数据");
    return;
  }
  const long long best = data_.Value(view_.asset().regions[top[0]].code, Measure::Participants);
  const float row_h = (area.GetHeight() - px * 2.2f) / kRankPageRows;
  const float row_px = std::min(px, row_h * 0.55f);
  dl->PushClipRect(area.Min, area.Max, true);
  for (int k = 0; k < kRankPageRows; ++k) {
    const size_t idx = static_cast<size_t>(page * kRankPageRows + k);
    if (idx >= top.size()) break;
    const map::MapRegion& r = view_.asset().regions[top[idx]];
    const long long v = data_.Value(r.code, Measure::Participants);
    const ImVec2 o = area.Min + ImVec2(px * 0.7f + slide * area.GetWidth(), px * 2.2f + row_h * k);
    const float name_w = row_px * 4.2f, value_w = row_px * 6.5f;
    const float bar_w = std::max(0.0f, area.GetWidth() - px * 1.4f - name_w - value_w) * static_cast<float>(v) / best;
    Text(dl, row_px, o, White(0.95f), std::to_string(idx + 1) + " " + r.name, false);
    dl->AddRectFilled(o + ImVec2(name_w, row_h * 0.15f), o + ImVec2(name_w + bar_w, row_h * 0.15f + row_px * 0.8f),
                      kGold, row_px * 0.2f);
    Text(dl, row_px, o + ImVec2(name_w + bar_w + row_px * 0.4f, 0), White(0.85f), Thousands(v), false);
    RegisterText("排行 " + std::to_string(idx + 1) + " " + r.name + " " + Thousands(v) + "人次", o.x, o.y, area.Max.x,
                 o.y + row_h);
  }
  dl->PopClipRect();
}

// 一省一周: which province holds its week when, from the campaign data; today's row highlighted.
void CeremonyScreen::Calendar(AppContext& app, ImDrawList* dl, const CeremonyLayout& l) {
  const ImRect area = R(l.calendar);
  const float px = static_cast<float>(l.text_px);
  Panel(dl, l.calendar, px * 0.4f);
  Text(dl, px * 1.05f, area.Min + ImVec2(px * 0.7f, px * 0.5f), White(0.9f), "一省一周 · 活动周日历");
  const Campaign* c = app.campaign();
  if (!c || c->calendar.empty()) {
    Text(dl, px * 0.85f, area.Min + ImVec2(px * 0.7f, px * 2.2f), White(0.6f), "本年度各省活动周日期尚未公布");
    return;
  }
  const auto today = ParseDate(TodayLocal());
  const int focus = today ? CalendarFocus(c->calendar, *today) : -1;
  const float row_h = std::min(px * 1.9f, (area.GetHeight() - px * 2.4f) / std::max<size_t>(c->calendar.size(), 4));
  const float row_px = std::min(px * 0.85f, row_h * 0.5f);
  for (size_t i = 0; i < c->calendar.size(); ++i) {
    const HostWeek& w = c->calendar[i];
    const ImVec2 o = area.Min + ImVec2(px * 0.5f, px * 2.2f + row_h * i);
    if (o.y + row_h > area.Max.y) break;
    const bool now = static_cast<int>(i) == focus;
    std::string tag;
    if (now && today) tag = *today < w.days.begin ? "即将举行" : *today <= w.days.end ? "今天 · 进行中" : "最近一场";
    if (now)
      dl->AddRectFilled(o, ImVec2(area.Max.x - px * 0.5f, o.y + row_h * 0.92f), IM_COL32(255, 214, 102, 60), px * 0.3f);
    const ImU32 color = now ? kGold : White(0.85f);
    const std::string line = DayRange(w.days) + "　" + app.regions.Name(w.region) + "　" + w.place;
    dl->PushClipRect(o, ImVec2(area.Max.x - px * 0.5f, o.y + row_h), true);
    Text(dl, row_px, o + ImVec2(px * 0.3f, (row_h - row_px) * 0.4f), color, line, false);
    if (!tag.empty()) {
      const ImVec2 ts = TextSize(row_px * 0.85f, tag);
      Text(dl, row_px * 0.85f, ImVec2(area.Max.x - px * 0.9f - ts.x, o.y + (row_h - row_px) * 0.45f), kGold, tag,
           false);
    }
    dl->PopClipRect();
    RegisterText("日历 " + line + (tag.empty() ? "" : "（" + tag + "）"), o.x, o.y, area.Max.x, o.y + row_h);
  }
}

void CeremonyScreen::Ticker(AppContext& app, ImDrawList* dl, const Box& box, float px) {
  ImFont* font = ImGui::GetFont();
  const ImRect area = R(box);
  const float w = font->CalcTextSizeA(px, FLT_MAX, 0, ticker_.c_str()).x;
  if (w <= 0) return;
  const float shift = std::fmod(static_cast<float>(Elapsed(app) / 1000.0 * kTickerEmPerS * px), w);
  dl->AddRectFilled(area.Min, area.Max, IM_COL32(0, 0, 0, 90));
  dl->PushClipRect(area.Min, area.Max, true);
  const float y = area.Min.y + (area.GetHeight() - px) / 2;
  for (float x = area.Min.x - shift; x < area.Max.x; x += w)
    dl->AddText(font, px, ImVec2(x, y), White(0.92f), ticker_.c_str());
  dl->PopClipRect();
  // Its first 60 characters, cut between characters (a byte cut left half a 讲 and broke items()).
  RegisterText("滚动播报：" + ticker_.substr(0, utf8::OffsetOfChar(ticker_, 60)), area.Min.x, area.Min.y, area.Max.x,
               area.Max.y);
}

bool CeremonyScreen::Draw(AppContext& app) {
  const bool include_example = !app.ws.settings.ceremony_hide_example;
  data_.Update(app, "", include_example);
  if (ticker_version_ != data_.version()) RebuildTicker(app, include_example);
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->Pos);
  ImGui::SetNextWindowSize(vp->Size);
  ImGui::Begin("开幕式大屏", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoNav);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 o = vp->Pos, s = vp->Size;
  dl->AddRectFilledMultiColor(o, o + s, kNavy, kNavy, IM_COL32(4, 18, 44, 255), IM_COL32(4, 18, 44, 255));
  CeremonyLayout l = LayoutCeremony(s.x, s.y);
  for (map::Box* b : {&l.title, &l.badge, &l.updated, &l.map, &l.legend, &l.totals, &l.ranking, &l.calendar, &l.ticker})
    *b = {b->x0 + o.x, b->y0 + o.y, b->x1 + o.x, b->y1 + o.y};
  Header(app, dl, l, include_example && HasExampleData(app));
  // What moves every frame goes on its own draw list: the window's big list (map, panels) then
  // stays byte-identical and the CPU renderer neither rehashes nor redraws it.
  ImDrawList* moving = ImGui::GetForegroundDrawList(ImGui::GetMainViewport());
  MapPanel(app, dl, l);
  Totals(app, dl, moving, l);
  Ranking(app, dl, l);
  Calendar(app, dl, l);
  Ticker(app, moving, l.ticker, static_cast<float>(l.text_px) * 1.05f);
  const float hint = static_cast<float>(1.0 - std::clamp((Elapsed(app) - 4000) / 1500, 0.0, 1.0));
  if (hint > 0)
    moving->AddText(ImGui::GetFont(), static_cast<float>(l.text_px) * 0.8f, V(l.map.x1 - l.text_px * 5, l.map.y0),
                    White(0.6f * hint), "按 Esc 退出");
  ImGui::End();
  return !ImGui::IsKeyPressed(ImGuiKey_Escape, false);
}

}  // namespace lw::ui
