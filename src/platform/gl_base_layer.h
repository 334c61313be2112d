// gl_base_layer.h — WebGL2: the base layer (the page or the map: the draw lists below
// FrameDamage::split()) kept in a texture. The texture is redrawn only where the base changed; a
// frame copies its dirty box from it and draws what lies above (a tooltip, the map's highlight) on
// top, so a mouse move over the map does not fill the map's triangles again — on a weak or
// software GPU the cost of a frame follows the pixels filled. The CPU renderer's twin is
// SoftRenderer's base_ buffer.
#pragma once

#include "frame_damage.h"

namespace lw::platform::web {

class GlBaseLayer {
 public:
  GlBaseLayer() = default;
  GlBaseLayer(const GlBaseLayer&) = delete;
  GlBaseLayer& operator=(const GlBaseLayer&) = delete;
  ~GlBaseLayer() { Release(); }

  // Makes the texture the canvas's size; false if the framebuffer cannot be made (the caller
  // then draws every list straight to the canvas, as before).
  bool Fit(int w, int h);
  void BindForDrawing() const;  // following draws go into the layer
  static void BindCanvas();
  // Copies `box` (framebuffer pixels, rows from the top) of the layer to the canvas.
  void CopyToCanvas(const render::PixelRect& box) const;
  void Release();  // context lost or renderer changed: GL names are gone

 private:
  unsigned fbo_ = 0, tex_ = 0;
  int w_ = 0, h_ = 0;
  bool broken_ = false;  // incomplete once: do not try again every frame
};

}  // namespace lw::platform::web
