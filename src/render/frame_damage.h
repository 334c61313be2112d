// frame_damage.h — which parts of the screen a frame changed, from Dear ImGui's draw data alone.
//
// Where pixels are expensive (a CPU renderer, software WebGL, a 4K wall) a frame should cost what
// changed, not the whole window. The screen is cut into tiles; each tile gets a hash of every
// triangle that touches it, in drawing order. A tile whose hash differs from the last frame's is
// dirty. Draw lists whose bytes did not change (the map while the mouse moves over it, a form
// page while a toast fades) keep their per-tile hashes from the last frame, so an unchanged
// 100,000-triangle map costs one pass over its memory, not a binning of its triangles.
//
// Two layers: the base (every list up to the largest one: the page or the map) and the frame.
// When only what lies above the base changed (a tooltip over the map, a toast), the base's tiles
// are still good: a renderer that keeps the base drawn apart redraws only what is above it.
#pragma once
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "imgui.h"

namespace lw::render {

struct PixelRect {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // [x0, x1) × [y0, y1), framebuffer pixels
  int Width() const { return x1 - x0; }
  int Height() const { return y1 - y0; }
  bool Empty() const { return x1 <= x0 || y1 <= y0; }
};

// A draw command's clip rectangle in framebuffer pixels, cut to the framebuffer.
PixelRect ClipToPixels(const ImDrawCmd& cmd, const ImDrawData& dd, int fb_w, int fb_h);

class FrameDamage {
 public:
  static constexpr int kTile = 32;  // framebuffer pixels

  // Compares this frame with the previous one. `background` is the colour under everything.
  void Update(const ImDrawData& dd, int fb_w, int fb_h, uint32_t background);
  // Forgets the previous frame: the next Update marks every tile dirty (context lost, resize).
  void Invalidate() { valid_ = false; }

  // Large draw lists (the map: tens of thousands of triangles) keep, per tile, which of their
  // triangles touch it, so redrawing a few tiles does not walk every triangle.
  struct Bins {
    struct Triangle {
      uint32_t cmd;    // index into the list's CmdBuffer
      uint32_t index;  // offset of its first index, from the command's IdxOffset
    };
    std::vector<Triangle> triangles;           // in drawing order
    std::vector<std::vector<uint32_t>> tiles;  // triangle numbers per tile, ascending
  };
  static constexpr int kBinnedTriangles = 4096;  // smaller lists are simply walked
  const Bins* BinsOf(const ImDrawList* list) const {
    const auto it = lists_.find(list);
    return it == lists_.end() || it->second.bins.tiles.empty() ? nullptr : &it->second.bins;
  }

  bool AnyDirty() const { return !rects_.empty(); }
  bool TileDirty(int tx, int ty) const { return dirty_[static_cast<size_t>(ty) * tiles_x_ + tx] != 0; }
  // Tiles to redraw: of the whole frame, and of the base layer (lists [0, split())).
  const std::vector<uint8_t>& dirty_tiles() const { return dirty_; }
  const std::vector<uint8_t>& base_dirty_tiles() const { return base_dirty_; }
  int split() const { return split_; }
  long long base_dirty_pixels() const { return base_dirty_pixels_; }
  // The box around the dirty tiles of the whole frame, or of the base layer only (empty if none).
  PixelRect DirtyBounds(bool base_only) const;
  // Dirty tiles merged into rectangles (rows of runs, joined when stacked): what to redraw.
  const std::vector<PixelRect>& rects() const { return rects_; }
  int tiles_x() const { return tiles_x_; }
  int tiles_y() const { return tiles_y_; }
  long long dirty_pixels() const { return dirty_pixels_; }
  int rehashed_triangles() const { return rehashed_triangles_; }  // this frame: lists that changed

 private:
  struct ListTiles {
    uint64_t content = 0;
    std::vector<uint64_t> tiles;  // 0 where the list draws nothing
    Bins bins;                    // only for lists of kBinnedTriangles or more
    bool seen = false;
  };
  void HashTriangles(const ImDrawList& list, const ImDrawData& dd, ListTiles& state) const;
  void MergeRects();

  int fb_w_ = 0, fb_h_ = 0, tiles_x_ = 0, tiles_y_ = 0;
  uint32_t background_ = 0;
  bool valid_ = false;
  std::unordered_map<const ImDrawList*, ListTiles> lists_;
  std::vector<uint64_t> frame_, previous_, base_, base_previous_;
  std::vector<uint8_t> dirty_, base_dirty_;
  int split_ = 0, previous_split_ = -1;
  long long base_dirty_pixels_ = 0;
  std::vector<PixelRect> rects_;
  long long dirty_pixels_ = 0;
  int rehashed_triangles_ = 0;
};

}  // namespace lw::render
