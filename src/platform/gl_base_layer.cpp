// gl_base_layer.cpp — see gl_base_layer.h. WebGL2 only (glBlitFramebuffer).
#include "gl_base_layer.h"

#include <GLES3/gl3.h>

namespace lw::platform::web {

bool GlBaseLayer::Fit(int w, int h) {
  if (broken_ || w <= 0 || h <= 0) return false;
  if (fbo_ && w == w_ && h == h_) return true;
  Release();
  glGenTextures(1, &tex_);
  glBindTexture(GL_TEXTURE_2D, tex_);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
  glTexStorage2D(GL_TEXTURE_2D, 1, GL_RGBA8, w, h);
  glGenFramebuffers(1, &fbo_);
  glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, tex_, 0);
  const bool complete = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  if (!complete) {
    Release();
    broken_ = true;
    return false;
  }
  w_ = w, h_ = h;
  return true;
}

void GlBaseLayer::BindForDrawing() const { glBindFramebuffer(GL_FRAMEBUFFER, fbo_); }

void GlBaseLayer::BindCanvas() { glBindFramebuffer(GL_FRAMEBUFFER, 0); }

void GlBaseLayer::CopyToCanvas(const render::PixelRect& box) const {
  const int y0 = h_ - box.y1, y1 = h_ - box.y0;  // GL counts rows from the bottom
  glDisable(GL_SCISSOR_TEST);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo_);
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
  glBlitFramebuffer(box.x0, y0, box.x1, y1, box.x0, y0, box.x1, y1, GL_COLOR_BUFFER_BIT, GL_NEAREST);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

void GlBaseLayer::Release() {
  if (fbo_) glDeleteFramebuffers(1, &fbo_);
  if (tex_) glDeleteTextures(1, &tex_);
  fbo_ = tex_ = 0;
  w_ = h_ = 0;
}

}  // namespace lw::platform::web
