// line_break.h — Chinese-aware line wrapping (any two hanzi may break; 禁则 punctuation rules).
// Dear ImGui 1.92.2b only breaks at ASCII blanks and 、。 (imgui#8540), so every wrapped
// paragraph in LearnWeek — read-only or being edited — is laid out here instead.
#pragma once
#include <cstddef>
#include <functional>
#include <string_view>
#include <vector>

namespace lw {

struct LineSpan {
  size_t begin = 0;  // byte offset of the first character
  size_t end = 0;    // byte offset past the last character, excluding a hard line break
  size_t next = 0;   // where the following line starts (skips the '\n' of a hard break)
  float width = 0;   // width of [begin, end) without trailing spaces
};

// Width of one code point at the current font size.
using AdvanceFn = std::function<float(char32_t)>;

// True when no line may start with cp (closing punctuation: ，。；：？！、）」 …).
bool IsLineStartForbidden(char32_t cp);
// True when no line may end with cp (opening punctuation: （「《“ …).
bool IsLineEndForbidden(char32_t cp);

// True when a line may break between `before` and `after`.
bool CanBreakBetween(char32_t before, char32_t after);

// Greedy wrapping to max_width. Always returns at least one line (an empty text is one empty
// line); a word wider than the line is split at a character boundary rather than overflowing.
std::vector<LineSpan> WrapText(std::string_view text, float max_width, const AdvanceFn& advance);

// x position of byte offset `pos` inside `line` (pos clamped to the line).
float XOfOffset(std::string_view text, const LineSpan& line, size_t pos, const AdvanceFn& advance);
// Byte offset in `line` nearest to x (always on a character boundary).
size_t OffsetAtX(std::string_view text, const LineSpan& line, float x, const AdvanceFn& advance);
// Index of the line holding byte offset pos; a caret at a soft-wrap boundary belongs to the
// later line, except at the very end of the text.
size_t LineOfOffset(const std::vector<LineSpan>& lines, size_t pos);

}  // namespace lw
