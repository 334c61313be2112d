// mapgen.cpp — builds assets map.bin from npm echarts@4.9.0 map/json (Apache-2.0) at build time:
// decodes ECharts' compressed coordinates, projects (Albers, see map_geometry.h), simplifies to
// a coarse and a fine outline, and adds what a complete map of China must show (map_features.h):
// 钓鱼岛 and 赤尾屿 as part of 台湾 (never simplified), the 十段线 segment east of 台湾, and the
// 南海诸岛 inset placed clear of all land. Fails when the result lacks any of them.
// Usage: lw_mapgen ECHARTS_MAP_JSON_DIR REGIONS_JSON OUT.bin
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "map_asset.h"
#include "map_features.h"
#include "map_layout.h"
#include "text_file.h"

using nlohmann::json;
using namespace lw::map;

namespace {

// Simplification tolerances in km: the national view draws every prefecture coarse; a drilled
// province uses the fine outline.
constexpr double kCoarseKm = 3.5, kFineKm = 1.0;

json Load(const std::filesystem::path& p) { return json::parse(lw::ReadTextFile(p)); }

// Most files are ECharts-compressed ("UTF8Encoding"); xizang.json is plain GeoJSON.
// drop_blobs: 台湾's schematic 钓鱼岛/赤尾屿 blobs in china.json (replaced by map_features.h).
std::vector<Polygon> Shapes(const json& feature, double scale, bool encoded, bool drop_blobs = false) {
  std::vector<Polygon> out;
  const json& g = feature["geometry"];
  const bool multi = g["type"] == "MultiPolygon";
  const json& coords = g["coordinates"];
  const json offsets = g.contains("encodeOffsets") ? g["encodeOffsets"] : json();
  const auto ring = [&](const json& data, const json& off) {
    Ring r;
    if (encoded) {
      r = DecodeEchartsRing(data.get<std::string>(), off[0].get<double>(), off[1].get<double>(), scale);
    } else {
      for (const json& c : data) r.push_back({c[0].get<double>(), c[1].get<double>()});
      if (r.size() > 1 && r.front().x == r.back().x && r.front().y == r.back().y) r.pop_back();
    }
    return r;
  };
  for (size_t i = 0; i < coords.size(); ++i) {
    Polygon poly;
    if (multi)
      for (size_t k = 0; k < coords[i].size(); ++k)
        poly.push_back(ring(coords[i][k], encoded ? offsets[i][k] : json()));
    else
      poly.push_back(ring(coords[i], encoded ? offsets[i] : json()));
    if (drop_blobs && IsEchartsDiaoyuBlob(poly[0])) continue;
    for (Ring& r : poly)
      for (Pt& p : r) p = AlbersChina(p.x, p.y);
    out.push_back(std::move(poly));
  }
  return out;
}

std::vector<Polygon> Simplified(const std::vector<Polygon>& shapes, double tol, double min_area) {
  std::vector<Polygon> out;
  for (const Polygon& poly : shapes) {
    if (std::fabs(SignedArea(poly[0])) < min_area) continue;  // specks vanish at this scale
    Polygon p;
    for (const Ring& r : poly) {
      if (r.size() < 3) continue;
      Ring s = SimplifyKeepingSimple(r, tol);
      if (!IsSimple(s)) {      // a self-touching speck in the source data: not drawable as an area
        if (p.empty()) break;  // outer ring: drop the whole piece
        continue;              // a hole: drop the hole
      }
      p.push_back(std::move(s));
    }
    if (!p.empty()) out.push_back(std::move(p));
  }
  if (out.empty() && !shapes.empty()) out.push_back(shapes[0]);  // never lose a region entirely
  return out;
}

// GB/T 2260 names → codes (tools/make_regions.mjs output), for the few features without an id.
std::map<std::string, std::string> g_codes_by_name;

std::string CodeByName(const std::string& name, const json& province_file) {
  // The province is the one its sibling features belong to.
  std::string prefix;
  for (const json& f : province_file["features"])
    if (f.contains("id") && f["id"].is_string() && f["id"].get<std::string>().size() == 6) {
      prefix = f["id"].get<std::string>().substr(0, 2);
      break;
    }
  const auto it = g_codes_by_name.find(prefix + name);
  return it == g_codes_by_name.end() ? std::string() : it->second;
}

// ECharts' "cp" (centre point) when given, else the centroid of the largest outer ring.
Pt LabelPoint(const json& feature, const std::vector<Polygon>& shapes) {
  const json& props = feature["properties"];
  if (props.contains("cp") && props["cp"].is_array() && props["cp"].size() == 2)
    return AlbersChina(props["cp"][0].get<double>(), props["cp"][1].get<double>());
  const Ring* best = nullptr;
  for (const Polygon& p : shapes)
    if (!best || std::fabs(SignedArea(p[0])) > std::fabs(SignedArea(*best))) best = &p[0];
  Pt c;
  for (Pt p : *best) c.x += p.x / best->size(), c.y += p.y / best->size();
  return c;
}

Polygon Projected(const LonLatShape& shape) {
  Ring r;
  for (Pt p : shape.lonlat) r.push_back(AlbersChina(p.x, p.y));
  if (SignedArea(r) < 0) std::reverse(r.begin(), r.end());
  return {r};
}

Pt Centroid(const Ring& r) {
  Pt c;
  for (Pt p : r) c.x += p.x / r.size(), c.y += p.y / r.size();
  return c;
}

// The inset of the South China Sea islands as ECharts draws it (lib/coord/geo/fix/nanhai.js: the
// coast at the top, the ten dashes, the frame), upright in `box` (in projected km, not projected
// itself: an inset is a picture in a frame, not a place). y grows downwards in ECharts' figures.
std::vector<Polygon> NanhaiInset(const Box& box) {
  const std::vector<std::vector<std::pair<double, double>>> raw = {
      {{0, 3.5},
       {7, 11.2},
       {15, 11.9},
       {30, 7},
       {42, 0.7},
       {52, 0.7},
       {56, 7.7},
       {59, 0.7},
       {64, 0.7},
       {64, 0},
       {5, 0}},
      {{13, 16.1}, {19, 14.7}, {16, 21.7}, {11, 23.1}},
      {{12, 32.2}, {14, 38.5}, {15, 38.5}, {13, 32.2}},
      {{16, 47.6}, {12, 53.2}, {13, 53.2}, {18, 47.6}},
      {{6, 64.4}, {8, 70}, {9, 70}, {8, 64.4}},
      {{23, 82.6}, {29, 79.8}, {30, 79.8}, {25, 82.6}},
      {{37, 70.7}, {43, 62.3}, {44, 62.3}, {39, 70.7}},
      {{48, 51.1}, {51, 45.5}, {53, 45.5}, {50, 51.1}},
      {{51, 35}, {51, 28.7}, {53, 28.7}, {53, 35}},
      {{52, 22.4}, {55, 17.5}, {56, 17.5}, {53, 22.4}},
      {{58, 12.6}, {62, 7}, {63, 7}, {60, 12.6}},
      {{0, 3.5}, {0, 93.1}, {64, 93.1}, {64, 0}, {63, 0}, {63, 92.4}, {1, 92.4}, {1, 3.5}}};
  const double w = box.x1 - box.x0, h = box.y1 - box.y0;
  std::vector<Polygon> out;
  for (const auto& pts : raw) {
    Ring r;
    for (auto [x, y] : pts) r.push_back({box.x0 + x / 64 * w, box.y1 - y / 93.1 * h});
    out.push_back({r});
  }
  return out;
}

MapRegion Decoration(const char* name, std::vector<Polygon> shapes, int parent) {
  MapRegion d;
  d.name = name;
  d.parent = parent;
  d.label = Centroid(shapes[0][0]);
  d.shapes[0] = d.shapes[1] = std::move(shapes);
  return d;
}

// What a complete map must carry, checked on the stored (quantized) asset: the build fails
// rather than ship a map without them.
bool CheckFeatures(const MapAsset& map) {
  const int tw = map.Find(kTaiwanCode);
  bool ok = tw >= 0 && FindDecoration(map, kTenDashName) >= 0 && map.regions.back().name == kNanhaiName;
  for (const LonLatShape& island : DiaoyuIslands()) {
    const int i = FindDecoration(map, island.name);
    ok = ok && i >= 0 && map.regions[i].parent == tw;
  }
  Box inset;
  for (const Polygon& p : map.regions.back().shapes[0])
    for (Pt q : p[0]) inset.Add(q);
  for (const Polygon* p : LandPolygons(map, 0))
    if (PolygonTouchesBox(*p, inset)) {
      std::fprintf(stderr, "lw_mapgen: the 南海诸岛 inset covers land\n");
      ok = false;
      break;
    }
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: lw_mapgen ECHARTS_MAP_JSON_DIR REGIONS_JSON OUT.bin\n");
    return 2;
  }
  const std::filesystem::path dir = argv[1];
  for (const json& r : Load(argv[2])["regions"])
    g_codes_by_name[r[0].get<std::string>().substr(0, 2) + r[1].get<std::string>()] = r[0].get<std::string>();
  MapAsset map;
  std::map<std::string, int> province_index;
  const json china = Load(dir / "china.json");
  const double scale = china.value("UTF8Scale", 1024.0);
  for (const json& f : china["features"]) {
    MapRegion r;
    r.code = f.value("id", "");
    r.name = f["properties"].value("name", "");
    r.level = 1;
    const auto shapes = Shapes(f, scale, china.value("UTF8Encoding", false), r.code == kTaiwanCode);
    r.label = LabelPoint(f, shapes);
    r.shapes[0] = Simplified(shapes, kCoarseKm, 25);
    r.shapes[1] = Simplified(shapes, kFineKm, 2);
    if (r.code == kTaiwanCode)  // after simplification: islands of a few km² must never vanish
      for (const LonLatShape& island : DiaoyuIslands())
        for (auto& lod : r.shapes) lod.push_back(Projected(island));
    province_index[r.code.substr(0, 2)] = static_cast<int>(map.regions.size());
    map.regions.push_back(std::move(r));
  }
  size_t prefectures = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir / "province")) {
    const json prov = Load(e.path());
    const double s = prov.value("UTF8Scale", 1024.0);
    const bool encoded = prov.value("UTF8Encoding", false);
    for (const json& f : prov["features"]) {
      const std::string name = f["properties"].value("name", "");
      std::string code = f.contains("id") && f["id"].is_string() ? f["id"].get<std::string>() : "";
      if (code.size() != 6) code = CodeByName(name, prov);  // e.g. 山南市 has no id in this data set
      if (code.size() != 6) continue;                       // Taiwan's counties: no GB/T 2260 codes
      auto parent = province_index.find(code.substr(0, 2));
      if (parent == province_index.end()) continue;
      MapRegion r;
      r.code = code;
      r.name = f["properties"].value("name", "");
      r.level = 2;
      r.parent = parent->second;
      const auto shapes = Shapes(f, s, encoded);
      r.label = LabelPoint(f, shapes);
      r.shapes[0] = Simplified(shapes, kCoarseKm, 4);
      r.shapes[1] = Simplified(shapes, kFineKm, 0.5);
      map.regions.push_back(std::move(r));
      ++prefectures;
    }
  }
  const int taiwan = map.Find(kTaiwanCode);
  for (const LonLatShape& island : DiaoyuIslands())
    map.regions.push_back(Decoration(island.name, {Projected(island)}, taiwan));
  map.regions.push_back(Decoration(kTenDashName, {Projected(TaiwanEastDash())}, -1));
  std::vector<Polygon> land;
  for (const MapRegion& r : map.regions) land.insert(land.end(), r.shapes[0].begin(), r.shapes[0].end());
  const Box inset_box = PlaceInsetBox(land, map.Bounds(1));
  MapRegion inset = Decoration(kNanhaiName, NanhaiInset(inset_box), -1);
  inset.label = {(inset_box.x0 + inset_box.x1) / 2, inset_box.y0 + 0.06 * (inset_box.y1 - inset_box.y0)};
  map.regions.push_back(std::move(inset));
  // Quantizing to 0.1 km can make a tiny, already simple ring touch itself: check the stored
  // form, and drop such specks (pieces a few km² in size) before writing.
  MapAsset stored;
  stored.Read(map.Write());
  size_t dropped = 0;
  for (MapRegion& r : stored.regions)
    for (auto& shapes : r.shapes)
      for (size_t i = 0; i < shapes.size();) {
        Polygon& p = shapes[i];
        if (!IsSimple(p[0]) && shapes.size() > 1) {
          shapes.erase(shapes.begin() + i);
          ++dropped;
          continue;
        }
        p.erase(std::remove_if(p.begin() + 1, p.end(), [](const Ring& h) { return !IsSimple(h); }), p.end());
        ++i;
      }
  std::printf("dropped %zu specks that quantization made self-touching\n", dropped);
  if (!CheckFeatures(stored)) {
    std::fprintf(stderr, "lw_mapgen: 钓鱼岛、赤尾屿、十段线 or the 南海诸岛 inset missing or misplaced\n");
    return 1;
  }
  const std::string bytes = stored.Write();
  std::ofstream(argv[3], std::ios::binary) << bytes;
  std::printf(
      "map.bin: %zu provinces, %zu prefecture-level units + 钓鱼岛、赤尾屿、十段线、南海诸岛 inset, %zu bytes\n",
      province_index.size(), prefectures, bytes.size());
  return 0;
}
