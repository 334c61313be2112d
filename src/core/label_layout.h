// label_layout.h — map labels that never overlap, at any zoom: each label tries positions around
// its anchor (its own spot first, then close around it inside its region, then further out with a
// leader line) and takes the first that hits no label placed before it and no obstacle (the
// 南海诸岛 inset, the legend). Labels go in priority order; one that finds no room is left out
// rather than printed over another (its region is still named by hover and the item list).
#pragma once
#include <functional>
#include <vector>

#include "map_asset.h"

namespace lw::map {

struct LabelRequest {
  int id = 0;  // the caller's (region index)
  Pt anchor;   // screen pixels
  double w = 0, h = 0;
  double priority = 0;  // lower goes first
};

struct PlacedLabel {
  int id = 0;
  Box rect;  // screen pixels
  Pt anchor;
  bool leader = false;  // moved away from its region: draw a line back to the anchor
};

// `inside(id, p)` tells whether a screen point lies in the label's own region (positions there are
// preferred and need no leader line). `bounds`: labels stay wholly inside it.
std::vector<PlacedLabel> PlaceLabels(std::vector<LabelRequest> labels, const std::vector<Box>& obstacles,
                                     const Box& bounds, const std::function<bool(int, Pt)>& inside);

// Small regions first: a province as large as 河北 has room around 北京 and 天津 wherever it moves,
// while 北京, 天津, 上海, 香港, 澳门 have one natural spot each.
double LabelPriority(const MapRegion& region);

}  // namespace lw::map
