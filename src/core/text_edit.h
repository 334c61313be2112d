// text_edit.h — the editing model behind LearnWeek's wrapped multi-line text field: text,
// caret, selection, undo. Positions are byte offsets that always sit on a character boundary
// (an emoji sequence or a combining mark is never split). Layout-dependent moves (up/down,
// home/end of a visual line) take the wrapped lines from line_break.h.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "line_break.h"

namespace lw {

// Text as typing leaves it: "\r\n" and "\r" as "\n", control characters dropped and, on one line,
// line breaks and tabs as spaces (TextEdit's Insert and SetText; a single-line field's stored text).
std::string NormalizeTyped(std::string_view s, bool multiline);

class TextEdit {
 public:
  explicit TextEdit(std::string text = {}, bool multiline = true);

  const std::string& text() const { return text_; }
  // An external change, normalized as Insert does: keeps the caret in range, clears undo.
  void SetText(std::string text);
  size_t caret() const { return caret_; }
  size_t anchor() const { return anchor_; }
  bool HasSelection() const { return caret_ != anchor_; }
  size_t SelBegin() const { return caret_ < anchor_ ? caret_ : anchor_; }
  size_t SelEnd() const { return caret_ < anchor_ ? anchor_ : caret_; }
  std::string SelectedText() const;

  // Typing, paste and IME commits. Normalizes line breaks, drops control characters and, in a
  // single-line field, turns line breaks into spaces. Replaces the selection.
  void Insert(std::string_view s);
  void Backspace();
  void Delete();
  void DeleteSelection();

  void SetCaret(size_t pos, bool select);  // snaps to a character boundary
  void MoveLeft(bool select);
  void MoveRight(bool select);
  void SelectAll();
  void MoveLineStart(const std::vector<LineSpan>& lines, bool select);
  void MoveLineEnd(const std::vector<LineSpan>& lines, bool select);
  // Up/down by one visual line, keeping the x position the user started from.
  void MoveVertical(const std::vector<LineSpan>& lines, int delta, const AdvanceFn& advance, bool select);
  void MoveDocStart(bool select) { SetCaret(0, select); }
  void MoveDocEnd(bool select) { SetCaret(text_.size(), select); }

  bool Undo();
  bool Redo();
  bool CanUndo() const { return !undo_.empty(); }

  // Incremented on every change of the text (not of the caret).
  unsigned version() const { return version_; }

 private:
  struct Snapshot {
    std::string text;
    size_t caret, anchor;
  };
  enum class EditKind { None, Typing, Deleting, Other };
  void BeginEdit(EditKind kind);
  size_t Snap(size_t pos) const;
  size_t PrevBoundary(size_t pos) const;
  size_t NextBoundary(size_t pos) const;
  bool Restore(std::vector<Snapshot>& from, std::vector<Snapshot>& to);

  std::string text_;
  size_t caret_ = 0, anchor_ = 0;
  bool multiline_;
  float goal_x_ = -1;  // remembered x for consecutive up/down moves
  std::vector<Snapshot> undo_, redo_;
  EditKind last_edit_ = EditKind::None;
  unsigned version_ = 0;
};

}  // namespace lw
