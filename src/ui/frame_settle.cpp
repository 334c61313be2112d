// frame_settle.cpp — see frame_settle.h. Mirrors imgui.cpp's CalcWindowContentSizes: the
// content size a window will take in its next Begin() is the extent of what it held this frame.
#include "frame_settle.h"

#include "imgui.h"
#include "imgui_internal.h"

namespace lw::ui {
namespace {

ImVec2 NextContentSize(const ImGuiWindow& w, bool ideal) {
  const ImVec2 max = ideal ? ImMax(w.DC.CursorMaxPos, w.DC.IdealMaxPos) : w.DC.CursorMaxPos;
  return ImVec2(w.ContentSizeExplicit.x != 0.0f ? w.ContentSizeExplicit.x : ImTrunc64(max.x - w.DC.CursorStartPos.x),
                w.ContentSizeExplicit.y != 0.0f ? w.ContentSizeExplicit.y : ImTrunc64(max.y - w.DC.CursorStartPos.y));
}

bool Same(const ImVec2& a, const ImVec2& b) { return a.x == b.x && a.y == b.y; }

bool WindowWouldChange(const ImGuiWindow& w) {
  if (w.Active != w.WasActive) return true;  // appeared or went: hover and focus follow next frame
  if (!w.Active) return false;
  if (w.HiddenFramesCanSkipItems > 0 || w.HiddenFramesCannotSkipItems > 0 || w.HiddenFramesForRenderOnly > 0)
    return true;
  if (w.AutoFitFramesX > 0 || w.AutoFitFramesY > 0) return true;
  if (w.Collapsed) return false;
  // A window that fits its content (a tooltip) takes next frame the size of what it holds now.
  if (w.Flags & ImGuiWindowFlags_AlwaysAutoResize)
    return !Same(ImGui::CalcWindowNextAutoFitSize(const_cast<ImGuiWindow*>(&w)), w.SizeFull);
  return !Same(NextContentSize(w, false), w.ContentSize) || !Same(NextContentSize(w, true), w.ContentSizeIdeal);
}

}  // namespace

bool NextFrameWouldDiffer() {
  const ImGuiContext& g = *GImGui;
  for (const ImGuiWindow* w : g.Windows)
    if (WindowWouldChange(*w)) return true;
  return false;
}

bool InputStillQueued() { return GImGui->InputEventsQueue.Size > 0; }

}  // namespace lw::ui
