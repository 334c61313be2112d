// layout.h — page furniture shared by every screen: cards, headings, labelled rows, buttons.
#pragma once
#include <string>

#include "imgui.h"

namespace lw::ui {

// A white rounded card behind a block of content. Its height is measured in one frame and
// drawn in the next, which avoids nesting draw-list splitters with tables inside the card.
void BeginCard(const char* id);
void EndCard();

void Heading(const char* text);             // page title: large, bold colour
// The next Heading/SubHeading drawn takes the keyboard focus (a new screen was opened).
void FocusFirstHeading(bool on = true);
void SubHeading(const char* text);          // card title
void Muted(const char* fmt, ...);           // secondary text, wrapped Chinese-aware
void ErrorText(const std::string& text);    // red, wrapped

// Left column label (with a red * when required) for a form row; returns the x where the input
// starts. Labels wrap when the text is larger than the column.
float RowLabel(const std::string& label, bool required, float label_width);

bool PrimaryButton(const char* label, ImVec2 size = ImVec2(0, 0));
bool DangerButton(const char* label, ImVec2 size = ImVec2(0, 0));
// Radio buttons and check boxes sized to the text rather than to the (touch-sized) input frames:
// ImGui draws their box as tall as a text field, which looks oversized beside a short label.
bool Radio(const char* label, bool active);
bool Check(const char* label, bool* value);
// A tab-like navigation button in the header bar.
bool NavButton(const char* label, bool selected);

}  // namespace lw::ui
