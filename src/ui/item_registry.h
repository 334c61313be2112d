// item_registry.h — every ImGui item submitted in the last frame, with its on-screen rectangle
// and its meaning (role, value, state, relations), collected through Dear ImGui's test-engine
// hooks (IMGUI_ENABLE_TEST_ENGINE). Browser tests read it as window.learnweek.ui.items() and click
// at those coordinates with real input; web/lw-a11y.js mirrors it as a DOM tree for screen readers.
#pragma once
#include <string>

struct ImGuiContext;
struct ImVec4;

namespace lw::ui {

// What an item is to assistive technology (ARIA roles). Auto: derived from ImGui's item flags
// (text field, check box, button).
enum class Role : unsigned char { Auto, Button, Link, Tab, CheckBox, Radio, ComboBox, Option, TextBox, Heading, Text };

// Meaning of one item beyond its label and rectangle. -1 = the state does not apply.
struct Semantics {
  Role role = Role::Auto;
  std::string value;           // what a text field or combo box shows
  signed char checked = -1, expanded = -1, selected = -1;
  bool required = false, invalid = false, disabled = false, multiline = false;
  int level = 0;               // heading level
  std::string describe;        // the field's message (aria-describedby)
  std::string group_role;      // container: "radiogroup", "tablist", "listbox"
  std::string group;           // the container's label (items with equal role+label share it)
  std::string controls;        // id of the item a combo box's list belongs to
  std::string live;            // "polite" | "assertive": announced when its text changes
  std::string name;            // accessible name when the visible label is ambiguous ("新建" → "新建：…")
};

void InstallItemRegistry(ImGuiContext* ctx);
// [{id,label,window,x,y,w,h,input, role,...}] in CSS pixels; semantic properties only when set.
// for_mirror: without the items web/lw-a11y.js does not show (unlabelled windows and scroll bars).
std::string ItemsJson(bool for_mirror = false);
// {"focus":id,"active":id,"items":[...]} for the accessibility mirror, or "" when nothing
// changed since the previous call (the mirror then has nothing to do).
std::string MirrorJsonIfChanged();
bool IsTextFieldAt(float x, float y);          // for opening the phone keyboard inside a tap
// Gives the last submitted item a label for tests and screen readers when its visible text is
// drawn separately (form fields draw their label beside an unlabeled input).
void LabelLastItem(const std::string& label);
void LabelItem(unsigned int id, const std::string& label);  // for widgets without a label hook (combos)
// Semantics of the last submitted item / of item `id` (a harmless scratch value if not listed).
Semantics& LastItemSemantics();
Semantics& ItemSemantics(unsigned int id);
// While a field is drawn, every control it submits carries its required/invalid state and its
// message; radio buttons are grouped under the field's label.
// A combo box made with ImGui::BeginCombo: its role, shown value and whether its list is open. The
// selectables of its open list become its options.
void MarkComboBox(unsigned int id, const std::string& label, const std::string& value, bool open);
void BeginFieldSemantics(const std::string& label, bool required, bool invalid, const std::string& message);
void EndFieldSemantics();
// Lists a piece of visible text (a message, a total, a status) as a non-interactive item, so
// tests can find what the user reads. Does not touch ImGui's own item state.
void RegisterText(const std::string& text, float x0, float y0, float x1, float y1);
// Same, returning the listed semantics (nullptr when clipped) to mark a heading or a live region.
Semantics* RegisterTextItem(const std::string& text, float x0, float y0, float x1, float y1);
// Draws one line of coloured text and registers it (returns its semantics, nullptr when clipped).
Semantics* TextItem(const std::string& text, const ImVec4& color);
// Visible rectangle of item `id` in the last frame built so far.
bool FindItemRect(unsigned int id, float& x0, float& y0, float& x1, float& y1);

// Focus requested from outside ImGui (the mirror: Tab in the page, a screen reader): applied when
// the item is submitted in the next frame. Text fields are activated so typing goes into them.
void RequestFocus(unsigned int id);
void RequestActivate(unsigned int id);

}  // namespace lw::ui
