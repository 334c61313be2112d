// map_asset.cpp — see map_asset.h. Layout of map.bin (all little-endian):
//   "LWMAP01\0", f64 origin_x, f64 origin_y, u32 region_count, then per region:
//   u8 code_len, code, u16 name_len, name (UTF-8), u8 level, i32 parent, f32 label_x, f32 label_y,
//   then for each level of detail: u16 shape_count; per shape u16 ring_count; per ring u32
//   point_count and points in 0.1 km units from the origin: the first as uint16 x, y, the rest
//   as zigzag-encoded int16 deltas.
#include "map_asset.h"

#include <cmath>
#include <cstring>

namespace lw::map {

namespace {
constexpr char kMagic[8] = {'L', 'W', 'M', 'A', 'P', '0', '1', '\0'};
constexpr double kUnitKm = 0.1;

class Writer {
 public:
  void Bytes(const void* p, size_t n) { out_.append(static_cast<const char*>(p), n); }
  template <class T>
  void Put(T v) {
    Bytes(&v, sizeof v);
  }
  void Str8(const std::string& s) {
    Put<uint8_t>(static_cast<uint8_t>(s.size()));
    out_ += s;
  }
  void Str16(const std::string& s) {
    Put<uint16_t>(static_cast<uint16_t>(s.size()));
    out_ += s;
  }
  std::string out_;
};

class Reader {
 public:
  explicit Reader(const std::string& s) : s_(s) {}
  template <class T>
  bool Get(T& v) {
    if (pos_ + sizeof v > s_.size()) return false;
    std::memcpy(&v, s_.data() + pos_, sizeof v);
    pos_ += sizeof v;
    return true;
  }
  bool Str(std::string& out, size_t n) {
    if (pos_ + n > s_.size()) return false;
    out.assign(s_, pos_, n);
    pos_ += n;
    return true;
  }
  bool Done() const { return pos_ == s_.size(); }

 private:
  const std::string& s_;
  size_t pos_ = 0;
};

uint16_t Zig(long v) { return static_cast<uint16_t>((v << 1) ^ (v >> 31)); }
long Unzig(uint16_t v) { return static_cast<long>(v >> 1) ^ -static_cast<long>(v & 1); }

}  // namespace

void Box::Add(Pt p) {
  x0 = std::min(x0, p.x);
  y0 = std::min(y0, p.y);
  x1 = std::max(x1, p.x);
  y1 = std::max(y1, p.y);
}

Box MapAsset::Bounds(int level_filter) const {
  Box b;
  for (const MapRegion& r : regions) {
    if (level_filter >= 0 && r.level != level_filter) continue;
    for (const Polygon& poly : r.shapes[0])
      for (const Ring& ring : poly)
        for (Pt p : ring) b.Add(p);
  }
  return b;
}

int MapAsset::Find(const std::string& code) const {
  for (size_t i = 0; i < regions.size(); ++i)
    if (regions[i].code == code) return static_cast<int>(i);
  return -1;
}

std::string MapAsset::Write() const {
  Box all = Bounds(-1);
  Writer w;
  w.Bytes(kMagic, 8);
  w.Put<double>(all.x0);
  w.Put<double>(all.y0);
  w.Put<uint32_t>(static_cast<uint32_t>(regions.size()));
  for (const MapRegion& r : regions) {
    w.Str8(r.code);
    w.Str16(r.name);
    w.Put<uint8_t>(static_cast<uint8_t>(r.level));
    w.Put<int32_t>(r.parent);
    w.Put<float>(static_cast<float>(r.label.x));
    w.Put<float>(static_cast<float>(r.label.y));
    for (int lod = 0; lod < kLods; ++lod) {
      w.Put<uint16_t>(static_cast<uint16_t>(r.shapes[lod].size()));
      for (const Polygon& poly : r.shapes[lod]) {
        w.Put<uint16_t>(static_cast<uint16_t>(poly.size()));
        for (const Ring& ring : poly) {
          w.Put<uint32_t>(static_cast<uint32_t>(ring.size()));
          long px = 0, py = 0;
          for (size_t k = 0; k < ring.size(); ++k) {
            const long x = std::lround((ring[k].x - all.x0) / kUnitKm), y = std::lround((ring[k].y - all.y0) / kUnitKm);
            if (k == 0) {  // absolute (0..65535 × 0.1 km covers China), then small deltas
              w.Put<uint16_t>(static_cast<uint16_t>(x));
              w.Put<uint16_t>(static_cast<uint16_t>(y));
            } else {
              w.Put<uint16_t>(Zig(x - px));
              w.Put<uint16_t>(Zig(y - py));
            }
            px = x;
            py = y;
          }
        }
      }
    }
  }
  return w.out_;
}

bool MapAsset::Read(const std::string& bytes) {
  Reader rd(bytes);
  std::string magic;
  double ox = 0, oy = 0;
  uint32_t n = 0;
  if (!rd.Str(magic, 8) || std::memcmp(magic.data(), kMagic, 8) != 0 || !rd.Get(ox) || !rd.Get(oy) || !rd.Get(n) ||
      n > 10000)
    return false;
  std::vector<MapRegion> out(n);
  for (MapRegion& r : out) {
    uint8_t cl = 0, level = 0;
    uint16_t nl = 0;
    int32_t parent = 0;
    float lx = 0, ly = 0;
    if (!rd.Get(cl) || !rd.Str(r.code, cl) || !rd.Get(nl) || !rd.Str(r.name, nl) || !rd.Get(level) || !rd.Get(parent) ||
        !rd.Get(lx) || !rd.Get(ly))
      return false;
    r.level = level;
    r.parent = parent;
    r.label = {lx, ly};
    for (int lod = 0; lod < kLods; ++lod) {
      uint16_t shapes = 0;
      if (!rd.Get(shapes)) return false;
      r.shapes[lod].resize(shapes);
      for (Polygon& poly : r.shapes[lod]) {
        uint16_t rings = 0;
        if (!rd.Get(rings)) return false;
        poly.resize(rings);
        for (Ring& ring : poly) {
          uint32_t pts = 0;
          if (!rd.Get(pts) || pts > 1000000) return false;
          ring.resize(pts);
          long x = 0, y = 0;
          for (uint32_t k = 0; k < pts; ++k) {
            uint16_t dx = 0, dy = 0;
            if (!rd.Get(dx) || !rd.Get(dy)) return false;
            x = k == 0 ? dx : x + Unzig(dx);
            y = k == 0 ? dy : y + Unzig(dy);
            ring[k] = {ox + x * kUnitKm, oy + y * kUnitKm};
          }
        }
      }
    }
  }
  if (!rd.Done()) return false;
  regions = std::move(out);
  return true;
}

Mesh BuildMesh(const std::vector<Polygon>& shapes) {
  Mesh m;
  for (const Polygon& poly : shapes) {
    const uint32_t base = static_cast<uint32_t>(m.points.size());
    for (const Ring& r : poly) {
      m.rings.push_back({static_cast<uint32_t>(m.points.size()), static_cast<uint32_t>(r.size())});
      m.points.insert(m.points.end(), r.begin(), r.end());
    }
    for (uint32_t i : Triangulate(poly)) m.triangles.push_back(base + i);
  }
  return m;
}

}  // namespace lw::map
