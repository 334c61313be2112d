// text_widgets.cpp — see text_widgets.h.
#include "text_widgets.h"

#include <unordered_map>

#include "imgui_internal.h"
#include "item_registry.h"
#include "line_break.h"
#include "text_edit.h"
#include "theme.h"
#include "utf8.h"

namespace lw::ui {
namespace {

constexpr float kLineSpacing = 1.45f;  // Chinese prose needs more leading than ImGui's 1.0

AdvanceFn CurrentAdvance() {
  ImFontBaked* baked = ImGui::GetFontBaked();
  return [baked](char32_t c) { return baked->GetCharAdvance(static_cast<ImWchar>(c)); };
}

float LineHeight() { return ImGui::GetFontSize() * kLineSpacing; }

struct Layout {
  std::vector<LineSpan> lines;
  unsigned version = ~0u;
  float width = -1, font = -1;
  std::string text;  // what was laid out (for read-only paragraphs keyed by content)
};

struct EditorState {
  TextEdit edit;
  Layout layout;
  bool dragging = false;
  int drawn_frame = 0;  // ImGui frame this editor was last drawn in
};

std::unordered_map<ImGuiID, EditorState> g_editors;
ImGuiID g_active_editor = 0;

// Forgets editors not drawn for a while (fields of forms closed long ago: each keeps a copy of
// its text, its undo history and its layout). The one being edited always stays.
void PruneEditors(const ImGuiContext& g) {
  constexpr int kKeepFrames = 120;
  static int pruned_at = 0;
  if (g.FrameCount - pruned_at < kKeepFrames) return;
  pruned_at = g.FrameCount;
  for (auto it = g_editors.begin(); it != g_editors.end();) {
    const bool stale = g.FrameCount - it->second.drawn_frame > kKeepFrames && it->first != g.ActiveId;
    it = stale ? g_editors.erase(it) : std::next(it);
  }
}

const std::vector<LineSpan>& LayoutOf(EditorState& st, float width) {
  Layout& l = st.layout;
  if (l.version != st.edit.version() || l.width != width || l.font != ImGui::GetFontSize()) {
    l.lines = WrapText(st.edit.text(), width, CurrentAdvance());
    l.version = st.edit.version();
    l.width = width;
    l.font = ImGui::GetFontSize();
  }
  return l.lines;
}

void DrawLines(ImDrawList* dl, std::string_view text, const std::vector<LineSpan>& lines, ImVec2 origin, ImU32 color,
               const ImRect& clip) {
  const float lh = LineHeight();
  const float pad = (lh - ImGui::GetFontSize()) * 0.5f;
  for (size_t k = 0; k < lines.size(); ++k) {
    const float y = origin.y + k * lh;
    if (y + lh < clip.Min.y || y > clip.Max.y) continue;  // off screen: skip the glyph work
    const LineSpan& l = lines[k];
    dl->AddText(ImVec2(origin.x, y + pad), color, text.data() + l.begin, text.data() + l.end);
  }
}

// Caret/selection keyboard handling for an active editor.
bool HandleKeys(EditorState& st, ImGuiID id, const std::vector<LineSpan>& lines) {
  ImGuiIO& io = ImGui::GetIO();
  TextEdit& e = st.edit;
  const unsigned before = e.version();
  const bool shift = io.KeyShift, ctrl = io.KeyCtrl;
  const auto pressed = [&](ImGuiKey k) { return ImGui::IsKeyPressed(k, ImGuiInputFlags_Repeat, id); };
  const AdvanceFn adv = CurrentAdvance();

  if (!io.InputQueueCharacters.empty()) {
    std::string typed;
    for (ImWchar c : io.InputQueueCharacters)
      if (c >= 0x20 || c == '\n') utf8::Append(typed, static_cast<char32_t>(c));
    io.InputQueueCharacters.resize(0);
    if (!typed.empty()) e.Insert(typed);
  }
  if (pressed(ImGuiKey_LeftArrow)) e.MoveLeft(shift);
  if (pressed(ImGuiKey_RightArrow)) e.MoveRight(shift);
  if (pressed(ImGuiKey_UpArrow)) e.MoveVertical(lines, -1, adv, shift);
  if (pressed(ImGuiKey_DownArrow)) e.MoveVertical(lines, +1, adv, shift);
  if (pressed(ImGuiKey_PageUp)) e.MoveVertical(lines, -10, adv, shift);
  if (pressed(ImGuiKey_PageDown)) e.MoveVertical(lines, +10, adv, shift);
  if (pressed(ImGuiKey_Home)) ctrl ? e.MoveDocStart(shift) : e.MoveLineStart(lines, shift);
  if (pressed(ImGuiKey_End)) ctrl ? e.MoveDocEnd(shift) : e.MoveLineEnd(lines, shift);
  if (pressed(ImGuiKey_Backspace)) e.Backspace();
  if (pressed(ImGuiKey_Delete)) e.Delete();
  if (pressed(ImGuiKey_Enter) || pressed(ImGuiKey_KeypadEnter)) e.Insert("\n");
  if (ctrl && pressed(ImGuiKey_A)) e.SelectAll();
  if (ctrl && pressed(ImGuiKey_Z)) shift ? e.Redo() : e.Undo();
  if (ctrl && pressed(ImGuiKey_Y)) e.Redo();
  if (pressed(ImGuiKey_Escape)) ImGui::ClearActiveID();
  // Tab (and Shift+Tab) is ImGui's: its tabbing, asked for this frame, moves the focus on from
  // here; the editor only stops editing, so keyboard users are never trapped in it.
  if (pressed(ImGuiKey_Tab)) ImGui::ClearActiveID();
  return e.version() != before;
}

size_t OffsetAtMouse(EditorState& st, const std::vector<LineSpan>& lines, ImVec2 origin) {
  const ImVec2 m = ImGui::GetIO().MousePos;
  long k = static_cast<long>((m.y - origin.y) / LineHeight());
  k = std::clamp<long>(k, 0, static_cast<long>(lines.size()) - 1);
  return OffsetAtX(st.edit.text(), lines[static_cast<size_t>(k)], m.x - origin.x, CurrentAdvance());
}

void DrawSelection(ImDrawList* dl, const EditorState& st, const std::vector<LineSpan>& lines, ImVec2 origin) {
  const std::string& t = st.edit.text();
  const size_t b = st.edit.SelBegin(), e = st.edit.SelEnd();
  const AdvanceFn adv = CurrentAdvance();
  const float lh = LineHeight();
  for (size_t k = 0; k < lines.size(); ++k) {
    const LineSpan& l = lines[k];
    if (l.next <= b && k + 1 < lines.size()) continue;
    if (l.begin >= e) break;
    const float x0 = XOfOffset(t, l, std::max(b, l.begin), adv);
    float x1 = XOfOffset(t, l, std::min(e, l.end), adv);
    if (e > l.end && l.next > l.end) x1 += ImGui::GetFontSize() * 0.4f;  // show the selected line break
    dl->AddRectFilled(ImVec2(origin.x + x0, origin.y + k * lh), ImVec2(origin.x + x1, origin.y + (k + 1) * lh),
                      ImGui::GetColorU32(ImGuiCol_TextSelectedBg));
  }
}

// Keeps the caret on screen when it moves below or above the visible part of the window.
void ScrollToCaret(float caret_top, float caret_bottom) {
  ImGuiWindow* w = ImGui::GetCurrentWindow();
  const float top = w->InnerClipRect.Min.y, bottom = w->InnerClipRect.Max.y;
  if (caret_bottom > bottom)
    ImGui::SetScrollY(w, w->Scroll.y + (caret_bottom - bottom) + LineHeight());
  else if (caret_top < top)
    ImGui::SetScrollY(w, w->Scroll.y - (top - caret_top) - LineHeight());
}

int StringResize(ImGuiInputTextCallbackData* data) {
  if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
    auto* s = static_cast<std::string*>(data->UserData);
    s->resize(static_cast<size_t>(data->BufTextLen));
    data->Buf = s->data();
  }
  return 0;
}

// The selection of the field being edited, for the page's text box (UTF-16 offsets).
void MarkSelection(Semantics& sem, std::string_view text, size_t anchor, size_t caret) {
  sem.sel_anchor = static_cast<int>(utf8::Utf16Length(text, anchor));
  sem.sel_caret = static_cast<int>(utf8::Utf16Length(text, caret));
}

}  // namespace

void DrawWrapped(ImDrawList* dl, ImVec2 pos, std::string_view text, float width, ImU32 color, const ImRect& clip) {
  dl->PushClipRect(clip.Min, clip.Max, true);
  DrawLines(dl, text, WrapText(text, width, CurrentAdvance()), pos, color, clip);
  dl->PopClipRect();
}

float ParagraphLineHeight() { return LineHeight(); }

Semantics* Paragraph(std::string_view text, float width, ImU32 color) {
  if (width <= 0) width = ImGui::GetContentRegionAvail().x;
  const auto lines = WrapText(text, width, CurrentAdvance());
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 size(width, lines.size() * LineHeight());
  ImGui::Dummy(size);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  DrawLines(dl, text, lines, origin, color ? color : ImGui::GetColorU32(ImGuiCol_Text),
            ImGui::GetCurrentWindow()->ClipRect);
  return RegisterTextItem(std::string(text), origin.x, origin.y, origin.x + width, origin.y + size.y);
}

bool MultilineInput(const char* id_label, std::string& value, const MultilineOptions& opt) {
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  if (window->SkipItems) return false;
  ImGuiContext& g = *GImGui;
  const ImGuiStyle& style = g.Style;
  const ImGuiID id = window->GetID(id_label);
  PruneEditors(g);
  EditorState& st = g_editors[id];
  st.drawn_frame = g.FrameCount;
  if (g.ActiveId != id && st.edit.text() != value) st.edit.SetText(value);

  const float width = opt.width > 0 ? opt.width : ImGui::GetContentRegionAvail().x;
  const ImVec2 pad = style.FramePadding;
  const float text_w = std::max(ImGui::GetFontSize() * 2, width - pad.x * 2);
  const auto& lines = LayoutOf(st, text_w);
  const float lh = LineHeight();
  const float height = std::max<size_t>(lines.size(), opt.min_lines) * lh + pad.y * 2;
  const ImRect bb(window->DC.CursorPos, window->DC.CursorPos + ImVec2(width, height));
  ImGui::ItemSize(bb, 0);
  if (!ImGui::ItemAdd(bb, id, nullptr, ImGuiItemFlags_Inputable)) return false;
  IMGUI_TEST_ENGINE_ITEM_INFO(id, id_label, g.LastItemData.StatusFlags | ImGuiItemStatusFlags_Inputable);
  const ImVec2 origin = bb.Min + pad;
  const bool hovered = ImGui::ItemHoverable(bb, id, ImGuiItemFlags_Inputable);
  if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);

  bool changed = false;
  if (!opt.read_only) {
    if (g.NavActivateId == id && g.ActiveId != id) {  // Tab, Enter or the accessibility mirror
      ImGui::SetActiveID(id, window);
      ImGui::SetFocusID(id, window);
      st.edit.SetCaret(st.edit.text().size(), false);
    }
    if (hovered && ImGui::IsMouseClicked(0)) {
      ImGui::SetActiveID(id, window);
      ImGui::SetFocusID(id, window);
      ImGui::FocusWindow(window);
      st.edit.SetCaret(OffsetAtMouse(st, lines, origin), ImGui::GetIO().KeyShift);
      st.dragging = true;
    } else if (g.ActiveId == id && ImGui::IsMouseClicked(0) && !hovered) {
      ImGui::ClearActiveID();
    }
    if (g.ActiveId == id) {
      g_active_editor = id;
      // As ImGui's own InputText: the editing keys are the editor's, Tab is left to tabbing.
      g.ActiveIdUsingNavDirMask = (1 << ImGuiDir_COUNT) - 1;
      for (ImGuiKey k : {ImGuiKey_LeftArrow, ImGuiKey_RightArrow, ImGuiKey_UpArrow, ImGuiKey_DownArrow, ImGuiKey_Home,
                         ImGuiKey_End, ImGuiKey_PageUp, ImGuiKey_PageDown, ImGuiKey_Backspace, ImGuiKey_Delete,
                         ImGuiKey_Enter, ImGuiKey_KeypadEnter})
        ImGui::SetKeyOwner(k, id);
      // As ImGui's InputText: while editing, other items stay hoverable, so a click on a tab or
      // a button acts at once instead of only ending the edit.
      g.ActiveIdAllowOverlap = !ImGui::IsMouseDown(0);
      if (st.dragging && ImGui::IsMouseDown(0)) st.edit.SetCaret(OffsetAtMouse(st, lines, origin), true);
      if (!ImGui::IsMouseDown(0)) st.dragging = false;
      changed = HandleKeys(st, id, lines);
    } else if (g_active_editor == id) {
      g_active_editor = 0;
    }
  }
  const auto& cur = LayoutOf(st, text_w);  // re-laid out if keys changed the text
  const bool active = g.ActiveId == id;

  ImDrawList* dl = window->DrawList;
  const Palette& p = Colors();
  dl->AddRectFilled(bb.Min, bb.Max, ImGui::GetColorU32(opt.read_only ? ImGuiCol_WindowBg : ImGuiCol_FrameBg),
                    style.FrameRounding);
  const ImU32 border = opt.error ? U32(p.error) : active ? U32(p.accent) : ImGui::GetColorU32(ImGuiCol_Border);
  dl->AddRect(bb.Min, bb.Max, border, style.FrameRounding, 0, active || opt.error ? 2.0f : 1.0f);
  const std::string& text = st.edit.text();
  if (text.empty() && opt.hint && *opt.hint)
    dl->AddText(ImVec2(origin.x, origin.y + (lh - ImGui::GetFontSize()) * 0.5f), U32(p.text_muted), opt.hint);
  if (active && st.edit.HasSelection()) DrawSelection(dl, st, cur, origin);
  DrawLines(dl, text, cur, origin, ImGui::GetColorU32(ImGuiCol_Text), window->ClipRect);

  if (active) {
    const size_t k = LineOfOffset(cur, st.edit.caret());
    const float cx = origin.x + XOfOffset(text, cur[k], st.edit.caret(), CurrentAdvance());
    const float cy = origin.y + k * lh;
    dl->AddLine(ImVec2(cx, cy + 2), ImVec2(cx, cy + lh - 2), ImGui::GetColorU32(ImGuiCol_Text), 1.5f);
    ImGuiPlatformImeData& ime = g.PlatformImeData;  // the host places its IME text agent here
    ime.WantVisible = ime.WantTextInput = true;
    ime.InputPos = ImVec2(cx - 1.0f, cy);
    ime.InputLineHeight = lh;
    ime.ViewportId = window->Viewport->ID;
    if (changed || st.dragging || ImGui::IsKeyDown(ImGuiKey_UpArrow) || ImGui::IsKeyDown(ImGuiKey_DownArrow))
      ScrollToCaret(cy, cy + lh);
  }
  if (changed) {
    value = text;
    ImGui::MarkItemEdited(id);
  }
  Semantics& sem = LastItemSemantics();
  sem.value = text;  // as edited ("\n" line ends): the selection's offsets are in this text
  sem.multiline = true;
  sem.placeholder = opt.hint ? opt.hint : "";
  if (active) MarkSelection(sem, text, st.edit.anchor(), st.edit.caret());
  return changed;
}

bool LineInput(const char* id, std::string& value, const char* hint, ImGuiInputTextFlags flags, float width,
               bool error) {
  // One line shows a stored line break (an imported "\r\n") as a space, as typing it would: the
  // page's text box then holds the same text and caret offsets. Saved only if the field is edited.
  if (value.find_first_of("\r\n") != std::string::npos) value = NormalizeTyped(value, false);
  ImGui::SetNextItemWidth(width > 0 ? width : ImGui::GetContentRegionAvail().x);
  if (error) {
    ImGui::PushStyleColor(ImGuiCol_Border, Colors().error);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 2.0f);
  }
  const bool changed = ImGui::InputTextWithHint(id, hint, value.data(), value.capacity() + 1,
                                                flags | ImGuiInputTextFlags_CallbackResize, StringResize, &value);
  Semantics& sem = LastItemSemantics();
  sem.value = value;  // what a screen reader (and a test) reads back
  sem.placeholder = hint ? hint : "";
  if (ImGui::IsItemActive())
    if (const ImGuiInputTextState* st = ImGui::GetInputTextState(ImGui::GetItemID())) {
      // A read-only field's state holds no text of its own (ImGui shows the caller's buffer).
      const std::string_view text = (flags & ImGuiInputTextFlags_ReadOnly) || !st->TextA.Data
                                        ? std::string_view(value)
                                        : std::string_view(st->TextA.Data, st->TextLen);
      const int caret = st->GetCursorPos(), b = st->GetSelectionStart(), e = st->GetSelectionEnd();
      MarkSelection(sem, text, !st->HasSelection() ? caret : caret == b ? e : b, caret);
    }
  if (error) {
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
  }
  return changed;
}

std::string ActiveSelection() {
  ImGuiContext& g = *GImGui;
  if (g.ActiveId != 0 && g.ActiveId == g_active_editor) {
    auto it = g_editors.find(g.ActiveId);
    return it == g_editors.end() ? std::string() : it->second.edit.SelectedText();
  }
  if (ImGuiInputTextState* s = ImGui::GetInputTextState(g.ActiveId)) {
    if (!s->HasSelection()) return {};
    const int b = std::min(s->GetSelectionStart(), s->GetSelectionEnd());
    const int e = std::max(s->GetSelectionStart(), s->GetSelectionEnd());
    return std::string(s->TextA.Data + b, s->TextA.Data + e);
  }
  return {};
}

}  // namespace lw::ui
