// When pointer motion needs a second frame (frame_settle.h): real ImGui frames, no backend.
#include <string>

#include "catch2/catch.hpp"
#include "frame_settle.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "soft_renderer.h"

namespace {

// One ImGui context drawing a page and, when `tip` is not empty, a tooltip holding it.
struct Frames {
  Frames() {
    ctx = ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;  // as the app: no imgui.ini written where the test runs
    ImGui::GetIO().DisplaySize = ImVec2(800, 600);
    renderer.Install();
  }
  ~Frames() { ImGui::DestroyContext(ctx); }
  // Draws one frame; returns whether the next one would still differ with the same input.
  // `presize` sizes the tooltip to its text before it is drawn (as the map does), plus `err` px.
  bool Draw(const std::string& tip, bool presize = false, float err = 0) {
    ImGui::GetIO().DeltaTime = 1.0f / 60;
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(800, 600));
    ImGui::Begin("page", nullptr, ImGuiWindowFlags_NoDecoration);
    ImGui::TextUnformatted("填报");
    if (!tip.empty()) {
      if (presize) {
        const ImVec2 t = ImGui::CalcTextSize(tip.c_str()), pad = ImGui::GetStyle().WindowPadding;
        ImGui::SetNextWindowSize(ImVec2(ImTrunc(t.x) + pad.x * 2 + err, ImTrunc(t.y) + pad.y * 2));
      }
      ImGui::SetNextWindowPos(ImVec2(100, 100));
      ImGui::BeginTooltip();
      ImGui::TextUnformatted(tip.c_str());
      ImGui::EndTooltip();
    }
    ImGui::End();
    ImGui::Render();
    renderer.Render(ImGui::GetDrawData(), 800, 600, 0xFFFFFFFFu);
    return lw::ui::NextFrameWouldDiffer();
  }
  ImGuiContext* ctx;
  lw::render::SoftRenderer renderer;
};

}  // namespace

TEST_CASE("a steady page needs no second frame; a tooltip appearing or changing size does", "[render]") {
  Frames f;
  for (int i = 0; i < 3; ++i) f.Draw("");
  CHECK_FALSE(f.Draw(""));
  CHECK(f.Draw("short"));                       // appears: measured while hidden, shown next frame
  CHECK_FALSE(f.Draw("short"));                 // then steady
  CHECK(f.Draw("a much longer tooltip text"));  // sized to last frame's text: one more frame
  CHECK_FALSE(f.Draw("a much longer tooltip text"));
  CHECK(f.Draw(""));  // gone: what lay under it is hovered next frame
  CHECK_FALSE(f.Draw(""));
}

TEST_CASE("a tooltip sized beforehand to its new text is complete in one frame", "[render]") {
  Frames f;
  f.Draw("short", true);
  CHECK_FALSE(f.Draw("short", true));
  CHECK_FALSE(f.Draw("a much longer tooltip text", true));
  CHECK(f.Draw("short", true, -10));  // a size that does not fit its text is caught
}
