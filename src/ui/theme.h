// theme.h — LearnWeek's look: a light, calm form a clerk trusts (dark optional), scaled 100–200 %.
#pragma once
#include "campaign.h"
#include "imgui.h"

namespace lw::ui {

// Built from the theme colours in src/core/contrast.* (which the contrast test checks).
struct Palette {
  ImVec4 accent, accent_soft, text, text_muted, error, error_soft, ok, warn, card, page, header, border;
  ImVec4 on_accent, header_text, toast_bg, toast_error_bg, toast_text, focus_inner, focus_outer;
};

// large: 大字模式 (适老化) — text at least 133 % (24 px) and every control at least 60 px tall.
// Otherwise controls are at least 44 px tall at the default size (125 %).
void ApplyTheme(bool dark, int text_scale_percent, bool large = false);
const Palette& Colors();
// A status's colour; the status is always written out beside it as well.
ImVec4 StatusColor(DraftStatus s);
ImVec4 StatusColor(RequirementStatus s);
inline ImU32 U32(const ImVec4& c) { return ImGui::ColorConvertFloat4ToU32(c); }
float Em();
// The keyboard focus ring: two tones (a dark and a light ring) so it shows on any background.
void DrawFocusRing(ImDrawList* dl, ImVec2 min,
                   ImVec2 max);  // current font size in px: layout is expressed in multiples of it

}  // namespace lw::ui
