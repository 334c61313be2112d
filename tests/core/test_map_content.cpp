// test_map_content.cpp — a complete map of China in map.bin (issue 14): 钓鱼岛 and 赤尾屿 inside
// 台湾's region and at their declared positions, the 十段线 segment east of 台湾, 香港 and 澳门,
// the 南海诸岛 inset clear of every region polygon at several screen shapes, and map labels that
// never overlap at any zoom (北京/天津, 上海/江苏, 香港/澳门 all named).
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "label_layout.h"
#include "map_features.h"
#include "map_layout.h"

using namespace lw::map;

namespace {
const MapAsset& Asset() {
  static MapAsset map = [] {
    std::ifstream in(std::string(LW_MAP_BIN), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    MapAsset m;
    REQUIRE(m.Read(ss.str()));  // made by the native build (lw_map)
    return m;
  }();
  return map;
}

Box BoxOf(const std::vector<Polygon>& shapes) {
  Box b;
  for (const Polygon& p : shapes)
    for (Pt q : p[0]) b.Add(q);
  return b;
}

bool InRegion(const MapRegion& r, int lod, Pt p) {
  for (const Polygon& poly : r.shapes[lod])
    if (PointInPolygon(poly, p)) return true;
  return false;
}

// Label boxes as the map view measures them: CJK glyphs one em wide.
LabelRequest Request(int id, const MapRegion& r, const Viewport& v, double px) {
  size_t chars = 0;
  for (unsigned char c : r.name) chars += (c & 0xC0) != 0x80;
  const Pt a = v.ToScreen(r.label);
  return {id, a, chars * px, px, LabelPriority(r)};
}

std::vector<PlacedLabel> Layout(const std::vector<int>& shown, const Box& screen, double px, Box* inset_px) {
  const MapAsset& m = Asset();
  Box content;
  for (int i : shown) {
    const Box b = BoxOf(m.regions[i].shapes[0]);
    content.Add({b.x0, b.y0}), content.Add({b.x1, b.y1});
  }
  const Box inset = BoxOf(m.regions.back().shapes[0]);
  const bool national = m.regions[shown[0]].level == 1;
  if (national) content.Add({inset.x0, inset.y0}), content.Add({inset.x1, inset.y1});
  const Viewport v = FitBox(content, screen);
  const Pt a = v.ToScreen({inset.x0, inset.y1}), b = v.ToScreen({inset.x1, inset.y0});
  *inset_px = {a.x, a.y, b.x, b.y};
  std::vector<LabelRequest> req;
  for (int i : shown) req.push_back(Request(i, m.regions[i], v, px));
  std::vector<Box> obstacles;
  if (national) obstacles.push_back(*inset_px);
  const int lod = v.scale > 0.9 ? 1 : 0;
  return PlaceLabels(req, obstacles, screen, [&](int id, Pt p) { return InRegion(m.regions[id], lod, v.ToMap(p)); });
}

std::vector<int> Provinces() {
  std::vector<int> out;
  for (size_t i = 0; i < Asset().regions.size(); ++i)
    if (Asset().regions[i].level == 1) out.push_back(static_cast<int>(i));
  return out;
}

bool Named(const std::vector<PlacedLabel>& placed, const std::string& name) {
  for (const PlacedLabel& p : placed)
    if (Asset().regions[p.id].name == name) return true;
  return false;
}
}  // namespace

TEST_CASE("钓鱼岛 and 赤尾屿 are part of 台湾 and lie at their declared positions", "[map_content]") {
  const MapAsset& m = Asset();
  const int tw = m.Find(kTaiwanCode);
  REQUIRE(tw >= 0);
  CHECK(m.regions[tw].name == "台湾");
  for (const LonLatShape& island : DiaoyuIslands()) {
    INFO(island.name);
    const int i = FindDecoration(m, island.name);
    REQUIRE(i >= 0);
    CHECK(m.regions[i].parent == tw);
    // Where the declaration puts it (within the 0.1 km quantum and the island's own size).
    Pt centre;
    for (Pt p : island.lonlat) centre.x += p.x / island.lonlat.size(), centre.y += p.y / island.lonlat.size();
    const Pt want = AlbersChina(centre.x, centre.y);
    const Box b = BoxOf(m.regions[i].shapes[0]);
    CHECK(want.x >= b.x0 - 0.1);
    CHECK(want.x <= b.x1 + 0.1);
    CHECK(want.y >= b.y0 - 0.1);
    CHECK(want.y <= b.y1 + 0.1);
    // Its polygon is inside 台湾's region at both levels of detail: never simplified away.
    for (int lod = 0; lod < kLods; ++lod) {
      for (const Polygon& poly : m.regions[i].shapes[lod])
        for (Pt p : poly[0]) {
          const Pt inward{p.x + (want.x - p.x) * 0.01, p.y + (want.y - p.y) * 0.01};  // not on the edge
          CHECK(InRegion(m.regions[tw], lod, inward));
        }
    }
  }
  // ECharts' schematic blobs (one of them 2 km east of 赤尾屿'a real place) are gone.
  for (const Polygon& p : m.regions[tw].shapes[1]) {
    const Box b = BoxOf({p});
    CHECK_FALSE((b.x1 - b.x0 > 15 && b.x0 > AlbersChina(123.0, 25.5).x));
  }
}

TEST_CASE("the 十段线 segment east of 台湾 and 香港、澳门 are in the asset", "[map_content]") {
  const MapAsset& m = Asset();
  const int dash = FindDecoration(m, kTenDashName);
  REQUIRE(dash >= 0);
  const Box d = BoxOf(m.regions[dash].shapes[0]);
  const Box tw = BoxOf(m.regions[m.Find(kTaiwanCode)].shapes[0]);
  CHECK(d.x0 > AlbersChina(122.1, 24).x);  // east of 台湾's coast, west of 与那国岛
  CHECK(d.x1 < AlbersChina(122.9, 24).x);
  CHECK(d.y1 - d.y0 > 50);  // a visible dash, not a dot
  CHECK(d.y0 > tw.y0);
  for (const char* code : {"810000", "820000"}) {
    INFO(code);
    const int i = m.Find(code);
    REQUIRE(i >= 0);
    CHECK(m.regions[i].level == 1);
    CHECK_FALSE(m.regions[i].shapes[0].empty());
    CHECK_FALSE(m.regions[i].shapes[1].empty());
  }
  // The inset carries ECharts' ten dashes and the frame, and is the last region.
  CHECK(m.regions.back().name == kNanhaiName);
  CHECK(m.regions.back().shapes[0].size() == 12);
}

TEST_CASE("the 南海诸岛 inset covers no land or island, at any screen shape", "[map_content]") {
  const MapAsset& m = Asset();
  const Box inset = BoxOf(m.regions.back().shapes[0]);
  int checked = 0;
  for (const Polygon* p : LandPolygons(m, 0)) {
    CHECK_FALSE(PolygonTouchesBox(*p, inset));
    ++checked;
  }
  for (const Polygon* p : LandPolygons(m, 1)) CHECK_FALSE(PolygonTouchesBox(*p, inset));
  CHECK(checked > 800);  // every province, prefecture and island piece
  // The box test itself: a polygon crossing a box, one inside it, one containing it.
  const Polygon square = {{{0, 0}, {10, 0}, {10, 10}, {0, 10}}};
  CHECK(PolygonTouchesBox(square, {5, 5, 20, 20}));
  CHECK(PolygonTouchesBox(square, {2, 2, 3, 3}));
  CHECK(PolygonTouchesBox(square, {-5, -5, 20, 20}));
  CHECK_FALSE(PolygonTouchesBox(square, {11, 0, 20, 10}));
  // On screen: at 16:9, 4:3, 5:4, portrait and 32:9 the inset (widened by the 1 px frame and
  // the 2 px marks drawn at minimum size) still misses every polygon.
  const Box screens[] = {{0, 0, 1366, 768},  {0, 0, 1920, 1080}, {0, 0, 1280, 1024},
                         {0, 0, 1080, 1920}, {0, 0, 7680, 2160}, {0, 0, 800, 600}};
  for (const Box& s : screens) {
    Box content = m.Bounds(1);
    content.Add({inset.x0, inset.y0});
    const Viewport v = FitBox(content, s);
    const double pad = 3 / v.scale;  // 3 px in km
    const Box padded{inset.x0 - pad, inset.y0 - pad, inset.x1 + pad, inset.y1 + pad};
    INFO("screen " << s.x1 << "×" << s.y1 << ", " << v.scale << " px/km");
    for (const Polygon* p : LandPolygons(m, 0)) REQUIRE_FALSE(PolygonTouchesBox(*p, padded));
    // and it is on screen, not cut off
    const Pt a = v.ToScreen({inset.x0, inset.y1}), b = v.ToScreen({inset.x1, inset.y0});
    CHECK(a.x >= s.x0);
    CHECK(a.y >= s.y0);
    CHECK(b.x <= s.x1);
    CHECK(b.y <= s.y1);
  }
}

TEST_CASE("map labels never overlap at any zoom, and close neighbours are all named", "[map_content]") {
  const Box screens[] = {{0, 0, 1000, 600},  {0, 0, 1366, 768},  {0, 0, 1920, 1080},
                         {0, 0, 3840, 2160}, {0, 0, 1080, 1920}, {0, 0, 5040, 1620}};
  for (const Box& s : screens)
    for (double px : {12.0, 14.4, 18.0, 24.0}) {
      INFO("screen " << s.x1 << "×" << s.y1 << ", labels " << px << " px");
      Box inset;
      const auto placed = Layout(Provinces(), s, px * s.y1 / 768, &inset);
      for (size_t i = 0; i < placed.size(); ++i) {
        const Box& a = placed[i].rect;
        CHECK_FALSE((a.x0 < inset.x1 && inset.x0 < a.x1 && a.y0 < inset.y1 && inset.y0 < a.y1));
        for (size_t j = i + 1; j < placed.size(); ++j) {
          const Box& b = placed[j].rect;
          INFO(Asset().regions[placed[i].id].name << " / " << Asset().regions[placed[j].id].name);
          REQUIRE_FALSE((a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1));
        }
      }
      for (const char* name : {"北京", "天津", "上海", "江苏", "香港", "澳门", "台湾"}) {
        INFO(name);
        CHECK(Named(placed, name));
      }
      CHECK(placed.size() >= 32);
    }
  // Zoomed into provinces: their prefectures' labels never overlap either.
  for (const char* code : {"140000", "440000", "320000", "130000"}) {
    const int prov = Asset().Find(code);
    std::vector<int> kids;
    for (size_t i = 0; i < Asset().regions.size(); ++i)
      if (Asset().regions[i].parent == prov && Asset().regions[i].level == 2) kids.push_back(static_cast<int>(i));
    REQUIRE_FALSE(kids.empty());
    Box inset;
    const auto placed = Layout(kids, {0, 0, 1366, 768}, 14.4, &inset);
    for (size_t i = 0; i < placed.size(); ++i)
      for (size_t j = i + 1; j < placed.size(); ++j) {
        const Box &a = placed[i].rect, &b = placed[j].rect;
        REQUIRE_FALSE((a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1));
      }
    CHECK(placed.size() * 10 >= kids.size() * 8);  // most are named
  }
}

TEST_CASE("label placement takes the next free spot and leaves out what has no room", "[map_content]") {
  const auto everywhere = [](int, Pt) { return true; };
  const Box screen{0, 0, 200, 100};
  // Two labels on one anchor: the second moves, they do not overlap.
  auto placed = PlaceLabels({{1, {100, 50}, 40, 10, 0}, {2, {100, 50}, 40, 10, 1}}, {}, screen, everywhere);
  REQUIRE(placed.size() == 2);
  CHECK(placed[0].id == 1);
  CHECK(placed[0].rect.x0 == 80);
  CHECK((placed[1].rect.y0 >= placed[0].rect.y1 || placed[1].rect.y1 <= placed[0].rect.y0 ||
         placed[1].rect.x0 >= placed[0].rect.x1 || placed[1].rect.x1 <= placed[0].rect.x0));
  // Priority decides who keeps the spot.
  placed = PlaceLabels({{1, {100, 50}, 40, 10, 5}, {2, {100, 50}, 40, 10, 1}}, {}, screen, everywhere);
  CHECK(placed[0].id == 2);
  CHECK(placed[0].rect.x0 == 80);
  // An obstacle covering everything: nothing placed rather than overlapping.
  placed = PlaceLabels({{1, {100, 50}, 40, 10, 0}}, {{0, 0, 200, 100}}, screen, everywhere);
  CHECK(placed.empty());
  // Outside its own region a label is moved further and gets a leader line.
  placed = PlaceLabels({{1, {100, 50}, 40, 10, 0}, {2, {100, 50}, 40, 10, 1}}, {}, screen,
                       [](int id, Pt p) { return id == 1 || (p.x == 100 && p.y == 50); });
  REQUIRE(placed.size() == 2);
  CHECK(placed[1].leader);
}
