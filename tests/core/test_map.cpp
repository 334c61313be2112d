// test_map.cpp — map geometry: ECharts decoding, Albers projection, simplification,
// triangulation (area preserved on concave shapes, holes and every real province), hit tests,
// class breaks, and the map.bin round trip.
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "map_asset.h"
#include "map_geometry.h"
#include "utf8.h"

using namespace lw::map;

namespace {
// The inverse of ECharts' encoding, to make known inputs.
std::string Encode(const std::vector<std::pair<long, long>>& q, long ox, long oy) {
  std::string s;
  long px = ox, py = oy;
  for (auto [x, y] : q) {
    const long dx = x - px, dy = y - py;
    lw::utf8::Append(s, static_cast<char32_t>(((dx << 1) ^ (dx >> 31)) + 64));
    lw::utf8::Append(s, static_cast<char32_t>(((dy << 1) ^ (dy >> 31)) + 64));
    px = x;
    py = y;
  }
  return s;
}

double TriArea(const Polygon& poly, const std::vector<uint32_t>& idx) {
  std::vector<Pt> pts;
  for (const Ring& r : poly) pts.insert(pts.end(), r.begin(), r.end());
  double a = 0;
  for (size_t i = 0; i + 2 < idx.size(); i += 3)
    a += std::fabs(SignedArea({pts[idx[i]], pts[idx[i + 1]], pts[idx[i + 2]]}));
  return a;
}

Polygon Concave() {  // an "E" shape, counter-clockwise
  return {{{0, 0}, {10, 0}, {10, 2}, {3, 2}, {3, 4}, {8, 4}, {8, 6}, {3, 6}, {3, 8}, {10, 8}, {10, 10}, {0, 10}}};
}
}  // namespace

TEST_CASE("ECharts UTF8Encoding decodes to the original coordinates", "[map]") {
  // 111.849248,36.857014 → quantized ×1024
  const std::vector<std::pair<long, long>> q = {{114534, 37741}, {114600, 37700}, {114480, 37650}, {114534, 37741}};
  const Ring r = DecodeEchartsRing(Encode(q, 114500, 37700), 114500, 37700);
  REQUIRE(r.size() == 3);  // the closing duplicate is dropped
  CHECK(r[0].x == Approx(114534 / 1024.0));
  CHECK(r[0].y == Approx(37741 / 1024.0));
  CHECK(r[2].x == Approx(114480 / 1024.0));
  // And real data: Shanxi's outline from echarts@4.9.0 lies around Taiyuan.
  std::ifstream in(std::string(LW_SOURCE_DIR) + "/node_modules/echarts/map/json/china.json");
  std::stringstream ss;
  ss << in.rdbuf();
  const auto china = nlohmann::json::parse(ss.str());
  for (const auto& f : china["features"])
    if (f["id"] == "140000") {
      const auto& g = f["geometry"];
      const Ring shanxi =
          DecodeEchartsRing(g["coordinates"][0].get<std::string>(), g["encodeOffsets"][0][0].get<double>(),
                            g["encodeOffsets"][0][1].get<double>());
      double minx = 1e9, maxx = -1e9, miny = 1e9, maxy = -1e9;
      for (Pt p : shanxi)
        minx = std::min(minx, p.x), maxx = std::max(maxx, p.x), miny = std::min(miny, p.y), maxy = std::max(maxy, p.y);
      CHECK(minx == Approx(110.2).margin(0.3));  // Shanxi spans 110.2–114.6°E, 34.6–40.7°N
      CHECK(maxx == Approx(114.6).margin(0.3));
      CHECK(miny == Approx(34.6).margin(0.3));
      CHECK(maxy == Approx(40.7).margin(0.3));
      CHECK(PointInRing(shanxi, {112.55, 37.87}));  // Taiyuan
    }
}

TEST_CASE("Albers equal-area conic: origin, symmetry and equal area", "[map]") {
  const Pt o = AlbersChina(105, 0);
  CHECK(o.x == Approx(0).margin(1e-9));
  CHECK(o.y == Approx(0).margin(1e-9));
  const Pt a = AlbersChina(100, 30), b = AlbersChina(110, 30);
  CHECK(a.x == Approx(-b.x));
  CHECK(a.y == Approx(b.y));
  CHECK(AlbersChina(105, 40).x == Approx(0).margin(1e-9));
  CHECK(AlbersChina(105, 40).y > AlbersChina(105, 30).y);  // north is up
  // Equal area: a 1°×1° cell anywhere keeps its area on the sphere, R²·Δλ·(sin φ2 − sin φ1).
  for (auto [lon, lat] : {std::pair{80.0, 45.0}, {105.0, 30.0}, {125.0, 20.0}, {88.0, 30.0}}) {
    const Ring cell = {AlbersChina(lon, lat), AlbersChina(lon + 1, lat), AlbersChina(lon + 1, lat + 1),
                       AlbersChina(lon, lat + 1)};
    const double pi = 3.14159265358979323846;
    const double sphere =
        kEarthRadiusKm * kEarthRadiusKm * (pi / 180) * (std::sin((lat + 1) * pi / 180) - std::sin(lat * pi / 180));
    CHECK(std::fabs(SignedArea(cell)) == Approx(sphere).epsilon(0.002));  // parallels are arcs: tiny chord error
  }
  // Beijing–Shanghai: 1,067 km great-circle; an equal-area projection bends distances a little.
  const Pt bj = AlbersChina(116.40, 39.90), sh = AlbersChina(121.47, 31.23);
  CHECK(std::hypot(bj.x - sh.x, bj.y - sh.y) == Approx(1067).epsilon(0.02));
}

TEST_CASE("triangulation covers exactly the polygon: concave shapes and holes", "[map]") {
  const Polygon e = Concave();
  const auto t = Triangulate(e);
  CHECK(t.size() == 3 * (e[0].size() - 2));
  CHECK(TriArea(e, t) == Approx(Area(e)));
  CHECK(Area(e) == Approx(100 - 14 - 4 - 14));
  // Clockwise input works too.
  Polygon cw = e;
  std::reverse(cw[0].begin(), cw[0].end());
  CHECK(TriArea(cw, Triangulate(cw)) == Approx(Area(cw)));
  // A square with two holes.
  const Polygon holes = {
      {{0, 0}, {20, 0}, {20, 20}, {0, 20}}, {{2, 2}, {2, 6}, {6, 6}, {6, 2}}, {{10, 10}, {10, 15}, {15, 15}, {15, 10}}};
  CHECK(Area(holes) == Approx(400 - 16 - 25));
  CHECK(TriArea(holes, Triangulate(holes)) == Approx(Area(holes)));
}

TEST_CASE("every real region triangulates to its own area at both levels of detail", "[map]") {
  const std::string bin = std::string(LW_MAP_BIN);
  std::ifstream in(bin, std::ios::binary);
  REQUIRE(in.good());  // made by the native build (lw_map) before the tests are built
  std::stringstream ss;
  ss << in.rdbuf();
  MapAsset map;
  REQUIRE(map.Read(ss.str()));
  CHECK(map.Bounds(1).x1 - map.Bounds(1).x0 > 4500);  // China spans ~5,000 km east–west
  int provinces = 0, prefectures = 0;
  double worst = 0;
  for (const MapRegion& r : map.regions) {
    provinces += r.level == 1;
    prefectures += r.level == 2;
    for (int lod = 0; lod < kLods; ++lod)
      for (const Polygon& p : r.shapes[lod]) {
        const double want = Area(p), got = TriArea(p, Triangulate(p));
        if (want > 1) worst = std::max(worst, std::fabs(got - want) / want);
      }
  }
  CHECK(provinces == 34);
  CHECK(prefectures >= 370);
  INFO("worst relative area error " << worst);
  CHECK(worst < 0.01);
  const int sx = map.Find("140000");
  REQUIRE(sx >= 0);
  int cities = 0;
  for (const MapRegion& r : map.regions) cities += r.parent == sx;
  CHECK(cities == 11);  // 山西's 11 cities
  CHECK(map.regions.back().name == "南海诸岛");
  // Round trip keeps everything within the 0.1 km quantum.
  MapAsset again;
  REQUIRE(again.Read(map.Write()));
  CHECK(again.regions.size() == map.regions.size());
  CHECK(again.regions[sx].shapes[1][0][0][0].x == Approx(map.regions[sx].shapes[1][0][0][0].x).margin(0.051));
  CHECK_FALSE(again.Read("LWMAP01"));
  CHECK_FALSE(again.Read(map.Write().substr(0, 1000)));
}

TEST_CASE("point in polygon on concave shapes and holes", "[map]") {
  const Polygon e = Concave();
  CHECK(PointInPolygon(e, {1, 1}));
  CHECK(PointInPolygon(e, {9, 9}));
  CHECK_FALSE(PointInPolygon(e, {6, 3}));  // in the notch: inside the bounding box, outside the shape
  CHECK_FALSE(PointInPolygon(e, {6, 7}));
  CHECK_FALSE(PointInPolygon(e, {11, 5}));
  const Polygon holes = {{{0, 0}, {20, 0}, {20, 20}, {0, 20}}, {{2, 2}, {2, 6}, {6, 6}, {6, 2}}};
  CHECK(PointInPolygon(holes, {10, 10}));
  CHECK_FALSE(PointInPolygon(holes, {4, 4}));  // in the hole
}

TEST_CASE("a bow-tie is not simple; simplification backs off to stay simple", "[map]") {
  CHECK(IsSimple(Concave()[0]));
  CHECK_FALSE(IsSimple({{0, 0}, {10, 10}, {10, 0}, {0, 10}}));
  Ring zig;  // a thin zig-zag whose coarse simplification would cross itself
  for (int i = 0; i <= 20; ++i) zig.push_back({i * 1.0, (i % 2) * 0.3});
  for (int i = 20; i >= 0; --i) zig.push_back({i * 1.0, 0.6 + (i % 2) * 0.3});
  CHECK(IsSimple(SimplifyKeepingSimple(zig, 5)));
}

TEST_CASE("simplification keeps shape and never collapses a ring", "[map]") {
  Ring circle;
  for (int i = 0; i < 360; ++i)
    circle.push_back({100 * std::cos(i * 3.14159265 / 180), 100 * std::sin(i * 3.14159265 / 180)});
  const Ring s = Simplify(circle, 1.0);
  CHECK(s.size() < 60);
  CHECK(std::fabs(SignedArea(s)) == Approx(std::fabs(SignedArea(circle))).epsilon(0.03));
  CHECK(Simplify(circle, 1e6).size() == 4);
}

TEST_CASE("Jenks natural breaks find the gaps in skewed data", "[map]") {
  CHECK(JenksBreaks({1, 2, 3, 10, 11, 12, 100, 101}, 3) == std::vector<double>{3, 12, 101});
  const std::vector<double> skewed = {5, 8, 12, 15, 20, 22, 30, 45, 60, 80, 150, 220, 900, 2400, 15000};
  const auto b = JenksBreaks(skewed, 5);
  REQUIRE(b.size() == 5);
  CHECK(b.back() == 15000);
  CHECK(b[3] == 2400);  // the outliers get classes of their own
  CHECK(std::is_sorted(b.begin(), b.end()));
  CHECK(ClassOf(b, 5) == 0);
  CHECK(ClassOf(b, 15000) == 4);
  CHECK(JenksBreaks({7, 7, 7}, 5) == std::vector<double>{7});
  CHECK(JenksBreaks({}, 5).empty());
}

#include "aggregate.h"
#include "example_data.h"
#include "region.h"

TEST_CASE("the example dataset is deterministic, valid and covers every province", "[map]") {
  std::ifstream in(std::string(LW_REGIONS_JSON));
  std::stringstream ss;
  ss << in.rdbuf();
  lw::RegionDb db;
  REQUIRE(db.LoadJson(ss.str()));
  const lw::FormLibrary forms = lw::LoadFormLibrary(std::string(LW_SOURCE_DIR) + "/assets/forms");
  const lw::Bundle a = lw::MakeExampleBundle(db, "2020", "2020-10-19", 7);
  const lw::Bundle b = lw::MakeExampleBundle(db, "2020", "2020-10-19", 7);
  const std::string bytes = lw::WriteBundle(a, forms);
  CHECK(bytes == lw::WriteBundle(b, forms));  // same on every machine
  const auto read = lw::ReadBundle(bytes, forms);
  INFO(read.error);
  REQUIRE(read.bundle);  // it passes every import check
  std::vector<lw::SourceRecord> src;
  for (const lw::Record& r : read.bundle->records) src.push_back({&r, lw::kExampleUnit, ""});
  const auto fig = lw::FiguresByRegion(src);
  for (const std::string& p : db.Provinces()) {
    INFO(p);
    REQUIRE(fig.count(p));
    CHECK(fig.at(p).activities > 0);
    CHECK(fig.at(p).stars >= 3);
    CHECK(fig.at(p).projects >= 3);
  }
  // The day slider: fewer activities by the first day than by the last.
  const auto day1 = lw::FiguresByRegion(src, "2020-10-19");
  long long first = 0, all = 0;
  for (const auto& [code, f] : day1) first += code.substr(2) == "0000" ? f.activities : 0;
  for (const auto& [code, f] : fig) all += code.substr(2) == "0000" ? f.activities : 0;
  CHECK(first < all);
  CHECK(first > 0);
}
