// map_layout.h — where things go on the map: the map-to-screen fit (one uniform scale, so every
// aspect ratio keeps the geometry), the 南海诸岛 inset's box, and the test that it covers no land.
#pragma once
#include <vector>

#include "map_asset.h"

namespace lw::map {

// Map km (y up) to screen pixels (y down), fitted to a rectangle with a margin, centred.
struct Viewport {
  double scale = 1, x0 = 0, y1 = 0;  // pixels per km; the content's west and north edges
  double ox = 0, oy = 0;             // where (x0, y1) lands on screen
  Pt ToScreen(Pt p) const { return {ox + (p.x - x0) * scale, oy + (y1 - p.y) * scale}; }
  Pt ToMap(Pt s) const { return {x0 + (s.x - ox) / scale, y1 - (s.y - oy) / scale}; }
};
Viewport FitBox(const Box& content, const Box& screen, double margin = 0.04);

bool BoxesOverlap(const Box& a, const Box& b);
// True when any ring of the polygon crosses, touches or lies inside the box, or the box lies
// inside the polygon.
bool PolygonTouchesBox(const Polygon& polygon, const Box& box);

// The inset's box: in the south-east corner, below the lowest land (台湾's southern tip) that
// lies above its east–west span, `gap_km` clear of it, `height_frac` of the map's width tall
// (ECharts' 64 : 93.1 frame). It may reach below the southernmost land: the fit makes room.
Box PlaceInsetBox(const std::vector<Polygon>& land, const Box& land_bounds, double height_frac = 0.16,
                  double gap_km = 45);

// The region polygons (coarse outlines) of every level-1 and level-2 region and every decoration
// except the inset itself, for the tests of what the inset may cover.
std::vector<const Polygon*> LandPolygons(const MapAsset& map, int lod = 0);

// Index of the named decoration (level 0), or -1.
int FindDecoration(const MapAsset& map, const char* name);

}  // namespace lw::map
