// theme.cpp — see theme.h.
#include "theme.h"

#include <algorithm>

#include "contrast.h"
#include "fonts.h"

namespace lw::ui {
namespace {

Palette g_palette;

ImVec4 Hex(unsigned rgb, float a = 1.0f) {
  return ImVec4(((rgb >> 16) & 0xFF) / 255.0f, ((rgb >> 8) & 0xFF) / 255.0f, (rgb & 0xFF) / 255.0f, a);
}

Palette FromCore(const ThemeColors& t) {
  return {Hex(t.accent),         Hex(t.accent_soft), Hex(t.text),        Hex(t.text_muted),  Hex(t.error),
          Hex(t.error_soft),     Hex(t.ok),          Hex(t.warn),        Hex(t.card),        Hex(t.page),
          Hex(t.header),         Hex(t.border),      Hex(t.on_accent),   Hex(t.header_text), Hex(t.toast_bg, 0.96f),
          Hex(t.toast_error_bg), Hex(t.toast_text),  Hex(t.focus_inner), Hex(t.focus_outer)};
}

void ApplyColors(ImGuiStyle& s, const Palette& p, bool dark) {
  ImVec4* c = s.Colors;
  c[ImGuiCol_Text] = p.text;
  c[ImGuiCol_TextDisabled] = p.text_muted;
  c[ImGuiCol_WindowBg] = p.page;
  c[ImGuiCol_ChildBg] = p.card;
  c[ImGuiCol_PopupBg] = p.card;
  c[ImGuiCol_Border] = p.border;
  c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_FrameBg] = dark ? Hex(0x111722) : Hex(0xFFFFFF);
  c[ImGuiCol_FrameBgHovered] = dark ? Hex(0x1A2333) : Hex(0xF4F8FD);
  c[ImGuiCol_FrameBgActive] = dark ? Hex(0x1A2333) : Hex(0xFFFFFF);
  c[ImGuiCol_TitleBg] = c[ImGuiCol_TitleBgActive] = c[ImGuiCol_TitleBgCollapsed] = p.header;
  c[ImGuiCol_MenuBarBg] = p.card;
  c[ImGuiCol_ScrollbarBg] = p.page;
  c[ImGuiCol_ScrollbarGrab] = dark ? Hex(0x3A4556) : Hex(0xC3CBD6);
  c[ImGuiCol_ScrollbarGrabHovered] = dark ? Hex(0x4A5670) : Hex(0xA9B3C1);
  c[ImGuiCol_ScrollbarGrabActive] = p.accent;
  c[ImGuiCol_CheckMark] = p.accent;
  c[ImGuiCol_SliderGrab] = p.accent;
  c[ImGuiCol_SliderGrabActive] = p.accent;
  c[ImGuiCol_Button] = p.accent_soft;
  c[ImGuiCol_ButtonHovered] = dark ? Hex(0x2C4366) : Hex(0xCFE0F5);
  c[ImGuiCol_ButtonActive] = dark ? Hex(0x35507A) : Hex(0xB9D1EF);
  c[ImGuiCol_Header] = p.accent_soft;
  c[ImGuiCol_HeaderHovered] = dark ? Hex(0x2C4366) : Hex(0xD7E6F7);
  c[ImGuiCol_HeaderActive] = dark ? Hex(0x35507A) : Hex(0xC3D8F2);
  c[ImGuiCol_Separator] = p.border;
  c[ImGuiCol_Tab] = p.page;
  c[ImGuiCol_TabHovered] = p.accent_soft;
  c[ImGuiCol_TabSelected] = p.card;
  c[ImGuiCol_TableHeaderBg] = dark ? Hex(0x222B39) : Hex(0xEEF2F7);
  c[ImGuiCol_TableBorderStrong] = p.border;
  c[ImGuiCol_TableBorderLight] = dark ? Hex(0x2C3545) : Hex(0xE1E6ED);
  c[ImGuiCol_TableRowBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_TableRowBgAlt] = dark ? Hex(0xFFFFFF, 0.03f) : Hex(0x1E5AA8, 0.03f);
  c[ImGuiCol_TextSelectedBg] = dark ? Hex(0x6EA8F0, 0.35f) : Hex(0x1E5AA8, 0.22f);
  c[ImGuiCol_NavCursor] = ImVec4(0, 0, 0, 0);  // DrawFocusRing draws a thicker two-tone ring instead
  c[ImGuiCol_ModalWindowDimBg] = Hex(0x000000, 0.35f);
}

}  // namespace

void ApplyTheme(bool dark, int text_scale_percent, bool large) {
  g_palette = FromCore(dark ? DarkThemeColors() : LightThemeColors());
  const float k = (large ? std::max(text_scale_percent, 133) : text_scale_percent) / 100.0f;
  ImGuiStyle s;  // rebuilt from defaults: ScaleAllSizes is not reversible
  s.WindowPadding = ImVec2(20, 16);
  s.FramePadding = ImVec2(10, 7);
  s.ItemSpacing = ImVec2(10, 10);
  s.ItemInnerSpacing = ImVec2(8, 6);
  s.CellPadding = ImVec2(8, 6);
  s.ScrollbarSize = 16;
  s.GrabMinSize = 14;
  s.WindowRounding = 0;
  s.ChildRounding = 8;
  s.FrameRounding = 5;
  s.PopupRounding = 6;
  s.GrabRounding = 5;
  s.TabRounding = 5;
  s.FrameBorderSize = 1;
  s.ChildBorderSize = 1;
  s.WindowBorderSize = 0;
  s.PopupBorderSize = 1;
  s.SelectableTextAlign = ImVec2(0, 0.5f);  // list entries are as tall as buttons (ListEntry)
  ApplyColors(s, g_palette, dark);
  s.ScaleAllSizes(k);
  s.FontSizeBase = FontManager::kBaseSize;
  s.FontScaleMain = k;
  // Touch targets (适老化): text fields, buttons and combos at least 44 px tall, 60 px in 大字模式.
  const float font_px = FontManager::kBaseSize * k, min_target = large ? 60.0f : 44.0f;
  s.FramePadding.y = std::max(s.FramePadding.y, (min_target - font_px) * 0.5f);
  if (large) {
    s.FramePadding.x = std::max(s.FramePadding.x, 16.0f * k);
    s.ItemSpacing = ImVec2(s.ItemSpacing.x * 1.4f, s.ItemSpacing.y * 1.4f);
  }
  ImGui::GetStyle() = s;
}

const Palette& Colors() { return g_palette; }

float Em() { return ImGui::GetFontSize(); }

void DrawFocusRing(ImDrawList* dl, ImVec2 min, ImVec2 max) {
  const float r = ImGui::GetStyle().FrameRounding + 3;
  min = ImVec2(min.x - 3, min.y - 3);
  max = ImVec2(max.x + 3, max.y + 3);
  dl->AddRect(ImVec2(min.x - 1.5f, min.y - 1.5f), ImVec2(max.x + 1.5f, max.y + 1.5f), U32(g_palette.focus_outer),
              r + 1.5f, 0, 5.0f);
  dl->AddRect(min, max, U32(g_palette.focus_inner), r, 0, 3.0f);
}

ImVec4 StatusColor(DraftStatus s) {
  const Palette& p = Colors();
  return s == DraftStatus::Exported ? p.accent : s == DraftStatus::Valid ? p.ok : p.warn;
}

ImVec4 StatusColor(RequirementStatus s) {
  const std::optional<DraftStatus> d = AsDraftStatus(s);
  return d ? StatusColor(*d) : Colors().text_muted;
}

}  // namespace lw::ui
