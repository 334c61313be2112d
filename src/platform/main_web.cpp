// main_web.cpp — the browser main loop: SDL2 window + WebGL2, Dear ImGui, and render on demand.
// Emscripten owns the loop (requestAnimationFrame); each tick polls input and draws only when
// something changed, at most once a second otherwise (a laptop on battery all day).
#include <GLES2/gl2.h>
#include <SDL.h>
#include <emscripten.h>

#include <algorithm>
#include <string>
#include <vector>

#include "app.h"
#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "imgui_impl_sdl2.h"
#include "item_registry.h"
#include "platform.h"
#include "platform_web.h"

namespace {

constexpr double kIdleFrameMs = 1000;  // with nothing changing, redraw once a second
constexpr int kFramesAfterInput = 3;   // ImGui settles hover/active state over a few frames

SDL_Window* g_window = nullptr;
lw::ui::App* g_app = nullptr;
int g_frames_left = kFramesAfterInput;
// CPU time of recent frames (input to GL submission), for window.learnweek.stats() benchmarks.
// Split into building the frame (UI + map geometry, all C++) and handing it to WebGL (whose cost
// depends on the GPU, software GL in CI).
constexpr int kFrameSamples = 240;
double g_frame_ms[kFrameSamples] = {};
double g_build_ms[kFrameSamples] = {};
int g_frame_count = 0;
double g_last_draw = -1e9;
bool g_first = true;

bool g_paused = false;  // benchmarks stop the loop so the GPU is idle while they measure

std::string JsonNumbers(const double* v, int n) {
  std::string s = "[";
  for (int i = 0; i < n; ++i) s += (i ? "," : "") + std::to_string(v[i]);
  return s + "]";
}

// Input to ImGui::Render(): everything of a frame but handing it to WebGL.
void BuildFrame(double now) {
  g_app->BeforeFrame(now);
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  ImGui::NewFrame();
  g_app->Frame();
  ImGui::Render();
}

void Tick() {
  if (g_paused) return;
  const bool input = lw::platform::web::PumpSdlEvents() | lw::platform::web::ConsumeWake();
  const double now = lw::platform::NowMs();
  if (input) g_frames_left = kFramesAfterInput;
  if (g_frames_left == 0 && !g_app->WantsAnimation() && now - g_last_draw < kIdleFrameMs) return;
  g_frames_left = g_frames_left > 0 ? g_frames_left - 1 : 0;
  g_last_draw = now;

  const double t0 = lw::platform::NowMs();
  BuildFrame(now);
  const double t_built = lw::platform::NowMs();
  const ImGuiIO& io = ImGui::GetIO();
  glViewport(0, 0, static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x),
             static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y));
  const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  glClearColor(bg.x, bg.y, bg.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  g_build_ms[g_frame_count % kFrameSamples] = t_built - t0;
  g_frame_ms[g_frame_count++ % kFrameSamples] = lw::platform::NowMs() - t0;
  lw::platform::web::AfterFrame(g_first);
  g_first = false;
}

}  // namespace

extern "C" {
EMSCRIPTEN_KEEPALIVE const char* lw_items_json() {
  static std::string s;
  s = lw::ui::ItemsJson();
  return s.c_str();
}
EMSCRIPTEN_KEEPALIVE const char* lw_state_json() {
  static std::string s;
  s = g_app ? g_app->StateJson() : "{}";
  return s.c_str();
}
EMSCRIPTEN_KEEPALIVE const char* lw_fonts_json() {
  static std::string s;
  s = g_app ? g_app->LoadedFontsJson() : "[]";
  return s.c_str();
}
EMSCRIPTEN_KEEPALIVE const char* lw_stats_json() {
  static std::string s;
  const int n = std::min(g_frame_count, kFrameSamples);
  s = "{\"frames\":" + std::to_string(g_frame_count) + ",\"mapLoadMs\":" + std::to_string(g_app ? g_app->MapLoadMs() : 0) +
      ",\"recentFrameMs\":" + JsonNumbers(g_frame_ms, n) + ",\"recentBuildMs\":" + JsonNumbers(g_build_ms, n) + "}";
  return s.c_str();
}
EMSCRIPTEN_KEEPALIVE void lw_set_paused(int paused) { g_paused = paused != 0; }
// Builds `frames` frames back to back without handing them to WebGL: the CPU cost of a frame
// alone, unaffected by the (software) GPU sharing the machine. Used by tests/bench/map_bench.mjs.
EMSCRIPTEN_KEEPALIVE const char* lw_bench_frames(int frames) {
  static std::string s;
  std::vector<double> ms;
  for (int i = 0; i < frames; ++i) {
    const double t0 = lw::platform::NowMs();
    BuildFrame(t0);
    ms.push_back(lw::platform::NowMs() - t0);
  }
  s = JsonNumbers(ms.data(), static_cast<int>(ms.size()));
  return s.c_str();
}
EMSCRIPTEN_KEEPALIVE const char* lw_map_figures_json() {
  static std::string s;
  s = g_app ? g_app->MapFiguresJson() : "{}";
  return s.c_str();
}
EMSCRIPTEN_KEEPALIVE int lw_is_text_field_at(float x, float y) { return lw::ui::IsTextFieldAt(x, y); }
}

int main() {
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
    fprintf(stderr, "SDL_Init: %s\n", SDL_GetError());
    return 1;
  }
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
  SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);
  // The canvas is sized by CSS (full window); SDL follows it and renders at devicePixelRatio.
  g_window = SDL_CreateWindow("学习周填报", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, 1280, 800,
                              SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
  SDL_GLContext gl = SDL_GL_CreateContext(g_window);
  if (!g_window || !gl) {
    fprintf(stderr, "WebGL2: %s\n", SDL_GetError());
    return 1;
  }
  SDL_GL_MakeCurrent(g_window, gl);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui_ImplSDL2_InitForOpenGL(g_window, gl);
  ImGui_ImplOpenGL3_Init("#version 100");
  lw::platform::web::InstallImGuiHooks();

  static lw::ui::App app;  // lives for the page: the main loop never returns
  g_app = &app;
  if (!app.Init()) fprintf(stderr, "init: %s\n", app.init_error().c_str());
  emscripten_set_main_loop(Tick, 0, true);
  return 0;
}
