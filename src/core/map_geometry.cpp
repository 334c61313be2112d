// map_geometry.cpp — see map_geometry.h.
#include "map_geometry.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "utf8.h"

namespace lw::map {

namespace {
constexpr double kPi = 3.14159265358979323846;
double Rad(double d) { return d * kPi / 180.0; }

double Cross(Pt o, Pt a, Pt b) { return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x); }

double SegDist2(Pt p, Pt a, Pt b) {
  const double dx = b.x - a.x, dy = b.y - a.y;
  const double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0;
  t = std::clamp(t, 0.0, 1.0);
  const double qx = a.x + t * dx - p.x, qy = a.y + t * dy - p.y;
  return qx * qx + qy * qy;
}

void DouglasPeucker(const Ring& r, size_t a, size_t b, double tol2, std::vector<bool>& keep) {
  double best = -1;
  size_t idx = a;
  for (size_t i = a + 1; i < b; ++i) {
    const double d = SegDist2(r[i], r[a], r[b]);
    if (d > best) best = d, idx = i;
  }
  if (best > tol2) {
    keep[idx] = true;
    DouglasPeucker(r, a, idx, tol2, keep);
    DouglasPeucker(r, idx, b, tol2, keep);
  }
}

// --- Ear clipping over a doubly linked list of vertices (the approach of mapbox/earcut) ---
struct Node {
  uint32_t i;
  Pt p;
  Node *prev = nullptr, *next = nullptr;
};

bool PointInTriangle(Pt a, Pt b, Pt c, Pt p) {
  return Cross(a, b, p) >= 0 && Cross(b, c, p) >= 0 && Cross(c, a, p) >= 0;
}

bool IsEar(const Node* ear) {
  const Pt a = ear->prev->p, b = ear->p, c = ear->next->p;
  if (Cross(a, b, c) <= 0) return false;  // reflex (the list is counter-clockwise)
  for (const Node* n = ear->next->next; n != ear->prev; n = n->next) {
    const bool shared =
        (n->p.x == a.x && n->p.y == a.y) || (n->p.x == b.x && n->p.y == b.y) || (n->p.x == c.x && n->p.y == c.y);
    if (!shared && PointInTriangle(a, b, c, n->p) && Cross(n->prev->p, n->p, n->next->p) <= 0) return false;
  }
  return true;
}

Node* Link(std::vector<Node>& pool, const Ring& ring, uint32_t first, bool ccw) {
  const size_t n = ring.size();
  const size_t start = pool.size();
  for (size_t k = 0; k < n; ++k) {
    const size_t j = ccw ? k : n - 1 - k;
    pool.push_back({first + static_cast<uint32_t>(j), ring[j]});
  }
  for (size_t k = 0; k < n; ++k) {
    pool[start + k].next = &pool[start + (k + 1) % n];
    pool[start + k].prev = &pool[start + (k + n - 1) % n];
  }
  return &pool[start];
}

bool SegmentsCross(Pt a, Pt b, Pt c, Pt d) {
  const double d1 = Cross(a, b, c), d2 = Cross(a, b, d), d3 = Cross(c, d, a), d4 = Cross(c, d, b);
  return ((d1 > 0) != (d2 > 0)) && ((d3 > 0) != (d4 > 0)) && d1 != 0 && d2 != 0 && d3 != 0 && d4 != 0;
}

// Connects a hole to the outer list with two coincident edges, making one simple ring.
void BridgeHole(std::vector<Node>& pool, Node* outer, Node* hole) {
  Node* h = hole;  // the hole's leftmost vertex sees the outer ring most easily
  for (Node* n = hole->next; n != hole; n = n->next)
    if (n->p.x < h->p.x) h = n;
  Node* best = nullptr;
  double best_d = std::numeric_limits<double>::max();
  Node* o = outer;
  do {
    const double dx = o->p.x - h->p.x, dy = o->p.y - h->p.y;
    const double d = dx * dx + dy * dy;
    if (d < best_d && o->p.x <= h->p.x + 1e-12) {
      bool clear = true;  // the bridge must not cross any edge of the outer ring
      Node* e = outer;
      do {
        if (e != o && e->next != o && SegmentsCross(h->p, o->p, e->p, e->next->p)) clear = false;
        e = e->next;
      } while (clear && e != outer);
      if (clear) best = o, best_d = d;
    }
    o = o->next;
  } while (o != outer);
  if (!best) {  // no vertex to the left without crossings: take the nearest one
    o = outer;
    do {
      const double dx = o->p.x - h->p.x, dy = o->p.y - h->p.y;
      if (dx * dx + dy * dy < best_d) best = o, best_d = dx * dx + dy * dy;
      o = o->next;
    } while (o != outer);
  }
  // Duplicate both ends: best → h … (hole) … h' → best' → best->next
  pool.push_back({best->i, best->p});
  Node* b2 = &pool.back();
  pool.push_back({h->i, h->p});
  Node* h2 = &pool.back();
  Node* bn = best->next;
  Node* hp = h->prev;
  best->next = h;
  h->prev = best;
  hp->next = h2;
  h2->prev = hp;
  h2->next = b2;
  b2->prev = h2;
  b2->next = bn;
  bn->prev = b2;
}

}  // namespace

Ring DecodeEchartsRing(const std::string& encoded, double offset_x, double offset_y, double scale) {
  Ring out;
  const std::u32string cps = utf8::Decode(encoded);
  long prev_x = static_cast<long>(offset_x), prev_y = static_cast<long>(offset_y);
  for (size_t i = 0; i + 1 < cps.size(); i += 2) {
    long x = static_cast<long>(cps[i]) - 64, y = static_cast<long>(cps[i + 1]) - 64;
    x = (x >> 1) ^ -(x & 1);  // zigzag
    y = (y >> 1) ^ -(y & 1);
    x += prev_x;
    y += prev_y;
    prev_x = x;
    prev_y = y;
    out.push_back({x / scale, y / scale});
  }
  if (out.size() > 1 && out.front().x == out.back().x && out.front().y == out.back().y) out.pop_back();
  return out;
}

Pt AlbersChina(double lon, double lat) {
  static const double p1 = Rad(25), p2 = Rad(47), p0 = 0, l0 = Rad(105);
  static const double n = (std::sin(p1) + std::sin(p2)) / 2;
  static const double C = std::cos(p1) * std::cos(p1) + 2 * n * std::sin(p1);
  static const double rho0 = kEarthRadiusKm * std::sqrt(C - 2 * n * std::sin(p0)) / n;
  const double rho = kEarthRadiusKm * std::sqrt(C - 2 * n * std::sin(Rad(lat))) / n;
  const double theta = n * (Rad(lon) - l0);
  return {rho * std::sin(theta), rho0 - rho * std::cos(theta)};
}

Ring Simplify(const Ring& r, double tolerance) {
  if (r.size() <= 4) return r;
  // Split the closed ring at its first point and the point farthest from it.
  size_t far = 0;
  double best = -1;
  for (size_t i = 1; i < r.size(); ++i) {
    const double dx = r[i].x - r[0].x, dy = r[i].y - r[0].y;
    if (dx * dx + dy * dy > best) best = dx * dx + dy * dy, far = i;
  }
  Ring closed = r;
  closed.push_back(r[0]);
  std::vector<bool> keep(closed.size(), false);
  keep[0] = keep[far] = keep[closed.size() - 1] = true;
  DouglasPeucker(closed, 0, far, tolerance * tolerance, keep);
  DouglasPeucker(closed, far, closed.size() - 1, tolerance * tolerance, keep);
  Ring out;
  for (size_t i = 0; i + 1 < closed.size(); ++i)
    if (keep[i]) out.push_back(closed[i]);
  if (out.size() < 4) {  // keep shape: fall back to evenly spaced original points
    out.clear();
    for (size_t k = 0; k < 4; ++k) out.push_back(r[k * r.size() / 4]);
  }
  return out;
}

bool IsSimple(const Ring& r) {
  const size_t n = r.size();
  if (n < 3) return false;
  const auto touch = [](Pt a, Pt b, Pt c, Pt d) {
    const double d1 = Cross(a, b, c), d2 = Cross(a, b, d), d3 = Cross(c, d, a), d4 = Cross(c, d, b);
    if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
    const auto on = [](Pt p, Pt q, Pt x) {  // x on segment pq, given collinear
      return std::min(p.x, q.x) <= x.x && x.x <= std::max(p.x, q.x) && std::min(p.y, q.y) <= x.y &&
             x.y <= std::max(p.y, q.y);
    };
    return (d1 == 0 && on(a, b, c)) || (d2 == 0 && on(a, b, d)) || (d3 == 0 && on(c, d, a)) || (d4 == 0 && on(c, d, b));
  };
  for (size_t i = 0; i < n; ++i)
    for (size_t j = i + 2; j < n; ++j) {
      if (i == 0 && j == n - 1) continue;  // adjacent through the closing edge
      if (touch(r[i], r[(i + 1) % n], r[j], r[(j + 1) % n])) return false;
    }
  return true;
}

Ring SimplifyKeepingSimple(const Ring& r, double tolerance) {
  for (double tol = tolerance; tol > tolerance / 64; tol /= 2) {
    Ring s = Simplify(r, tol);
    if (IsSimple(s)) return s;
  }
  return r;
}

double SignedArea(const Ring& r) {
  double a = 0;
  for (size_t i = 0, j = r.size() - 1; i < r.size(); j = i++) a += (r[j].x * r[i].y - r[i].x * r[j].y);
  return a / 2;
}

double Area(const Polygon& poly) {
  if (poly.empty()) return 0;
  double a = std::fabs(SignedArea(poly[0]));
  for (size_t k = 1; k < poly.size(); ++k) a -= std::fabs(SignedArea(poly[k]));
  return a;
}

std::vector<uint32_t> Triangulate(const Polygon& poly) {
  std::vector<uint32_t> tris;
  if (poly.empty() || poly[0].size() < 3) return tris;
  size_t total = 0;
  for (const Ring& r : poly) total += r.size();
  std::vector<Node> pool;
  pool.reserve(total + 2 * poly.size() + 4);  // pointers into the pool stay valid
  uint32_t first = 0;
  Node* outer = Link(pool, poly[0], first, SignedArea(poly[0]) > 0);
  first += static_cast<uint32_t>(poly[0].size());
  // Holes run clockwise; bridge them left to right so each bridge sees a simple ring.
  std::vector<std::pair<double, size_t>> holes;
  for (size_t k = 1; k < poly.size(); ++k) {
    double minx = std::numeric_limits<double>::max();
    for (const Pt& p : poly[k]) minx = std::min(minx, p.x);
    holes.push_back({minx, k});
  }
  std::sort(holes.begin(), holes.end());
  std::vector<uint32_t> firsts(poly.size());
  for (size_t k = 0, f = 0; k < poly.size(); f += poly[k].size(), ++k) firsts[k] = static_cast<uint32_t>(f);
  for (const auto& [minx, k] : holes) {
    if (poly[k].size() < 3) continue;
    Node* hole = Link(pool, poly[k], firsts[k], SignedArea(poly[k]) < 0);
    BridgeHole(pool, outer, hole);
  }
  // Clip ears until a triangle remains; if no ear is found (degenerate input), cut anyway.
  size_t remaining = 0;
  for (Node* n = outer;; n = n->next) {
    ++remaining;
    if (n->next == outer) break;
  }
  Node* ear = outer;
  size_t stall = 0;
  while (remaining > 3) {
    if (IsEar(ear) || stall > remaining) {
      tris.push_back(ear->prev->i);
      tris.push_back(ear->i);
      tris.push_back(ear->next->i);
      ear->prev->next = ear->next;
      ear->next->prev = ear->prev;
      ear = ear->next;
      --remaining;
      stall = 0;
    } else {
      ear = ear->next;
      ++stall;
    }
  }
  tris.push_back(ear->prev->i);
  tris.push_back(ear->i);
  tris.push_back(ear->next->i);
  return tris;
}

bool PointInRing(const Ring& r, Pt p) {
  bool in = false;
  for (size_t i = 0, j = r.size() - 1; i < r.size(); j = i++) {
    if ((r[i].y > p.y) != (r[j].y > p.y) && p.x < (r[j].x - r[i].x) * (p.y - r[i].y) / (r[j].y - r[i].y) + r[i].x)
      in = !in;
  }
  return in;
}

bool PointInPolygon(const Polygon& poly, Pt p) {
  if (poly.empty() || !PointInRing(poly[0], p)) return false;
  for (size_t k = 1; k < poly.size(); ++k)
    if (PointInRing(poly[k], p)) return false;
  return true;
}

std::vector<double> JenksBreaks(std::vector<double> v, int k) {
  std::sort(v.begin(), v.end());
  std::vector<double> distinct = v;
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  if (v.empty() || k <= 0) return {};
  if (static_cast<int>(distinct.size()) <= k) return distinct;
  const int n = static_cast<int>(v.size());
  // lower[l][m]: start of the last class in the best split of the first l values into m classes.
  std::vector<std::vector<int>> lower(n + 1, std::vector<int>(k + 1, 1));
  std::vector<std::vector<double>> var(n + 1, std::vector<double>(k + 1, std::numeric_limits<double>::infinity()));
  for (int m = 1; m <= k; ++m) var[1][m] = 0;
  for (int l = 2; l <= n; ++l) {
    double s1 = 0, s2 = 0, w = 0;
    for (int m = 1; m <= l; ++m) {
      const int i = l - m + 1;  // the last class covers values i..l
      const double val = v[i - 1];
      s2 += val * val;
      s1 += val;
      w += 1;
      const double ssd = s2 - s1 * s1 / w;
      if (i > 1)
        for (int j = 2; j <= k; ++j)
          if (var[l][j] >= ssd + var[i - 1][j - 1]) {
            lower[l][j] = i;
            var[l][j] = ssd + var[i - 1][j - 1];
          }
      if (i == 1) {
        lower[l][1] = 1;
        var[l][1] = ssd;
      }
    }
  }
  std::vector<double> breaks(k);
  breaks[k - 1] = v[n - 1];
  int l = n;
  for (int j = k; j >= 2; --j) {
    const int id = lower[l][j] - 1;  // first index of class j
    breaks[j - 2] = v[id - 1];
    l = id;
  }
  return breaks;
}

int ClassOf(const std::vector<double>& breaks, double value) {
  for (size_t i = 0; i < breaks.size(); ++i)
    if (value <= breaks[i]) return static_cast<int>(i);
  return breaks.empty() ? 0 : static_cast<int>(breaks.size()) - 1;
}

}  // namespace lw::map
