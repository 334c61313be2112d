// map_asset.h — the compact map of China shipped with the app (assets: map.bin), built at
// build time by tools/mapgen.cpp from npm echarts@4.9.0's map/json data: 34 provincial units,
// every prefecture-level unit (districts for the four municipalities), and the 南海诸岛 inset.
// Coordinates are Albers-projected km, quantized to 0.1 km; each region carries a coarse and a
// fine outline (level of detail by zoom).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "map_geometry.h"

namespace lw::map {

enum class Lod { Coarse = 0, Fine = 1 };
constexpr int kLods = 2;

struct MapRegion {
  std::string code;  // GB/T 2260 ("140000", "140100"); "" for decorations such as the inset
  std::string name;  // short name as printed on maps (山西, 太原市)
  int level = 0;     // 1 province, 2 prefecture, 0 decoration
  int parent = -1;   // province index for level 2
  Pt label;          // where the name goes (inside the region)
  std::vector<Polygon> shapes[kLods];
};

struct Box {
  double x0 = 1e18, y0 = 1e18, x1 = -1e18, y1 = -1e18;
  void Add(Pt p);
  bool empty() const { return x0 > x1; }
};

struct MapAsset {
  std::vector<MapRegion> regions;

  std::string Write() const;                // binary, little-endian (see map_asset.cpp)
  bool Read(const std::string& bytes);      // false on anything malformed
  Box Bounds(int level_filter = -1) const;  // of provinces (1), prefectures (2), or all (-1)
  int Find(const std::string& code) const;
};

// A region's outline turned into triangles once, for drawing filled.
struct Mesh {
  std::vector<Pt> points;                            // all rings of all shapes, in order
  std::vector<uint32_t> triangles;                   // indices into points
  std::vector<std::pair<uint32_t, uint32_t>> rings;  // [first, count] per ring, for outlines
};
Mesh BuildMesh(const std::vector<Polygon>& shapes);

}  // namespace lw::map
