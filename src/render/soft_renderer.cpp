// soft_renderer.cpp — see soft_renderer.h. [SECTION] index: Pixels · Rectangles · Triangles ·
// Textures · Frame.
#include "soft_renderer.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace lw::render {

struct SoftRenderer::Texture {
  int w = 0, h = 0;
  const uint32_t* px = nullptr;
  bool alpha_only = false;  // white + alpha (the font atlas): only alpha needs sampling
  std::vector<uint32_t> own;
};

namespace {

using Texture = SoftRenderer::Texture;

// [SECTION] Pixels ---------------------------------------------------------------------------------
// Colours are ImGui's IM_COL32 layout (R in the low byte), the same bytes a canvas ImageData holds.

// src over dst with src's alpha, as GL_SRC_ALPHA / GL_ONE_MINUS_SRC_ALPHA on an opaque target.
inline uint32_t Blend(uint32_t dst, uint32_t src) {
  const uint32_t a = src >> 24;
  if (a == 255) return src;
  if (a == 0) return dst;
  const uint32_t ia = 255 - a;
  uint32_t rb = (src & 0xFF00FFu) * a + (dst & 0xFF00FFu) * ia + 0x800080u;
  rb = ((rb + ((rb >> 8) & 0xFF00FFu)) >> 8) & 0xFF00FFu;
  uint32_t g = (src & 0xFF00u) * a + (dst & 0xFF00u) * ia + 0x8000u;
  g = ((g + ((g >> 8) & 0xFF00u)) >> 8) & 0xFF00u;
  return rb | g | 0xFF000000u;
}

inline uint32_t Mul8(uint32_t a, uint32_t b) {  // a * b / 255, rounded
  const uint32_t t = a * b + 128;
  return (t + (t >> 8)) >> 8;
}

// Vertex colour × texel, as the OpenGL backend's fragment shader does.
inline uint32_t Modulate(uint32_t col, uint32_t tex) {
  if (tex == 0xFFFFFFFFu) return col;
  return Mul8(col & 0xFF, tex & 0xFF) | Mul8((col >> 8) & 0xFF, (tex >> 8) & 0xFF) << 8 |
         Mul8((col >> 16) & 0xFF, (tex >> 16) & 0xFF) << 16 | Mul8(col >> 24, tex >> 24) << 24;
}

inline uint32_t WithAlpha(uint32_t col, uint32_t alpha) { return (col & 0xFFFFFFu) | Mul8(col >> 24, alpha) << 24; }

// Bilinear sampling with clamp-to-edge (GL_LINEAR, GL_CLAMP_TO_EDGE).
uint32_t Sample(const Texture& t, float u, float v);

// Solid shapes all sample one texel (ImGui's white pixel): remember the last one.
uint32_t SampleOne(const Texture& t, float u, float v) {
  static const Texture* last_t = nullptr;
  static const uint32_t* last_px = nullptr;
  static float last_u = -1, last_v = -1;
  static uint32_t last = 0;
  if (&t != last_t || t.px != last_px || u != last_u || v != last_v) {
    last = Sample(t, u, v);
    last_t = &t, last_px = t.px, last_u = u, last_v = v;
  }
  return last;
}

uint32_t Sample(const Texture& t, float u, float v) {
  const float fx = u * t.w - 0.5f, fy = v * t.h - 0.5f;
  const float flx = std::floor(fx), fly = std::floor(fy);
  const int ax = static_cast<int>((fx - flx) * 256.0f), ay = static_cast<int>((fy - fly) * 256.0f);
  const int x0 = std::clamp(static_cast<int>(flx), 0, t.w - 1), x1 = std::clamp(static_cast<int>(flx) + 1, 0, t.w - 1);
  const int y0 = std::clamp(static_cast<int>(fly), 0, t.h - 1), y1 = std::clamp(static_cast<int>(fly) + 1, 0, t.h - 1);
  const uint32_t p00 = t.px[y0 * t.w + x0], p10 = t.px[y0 * t.w + x1];
  const uint32_t p01 = t.px[y1 * t.w + x0], p11 = t.px[y1 * t.w + x1];
  if (t.alpha_only) {
    const uint32_t top = (p00 >> 24) * (256 - ax) + (p10 >> 24) * ax;
    const uint32_t bottom = (p01 >> 24) * (256 - ax) + (p11 >> 24) * ax;
    return 0xFFFFFFu | ((top * (256 - ay) + bottom * ay + 32768) >> 16) << 24;
  }
  uint32_t out = 0;
  for (int shift = 0; shift < 32; shift += 8) {
    const uint32_t top = ((p00 >> shift) & 0xFF) * (256 - ax) + ((p10 >> shift) & 0xFF) * ax;
    const uint32_t bottom = ((p01 >> shift) & 0xFF) * (256 - ax) + ((p11 >> shift) & 0xFF) * ax;
    out |= ((top * (256 - ay) + bottom * ay + 32768) >> 16) << shift;
  }
  return out;
}

struct Target {
  uint32_t* px;
  int stride;
};

// [SECTION] Rectangles -------------------------------------------------------------------------------
// ImGui draws most of a frame (text, frames, backgrounds, images) as axis-aligned quads: two
// triangles a b c, a c d. They are filled directly, pixel centres inside [x0, x1) × [y0, y1).

struct Quad {
  float x0, y0, x1, y1;  // framebuffer pixels
  float u0, v0, u1, v1;
  uint32_t col;
};

// Recognizes PrimRect / PrimRectUV output at idx[0..5] (ImGui writes a, b, c, a, c, d).
bool AsQuad(const ImDrawIdx* idx, const ImDrawVert* vtx, ImVec2 scale, ImVec2 origin, Quad& q) {
  const ImDrawIdx i = idx[0];
  if (idx[1] != i + 1 || idx[2] != i + 2 || idx[3] != i || idx[4] != i + 2 || idx[5] != i + 3) return false;
  const ImDrawVert &a = vtx[i], &b = vtx[i + 1], &c = vtx[i + 2], &d = vtx[i + 3];
  if (a.col != b.col || a.col != c.col || a.col != d.col) return false;
  if (a.pos.y != b.pos.y || b.pos.x != c.pos.x || c.pos.y != d.pos.y || d.pos.x != a.pos.x) return false;
  if (a.uv.y != b.uv.y || b.uv.x != c.uv.x || c.uv.y != d.uv.y || d.uv.x != a.uv.x) return false;
  q = {(a.pos.x - origin.x) * scale.x,
       (a.pos.y - origin.y) * scale.y,
       (c.pos.x - origin.x) * scale.x,
       (c.pos.y - origin.y) * scale.y,
       a.uv.x,
       a.uv.y,
       c.uv.x,
       c.uv.y,
       a.col};
  if (q.x0 > q.x1) std::swap(q.x0, q.x1), std::swap(q.u0, q.u1);
  if (q.y0 > q.y1) std::swap(q.y0, q.y1), std::swap(q.v0, q.v1);
  return true;
}

PixelRect QuadPixels(const Quad& q) {  // the pixels whose centres the quad covers
  return {static_cast<int>(std::ceil(q.x0 - 0.5f)), static_cast<int>(std::ceil(q.y0 - 0.5f)),
          static_cast<int>(std::ceil(q.x1 - 0.5f)), static_cast<int>(std::ceil(q.y1 - 0.5f))};
}

PixelRect Intersect(PixelRect a, const PixelRect& b) {
  a.x0 = std::max(a.x0, b.x0), a.y0 = std::max(a.y0, b.y0);
  a.x1 = std::min(a.x1, b.x1), a.y1 = std::min(a.y1, b.y1);
  return a;
}

void FillSolid(Target& t, const PixelRect& r, uint32_t color) {
  if ((color >> 24) == 0) return;
  for (int y = r.y0; y < r.y1; ++y) {
    uint32_t* row = t.px + static_cast<size_t>(y) * t.stride;
    if ((color >> 24) == 255)
      std::fill(row + r.x0, row + r.x1, color);
    else
      for (int x = r.x0; x < r.x1; ++x) row[x] = Blend(row[x], color);
  }
}

void FillQuad(Target& t, const PixelRect& r, const Quad& q, const Texture* tex) {
  if (r.Empty()) return;
  if (!tex || (q.u0 == q.u1 && q.v0 == q.v1)) {  // solid: one texel (ImGui's white pixel)
    FillSolid(t, r, tex ? Modulate(q.col, SampleOne(*tex, q.u0, q.v0)) : q.col);
    return;
  }
  const float du = (q.u1 - q.u0) / (q.x1 - q.x0), dv = (q.v1 - q.v0) / (q.y1 - q.y0);
  // Glyphs land on whole texels one to one: then each pixel is exactly one texel.
  const float tx0 = (q.u0 + (r.x0 + 0.5f - q.x0) * du) * tex->w - 0.5f;
  const float ty0 = (q.v0 + (r.y0 + 0.5f - q.y0) * dv) * tex->h - 0.5f;
  const bool exact = std::fabs(du * tex->w - 1) < 1e-4f && std::fabs(dv * tex->h - 1) < 1e-4f &&
                     std::fabs(tx0 - std::round(tx0)) < 1e-3f && std::fabs(ty0 - std::round(ty0)) < 1e-3f &&
                     std::round(tx0) >= 0 && std::round(ty0) >= 0 && std::round(tx0) + r.Width() <= tex->w &&
                     std::round(ty0) + r.Height() <= tex->h;
  for (int y = r.y0; y < r.y1; ++y) {
    uint32_t* row = t.px + static_cast<size_t>(y) * t.stride;
    if (exact) {
      const uint32_t* src =
          tex->px + (static_cast<int>(std::round(ty0)) + y - r.y0) * tex->w + static_cast<int>(std::round(tx0));
      if (tex->alpha_only)
        for (int x = r.x0; x < r.x1; ++x) row[x] = Blend(row[x], WithAlpha(q.col, src[x - r.x0] >> 24));
      else
        for (int x = r.x0; x < r.x1; ++x) row[x] = Blend(row[x], Modulate(q.col, src[x - r.x0]));
      continue;
    }
    const float v = q.v0 + (y + 0.5f - q.y0) * dv;
    for (int x = r.x0; x < r.x1; ++x)
      row[x] = Blend(row[x], Modulate(q.col, Sample(*tex, q.u0 + (x + 0.5f - q.x0) * du, v)));
  }
}

// [SECTION] Triangles -------------------------------------------------------------------------------
// Anything else (rounded corners, anti-aliased fringes, circles, the map's polygons): edge
// functions in double precision (exact enough on a 7680-pixel-wide wall), a tie rule so two
// triangles sharing an edge never both paint a pixel on it, and per-pixel interpolation of
// colour and texture coordinates.

struct Vtx {
  double x, y;
  float u, v;
  uint32_t col;
};

struct Edge {
  double a, b, c;  // E(x, y) = a x + b y + c, positive inside
  bool tie_inside;
  Edge(const Vtx& p, const Vtx& q)
      : a(-(q.y - p.y)),
        b(q.x - p.x),
        c((q.y - p.y) * p.x - (q.x - p.x) * p.y),
        tie_inside(a > 0 || (a == 0 && b > 0)) {}
  bool Inside(double e) const { return e > 0 || (e == 0 && tie_inside); }
};

inline float Channel(uint32_t c, int shift) { return static_cast<float>((c >> shift) & 0xFF); }

void FillTriangle(Target& t, const PixelRect& clip, Vtx p0, Vtx p1, Vtx p2, const Texture* tex) {
  double area = (p1.x - p0.x) * (p2.y - p0.y) - (p1.y - p0.y) * (p2.x - p0.x);
  if (area == 0) return;
  if (area < 0) std::swap(p1, p2), area = -area;
  PixelRect box{static_cast<int>(std::floor(std::min({p0.x, p1.x, p2.x}))),
                static_cast<int>(std::floor(std::min({p0.y, p1.y, p2.y}))),
                static_cast<int>(std::ceil(std::max({p0.x, p1.x, p2.x}))),
                static_cast<int>(std::ceil(std::max({p0.y, p1.y, p2.y})))};
  box = Intersect(box, clip);
  if (box.Empty()) return;
  const Edge e0(p1, p2), e1(p2, p0), e2(p0, p1);  // e0 is opposite p0: its value / area is p0's weight
  const bool flat = p0.col == p1.col && p0.col == p2.col;
  const bool one_texel = !tex || (p0.u == p1.u && p0.u == p2.u && p0.v == p1.v && p0.v == p2.v);
  const uint32_t texel = tex && one_texel ? SampleOne(*tex, p0.u, p0.v) : 0xFFFFFFFFu;
  const uint32_t flat_src = Modulate(p0.col, texel);
  const double inv = 1.0 / area;
  for (int y = box.y0; y < box.y1; ++y) {
    const double py = y + 0.5;
    double lo = box.x0, hi = box.x1;  // candidate span, widened by a pixel against rounding
    bool empty = false;
    for (const Edge* e : {&e0, &e1, &e2}) {
      const double row = e->b * py + e->c;
      if (e->a > 0)
        lo = std::max(lo, std::floor(-row / e->a - 0.5) - 1);
      else if (e->a < 0)
        hi = std::min(hi, std::ceil(-row / e->a - 0.5) + 2);
      else if (!e->Inside(row))
        empty = true;
    }
    if (empty) continue;
    uint32_t* out = t.px + static_cast<size_t>(y) * t.stride;
    for (int x = static_cast<int>(lo); x < static_cast<int>(hi); ++x) {
      const double px = x + 0.5;
      const double w0 = e0.a * px + e0.b * py + e0.c, w1 = e1.a * px + e1.b * py + e1.c,
                   w2 = e2.a * px + e2.b * py + e2.c;
      if (!e0.Inside(w0) || !e1.Inside(w1) || !e2.Inside(w2)) continue;
      if (flat && one_texel) {
        out[x] = Blend(out[x], flat_src);
        continue;
      }
      const float l0 = static_cast<float>(w0 * inv), l1 = static_cast<float>(w1 * inv),
                  l2 = static_cast<float>(w2 * inv);
      uint32_t col = p0.col;
      if (!flat) {
        col = 0;
        for (int shift = 0; shift < 32; shift += 8) {
          const float c = l0 * Channel(p0.col, shift) + l1 * Channel(p1.col, shift) + l2 * Channel(p2.col, shift);
          col |= static_cast<uint32_t>(std::clamp(c + 0.5f, 0.0f, 255.0f)) << shift;
        }
      }
      const uint32_t s =
          one_texel ? texel : Sample(*tex, l0 * p0.u + l1 * p1.u + l2 * p2.u, l0 * p0.v + l1 * p1.v + l2 * p2.v);
      out[x] = Blend(out[x], Modulate(col, s));
    }
  }
}

}  // namespace

// [SECTION] Textures ----------------------------------------------------------------------------------

SoftRenderer::SoftRenderer() = default;
SoftRenderer::~SoftRenderer() = default;

void SoftRenderer::Install() {
  ImGuiIO& io = ImGui::GetIO();
  io.BackendRendererName = "learnweek_soft";
  io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset | ImGuiBackendFlags_RendererHasTextures;
}

void SoftRenderer::Uninstall() {
  for (ImTextureData* tex : ImGui::GetPlatformIO().Textures)
    if (tex->BackendUserData) {
      tex->SetTexID(ImTextureID_Invalid);
      tex->BackendUserData = nullptr;
      tex->SetStatus(ImTextureStatus_Destroyed);  // recreated by the next renderer
    }
  ImGuiIO& io = ImGui::GetIO();
  io.BackendRendererName = nullptr;
  io.BackendFlags &= ~(ImGuiBackendFlags_RendererHasVtxOffset | ImGuiBackendFlags_RendererHasTextures);
  owned_.clear();
}

ImTextureID SoftRenderer::CreateTexture(const unsigned char* rgba, int w, int h) {
  auto t = std::make_unique<Texture>();
  t->w = w, t->h = h;
  t->own.resize(static_cast<size_t>(w) * h);
  std::memcpy(t->own.data(), rgba, t->own.size() * 4);
  t->px = t->own.data();
  const ImTextureID id = static_cast<ImTextureID>(reinterpret_cast<intptr_t>(t.get()));
  owned_.push_back(std::move(t));
  return id;
}

void SoftRenderer::DestroyTexture(ImTextureID id) {
  const Texture* t = reinterpret_cast<const Texture*>(static_cast<intptr_t>(id));
  owned_.erase(std::remove_if(owned_.begin(), owned_.end(), [&](const auto& o) { return o.get() == t; }), owned_.end());
}

// ImGui keeps its textures' pixels (RGBA32) for their whole life, so they are sampled in place:
// an update of the font atlas costs nothing here.
void SoftRenderer::UpdateTexture(ImTextureData* tex) {
  if (tex->Status == ImTextureStatus_WantCreate) {
    auto t = std::make_unique<Texture>();
    tex->BackendUserData = t.get();
    tex->SetTexID(static_cast<ImTextureID>(reinterpret_cast<intptr_t>(t.get())));
    owned_.push_back(std::move(t));
  }
  if (tex->Status == ImTextureStatus_WantCreate || tex->Status == ImTextureStatus_WantUpdates) {
    Texture& t = *static_cast<Texture*>(tex->BackendUserData);
    t.w = tex->Width, t.h = tex->Height;
    t.px = reinterpret_cast<const uint32_t*>(tex->GetPixels());
    t.alpha_only = !tex->UseColors;
    tex->SetStatus(ImTextureStatus_OK);
  } else if (tex->Status == ImTextureStatus_WantDestroy && tex->UnusedFrames > 0) {
    DestroyTexture(tex->TexID);
    tex->SetTexID(ImTextureID_Invalid);
    tex->BackendUserData = nullptr;
    tex->SetStatus(ImTextureStatus_Destroyed);
  }
}

// [SECTION] Frame --------------------------------------------------------------------------------------

// Draws the primitive at index k of `cmd` (a quad when `quad_ok` and the indices form one) into
// every dirty run of tiles it touches. Returns how many indices it took.
unsigned SoftRenderer::DrawPrimitive(const Layer& layer, const ImDrawList& list, const ImDrawCmd& cmd,
                                     const ImDrawData& dd, const PixelRect& clip, unsigned k, bool quad_ok) {
  Target target{layer.pixels, fb_w_};
  const int tiles_x = damage_.tiles_x();
  const auto dirty = [&](int tx, int ty) { return layer.tiles[static_cast<size_t>(ty) * tiles_x + tx] != 0; };
  const ImVec2 s = dd.FramebufferScale, o = dd.DisplayPos;
  constexpr int T = FrameDamage::kTile;
  const Texture* tex = reinterpret_cast<const Texture*>(static_cast<intptr_t>(cmd.GetTexID()));
  const ImDrawIdx* idx = list.IdxBuffer.Data + cmd.IdxOffset + k;
  const ImDrawVert* vtx = list.VtxBuffer.Data + cmd.VtxOffset;
  const auto each_dirty_run = [&](PixelRect box, auto&& draw) {
    if (box.Empty()) return;
    for (int ty = box.y0 / T; ty <= (box.y1 - 1) / T; ++ty)
      for (int tx = box.x0 / T; tx <= (box.x1 - 1) / T;) {
        if (!dirty(tx, ty)) {
          ++tx;
          continue;
        }
        const int start = tx;
        while (tx <= (box.x1 - 1) / T && dirty(tx, ty)) ++tx;
        draw(Intersect(box, {start * T, ty * T, tx * T, (ty + 1) * T}));
      }
  };
  Quad q;
  if (quad_ok && k + 5 < cmd.ElemCount && AsQuad(idx, vtx, s, o, q)) {
    each_dirty_run(Intersect(QuadPixels(q), clip), [&](const PixelRect& r) { FillQuad(target, r, q, tex); });
    return 6;
  }
  Vtx v[3];
  for (int j = 0; j < 3; ++j) {
    const ImDrawVert& d = vtx[idx[j]];
    v[j] = {(d.pos.x - o.x) * s.x, (d.pos.y - o.y) * s.y, d.uv.x, d.uv.y, d.col};
  }
  const PixelRect box{static_cast<int>(std::floor(std::min({v[0].x, v[1].x, v[2].x}))),
                      static_cast<int>(std::floor(std::min({v[0].y, v[1].y, v[2].y}))),
                      static_cast<int>(std::ceil(std::max({v[0].x, v[1].x, v[2].x}))),
                      static_cast<int>(std::ceil(std::max({v[0].y, v[1].y, v[2].y})))};
  each_dirty_run(Intersect(box, clip), [&](const PixelRect& r) { FillTriangle(target, r, v[0], v[1], v[2], tex); });
  return 3;
}

void SoftRenderer::DrawList(const Layer& layer, const ImDrawList& list, const ImDrawData& dd) {
  const FrameDamage::Bins* bins = damage_.BinsOf(&list);
  const bool few_dirty = layer.dirty_pixels * 4 < static_cast<long long>(fb_w_) * fb_h_;
  if (bins && few_dirty) {  // only the triangles binned into dirty tiles, in drawing order
    std::vector<uint32_t>& chosen = scratch_;
    chosen.clear();
    for (int ty = 0; ty < damage_.tiles_y(); ++ty)
      for (int tx = 0; tx < damage_.tiles_x(); ++tx)
        if (layer.tiles[static_cast<size_t>(ty) * damage_.tiles_x() + tx]) {
          const auto& in = bins->tiles[static_cast<size_t>(ty) * damage_.tiles_x() + tx];
          chosen.insert(chosen.end(), in.begin(), in.end());
        }
    std::sort(chosen.begin(), chosen.end());
    chosen.erase(std::unique(chosen.begin(), chosen.end()), chosen.end());
    uint32_t clip_cmd = UINT32_MAX;
    PixelRect clip;
    for (size_t i = 0; i < chosen.size(); ++i) {
      const FrameDamage::Bins::Triangle t = bins->triangles[chosen[i]];
      const ImDrawCmd& cmd = list.CmdBuffer[t.cmd];
      if (t.cmd != clip_cmd) clip = ClipToPixels(cmd, dd, fb_w_, fb_h_), clip_cmd = t.cmd;
      const bool pair = i + 1 < chosen.size() && bins->triangles[chosen[i + 1]].cmd == t.cmd &&
                        bins->triangles[chosen[i + 1]].index == t.index + 3;
      if (DrawPrimitive(layer, list, cmd, dd, clip, t.index, pair) == 6) ++i;
    }
    return;
  }
  for (const ImDrawCmd& cmd : list.CmdBuffer) {
    if (cmd.UserCallback || cmd.ElemCount == 0) continue;
    const PixelRect clip = ClipToPixels(cmd, dd, fb_w_, fb_h_);
    if (clip.Empty()) continue;
    for (unsigned k = 0; k + 2 < cmd.ElemCount;) k += DrawPrimitive(layer, list, cmd, dd, clip, k, true);
  }
}

// The base layer (lists below the split: the page, the map) is kept drawn in base_; the frame
// is base_ plus what lies above it. A tooltip moving over the map then costs a copy of its tiles
// from base_ and the tooltip itself, not the map's triangles again.
bool SoftRenderer::Render(ImDrawData* dd, int fb_w, int fb_h, uint32_t background) {
  if (dd->Textures)
    for (ImTextureData* tex : *dd->Textures)
      if (tex->Status != ImTextureStatus_OK) UpdateTexture(tex);
  if (fb_w <= 0 || fb_h <= 0) return false;
  if (fb_w != fb_w_ || fb_h != fb_h_) {
    fb_w_ = fb_w, fb_h_ = fb_h;
    fb_.assign(static_cast<size_t>(fb_w) * fb_h, background);
    base_.assign(fb_.size(), background);
    damage_.Invalidate();
  }
  damage_.Update(*dd, fb_w, fb_h, background);
  if (!damage_.AnyDirty()) return false;
  constexpr int T = FrameDamage::kTile;
  const auto each_tile = [&](const std::vector<uint8_t>& tiles, auto&& fn) {
    for (int ty = 0; ty < damage_.tiles_y(); ++ty)
      for (int tx = 0; tx < damage_.tiles_x(); ++tx)
        if (tiles[static_cast<size_t>(ty) * damage_.tiles_x() + tx])
          fn(PixelRect{tx * T, ty * T, std::min(fb_w_, (tx + 1) * T), std::min(fb_h_, (ty + 1) * T)});
  };
  const Layer base{base_.data(), damage_.base_dirty_tiles(), damage_.base_dirty_pixels()};
  if (base.dirty_pixels) {
    Target t{base_.data(), fb_w_};
    each_tile(base.tiles, [&](const PixelRect& r) { FillSolid(t, r, background | 0xFF000000u); });
    for (int i = 0; i < damage_.split(); ++i) DrawList(base, *dd->CmdLists[i], *dd);
  }
  each_tile(damage_.dirty_tiles(), [&](const PixelRect& r) {
    for (int y = r.y0; y < r.y1; ++y) {
      const size_t row = static_cast<size_t>(y) * fb_w_;
      std::copy(base_.begin() + row + r.x0, base_.begin() + row + r.x1, fb_.begin() + row + r.x0);
    }
  });
  const Layer top{fb_.data(), damage_.dirty_tiles(), damage_.dirty_pixels()};
  for (int i = damage_.split(); i < dd->CmdListsCount; ++i) DrawList(top, *dd->CmdLists[i], *dd);
  return true;
}

}  // namespace lw::render
