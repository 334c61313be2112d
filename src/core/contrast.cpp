// contrast.cpp — see contrast.h. Formulas from WCAG 2.2 §1.4.3 (relative luminance of sRGB).
#include "contrast.h"

#include <algorithm>
#include <cmath>

namespace lw {
namespace {

double Channel(unsigned v) {
  const double c = v / 255.0;
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

}  // namespace

double RelativeLuminance(unsigned rgb) {
  return 0.2126 * Channel((rgb >> 16) & 0xFF) + 0.7152 * Channel((rgb >> 8) & 0xFF) + 0.0722 * Channel(rgb & 0xFF);
}

double ContrastRatio(unsigned a, unsigned b) {
  const double la = RelativeLuminance(a), lb = RelativeLuminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

unsigned Composite(Rgb fg, unsigned bg) {
  unsigned out = 0;
  for (int shift = 16; shift >= 0; shift -= 8) {
    const double f = (fg.hex >> shift) & 0xFF, b = (bg >> shift) & 0xFF;
    out |= static_cast<unsigned>(std::lround(f * fg.alpha + b * (1 - fg.alpha))) << shift;
  }
  return out;
}

// The themes' colours live here (not in the ImGui theme) so the contrast test can see them.
// warn was 0xB26A00 (3.9:1 on white): darkened to pass 4.5:1 on cards and pages.
const ThemeColors& LightThemeColors() {
  static const ThemeColors t{.accent = 0x1E5AA8,
                             .accent_soft = 0xE3EDF9,
                             .text = 0x1F2937,
                             .text_muted = 0x5B6472,
                             .error = 0xC62828,
                             .error_soft = 0xFDECEC,
                             .ok = 0x2E7D32,
                             .warn = 0x8F5600,
                             .card = 0xFFFFFF,
                             .page = 0xF3F5F8,
                             .header = 0x1E5AA8,
                             .border = 0xC7D0DC,
                             .frame_bg = 0xFFFFFF,
                             .header_text = 0xFFFFFF,
                             .on_accent = 0xFFFFFF,
                             .toast_bg = 0x1F2937,
                             .toast_error_bg = 0xB71C1C,
                             .toast_text = 0xFFFFFF,
                             .focus_inner = 0x0B3D91,
                             .focus_outer = 0xFFFFFF};
  return t;
}

// error was 0xFF7B72 behind white toast text (2.4:1): error toasts now use a deep red; white on
// the light-blue primary button was 2.5:1: its text is dark.
const ThemeColors& DarkThemeColors() {
  static const ThemeColors t{.accent = 0x6EA8F0,
                             .accent_soft = 0x22324A,
                             .text = 0xE6E9EE,
                             .text_muted = 0xA3ACB9,
                             .error = 0xFF7B72,
                             .error_soft = 0x3A2020,
                             .ok = 0x7CC287,
                             .warn = 0xE0A84A,
                             .card = 0x1D2430,
                             .page = 0x151A22,
                             .header = 0x1B3558,
                             .border = 0x3A4556,
                             .frame_bg = 0x111722,
                             .header_text = 0xFFFFFF,
                             .on_accent = 0x0B1220,
                             .toast_bg = 0x1F2937,
                             .toast_error_bg = 0xB71C1C,
                             .toast_text = 0xFFFFFF,
                             .focus_inner = 0xFFFFFF,
                             .focus_outer = 0x000000};
  return t;
}

std::vector<ColorPair> ThemePairs(const ThemeColors& t) {
  std::vector<ColorPair> pairs;
  const auto text = [&](const char* what, unsigned fg, unsigned bg) { pairs.push_back({what, fg, bg, 4.5}); };
  const auto large = [&](const char* what, unsigned fg, unsigned bg) { pairs.push_back({what, fg, bg, 3.0}); };
  // The two-tone ring shows where either tone stands out from the background.
  const auto ring = [&](const std::string& what, unsigned bg) {
    const bool inner = ContrastRatio(t.focus_inner, bg) >= ContrastRatio(t.focus_outer, bg);
    pairs.push_back({what + (inner ? "（内圈）" : "（外圈）"), inner ? t.focus_inner : t.focus_outer, bg, 3.0});
  };
  for (const auto& [name, bg] :
       {std::pair<const char*, unsigned>{"页面", t.page}, {"卡片", t.card}, {"输入框", t.frame_bg}}) {
    const std::string on = std::string(" on ") + name;
    text(("正文" + on).c_str(), t.text, bg);
    text(("说明文字" + on).c_str(), t.text_muted, bg);
    text(("错误提示" + on).c_str(), t.error, bg);
    text(("正确提示" + on).c_str(), t.ok, bg);
    text(("提醒" + on).c_str(), t.warn, bg);
    text(("强调文字" + on).c_str(), t.accent, bg);
    ring("焦点框 on " + std::string(name), bg);
  }
  text("按钮文字 on 按钮", t.text, t.accent_soft);
  text("主按钮文字 on 主按钮", t.on_accent, t.accent);
  text("危险按钮文字 on 危险按钮", t.error, t.error_soft);
  text("导航文字 on 页头", t.header_text, t.header);
  text("保存状态 on 页头", Composite({t.header_text, 0.85f}, t.header), t.header);
  text("选中导航 on 页头", t.header_text, Composite({0x000000, 0.28f}, t.header));
  text("导航悬停 on 页头", t.header_text, Composite({0x000000, 0.18f}, t.header));
  text("提示条 on 提示条", t.toast_text, t.toast_bg);
  text("错误提示条 on 错误提示条", t.toast_text, t.toast_error_bg);
  ring("焦点框 on 页头", t.header);
  ring("焦点框 on 主按钮", t.accent);
  ring("焦点框 on 提示条", t.toast_bg);
  large("焦点框 on 焦点框外圈", t.focus_inner, t.focus_outer);
  return pairs;
}

}  // namespace lw
