// screen_ceremony.h — 开幕式大屏: full screen, no editing chrome, for LED walls from 1920×1080 to
// 7680×2160 (16:9 and 32:9 arrangements, ceremony_layout.h). The campaign theme as title; the map
// with its legend and an auto-tour; totals that count up on rolling digits; a ranking carousel; the
// 一省一周 calendar; a ticker of recent activities; a "示例数据" badge whenever example data is in
// a figure; the time of the last live update. Esc leaves.
#pragma once
#include <string>
#include <vector>

#include "app_context.h"
#include "ceremony_layout.h"
#include "map_data.h"
#include "map_view.h"

namespace lw::ui {

class CeremonyScreen {
 public:
  CeremonyScreen(MapView& view, MapData& data) : view_(view), data_(data) {}
  void Enter(double now_ms);
  // Draws the whole window. Returns false when the user asked to leave (Esc).
  bool Draw(AppContext& app);

 private:
  using Box = map::Box;
  double Elapsed(const AppContext& app) const { return app.now_ms - entered_ms_; }
  void Header(AppContext& app, ImDrawList* dl, const CeremonyLayout& l, bool example);
  void MapPanel(AppContext& app, ImDrawList* dl, const CeremonyLayout& l);
  void Legend(ImDrawList* dl, const CeremonyLayout& l);
  void Totals(AppContext& app, ImDrawList* dl, ImDrawList* moving, const CeremonyLayout& l);
  // Draws a number on rolling digits; returns its width.
  float Odometer(ImDrawList* dl, ImVec2 at, float px, double value, long long final_value, ImU32 color);
  void Ranking(AppContext& app, ImDrawList* dl, const CeremonyLayout& l);
  void Calendar(AppContext& app, ImDrawList* dl, const CeremonyLayout& l);
  void Ticker(AppContext& app, ImDrawList* dl, const Box& area, float px);
  void RebuildTicker(AppContext& app, bool include_example);

  MapView& view_;
  MapData& data_;
  double entered_ms_ = 0;
  unsigned ticker_version_ = ~0u;
  std::string ticker_;
  std::vector<int> tour_;  // provinces by participants, most first (also the ranking)
};

// Whether the example dataset (示例数据) is on this device.
bool HasExampleData(const AppContext& app);

}  // namespace lw::ui
