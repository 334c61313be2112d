// main_web.cpp — the browser build's entry point: start-up, the main loop (render on demand), and
// the hooks tests and benchmarks call. Emscripten owns the loop (requestAnimationFrame); each tick
// polls input and draws only when something changed, at most once a second otherwise (a laptop
// on battery all day). How frames reach the screen is src/platform/render_web.*.
#include <SDL.h>
#include <emscripten.h>

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app.h"
#include "bundle.h"
#include "bundle_io.h"
#include "campaign.h"
#include "frame_settle.h"
#include "imgui.h"
#include "imgui_impl_sdl2.h"
#include "item_registry.h"
#include "platform.h"
#include "platform_web.h"
#include "render_web.h"
#include "web_app.h"
#include "workspace.h"

namespace {

constexpr double kIdleFrameMs = 1000;  // with nothing changing, redraw once a second
constexpr int kFramesAfterInput = 3;   // ImGui settles hover/active state over a few frames

lw::ui::App* g_app = nullptr;
int g_frames_left = kFramesAfterInput;
// The frames being drawn follow pointer motion alone. Then a frame that changed nothing on
// screen, or one that left ImGui nothing to catch up on (frame_settle.h), ends them. (After a
// click or a key, ImGui may change nothing for a frame and then move the focus, so those get all 3.)
bool g_settling_motion = false;
// Main-thread time of recent frames, for window.learnweek.stats(): building the frame (UI + map
// geometry, all C++) and the whole frame including handing it to WebGL or the 2D canvas.
constexpr int kFrameSamples = 240;
double g_frame_ms[kFrameSamples] = {};
double g_build_ms[kFrameSamples] = {};
int g_frame_count = 0;
int g_presented = 0;  // frames that changed pixels on screen
double g_last_draw = -1e9;
bool g_first = true;
bool g_paused = false;  // benchmarks stop the loop so the GPU is idle while they measure

// Everything of a frame up to ImGui::Render(): what the main loop and the benchmark share.
void BuildFrame(double now) {
  g_app->BuildFrame(now, [] {
    lw::platform::web::RendererNewFrame();
    ImGui_ImplSDL2_NewFrame();
  });
}

void Tick() {
  if (g_paused) return;
  lw::platform::web::CheckContextLost();
  using lw::platform::web::Queued;
  const Queued queued = lw::platform::web::PumpSdlEvents();
  const bool woken = lw::platform::web::ConsumeWake();
  const double now = lw::platform::NowMs();
  if (queued != Queued::Nothing || woken) {
    g_settling_motion = queued == Queued::MotionOnly && !woken && (g_frames_left == 0 || g_settling_motion);
    g_frames_left = kFramesAfterInput;
  }
  if (g_frames_left == 0 && !g_app->WantsAnimation() && now - g_last_draw < kIdleFrameMs) {
    lw::platform::web::SleepFor(kIdleFrameMs - (now - g_last_draw));
    return;
  }
  g_frames_left = g_frames_left > 0 ? g_frames_left - 1 : 0;
  g_last_draw = now;

  const double t0 = lw::platform::NowMs();
  BuildFrame(now);
  const double t_built = lw::platform::NowMs();
  const bool changed = lw::platform::web::Present(ImGui::GetDrawData());
  g_presented += changed;
  if (g_settling_motion && (!changed || !lw::ui::NextFrameWouldDiffer())) g_frames_left = 0;
  if (lw::ui::InputStillQueued()) g_frames_left = std::max(g_frames_left, 1);
  g_build_ms[g_frame_count % kFrameSamples] = t_built - t0;
  g_frame_ms[g_frame_count++ % kFrameSamples] = lw::platform::NowMs() - t0;
  lw::platform::web::AfterFrame(g_first);
  g_first = false;
}

// The last frames' samples, oldest first (the ring is written at frame count % size).
std::vector<double> Recent(const double* ring) {
  std::vector<double> out;
  for (int i = std::max(0, g_frame_count - kFrameSamples); i < g_frame_count; ++i)
    out.push_back(ring[i % kFrameSamples]);
  return out;
}

}  // namespace

namespace lw::app {

std::string ItemsJson() { return ui::ItemsJson(); }
std::string StateJson() { return g_app ? g_app->StateJson() : "{}"; }
std::string FontsJson() { return g_app ? g_app->LoadedFontsJson() : "[]"; }
std::string MapFiguresJson() { return g_app ? g_app->MapFiguresJson() : "{}"; }

std::string StatsJson() {
  const nlohmann::json stats = {
      {"frames", g_frame_count},
      {"presented", g_presented},
      {"mapLoadMs", g_app ? g_app->MapLoadMs() : 0},
      {"recentFrameMs", Recent(g_frame_ms)},
      {"recentBuildMs", Recent(g_build_ms)},
      {"animating", g_app && g_app->WantsAnimation()},  // the loop draws every frame, not once a second
      {"renderer", platform::web::RendererJson()},
  };
  return stats.dump();
}

void SetPaused(bool paused) { g_paused = paused; }

std::string BenchFrames(int frames) {
  std::vector<double> ms;
  for (int i = 0; i < frames; ++i) {
    const double t0 = platform::NowMs();
    BuildFrame(t0);
    ms.push_back(platform::NowMs() - t0);
  }
  return nlohmann::json(ms).dump();
}

int BackupDownload() {
  if (g_app) g_app->FlushNow(true);
  Workspace ws(platform::DataDir());
  ws.Load();
  const FormLibrary forms = LoadFormLibrary(platform::AssetDir() + "/forms");
  const Bundle b = MakeBackup(ws, ws.settings.campaign);
  const std::string unit = ws.profile.values.value("unit", "");
  platform::Download(BundleFileName(unit, TodayLocal(), "备份"), "application/json", WriteBundle(b, forms));
  return static_cast<int>(b.records.size());
}

}  // namespace lw::app

int main() {
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
    lw::platform::web::ReportStartupFailure(std::string("SDL_Init: ") + SDL_GetError());
    return 0;  // the runtime stays up: the failure page's backup button still works
  }
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  std::string error;
  if (!lw::platform::web::OpenRenderer(error)) {
    lw::platform::web::ReportStartupFailure(error);
    return 0;
  }
  lw::platform::web::InstallImGuiHooks();

  static lw::ui::App app;  // lives for the page: the main loop never returns
  g_app = &app;
  if (!app.Init()) fprintf(stderr, "init: %s\n", app.init_error().c_str());
  emscripten_set_main_loop(Tick, 0, true);
  return 0;
}
