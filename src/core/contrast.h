// contrast.h — WCAG 2.x relative luminance and contrast ratio (the 适老化 and GB/T 37668 rules
// use the same numbers: text ≥ 4.5:1, large text and focus indicators ≥ 3:1), and the colour
// pairs of LearnWeek's two themes so a test can hold every one of them to its minimum.
#pragma once
#include <string>
#include <vector>

namespace lw {

struct Rgb {
  unsigned hex = 0;  // 0xRRGGBB
  float alpha = 1;   // a translucent colour is composited over its background first
};

double RelativeLuminance(unsigned rgb);
double ContrastRatio(unsigned a, unsigned b);
// Colour `fg` drawn with its alpha over the opaque `bg`.
unsigned Composite(Rgb fg, unsigned bg);

// Every colour the UI draws text or a focus ring in, for one theme.
struct ThemeColors {
  unsigned accent, accent_soft, text, text_muted, error, error_soft, ok, warn, card, page, header, border;
  unsigned frame_bg;     // text fields
  unsigned header_text;  // navigation and save status on the header bar
  unsigned on_accent;    // text on a primary (accent) button
  unsigned toast_bg, toast_error_bg, toast_text;
  unsigned focus_inner, focus_outer;  // the two-tone focus ring
};
const ThemeColors& LightThemeColors();
const ThemeColors& DarkThemeColors();

struct ColorPair {
  std::string what;  // "说明文字 on 页面"
  unsigned fg, bg;
  double minimum;  // 4.5 for text, 3.0 for large text and non-text (focus ring)
};
// Every text/background (and focus ring/background) combination the theme produces.
std::vector<ColorPair> ThemePairs(const ThemeColors& t);

}  // namespace lw
