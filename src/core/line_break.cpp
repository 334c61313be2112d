// line_break.cpp — see line_break.h. Rules follow common Chinese typesetting practice
// (GB/T 15834 punctuation; 行首/行尾禁则), kept deliberately small.
#include "line_break.h"

#include <algorithm>
#include <string>

#include "utf8.h"

namespace lw {

namespace {

constexpr std::u32string_view kNoStart =
    U"、。，．：；？！）］｝〕〉》」』】〙〗〟’”｠»ヽヾーァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎゕゖ々〻"
    U"‐゠–〜～‼⁇⁈⁉・…—·:;,.!?)]}%‰℃°′″";
constexpr std::u32string_view kNoEnd = U"（［｛〔〈《「『【〘〖〝‘“｟«([{￥＄¥$£";

// Characters around which a line may break even without a space: hanzi, kana, hangul,
// CJK and full-width punctuation, and emoji.
bool BreaksAround(char32_t cp) {
  return utf8::IsCjkIdeograph(cp) || (cp >= 0x2E80 && cp <= 0x2FFF) || (cp >= 0x3000 && cp <= 0x30FF) ||
         (cp >= 0x3100 && cp <= 0x33FF) || (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
         (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x1F000 && cp <= 0x1FAFF) || cp == 0x2014 || cp == 0x2026 ||
         cp == 0x201C || cp == 0x201D || cp == 0x2018 || cp == 0x2019;
}

struct Unit {
  size_t begin, end;
  char32_t first, last;
  float width;
  bool space;
};

std::vector<Unit> UnitsOf(std::string_view text, size_t begin, size_t end, const AdvanceFn& advance) {
  std::vector<Unit> units;
  const std::string_view para = text.substr(begin, end - begin);
  const std::vector<size_t> bounds = utf8::CharBoundaries(para);
  for (size_t k = 0; k + 1 < bounds.size(); ++k) {
    Unit u{begin + bounds[k], begin + bounds[k + 1], 0, 0, 0, false};
    for (size_t i = bounds[k]; i < bounds[k + 1];) {
      const char32_t cp = utf8::Next(para, i);
      if (u.width == 0 && u.first == 0) u.first = cp;
      u.last = cp;
      u.width += advance(cp);
    }
    u.space = utf8::IsWhitespace(u.first);
    units.push_back(u);
  }
  return units;
}

// Lays out one paragraph (no '\n' inside) into lines.
void WrapParagraph(std::string_view text, size_t begin, size_t end, size_t next, float max_width,
                   const AdvanceFn& advance, std::vector<LineSpan>& out) {
  const std::vector<Unit> units = UnitsOf(text, begin, end, advance);
  size_t k = 0;
  while (true) {
    const size_t line_first = k;
    float x = 0, trailing_space = 0;
    size_t cand = SIZE_MAX;  // unit index where the best break so far would start the next line
    float cand_width = 0;
    for (; k < units.size(); ++k) {
      const Unit& u = units[k];
      if (k > line_first && CanBreakBetween(units[k - 1].last, u.first)) {
        cand = k;
        cand_width = x - trailing_space;
      }
      if (!u.space && k > line_first && x + u.width > max_width) break;
      x += u.width;
      trailing_space = u.space ? trailing_space + u.width : 0;
    }
    if (k >= units.size()) {
      out.push_back({line_first < units.size() ? units[line_first].begin : begin, end, next, x - trailing_space});
      return;
    }
    if (cand == SIZE_MAX) {  // one word wider than the line: split it where it overflows
      cand = k;
      cand_width = x - trailing_space;
    }
    out.push_back({units[line_first].begin, units[cand].begin, units[cand].begin, cand_width});
    k = cand;
  }
}

}  // namespace

bool IsLineStartForbidden(char32_t cp) { return kNoStart.find(cp) != std::u32string_view::npos; }
bool IsLineEndForbidden(char32_t cp) { return kNoEnd.find(cp) != std::u32string_view::npos; }

bool CanBreakBetween(char32_t before, char32_t after) {
  if (IsLineStartForbidden(after) || IsLineEndForbidden(before)) return false;
  if (before == after && (before == U'—' || before == U'…')) return false;  // ——  …… never split
  if (utf8::IsWhitespace(after)) return false;  // break after the run of spaces, not inside it
  if (utf8::IsWhitespace(before)) return true;
  return BreaksAround(before) || BreaksAround(after);
}

std::vector<LineSpan> WrapText(std::string_view text, float max_width, const AdvanceFn& advance) {
  std::vector<LineSpan> lines;
  size_t begin = 0;
  while (true) {
    const size_t nl = text.find('\n', begin);
    const size_t end = nl == std::string_view::npos ? text.size() : nl;
    size_t para_end = end;
    if (para_end > begin && text[para_end - 1] == '\r') --para_end;
    const size_t next = nl == std::string_view::npos ? text.size() : nl + 1;
    WrapParagraph(text, begin, para_end, next, max_width, advance, lines);
    if (nl == std::string_view::npos) break;
    begin = next;
  }
  return lines;
}

float XOfOffset(std::string_view text, const LineSpan& line, size_t pos, const AdvanceFn& advance) {
  pos = std::clamp(pos, line.begin, line.end);
  float x = 0;
  for (size_t i = line.begin; i < pos;) x += advance(utf8::Next(text, i));
  return x;
}

size_t OffsetAtX(std::string_view text, const LineSpan& line, float x, const AdvanceFn& advance) {
  const std::string_view part = text.substr(line.begin, line.end - line.begin);
  const std::vector<size_t> bounds = utf8::CharBoundaries(part);
  float left = 0;
  for (size_t k = 0; k + 1 < bounds.size(); ++k) {
    float w = 0;
    for (size_t i = bounds[k]; i < bounds[k + 1];) w += advance(utf8::Next(part, i));
    if (x < left + w * 0.5f) return line.begin + bounds[k];
    left += w;
  }
  return line.end;
}

size_t LineOfOffset(const std::vector<LineSpan>& lines, size_t pos) {
  auto it = std::upper_bound(lines.begin(), lines.end(), pos, [](size_t p, const LineSpan& l) { return p < l.begin; });
  return it == lines.begin() ? 0 : static_cast<size_t>(it - lines.begin()) - 1;
}

}  // namespace lw
