// map_keynav.h — arrow keys on the map (issue 10): from one region to its neighbour in the
// direction pressed, chosen among the regions' label points on screen, so a keyboard (or a screen
// reader user) can walk the map region by region.
#pragma once
#include <vector>

namespace lw::map {

struct NavPoint {
  float x = 0, y = 0;  // screen position (y grows downwards)
};

enum class NavDir { Left, Right, Up, Down };

// Index into `points` of the region to go to from `from` in direction `dir`, or `from` itself
// when nothing lies that way. Nearest along the direction wins; sideways distance counts double,
// so Right from 山西 goes to 河北, not to a province far below. from < 0: the top-left-most point.
int NextInDirection(const std::vector<NavPoint>& points, int from, NavDir dir);

}  // namespace lw::map
