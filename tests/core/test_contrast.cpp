// test_contrast.cpp — every text colour of both themes against its background (适老化: text
// ≥ 4.5:1, large text and the focus ring ≥ 3:1), and the contrast formula itself.
#include <catch2/catch.hpp>

#include "contrast.h"

TEST_CASE("contrast ratio follows WCAG", "[contrast]") {
  CHECK(lw::ContrastRatio(0x000000, 0xFFFFFF) == Approx(21.0));
  CHECK(lw::ContrastRatio(0xFFFFFF, 0xFFFFFF) == Approx(1.0));
  CHECK(lw::ContrastRatio(0x777777, 0xFFFFFF) == Approx(4.48).margin(0.01));  // the classic "just fails" grey
  CHECK(lw::Composite({0xFFFFFF, 0.5f}, 0x000000) == 0x808080);
}

TEST_CASE("every text colour of both themes meets its contrast minimum", "[contrast]") {
  for (const auto* theme : {&lw::LightThemeColors(), &lw::DarkThemeColors()}) {
    const char* name = theme == &lw::LightThemeColors() ? "light" : "dark";
    const auto pairs = lw::ThemePairs(*theme);
    CHECK(pairs.size() >= 25);
    for (const lw::ColorPair& p : pairs) {
      INFO(name << ": " << p.what << " = " << lw::ContrastRatio(p.fg, p.bg));
      CHECK(lw::ContrastRatio(p.fg, p.bg) >= p.minimum);
    }
  }
}
