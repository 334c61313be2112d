// label_layout.cpp — see label_layout.h.
#include "label_layout.h"

#include <algorithm>
#include <cmath>

namespace lw::map {

namespace {
Box RectAt(Pt c, double w, double h) { return {c.x - w / 2, c.y - h / 2, c.x + w / 2, c.y + h / 2}; }

bool Overlap(const Box& a, const Box& b) { return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1; }

bool Within(const Box& a, const Box& b) { return a.x0 >= b.x0 && a.y0 >= b.y0 && a.x1 <= b.x1 && a.y1 <= b.y1; }

// Offsets in units of the label's width and height, nearest first; the first ring keeps the label
// touching its anchor, the outer rings need a leader line.
struct Offset {
  double fx, fy;
  bool near;
};
const std::vector<Offset>& Offsets() {
  static const std::vector<Offset> kOffsets = [] {
    std::vector<Offset> o = {{0, 0, true},       {0, 1.1, true},   {0, -1.1, true},   {0.6, 0, true},
                             {-0.6, 0, true},    {0.6, 1.1, true}, {-0.6, 1.1, true}, {0.6, -1.1, true},
                             {-0.6, -1.1, true}, {0, 2.2, true},   {0, -2.2, true}};
    for (double ring : {1.0, 1.6, 2.4, 3.4})  // out of the region, in 12 directions
      for (int k = 0; k < 12; ++k) {
        const double a = k * 3.14159265358979 / 6;
        o.push_back({ring * 1.1 * std::cos(a), ring * 2.2 * std::sin(a), false});
      }
    return o;
  }();
  return kOffsets;
}
}  // namespace

std::vector<PlacedLabel> PlaceLabels(std::vector<LabelRequest> labels, const std::vector<Box>& obstacles,
                                     const Box& bounds, const std::function<bool(int, Pt)>& inside) {
  std::stable_sort(labels.begin(), labels.end(),
                   [](const LabelRequest& a, const LabelRequest& b) { return a.priority < b.priority; });
  std::vector<PlacedLabel> placed;
  const auto free = [&](const Box& r) {
    if (!Within(r, bounds)) return false;
    for (const Box& o : obstacles)
      if (Overlap(r, o)) return false;
    for (const PlacedLabel& p : placed)
      if (Overlap(r, p.rect)) return false;
    return true;
  };
  for (const LabelRequest& l : labels) {
    // Near positions count only where the label's centre is in its own region (else it would
    // seem to name a neighbour); the anchor itself always counts.
    bool done = false;
    for (const Offset& o : Offsets()) {
      const Pt c{l.anchor.x + o.fx * l.w, l.anchor.y + o.fy * l.h};
      const bool own = (o.fx == 0 && o.fy == 0) || (o.near && inside(l.id, c));
      if (o.near && !own) continue;
      const Box r = RectAt(c, l.w, l.h);
      if (!free(r)) continue;
      placed.push_back({l.id, r, l.anchor, !o.near});
      done = true;
      break;
    }
    (void)done;  // no room anywhere: left out, never overlapping
  }
  return placed;
}

double LabelPriority(const MapRegion& region) {
  double area = 0;
  for (const Polygon& p : region.shapes[0]) area += Area(p);
  return area;
}

}  // namespace lw::map
