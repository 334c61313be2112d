// app.h — LearnWeek's UI: owns the user's data and the screens, and draws one frame at a time.
// The host (main_web.cpp, or the native smoke test) owns the window and the main loop.
#pragma once
#include <memory>
#include <string>

#include "app_context.h"
#include "fonts.h"

namespace lw::ui {

class App {
 public:
  App();
  ~App();
  // Loads assets and stored data. Needs a current ImGui context; runs before the first frame.
  bool Init();
  // One whole frame up to ImGui::Render(): the one sequence the web main loop, its benchmark and
  // the native smoke test share. `backend_new_frame` runs the platform's and renderer's
  // NewFrame (or, natively, sets the frame's time step) before ImGui's own.
  void BuildFrame(double now_ms, void (*backend_new_frame)());
  // Writes what is due (all of it when force). Safe to call from a timer while hidden.
  void FlushNow(bool force);
  // True while something animates (ceremony mode, a playing slider, a fading toast).
  bool WantsAnimation() const;
  std::string StateJson() const;
  std::string LoadedFontsJson() const;  // font shards merged so far, for tests
  double MapLoadMs() const;             // time to read and triangulate map.bin
  std::string MapFiguresJson();         // {prefecture code: participants}, for the ECharts reference
  const std::string& init_error() const { return init_error_; }

 private:
  // Before ImGui::NewFrame(): host events, font shards, theme changes.
  void BeforeFrame(double now_ms);
  // Between ImGui::NewFrame() and ImGui::Render().
  void Frame();
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string init_error_;
};

}  // namespace lw::ui
