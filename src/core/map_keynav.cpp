// map_keynav.cpp — see map_keynav.h.
#include "map_keynav.h"

#include <cmath>
#include <limits>

namespace lw::map {

int NextInDirection(const std::vector<NavPoint>& points, int from, NavDir dir) {
  const int n = static_cast<int>(points.size());
  if (n == 0) return -1;
  if (from < 0 || from >= n) {  // nothing chosen yet: start where a reader starts, top left
    int best = 0;
    for (int i = 1; i < n; ++i)
      if (points[i].y + points[i].x < points[best].y + points[best].x) best = i;
    return best;
  }
  const NavPoint o = points[from];
  int best = from;
  float best_score = std::numeric_limits<float>::max();
  for (int i = 0; i < n; ++i) {
    if (i == from) continue;
    const float dx = points[i].x - o.x, dy = points[i].y - o.y;
    float along = 0, side = 0;
    switch (dir) {
      case NavDir::Left:
        along = -dx, side = dy;
        break;
      case NavDir::Right:
        along = dx, side = dy;
        break;
      case NavDir::Up:
        along = -dy, side = dx;
        break;
      case NavDir::Down:
        along = dy, side = dx;
        break;
    }
    if (along <= 0.5f) continue;  // not that way
    const float score = along + 2 * std::fabs(side);
    if (score < best_score) best_score = score, best = i;
  }
  return best;
}

}  // namespace lw::map
