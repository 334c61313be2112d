// map_view.h — draws the map of China with Dear ImGui: filled regions (triangulated once at
// load), outlines, labels, and hit testing by point-in-polygon. Coarse outlines for the national
// view, fine ones when zoomed into a province.
#pragma once
#include <string>
#include <vector>

#include "imgui.h"
#include "imgui_internal.h"  // ImRect
#include "map_asset.h"

namespace lw::ui {

class MapView {
 public:
  bool Load(const std::string& bytes);  // parses map.bin and triangulates every region
  double load_ms() const { return load_ms_; }
  const map::MapAsset& asset() const { return asset_; }

  // Regions to show: the 34 provinces, every prefecture, or one province's prefectures.
  std::vector<int> Provinces() const;
  std::vector<int> Prefectures() const;
  std::vector<int> ChildrenOf(int province) const;
  int inset() const { return inset_; }

  struct Frame {
    ImRect rect;                 // where to draw (screen pixels)
    std::vector<int> regions;    // what to draw
    std::vector<ImU32> fill;     // one per region in `regions`
    ImU32 border = IM_COL32(255, 255, 255, 255);
    float border_px = 1.0f;
    int highlight = -1;          // region index drawn with an accent outline
    ImU32 highlight_color = IM_COL32(255, 160, 0, 255);
    bool labels = true;
    float label_px = 14;         // label font size
    ImU32 label_color = IM_COL32(40, 40, 40, 255);
    ImU32 label_color_on_light = 0;  // if set, used where the fill is light
    bool show_inset = true;
  };
  // Draws and returns the region under the mouse (index into asset().regions) or -1.
  int Draw(ImDrawList* dl, const Frame& f);
  // Screen position of a region's label point in the last drawn frame.
  ImVec2 LabelPos(int region) const;

 private:
  struct Fit {
    double scale = 1, x0 = 0, y1 = 0;
    ImVec2 origin;
    ImVec2 Apply(map::Pt p) const {
      return ImVec2(origin.x + static_cast<float>((p.x - x0) * scale), origin.y + static_cast<float>((y1 - p.y) * scale));
    }
    map::Pt Unapply(ImVec2 s) const { return {x0 + (s.x - origin.x) / scale, y1 - (s.y - origin.y) / scale}; }
  };
  Fit FitTo(const ImRect& rect, const std::vector<int>& regions) const;
  int HitTest(const Fit& fit, int lod, const std::vector<int>& regions, ImVec2 mouse) const;
  bool Inside(int region, int lod, map::Pt p) const;
  // Where a label of `size` centred near `at` overlaps none of `placed` and stays inside its
  // region (small neighbours such as 太原 and 晋中 otherwise print over each other).
  ImVec2 PlaceLabel(int region, int lod, const Fit& fit, ImVec2 at, ImVec2 size, const std::vector<ImRect>& placed) const;

  map::MapAsset asset_;
  std::vector<map::Mesh> meshes_[map::kLods];
  std::vector<map::Box> boxes_[map::kLods];
  std::vector<ImVec2> scratch_;
  Fit last_fit_;
  int inset_ = -1;
  double load_ms_ = 0;
};

}  // namespace lw::ui
