// test_map_keynav.cpp — arrow keys walk the map region by region.
#include <catch2/catch.hpp>

#include "map_keynav.h"

using namespace lw::map;

TEST_CASE("arrows go to the nearest region that way, sideways distance counting double", "[map_keynav]") {
  // Label points roughly as on the national map: 山西 (0), 河北 right of it, 北京 up-right,
  // 陕西 left, 河南 below, 山东 right and lower.
  const std::vector<NavPoint> p = {{500, 400}, {570, 380}, {590, 320}, {430, 430}, {520, 480}, {680, 450}};
  CHECK(NextInDirection(p, 0, NavDir::Right) == 1);
  CHECK(NextInDirection(p, 0, NavDir::Left) == 3);
  CHECK(NextInDirection(p, 0, NavDir::Down) == 4);
  CHECK(NextInDirection(p, 0, NavDir::Up) == 1);  // 河北 is up a little and nearer than 北京
  CHECK(NextInDirection(p, 1, NavDir::Up) == 2);
  CHECK(NextInDirection(p, 1, NavDir::Right) == 2);  // 北京, up-right and near, before far 山东
  CHECK(NextInDirection(p, 2, NavDir::Down) == 1);
  CHECK(NextInDirection(p, 4, NavDir::Right) == 5);
  CHECK(NextInDirection(p, 1, NavDir::Left) == 0);
}

TEST_CASE("nothing that way keeps the region; no region yet starts top left", "[map_keynav]") {
  const std::vector<NavPoint> p = {{100, 100}, {200, 100}, {150, 40}};
  CHECK(NextInDirection(p, 1, NavDir::Right) == 1);
  CHECK(NextInDirection(p, 2, NavDir::Up) == 2);
  CHECK(NextInDirection(p, -1, NavDir::Down) == 2);  // smallest x + y
  CHECK(NextInDirection({}, -1, NavDir::Left) == -1);
}
