// test_line_break.cpp — Chinese line wrapping and 禁则 (no line starts with ，。 etc.).
#include <catch2/catch.hpp>
#include <string>

#include "line_break.h"
#include "utf8.h"

using namespace lw;

namespace {
// Monospace model: hanzi and full-width punctuation 2 units, ASCII 1 unit.
float Adv(char32_t c) { return c < 0x80 ? 1.f : 2.f; }

std::vector<std::string> Lines(const std::string& text, float width) {
  std::vector<std::string> out;
  for (const LineSpan& l : WrapText(text, width, Adv)) out.push_back(text.substr(l.begin, l.end - l.begin));
  return out;
}
}  // namespace

TEST_CASE("a run of hanzi wraps between any two characters", "[line_break]") {
  const auto lines = Lines("全民终身学习活动周", 8);  // 4 hanzi per line
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == "全民终身");
  CHECK(lines[1] == "学习活动");
  CHECK(lines[2] == "周");
}

TEST_CASE("no line starts with closing punctuation", "[line_break]") {
  // Greedy would put "，" first on line 2; the rule carries "身" down with it.
  const auto lines = Lines("全民终身，学习", 8);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] == "全民终");
  CHECK(lines[1] == "身，学习");
  for (const char* p : {"。", "；", "：", "？", "！", "、", "）", "」", "”"}) {
    const std::string text = std::string("一二三四") + p + "五六";
    for (const auto& l : Lines(text, 8)) CHECK(l.rfind(p, 0) != 0);
  }
}

TEST_CASE("no line ends with opening punctuation", "[line_break]") {
  const auto lines = Lines("一二三《四五》", 8);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] == "一二三");
  CHECK(lines[1] == "《四五》");
}

TEST_CASE("ellipsis and dash pairs are never split", "[line_break]") {
  for (const auto& l : Lines("一二三……四五", 8)) CHECK(l != "一二三…");
  for (const auto& l : Lines("一二三——四五", 8)) CHECK(l != "一二三—");
}

TEST_CASE("latin words stay whole and spaces hang at line end", "[line_break]") {
  const auto lines = Lines("hello world again", 11);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] == "hello world ");
  CHECK(lines[1] == "again");
  const auto spans = WrapText("hello world again", 11, Adv);
  CHECK(spans[0].width == 11);  // trailing space not counted
}

TEST_CASE("mixed Chinese and latin break at script boundaries", "[line_break]") {
  const auto lines = Lines("使用WeChat学习", 8);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == "使用");
  CHECK(lines[1] == "WeChat学");
  CHECK(lines[2] == "习");
}

TEST_CASE("a word wider than the line is split rather than overflowing", "[line_break]") {
  const auto lines = Lines("https://caea.org.cn/wzsy", 10);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == "https://ca");
  for (const auto& l : lines) CHECK(l.size() <= 10);
}

TEST_CASE("hard line breaks and empty lines are kept", "[line_break]") {
  const std::string text = "第一段\n\n第二段";
  const auto spans = WrapText(text, 100, Adv);
  REQUIRE(spans.size() == 3);
  CHECK(spans[1].begin == spans[1].end);
  CHECK(spans[0].next == spans[0].end + 1);
  CHECK(WrapText("", 10, Adv).size() == 1);
}

TEST_CASE("a 2000-character summary wraps every line within the width", "[line_break]") {
  std::string text;
  const std::string sentence = "各地积极开展线上线下相结合的讲座、培训、观摩、座谈等多种形式的教育培训活动。";
  while (utf8::CountChars(text) < 2000) text += sentence;
  const auto spans = WrapText(text, 60, Adv);
  size_t chars = 0;
  for (size_t k = 0; k < spans.size(); ++k) {
    const LineSpan& l = spans[k];
    CHECK(l.width <= 60);
    chars += utf8::CountChars(std::string_view(text).substr(l.begin, l.end - l.begin));
    if (k > 0) {
      size_t i = l.begin;
      CHECK_FALSE(IsLineStartForbidden(utf8::Next(text, i)));
    }
  }
  CHECK(chars == utf8::CountChars(text));  // nothing lost or duplicated
}

TEST_CASE("caret geometry maps offsets to x and back", "[line_break]") {
  const std::string text = "一二三四五六";
  const auto spans = WrapText(text, 8, Adv);
  REQUIRE(spans.size() == 2);
  CHECK(XOfOffset(text, spans[0], 6, Adv) == 4);
  CHECK(OffsetAtX(text, spans[0], 3.2f, Adv) == 6);
  CHECK(OffsetAtX(text, spans[0], 2.9f, Adv) == 3);
  CHECK(OffsetAtX(text, spans[1], 100, Adv) == text.size());
  CHECK(LineOfOffset(spans, 12) == 1);  // soft-wrap boundary belongs to the later line
  CHECK(LineOfOffset(spans, 11) == 0);
  CHECK(LineOfOffset(spans, text.size()) == 1);
}
