// screen_ceremony.h — 开幕式大屏: full screen, no editing chrome. The campaign theme as title,
// large animated totals, an auto-tour that highlights provinces in turn, a ticker of recent
// activities. Crisp at 3840×2160 (text is rasterized at its drawn size). Esc leaves.
#pragma once
#include <string>
#include <vector>

#include "app_context.h"
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
  void Totals(AppContext& app, ImDrawList* dl, ImRect area);
  void Ticker(AppContext& app, ImDrawList* dl, ImRect area);
  void RebuildTicker(AppContext& app);

  MapView& view_;
  MapData& data_;
  double entered_ms_ = 0;
  unsigned ticker_version_ = ~0u;
  std::string ticker_;
  std::vector<int> tour_;  // provinces by participants, most first
};

}  // namespace lw::ui
