// text_edit.cpp — see text_edit.h.
#include "text_edit.h"

#include <algorithm>

#include "utf8.h"

namespace lw {

namespace {
constexpr size_t kUndoDepth = 200;

// A space, a line break or a Chinese comma or full stop ends an undo step. Searched as whole
// characters: a byte search for "，" would also match inside 张 (E5 BC A0 shares BC with EF BC 8C).
bool EndsStep(std::string_view s) {
  for (std::string_view mark : {" ", "\n", "，", "。"})
    if (s.find(mark) != std::string_view::npos) return true;
  return false;
}
}  // namespace

std::string NormalizeTyped(std::string_view s, bool multiline) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const char32_t cp = utf8::Next(s, i);
    if (cp == '\r') {
      if (i < s.size() && s[i] == '\n') continue;  // \r\n → \n
      out += multiline ? '\n' : ' ';
    } else if (cp == '\n') {
      out += multiline ? '\n' : ' ';
    } else if (cp == '\t') {
      out += multiline ? "\t" : " ";
    } else if (cp < 0x20 || cp == 0x7F) {
      continue;  // control characters never belong in a form
    } else {
      utf8::Append(out, cp);
    }
  }
  return out;
}

TextEdit::TextEdit(std::string text, bool multiline) : text_(NormalizeTyped(text, multiline)), multiline_(multiline) {
  caret_ = anchor_ = text_.size();
}

void TextEdit::SetText(std::string text) {
  if (text == text_) return;
  text = NormalizeTyped(text, multiline_);
  if (text == text_) return;  // the same once normalized: a stored "\r\n" is not an external change
  text_ = std::move(text);
  caret_ = Snap(std::min(caret_, text_.size()));
  anchor_ = Snap(std::min(anchor_, text_.size()));
  undo_.clear();
  redo_.clear();
  last_edit_ = EditKind::None;
  ++version_;
}

std::string TextEdit::SelectedText() const { return text_.substr(SelBegin(), SelEnd() - SelBegin()); }

size_t TextEdit::Snap(size_t pos) const {
  const auto b = utf8::CharBoundaries(text_);
  auto it = std::upper_bound(b.begin(), b.end(), pos);
  return it == b.begin() ? 0 : *(it - 1);
}

size_t TextEdit::PrevBoundary(size_t pos) const {
  const auto b = utf8::CharBoundaries(std::string_view(text_).substr(0, pos));
  return b.size() >= 2 ? b[b.size() - 2] : 0;
}

size_t TextEdit::NextBoundary(size_t pos) const {
  if (pos >= text_.size()) return text_.size();
  const auto b = utf8::CharBoundaries(std::string_view(text_).substr(pos));
  return pos + (b.size() >= 2 ? b[1] : text_.size() - pos);
}

void TextEdit::BeginEdit(EditKind kind) {
  // Consecutive typing (or deleting) is undone in one step, like every text editor.
  const bool merge = kind != EditKind::Other && kind == last_edit_ && !undo_.empty();
  if (!merge) {
    undo_.push_back({text_, caret_, anchor_});
    if (undo_.size() > kUndoDepth) undo_.erase(undo_.begin());
  }
  redo_.clear();
  last_edit_ = kind;
  goal_x_ = -1;
  ++version_;
}

void TextEdit::Insert(std::string_view s) {
  const std::string clean = NormalizeTyped(s, multiline_);
  if (clean.empty() && !HasSelection()) return;
  BeginEdit(clean.size() <= 4 && clean.find('\n') == std::string::npos ? EditKind::Typing : EditKind::Other);
  const size_t b = SelBegin();
  text_.replace(b, SelEnd() - b, clean);
  caret_ = anchor_ = b + clean.size();
  if (EndsStep(clean)) last_edit_ = EditKind::None;  // word boundary: new undo step
}

void TextEdit::DeleteSelection() {
  if (!HasSelection()) return;
  BeginEdit(EditKind::Other);
  const size_t b = SelBegin();
  text_.erase(b, SelEnd() - b);
  caret_ = anchor_ = b;
}

void TextEdit::Backspace() {
  if (HasSelection()) return DeleteSelection();
  if (caret_ == 0) return;
  BeginEdit(EditKind::Deleting);
  const size_t p = PrevBoundary(caret_);
  text_.erase(p, caret_ - p);
  caret_ = anchor_ = p;
}

void TextEdit::Delete() {
  if (HasSelection()) return DeleteSelection();
  if (caret_ >= text_.size()) return;
  BeginEdit(EditKind::Deleting);
  const size_t n = NextBoundary(caret_);
  text_.erase(caret_, n - caret_);
}

void TextEdit::SetCaret(size_t pos, bool select) {
  caret_ = Snap(std::min(pos, text_.size()));
  if (!select) anchor_ = caret_;
  last_edit_ = EditKind::None;
  goal_x_ = -1;
}

void TextEdit::MoveLeft(bool select) {
  if (HasSelection() && !select) return SetCaret(SelBegin(), false);
  SetCaret(PrevBoundary(caret_), select);
}

void TextEdit::MoveRight(bool select) {
  if (HasSelection() && !select) return SetCaret(SelEnd(), false);
  SetCaret(NextBoundary(caret_), select);
}

void TextEdit::SelectAll() {
  anchor_ = 0;
  caret_ = text_.size();
}

void TextEdit::MoveLineStart(const std::vector<LineSpan>& lines, bool select) {
  SetCaret(lines[LineOfOffset(lines, caret_)].begin, select);
}

void TextEdit::MoveLineEnd(const std::vector<LineSpan>& lines, bool select) {
  const size_t k = LineOfOffset(lines, caret_);
  // At a soft wrap the end of line k is the start of line k+1: stay before the last char's
  // trailing edge only for hard breaks, where end is the '\n' position.
  SetCaret(lines[k].end, select);
}

void TextEdit::MoveVertical(const std::vector<LineSpan>& lines, int delta, const AdvanceFn& advance, bool select) {
  const size_t k = LineOfOffset(lines, caret_);
  const float goal = goal_x_ >= 0 ? goal_x_ : XOfOffset(text_, lines[k], caret_, advance);
  const long target = static_cast<long>(k) + delta;
  if (target < 0) return SetCaret(0, select);
  if (target >= static_cast<long>(lines.size())) return SetCaret(text_.size(), select);
  SetCaret(OffsetAtX(text_, lines[static_cast<size_t>(target)], goal, advance), select);
  goal_x_ = goal;
}

// Undo and redo are mirror images: pop one stack, push the present onto the other.
bool TextEdit::Restore(std::vector<Snapshot>& from, std::vector<Snapshot>& to) {
  if (from.empty()) return false;
  to.push_back({text_, caret_, anchor_});
  const Snapshot s = from.back();
  from.pop_back();
  text_ = s.text;
  caret_ = s.caret;
  anchor_ = s.anchor;
  last_edit_ = EditKind::None;
  ++version_;
  return true;
}

bool TextEdit::Undo() { return Restore(undo_, redo_); }
bool TextEdit::Redo() { return Restore(redo_, undo_); }

}  // namespace lw
