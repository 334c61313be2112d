// ceremony_layout.cpp — see ceremony_layout.h.
#include "ceremony_layout.h"

#include <algorithm>

namespace lw {

namespace {
map::Box Rect(double w, double h, double x0, double y0, double x1, double y1) {
  return {x0 * w, y0 * h, x1 * w, y1 * h};
}
}  // namespace

CeremonyLayout LayoutCeremony(double w, double h) {
  CeremonyLayout l;
  l.wide = w / h > 2.4;
  // Text follows the height, but a narrow screen (portrait, 4:3) must not overflow its columns.
  l.text_px = std::min(h * 0.024, w * (l.wide ? 0.0135 : 0.0125));
  l.title = Rect(w, h, 0.16, 0.015, 0.84, 0.13);
  l.badge = Rect(w, h, 0.855, 0.025, 0.985, 0.095);
  l.updated = Rect(w, h, 0.015, 0.025, 0.155, 0.095);
  l.ticker = Rect(w, h, 0, 0.93, 1, 1);
  if (l.wide) {
    l.totals = Rect(w, h, 0.015, 0.15, 0.27, 0.91);
    l.map = Rect(w, h, 0.285, 0.14, 0.715, 0.91);
    l.ranking = Rect(w, h, 0.73, 0.15, 0.985, 0.52);
    l.calendar = Rect(w, h, 0.73, 0.54, 0.985, 0.91);
  } else {
    l.map = Rect(w, h, 0.015, 0.14, 0.60, 0.91);
    l.totals = Rect(w, h, 0.62, 0.15, 0.985, 0.47);
    l.ranking = Rect(w, h, 0.62, 0.49, 0.985, 0.70);
    l.calendar = Rect(w, h, 0.62, 0.72, 0.985, 0.91);
  }
  // The legend sits in the map's lower-left corner (the 南海诸岛 inset has the lower right),
  // above the 示意图 note.
  const double lw = std::min((l.map.x1 - l.map.x0) * 0.30, l.text_px * 9), lh = l.text_px * 8.2;
  l.legend = {l.map.x0 + l.text_px * 0.5, l.map.y1 - lh - l.text_px * 2.6, l.map.x0 + l.text_px * 0.5 + lw,
              l.map.y1 - l.text_px * 2.6};
  return l;
}

}  // namespace lw
