// map_features.cpp — see map_features.h.
#include "map_features.h"

#include <algorithm>

namespace lw::map {

namespace {
constexpr double Dm(int deg, double minutes) { return deg + minutes / 60.0; }
}  // namespace

const std::vector<LonLatShape>& DiaoyuIslands() {
  static const std::vector<LonLatShape> islands = {
      // The rectangle ECharts adds to 台湾 in code (echarts@4.9.0 lib/coord/geo/fix/diaoyuIsland.js);
      // it agrees with the declared base points 钓鱼岛1–4 (25°44.1′–25°44.7′N, 123°27.4′–123°27.5′E).
      {kDiaoyuName,
       {{123.45165252685547, 25.73527164402261},
        {123.49731445312499, 25.73527164402261},
        {123.49731445312499, 25.750734064600884},
        {123.45165252685547, 25.750734064600884}},
       "echarts@4.9.0 lib/coord/geo/fix/diaoyuIsland.js"},
      // The declared base points of 赤尾屿 (赤尾屿、望赤岛、小赤尾岛、赤背北岛、赤背东岛), in the order
      // the declaration links them (counter-clockwise).
      {kChiweiName,
       {{Dm(124, 33.7), Dm(25, 55.3)},
        {Dm(124, 33.7), Dm(25, 55.5)},
        {Dm(124, 33.5), Dm(25, 55.5)},
        {Dm(124, 33.3), Dm(25, 55.3)},
        {Dm(124, 33.2), Dm(25, 55.2)}},
       "中华人民共和国政府关于钓鱼岛及其附属岛屿领海基线的声明（2012-09-10），"
       "https://www.mnr.gov.cn/dt/hy/201209/t20120912_2330256.html"},
  };
  return islands;
}

LonLatShape TaiwanEastDash() {
  // Schematic, as every small-scale map draws it: a short north–south dash midway between 台湾's
  // east coast (≈ 121.9°E) and 与那国岛 (≈ 122.9°E), at the latitude of 花莲. No published
  // coordinates exist for it; the position follows the 标准地图 (bzdt.ch.mnr.gov.cn) by eye.
  const double x0 = 122.38, x1 = 122.46, y0 = 23.55, y1 = 24.35;
  return {kTenDashName, {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}, "schematic, after the 2023 标准地图"};
}

bool IsEchartsDiaoyuBlob(const Ring& r) {
  double min_lon = 1e9;
  for (Pt p : r) min_lon = std::min(min_lon, p.x);
  return min_lon > 123.0;  // 台湾's own coast and islands lie west of 122.1°E
}

}  // namespace lw::map
