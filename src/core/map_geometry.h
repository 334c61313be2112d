// map_geometry.h — the geometry behind the activity map: ECharts' compressed coordinates,
// Albers equal-area projection, simplification, triangulation of concave polygons with holes,
// point-in-polygon hit tests, and class breaks for skewed data.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace lw::map {

struct Pt {
  double x = 0, y = 0;
};
using Ring = std::vector<Pt>;       // closed implicitly: last point != first point
using Polygon = std::vector<Ring>;  // [0] outer boundary, [1..] holes

// ECharts "UTF8Encoding": zigzag + delta encoded, one char per coordinate, offset by 64.
// `encoded` is UTF-8 text as stored in the JSON file.
Ring DecodeEchartsRing(const std::string& encoded, double offset_x, double offset_y, double scale = 1024);

// Albers equal-area conic on a sphere (R = 6371 km): standard parallels 25°N and 47°N, central
// meridian 105°E, origin latitude 0°. Result in km; y grows north.
Pt AlbersChina(double lon_deg, double lat_deg);
constexpr double kEarthRadiusKm = 6371.0;

// Douglas–Peucker on a closed ring; keeps at least 4 points (a triangle never collapses).
Ring Simplify(const Ring& ring, double tolerance);

// True when no two non-adjacent edges touch: simplification can create bow-ties, which have
// no proper area or triangulation.
bool IsSimple(const Ring& ring);
// Simplify, backing off the tolerance until the result is still a simple ring.
Ring SimplifyKeepingSimple(const Ring& ring, double tolerance);

double SignedArea(const Ring& ring);  // shoelace; > 0 counter-clockwise
double Area(const Polygon& polygon);  // outer minus holes
// Triangulates a polygon with holes (ear clipping; holes bridged to the outer ring).
// Returns indices into the concatenation of all rings' points.
std::vector<uint32_t> Triangulate(const Polygon& polygon);

bool PointInRing(const Ring& ring, Pt p);
bool PointInPolygon(const Polygon& polygon, Pt p);  // inside the outer ring and no hole

// Jenks natural breaks (Fisher's exact optimisation): upper bounds of `classes` classes.
// Suits skewed figures (a few provinces with very many participants); fewer distinct values
// than classes gives fewer breaks.
std::vector<double> JenksBreaks(std::vector<double> values, int classes);
// Index of the class a value falls in (0-based), given the breaks above.
int ClassOf(const std::vector<double>& breaks, double value);

}  // namespace lw::map
