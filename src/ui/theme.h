// theme.h — LearnWeek's look: a light, calm form a clerk trusts (dark optional), scaled 100–200 %.
#pragma once
#include "imgui.h"

namespace lw::ui {

struct Palette {
  ImVec4 accent, accent_soft, text, text_muted, error, error_soft, ok, warn, card, page, header, border;
};

void ApplyTheme(bool dark, int text_scale_percent);
const Palette& Colors();
inline ImU32 U32(const ImVec4& c) { return ImGui::ColorConvertFloat4ToU32(c); }
float Em();  // current font size in px: layout is expressed in multiples of it

}  // namespace lw::ui
