// map_features.h — what a complete map of China needs beyond echarts@4.9.0's outlines (公开地图内容
// 表示规范, 自然资源部 2023: 钓鱼岛及其附属岛屿 and the 南海诸岛 with the 十段线 on every complete
// map, nothing drawn over important islands). Longitude/latitude in degrees, with their sources;
// tools/mapgen projects them into map.bin, the tests look for them there by name.
#pragma once
#include <string>
#include <vector>

#include "map_geometry.h"

namespace lw::map {

// Names of the decorations in map.bin (level 0 regions): the tests and the map view find them so.
inline constexpr const char* kDiaoyuName = "钓鱼岛";
inline constexpr const char* kChiweiName = "赤尾屿";
inline constexpr const char* kTenDashName = "十段线";   // the segment east of 台湾 (main map)
inline constexpr const char* kNanhaiName = "南海诸岛";  // the inset, always the last region
inline constexpr const char* kTaiwanCode = "710000";

struct LonLatShape {
  const char* name;
  std::vector<Pt> lonlat;  // x = longitude, y = latitude (degrees)
  const char* source;
};

// 钓鱼岛 and 赤尾屿, part of 台湾省: tiny (钓鱼岛 ≈ 4.6 × 1.7 km), so the view draws them at a
// minimum size at every scale and the generator never simplifies them.
const std::vector<LonLatShape>& DiaoyuIslands();

// The one segment of the 十段线 that lies outside the 南海诸岛 inset: east of 台湾.
LonLatShape TaiwanEastDash();

// echarts@4.9.0's china.json carries two schematic blobs east of 台湾 (123.3–123.7°E and
// 124.6–124.8°E) that do not contain the islands' declared positions; they are replaced.
bool IsEchartsDiaoyuBlob(const Ring& lonlat_ring);

}  // namespace lw::map
