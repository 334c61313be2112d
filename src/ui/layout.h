// layout.h — page furniture shared by every screen: cards, headings, labelled rows, buttons.
#pragma once
#include <initializer_list>
#include <string>

#include "imgui.h"

namespace lw::ui {

// A white rounded card behind a block of content. Its height is measured in one frame and
// drawn in the next, which avoids nesting draw-list splitters with tables inside the card.
void BeginCard(const char* id);
void EndCard();

void Heading(const char* text);  // page title: large, bold colour
// The next Heading/SubHeading drawn takes the keyboard focus (a new screen was opened).
void FocusFirstHeading(bool on = true);
void SubHeading(const char* text);   // card title
void ScreenTitle(const char* text);  // a card-sized title that is the screen's (level 1)
void Muted(const char* fmt, ...);    // secondary text, wrapped Chinese-aware
// Red, wrapped, after an error icon (never colour alone); named "错误：…" for screen readers.
// live: "assertive" for an error that appears on its own (a failed save), announced at once.
void ErrorText(const std::string& text, const char* live = nullptr);

// Left column label (with a red * when required) for a form row; returns the x where the input
// starts. Labels wrap when the text is larger than the column.
// A warning that blocks nothing (a nominee on the list of past winners): an amber "!" icon and the
// text, named "提醒：…" for screen readers.
void WarningText(const std::string& text);
float RowLabel(const std::string& label, bool required, float label_width);

bool PrimaryButton(const char* label, ImVec2 size = ImVec2(0, 0));
// A plain button at least as wide as it is tall: rows of small actions (打开, ↑, 移除) stay
// targets of 44×44 CSS px (60×60 in 大字模式), as tall as every other control.
bool TouchButton(const char* label);
// Width of a row of TouchButtons with these labels: a table column that holds them all at any size.
float TouchButtonsWidth(std::initializer_list<const char*> labels);
bool DangerButton(const char* label, ImVec2 size = ImVec2(0, 0));
// The last item opens the popup menu `popup` (an id for ImGui::OpenPopup in the same ID scope):
// a screen reader hears a button with a menu, collapsed or expanded.
void MarkMenuButton(const char* popup);
// The last item is an entry of the menu named `menu` (one of the popup's selectables).
void MarkMenuItem(const char* menu);
// A modal dialog (ImGui::BeginPopupModal) that Esc closes; a screen reader hears a dialog named
// by its title and described by its text. Put the focus on its safe choice with
// ImGui::SetItemDefaultFocus. End it with ImGui::EndPopup.
bool BeginDialog(const char* title);
// Check boxes: their box as tall as a text field (radio buttons: radio_group.h).
bool Check(const char* label, bool* value);
// A tab-like navigation button in the header bar.
bool NavButton(const char* label, bool selected);
// ImGui::TableHeadersRow with the row as tall as a button: sortable headings are 44 px targets;
// headings of a table that does not sort are text, not Tab stops.
void TallHeadersRow();
// An entry of a list or an open combo box (ImGui::Selectable), as tall as a button: a 44 px target.
bool ListEntry(const char* label, bool selected = false);

}  // namespace lw::ui
