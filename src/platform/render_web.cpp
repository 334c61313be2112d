// render_web.cpp — see render_web.h. The JavaScript half is web/lw-render.js (LWRender).
#include "render_web.h"

#include <GLES2/gl2.h>
#include <SDL.h>
#include <emscripten.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <vector>

#include "gl_base_layer.h"
#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "imgui_impl_sdl2.h"
#include "platform.h"
#include "soft_renderer.h"
#include "web_contract.h"

namespace lw::platform::web {
namespace {

using Kind = contract::Renderer;  // LWContract.RENDERER in web/lw-render.js
const char* Name(Kind k) { return k == Kind::WebGL2 ? "webgl2" : k == Kind::WebGL1 ? "webgl1" : "cpu"; }

SDL_Window* g_window = nullptr;
Kind g_kind = Kind::Cpu;
bool g_forced = false;
std::unique_ptr<render::SoftRenderer> g_soft;
render::FrameDamage g_gl_damage;  // WebGL draws only what changed too (the canvas keeps its pixels)
GlBaseLayer g_layer;

// clang-format off
EM_JS(int, js_renderer_first, (), { return LWRender.choice().first; });
EM_JS(int, js_renderer_forced, (), { return LWRender.choice().forced ? 1 : 0; });
EM_JS(int, js_context_lost, (), { return LWRender.contextLost() ? 1 : 0; });
EM_JS(void, js_renderer_started, (const char* name), { LWRender.started(UTF8ToString(name)); });
EM_JS(void, js_present, (const void* pixels, int w, int h, const int* rects, int n), {
  LWRender.present(pixels, w, h, rects, n);
});
// LWRender.info() as JSON, or one of its fields as text (key not empty). The caller frees it.
EM_JS(char*, js_renderer_info, (const char* key), {
  const info = LWRender.info();
  const k = UTF8ToString(key);
  const s = k ? String(info[k] ?? "") : JSON.stringify(info);
  const n = lengthBytesUTF8(s) + 1;
  const p = _malloc(n);
  stringToUTF8(s, p, n);
  return p;
});
// clang-format on

std::string InfoField(const char* key) {
  char* p = js_renderer_info(key);
  std::string s = p;
  free(p);
  return s;
}

// Draws lists [from, to) of the frame into the bound framebuffer, inside `box` only: ImGui's clip
// rectangles are cut to it (the backend sets its own scissor per command). `clear` paints the box
// with the background first. Texture updates go with the frame's first call.
void DrawListsInBox(ImDrawData* dd, int from, int to, const render::PixelRect& box, const ImVec4* clear,
                    bool textures) {
  ImDrawData part = *dd;
  part.CmdLists.clear();
  for (int i = from; i < to; ++i) part.CmdLists.push_back(dd->CmdLists[i]);
  part.CmdListsCount = to - from;
  if (!textures) part.Textures = nullptr;
  const ImVec2 s = dd->FramebufferScale, o = dd->DisplayPos;
  const ImVec4 cut(o.x + box.x0 / s.x, o.y + box.y0 / s.y, o.x + box.x1 / s.x, o.y + box.y1 / s.y);
  std::vector<ImVec4> saved;
  for (ImDrawList* list : part.CmdLists)
    for (ImDrawCmd& cmd : list->CmdBuffer) {
      saved.push_back(cmd.ClipRect);
      cmd.ClipRect = ImVec4(std::max(cmd.ClipRect.x, cut.x), std::max(cmd.ClipRect.y, cut.y),
                            std::min(cmd.ClipRect.z, cut.z), std::min(cmd.ClipRect.w, cut.w));
    }
  const int fb_h = static_cast<int>(dd->DisplaySize.y * s.y);
  glViewport(0, 0, static_cast<int>(dd->DisplaySize.x * s.x), fb_h);
  if (clear) {
    glEnable(GL_SCISSOR_TEST);
    glScissor(box.x0, fb_h - box.y1, box.Width(), box.Height());  // GL counts rows from the bottom
    glClearColor(clear->x, clear->y, clear->z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    glDisable(GL_SCISSOR_TEST);
  }
  ImGui_ImplOpenGL3_RenderDrawData(&part);
  size_t i = 0;
  for (ImDrawList* list : part.CmdLists)
    for (ImDrawCmd& cmd : list->CmdBuffer) cmd.ClipRect = saved[i++];
}

// WebGL with preserveDrawingBuffer (web/lw-render.js): an unchanged frame is not drawn at all, a
// changed one only inside the box around its changed tiles. On WebGL2 the base layer (the page, the
// map) is kept in a texture (gl_base_layer.h) and redrawn only where it changed.
bool PresentGl(ImDrawData* dd, int fb_w, int fb_h, const ImVec4& bg, uint32_t background) {
  g_gl_damage.Update(*dd, fb_w, fb_h, background);
  if (!g_gl_damage.AnyDirty()) return false;
  const render::PixelRect box = g_gl_damage.DirtyBounds(false);
  const int n = dd->CmdListsCount, split = g_gl_damage.split();
  if (g_kind != Kind::WebGL2 || !g_layer.Fit(fb_w, fb_h)) {
    DrawListsInBox(dd, 0, n, box, &bg, true);
    return true;
  }
  const render::PixelRect base_box = g_gl_damage.DirtyBounds(true);
  if (!base_box.Empty()) {
    g_layer.BindForDrawing();
    DrawListsInBox(dd, 0, split, base_box, &bg, true);
    GlBaseLayer::BindCanvas();
  }
  g_layer.CopyToCanvas(box);
  DrawListsInBox(dd, split, n, box, nullptr, base_box.Empty());
  return true;
}

bool StartGl(Kind kind) {
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, kind == Kind::WebGL2 ? 3 : 2);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
  SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);
  SDL_GLContext gl = SDL_GL_CreateContext(g_window);
  if (!gl) {
    fprintf(stderr, "[renderer] %s: %s\n", Name(kind), SDL_GetError());
    return false;
  }
  SDL_GL_MakeCurrent(g_window, gl);
  if (!ImGui_ImplOpenGL3_Init("#version 100")) {  // GLSL ES 1.00: WebGL1 and WebGL2 alike
    fprintf(stderr, "[renderer] %s: shaders failed\n", Name(kind));
    SDL_GL_DeleteContext(gl);
    return false;
  }
  return true;
}

void StartCpu() {
  g_soft = std::make_unique<render::SoftRenderer>();
  g_soft->Install();
}

}  // namespace

bool OpenRenderer(std::string& error) {
  const int first = js_renderer_first();
  g_forced = js_renderer_forced() != 0;
  if (first < 0) {
    error = "此浏览器无法使用所选的显示方式。";
    return false;
  }
  const Kind want = static_cast<Kind>(first);
  // The canvas is sized by CSS (full window); SDL follows it and renders at devicePixelRatio.
  const Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI | (want == Kind::Cpu ? 0 : SDL_WINDOW_OPENGL);
  g_window = SDL_CreateWindow("学习周填报", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, 1280, 800, flags);
  if (!g_window) {
    error = std::string("无法创建窗口：") + SDL_GetError();
    return false;
  }
  ImGui_ImplSDL2_InitForOther(g_window);
  for (Kind k : {Kind::WebGL2, Kind::WebGL1}) {
    if (static_cast<int>(k) > first) continue;  // the chain goes down from the page's choice
    if (StartGl(k)) {
      g_kind = k;
      js_renderer_started(Name(k));
      return true;
    }
    if (g_forced) {
      error = std::string(k == Kind::WebGL2 ? "WebGL2" : "WebGL") + " 无法启动。";
      return false;
    }
  }
  g_kind = Kind::Cpu;
  StartCpu();
  js_renderer_started(Name(g_kind));
  return true;
}

void RendererNewFrame() {
  if (g_kind != Kind::Cpu) ImGui_ImplOpenGL3_NewFrame();
}

bool Present(ImDrawData* dd) {
  const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  const int fb_w = static_cast<int>(dd->DisplaySize.x * dd->FramebufferScale.x);
  const int fb_h = static_cast<int>(dd->DisplaySize.y * dd->FramebufferScale.y);
  const uint32_t background = ImGui::ColorConvertFloat4ToU32(ImVec4(bg.x, bg.y, bg.z, 1));
  if (g_kind == Kind::Cpu) {
    if (!g_soft->Render(dd, fb_w, fb_h, background)) return false;
    std::vector<int> rects;
    for (const render::PixelRect& r : g_soft->dirty()) rects.insert(rects.end(), {r.x0, r.y0, r.Width(), r.Height()});
    js_present(g_soft->pixels(), g_soft->width(), g_soft->height(), rects.data(), static_cast<int>(rects.size() / 4));
    return true;
  }
  return PresentGl(dd, fb_w, fb_h, bg, background);
}

void CheckContextLost() {
  if (g_kind == Kind::Cpu || !js_context_lost()) return;
  fprintf(stderr, "[renderer] WebGL context lost: continuing with the CPU renderer\n");
  ImGui_ImplOpenGL3_Shutdown();  // its textures become Destroyed; ImGui re-creates them for us
  g_layer.Release();
  g_kind = Kind::Cpu;
  StartCpu();
  js_renderer_started(Name(g_kind));
  PostEvent({Event::Kind::TexturesLost, "", "", true, 0});
}

void RedrawWhole() {
  g_gl_damage.Invalidate();
  if (g_soft) g_soft->Invalidate();
  RequestRedraw();
}

nlohmann::json RendererJson() {
  nlohmann::json info = nlohmann::json::parse(InfoField(""), nullptr, false);
  if (!info.is_object()) return nlohmann::json::object();
  // What the last frame cost: where its time goes.
  const render::FrameDamage& d = g_soft ? g_soft->damage() : g_gl_damage;
  info["dirtyPixels"] = d.dirty_pixels();
  info["baseDirtyPixels"] = d.base_dirty_pixels();
  info["rehashedTriangles"] = d.rehashed_triangles();
  return info;
}

}  // namespace lw::platform::web

// --- platform.h: textures live with whichever renderer runs ---------------------------------------

namespace lw::platform {

RendererInfo Renderer() {
  return {web::Name(web::g_kind), web::InfoField("glRenderer"), web::InfoField("software") == "true", web::g_forced};
}

unsigned long long CreateTexture(const std::string& rgba, int w, int h) {
  if (rgba.size() != static_cast<size_t>(w) * h * 4 || w <= 0 || h <= 0) return 0;
  if (web::g_kind == web::Kind::Cpu)
    return web::g_soft->CreateTexture(reinterpret_cast<const unsigned char*>(rgba.data()), w, h);
  GLuint tex = 0;
  glGenTextures(1, &tex);
  glBindTexture(GL_TEXTURE_2D, tex);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
  return tex;
}

void DestroyTexture(unsigned long long id) {
  if (web::g_kind == web::Kind::Cpu) {
    web::g_soft->DestroyTexture(static_cast<ImTextureID>(id));
    return;
  }
  const GLuint tex = static_cast<GLuint>(id);
  glDeleteTextures(1, &tex);
}

}  // namespace lw::platform
