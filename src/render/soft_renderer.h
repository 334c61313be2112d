// soft_renderer.h — a Dear ImGui renderer that draws into memory, for browsers without WebGL.
//
//  [X] Renderer: ImGuiBackendFlags_RendererHasTextures (dynamic font atlas) and user textures.
//  [X] Renderer: ImGuiBackendFlags_RendererHasVtxOffset (meshes over 64K vertices).
//  [X] Only what changed is drawn again (FrameDamage tiles); unchanged frames cost no pixels.
//  [X] Same rules as ImGui's OpenGL backend: pixel centres, straight-alpha blending
//      (SRC_ALPHA, ONE_MINUS_SRC_ALPHA), bilinear sampling, clip rectangles: the result is as
//      crisp as WebGL's because it is the same computation.
//
// Plain C++ over imgui.h: the browser glue (src/platform/render_web.cpp) hands the framebuffer's
// dirty rectangles to a 2D canvas; native tests read the pixels directly.
#pragma once
#include <cstdint>
#include <memory>
#include <vector>

#include "frame_damage.h"
#include "imgui.h"

namespace lw::render {

class SoftRenderer {
 public:
  SoftRenderer();
  ~SoftRenderer();
  SoftRenderer(const SoftRenderer&) = delete;
  SoftRenderer& operator=(const SoftRenderer&) = delete;

  // Sets the backend flags on the current ImGui context.
  void Install();
  // Forgets the current ImGui context's textures (before it is destroyed or the renderer replaced).
  void Uninstall();

  // Draws a frame into the framebuffer (fb_w × fb_h pixels, RGBA bytes, opaque). Returns false when
  // nothing changed since the last frame. `background` is ImGui's IM_COL32 layout.
  bool Render(ImDrawData* dd, int fb_w, int fb_h, uint32_t background);
  void Invalidate() { damage_.Invalidate(); }

  const uint32_t* pixels() const { return fb_.data(); }
  int width() const { return fb_w_; }
  int height() const { return fb_h_; }
  const std::vector<PixelRect>& dirty() const { return damage_.rects(); }
  const FrameDamage& damage() const { return damage_; }

  // User textures (photos): RGBA bytes, copied.
  ImTextureID CreateTexture(const unsigned char* rgba, int w, int h);
  void DestroyTexture(ImTextureID id);

  struct Texture;  // pixels the rasterizer samples

 private:
  void UpdateTexture(ImTextureData* tex);
  struct Layer {  // where to draw, and which tiles of it
    uint32_t* pixels;
    const std::vector<uint8_t>& tiles;
    long long dirty_pixels;
  };
  void DrawList(const Layer& layer, const ImDrawList& list, const ImDrawData& dd);
  unsigned DrawPrimitive(const Layer& layer, const ImDrawList& list, const ImDrawCmd& cmd, const ImDrawData& dd,
                         const PixelRect& clip, unsigned k, bool quad_ok);

  FrameDamage damage_;
  std::vector<uint32_t> fb_, base_;  // the frame, and the base layer it is drawn over
  int fb_w_ = 0, fb_h_ = 0;
  std::vector<std::unique_ptr<Texture>> owned_;
  std::vector<uint32_t> scratch_;  // triangle numbers to redraw in a binned list
};

}  // namespace lw::render
