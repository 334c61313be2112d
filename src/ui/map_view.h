// map_view.h — draws the map of China with Dear ImGui: filled regions (triangulated once at
// load), outlines, labels, and hit testing by point-in-polygon. Coarse outlines for the national
// view, fine ones when zoomed into a province.
#pragma once
#include <string>
#include <vector>

#include "imgui.h"
#include "imgui_internal.h"  // ImRect
#include "map_asset.h"
#include "map_layout.h"

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
  // The screen rectangle of the 南海诸岛 inset in the last drawn frame (empty when not shown).
  ImRect InsetRect() const { return inset_rect_; }

  struct Frame {
    ImRect rect;               // where to draw (screen pixels)
    std::vector<int> regions;  // what to draw
    std::vector<ImU32> fill;   // one per region in `regions`
    ImU32 border = IM_COL32(255, 255, 255, 255);
    float border_px = 1.0f;
    int highlight = -1;  // region index drawn with an accent outline
    ImU32 highlight_color = IM_COL32(255, 160, 0, 255);
    bool labels = true;
    float label_px = 14;  // label font size
    ImU32 label_color = IM_COL32(40, 40, 40, 255);
    ImU32 label_color_on_light = 0;  // if set, used where the fill is light
    bool show_inset = true;
    ImU32 mark_color = IM_COL32(70, 80, 96, 255);     // 钓鱼岛、赤尾屿、十段线 and the inset frame
    ImU32 label_halo = IM_COL32(255, 255, 255, 215);  // behind a name moved out of its region
    std::vector<ImRect> label_obstacles;              // e.g. the note in a corner: no label goes there
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
      return ImVec2(origin.x + static_cast<float>((p.x - x0) * scale),
                    origin.y + static_cast<float>((y1 - p.y) * scale));
    }
    map::Pt Unapply(ImVec2 s) const { return {x0 + (s.x - origin.x) / scale, y1 - (s.y - origin.y) / scale}; }
  };
  Fit FitTo(const ImRect& rect, const std::vector<int>& regions, bool with_inset) const;
  int HitTest(const Fit& fit, int lod, const std::vector<int>& regions, ImVec2 mouse) const;
  bool Inside(int region, int lod, map::Pt p) const;
  bool National(const std::vector<int>& regions) const;
  // Names placed by the core (label_layout.h): never overlapping, leader lines where moved out.
  void DrawLabels(ImDrawList* dl, const Frame& f, const Fit& fit, int lod);
  // Regions smaller than a few pixels (澳门 at national scale) as a dot in their own colour.
  void DrawSpecks(ImDrawList* dl, const Frame& f, const Fit& fit);
  // 钓鱼岛、赤尾屿 at a minimum size (a few km across: sub-pixel at national scale), the 十段线
  // segment east of 台湾, and the inset's name.
  void DrawMarks(ImDrawList* dl, const Frame& f, const Fit& fit, bool with_inset);

  map::MapAsset asset_;
  std::vector<map::Mesh> meshes_[map::kLods];
  std::vector<map::Box> boxes_[map::kLods];
  std::vector<ImVec2> scratch_;
  Fit last_fit_;
  int inset_ = -1;
  std::vector<int> marks_;          // decorations other than the inset
  std::vector<ImRect> mark_rects_;  // where they were drawn this frame: no label over them
  ImRect inset_rect_;
  double load_ms_ = 0;
};

}  // namespace lw::ui
