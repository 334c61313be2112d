// map_layout.cpp — see map_layout.h.
#include "map_layout.h"

#include <algorithm>
#include <cstring>

#include "map_features.h"

namespace lw::map {

namespace {
// Segment–box test by clipping (Liang–Barsky): touching counts.
bool SegmentTouchesBox(Pt a, Pt b, const Box& box) {
  double t0 = 0, t1 = 1;
  const double dx = b.x - a.x, dy = b.y - a.y;
  const double p[4] = {-dx, dx, -dy, dy};
  const double q[4] = {a.x - box.x0, box.x1 - a.x, a.y - box.y0, box.y1 - a.y};
  for (int i = 0; i < 4; ++i) {
    if (p[i] == 0) {
      if (q[i] < 0) return false;
      continue;
    }
    const double t = q[i] / p[i];
    if (p[i] < 0)
      t0 = std::max(t0, t);
    else
      t1 = std::min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}
}  // namespace

Viewport FitBox(const Box& c, const Box& s, double margin) {
  Viewport v;
  if (c.empty() || s.empty()) return v;
  const double w = (s.x1 - s.x0) * (1 - 2 * margin), h = (s.y1 - s.y0) * (1 - 2 * margin);
  v.scale = std::min(w / (c.x1 - c.x0), h / (c.y1 - c.y0));
  v.x0 = c.x0;
  v.y1 = c.y1;
  v.ox = s.x0 + ((s.x1 - s.x0) - (c.x1 - c.x0) * v.scale) / 2;
  v.oy = s.y0 + ((s.y1 - s.y0) - (c.y1 - c.y0) * v.scale) / 2;
  return v;
}

bool BoxesOverlap(const Box& a, const Box& b) { return a.x0 <= b.x1 && b.x0 <= a.x1 && a.y0 <= b.y1 && b.y0 <= a.y1; }

bool PolygonTouchesBox(const Polygon& poly, const Box& box) {
  for (const Ring& r : poly)
    for (size_t i = 0, j = r.size() - 1; i < r.size(); j = i++)
      if (SegmentTouchesBox(r[j], r[i], box)) return true;
  return !poly.empty() && PointInRing(poly[0], {box.x0, box.y0});  // the box wholly inside
}

Box PlaceInsetBox(const std::vector<Polygon>& land, const Box& b, double height_frac, double gap_km) {
  const double h = height_frac * (b.x1 - b.x0), w = h * 64 / 93.1;
  Box inset;
  inset.x1 = b.x1;
  inset.x0 = b.x1 - w;
  double top = b.y0 + h;  // as low as the land allows, but no lower than needed
  for (const Polygon& poly : land)
    for (Pt p : poly[0])
      if (p.x >= inset.x0 - gap_km && p.y < top + gap_km) top = std::min(top, p.y - gap_km);
  inset.y1 = top;
  inset.y0 = top - h;
  return inset;
}

std::vector<const Polygon*> LandPolygons(const MapAsset& map, int lod) {
  std::vector<const Polygon*> out;
  for (const MapRegion& r : map.regions) {
    if (r.name == kNanhaiName && r.level == 0) continue;
    for (const Polygon& p : r.shapes[lod]) out.push_back(&p);
  }
  return out;
}

int FindDecoration(const MapAsset& map, const char* name) {
  for (size_t i = 0; i < map.regions.size(); ++i)
    if (map.regions[i].level == 0 && map.regions[i].name == name) return static_cast<int>(i);
  return -1;
}

}  // namespace lw::map
