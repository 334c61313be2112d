// frame_damage.cpp — see frame_damage.h.
#include "frame_damage.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "fast_hash.h"

namespace lw::render {
namespace {

constexpr auto& Mix = lw::HashMix;
constexpr uint64_t kMul = lw::kHashMul;

uint64_t Bits(float f) {
  uint32_t u;
  std::memcpy(&u, &f, 4);
  return u;
}

uint64_t HashVertex(const ImDrawVert& v, uint64_t h) {
  h = Mix(h, Bits(v.pos.x) | Bits(v.pos.y) << 32);
  h = Mix(h, Bits(v.uv.x) | Bits(v.uv.y) << 32);
  return Mix(h, v.col);
}

}  // namespace

PixelRect ClipToPixels(const ImDrawCmd& cmd, const ImDrawData& dd, int fb_w, int fb_h) {
  const ImVec2 s = dd.FramebufferScale, o = dd.DisplayPos;
  PixelRect r;
  r.x0 = std::max(0, static_cast<int>(std::floor((cmd.ClipRect.x - o.x) * s.x)));
  r.y0 = std::max(0, static_cast<int>(std::floor((cmd.ClipRect.y - o.y) * s.y)));
  r.x1 = std::min(fb_w, static_cast<int>(std::ceil((cmd.ClipRect.z - o.x) * s.x)));
  r.y1 = std::min(fb_h, static_cast<int>(std::ceil((cmd.ClipRect.w - o.y) * s.y)));
  return r;
}

void FrameDamage::HashTriangles(const ImDrawList& list, const ImDrawData& dd, ListTiles& state) const {
  std::vector<uint64_t>& tiles = state.tiles;
  std::fill(tiles.begin(), tiles.end(), 0);
  Bins& bins = state.bins;
  bins.triangles.clear();
  bins.tiles.clear();
  if (list.IdxBuffer.Size / 3 >= kBinnedTriangles) bins.tiles.resize(tiles.size());
  const ImVec2 s = dd.FramebufferScale, o = dd.DisplayPos;
  for (int ci = 0; ci < list.CmdBuffer.Size; ++ci) {
    const ImDrawCmd& cmd = list.CmdBuffer[ci];
    if (cmd.UserCallback || cmd.ElemCount == 0) continue;
    const PixelRect clip = ClipToPixels(cmd, dd, fb_w_, fb_h_);
    if (clip.Empty()) continue;
    const uint64_t cmd_hash = Mix(Mix(Mix(1, clip.x0 | uint64_t(clip.y0) << 32), clip.x1 | uint64_t(clip.y1) << 32),
                                  static_cast<uint64_t>(cmd.GetTexID()));
    const ImDrawIdx* idx = list.IdxBuffer.Data + cmd.IdxOffset;
    const ImDrawVert* vtx = list.VtxBuffer.Data + cmd.VtxOffset;
    for (unsigned k = 0; k + 2 < cmd.ElemCount; k += 3) {
      const ImDrawVert& a = vtx[idx[k]];
      const ImDrawVert& b = vtx[idx[k + 1]];
      const ImDrawVert& c = vtx[idx[k + 2]];
      const float x0 = (std::min({a.pos.x, b.pos.x, c.pos.x}) - o.x) * s.x;
      const float x1 = (std::max({a.pos.x, b.pos.x, c.pos.x}) - o.x) * s.x;
      const float y0 = (std::min({a.pos.y, b.pos.y, c.pos.y}) - o.y) * s.y;
      const float y1 = (std::max({a.pos.y, b.pos.y, c.pos.y}) - o.y) * s.y;
      const int px0 = std::max(clip.x0, static_cast<int>(std::floor(x0)));
      const int px1 = std::min(clip.x1, static_cast<int>(std::ceil(x1)));
      const int py0 = std::max(clip.y0, static_cast<int>(std::floor(y0)));
      const int py1 = std::min(clip.y1, static_cast<int>(std::ceil(y1)));
      if (px1 <= px0 || py1 <= py0) continue;
      const uint64_t th = HashVertex(c, HashVertex(b, HashVertex(a, cmd_hash)));
      const uint32_t number = static_cast<uint32_t>(bins.triangles.size());
      if (!bins.tiles.empty()) bins.triangles.push_back({static_cast<uint32_t>(ci), k});
      for (int ty = py0 / kTile; ty <= (py1 - 1) / kTile; ++ty)
        for (int tx = px0 / kTile; tx <= (px1 - 1) / kTile; ++tx) {
          const size_t i = static_cast<size_t>(ty) * tiles_x_ + tx;
          tiles[i] = tiles[i] * kMul + th + 1;  // order matters: later triangles paint over earlier ones
          if (!bins.tiles.empty()) bins.tiles[i].push_back(number);
        }
    }
  }
}

void FrameDamage::Update(const ImDrawData& dd, int fb_w, int fb_h, uint32_t background) {
  if (fb_w != fb_w_ || fb_h != fb_h_ || background != background_) {
    fb_w_ = fb_w, fb_h_ = fb_h, background_ = background;
    tiles_x_ = (fb_w + kTile - 1) / kTile;
    tiles_y_ = (fb_h + kTile - 1) / kTile;
    lists_.clear();
    valid_ = false;
  }
  const size_t n = static_cast<size_t>(tiles_x_) * tiles_y_;
  for (auto& [key, state] : lists_) state.seen = false;
  frame_.assign(n, background + 1);
  rehashed_triangles_ = 0;
  split_ = 0;
  for (int li = 0, most = -1; li < dd.CmdListsCount; ++li)
    if (dd.CmdLists[li]->IdxBuffer.Size > most) most = dd.CmdLists[li]->IdxBuffer.Size, split_ = li + 1;
  base_ = frame_;
  for (int li = 0; li < dd.CmdListsCount; ++li) {
    const ImDrawList& list = *dd.CmdLists[li];
    uint64_t content = HashBytes(list.VtxBuffer.Data, list.VtxBuffer.size_in_bytes(), 7);
    content = HashBytes(list.IdxBuffer.Data, list.IdxBuffer.size_in_bytes(), content);
    for (const ImDrawCmd& cmd : list.CmdBuffer)
      content = Mix(HashBytes(&cmd.ClipRect, sizeof(cmd.ClipRect), content),
                    static_cast<uint64_t>(cmd.GetTexID()) ^ uint64_t(cmd.IdxOffset) << 20 ^
                        uint64_t(cmd.ElemCount) << 40 ^ cmd.VtxOffset);
    ListTiles& state = lists_[&list];
    if (state.tiles.size() != n || state.content != content || state.seen) {
      state.tiles.resize(n);
      HashTriangles(list, dd, state);
      rehashed_triangles_ += list.IdxBuffer.Size / 3;
      state.content = content;
    }
    state.seen = true;
    for (size_t t = 0; t < n; ++t)
      if (state.tiles[t]) frame_[t] = Mix(frame_[t], state.tiles[t]);
    if (li + 1 == split_) base_ = frame_;
  }
  for (auto it = lists_.begin(); it != lists_.end();) it = it->second.seen ? std::next(it) : lists_.erase(it);

  const bool all = !valid_ || previous_.size() != n;
  dirty_.assign(n, 0);
  base_dirty_.assign(n, 0);
  base_dirty_pixels_ = 0;
  for (size_t t = 0; t < n; ++t) {
    dirty_[t] = all || frame_[t] != previous_[t];
    base_dirty_[t] = all || split_ != previous_split_ || base_[t] != base_previous_[t];
    base_dirty_pixels_ += base_dirty_[t] ? kTile * kTile : 0;
  }
  previous_.swap(frame_);
  base_previous_.swap(base_);
  previous_split_ = split_;
  valid_ = true;
  MergeRects();
}

PixelRect FrameDamage::DirtyBounds(bool base_only) const {
  const std::vector<uint8_t>& tiles = base_only ? base_dirty_ : dirty_;
  PixelRect box{fb_w_, fb_h_, 0, 0};
  for (int ty = 0; ty < tiles_y_; ++ty)
    for (int tx = 0; tx < tiles_x_; ++tx)
      if (tiles[static_cast<size_t>(ty) * tiles_x_ + tx]) {
        box.x0 = std::min(box.x0, tx * kTile), box.y0 = std::min(box.y0, ty * kTile);
        box.x1 = std::max(box.x1, std::min(fb_w_, (tx + 1) * kTile)),
        box.y1 = std::max(box.y1, std::min(fb_h_, (ty + 1) * kTile));
      }
  return box.Empty() ? PixelRect{} : box;
}

void FrameDamage::MergeRects() {
  rects_.clear();
  dirty_pixels_ = 0;
  std::vector<PixelRect> open;  // runs of the previous tile row, still growing downwards
  for (int ty = 0; ty < tiles_y_; ++ty) {
    std::vector<PixelRect> row;
    for (int tx = 0; tx < tiles_x_;) {
      if (!TileDirty(tx, ty)) {
        ++tx;
        continue;
      }
      const int start = tx;
      while (tx < tiles_x_ && TileDirty(tx, ty)) ++tx;
      row.push_back({start * kTile, ty * kTile, std::min(fb_w_, tx * kTile), std::min(fb_h_, (ty + 1) * kTile)});
    }
    std::vector<PixelRect> next;
    for (PixelRect r : row) {
      auto same =
          std::find_if(open.begin(), open.end(), [&](const PixelRect& o) { return o.x0 == r.x0 && o.x1 == r.x1; });
      if (same != open.end()) {
        r.y0 = same->y0;
        open.erase(same);
      }
      next.push_back(r);
    }
    rects_.insert(rects_.end(), open.begin(), open.end());
    open.swap(next);
  }
  rects_.insert(rects_.end(), open.begin(), open.end());
  for (const PixelRect& r : rects_) dirty_pixels_ += static_cast<long long>(r.Width()) * r.Height();
}

}  // namespace lw::render
