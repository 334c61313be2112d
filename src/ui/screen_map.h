// screen_map.h — 地图: where the Activity Week is happening, from every record on this device.
// Choropleth by province (or every prefecture), hover figures, click to drill into a province,
// a ranking beside the map, a day slider with play, an optional live feed.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "app_context.h"
#include "item_registry.h"
#include "map_data.h"
#include "map_view.h"

namespace lw::ui {

class MapScreen {
 public:
  MapScreen(MapView& view, MapData& data) : view_(view), data_(data) {}
  void Draw(AppContext& app);
  bool animating() const { return playing_; }
  // Which day the slider shows ("" = the whole activity week).
  std::string Day(const AppContext& app) const;
  bool show_prefectures = false;            // national view: every prefecture instead of provinces
  std::function<void(double)> on_ceremony;  // the ceremony screen restarts its animations

 private:
  void Panel(AppContext& app, const std::vector<int>& shown);
  void DaySlider(AppContext& app);
  void Legend();
  void Ranking(AppContext& app, const std::vector<int>& shown);
  void FeedAndExample(AppContext& app);
  // "示意图" and the 审图号 in the map's lower-left corner (map_note.h).
  float NotePx() const;
  ImRect NoteRect(const AppContext& app, const MapView::Frame& f) const;
  // A region's figures in a tooltip beside `anchor` (flipped to stay on screen), with what opens it.
  Semantics* RegionTooltip(int region, const char* hint, ImVec2 anchor);
  // Keyboard and screen readers (issue 10), in screen_map_a11y.cpp.
  int KeyboardRegion(const std::vector<int>& shown, bool activated);
  void KeyboardTooltip(int region);
  void FiguresTable(const std::vector<int>& shown, const ImRect& map_rect);

  MapView& view_;
  MapData& data_;
  Measure measure_ = Measure::Participants;
  int drilled_ = -1;    // province index, or -1 for the whole country
  int day_index_ = -1;  // -1: whole week
  bool playing_ = false;
  double next_step_ms_ = 0;
  std::string feed_edit_;
  int key_region_ = -1;  // region chosen with the arrow keys (index into the map asset)
  int tip_region_ = -1;  // region under the mouse, and where the mouse entered it
  ImVec2 tip_anchor_;
};

// Removes the example dataset (示例数据) and remembers not to bring it back.
void RemoveExampleData(AppContext& app);

}  // namespace lw::ui
