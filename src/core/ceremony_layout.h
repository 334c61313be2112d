// ceremony_layout.h — where each part of the 开幕式大屏 goes, for any LED wall from 1920×1080 to
// 7680×2160: 16:9 puts the map on the left and the figures on the right; 32:9 (and anything wider
// than 2.4:1) puts the figures left, the map in the middle, ranking and calendar right. Boxes are
// in screen pixels; nothing overlaps, and text sizes follow the height.
#pragma once
#include "map_asset.h"

namespace lw {

struct CeremonyLayout {
  bool wide = false;  // the 32:9 arrangement
  map::Box title, badge, updated, map, legend, totals, ranking, calendar, ticker;
  double text_px = 0;  // body text size; titles and figures are multiples of it
};

CeremonyLayout LayoutCeremony(double width, double height);

}  // namespace lw
