// text_widgets.h — Chinese text in Dear ImGui: paragraphs that wrap between any two hanzi
// (with 禁则), a multi-line editor that wraps the same way, and a std::string single-line input.
#pragma once
#include <string>
#include <string_view>

#include "imgui.h"

struct ImRect;

namespace lw::ui {

struct Semantics;

// Read-only paragraph wrapped to `width` (0 = available width). Returns its listed semantics
// (nullptr when clipped) to mark it as a live region or name it.
Semantics* Paragraph(std::string_view text, float width = 0, ImU32 color = 0);
// Height of one line of a Paragraph.
float ParagraphLineHeight();
// Draws `text` wrapped to `width` at `pos` (screen) into `dl`, clipped to `clip`; no item.
void DrawWrapped(ImDrawList* dl, ImVec2 pos, std::string_view text, float width, ImU32 color, const ImRect& clip);

struct MultilineOptions {
  float width = 0;        // 0 = available width
  int min_lines = 5;      // the field grows with its content beyond this
  const char* hint = "";  // shown while empty
  bool read_only = false;
  bool error = false;  // red border
};
// A wrapped multi-line text field. Returns true when the text changed this frame.
bool MultilineInput(const char* id, std::string& value, const MultilineOptions& opt);

// Single-line input bound to a std::string. Returns true when the text changed.
bool LineInput(const char* id, std::string& value, const char* hint = "", ImGuiInputTextFlags flags = 0,
               float width = 0, bool error = false);

// Text the user has selected in the active field (ImGui InputText or MultilineInput).
std::string ActiveSelection();

}  // namespace lw::ui
