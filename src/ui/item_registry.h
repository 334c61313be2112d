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
enum class Role : unsigned char {
  Auto,
  Button,
  Link,
  Tab,
  CheckBox,
  Radio,
  ComboBox,
  Option,
  TextBox,
  Heading,
  Text,
  Slider,
  MenuItem
};

// Meaning of one item beyond its label and rectangle. -1 = the state does not apply.
struct Semantics {
  Role role = Role::Auto;
  std::string value;  // what a text field or combo box shows
  signed char checked = -1, expanded = -1, selected = -1;
  bool required = false, invalid = false, disabled = false, multiline = false;
  int level = 0;                   // heading level
  std::string describe;            // the field's message (aria-describedby)
  std::string group_role;          // container: "radiogroup", "tablist", "listbox"
  std::string group;               // the container's label (items with equal role+label share it)
  std::string controls;            // id of the item a combo box's list belongs to
  std::string live;                // "polite" | "assertive": announced when its text changes
  std::string name;                // accessible name when the visible label is ambiguous ("新建" → "新建：…")
  const char* haspopup = nullptr;  // "menu": a button that opens a menu (aria-haspopup)
  std::string placeholder;         // what an empty field shows instead ("请选择", a hint)
  // The field being edited: its selection (anchor, caret) in UTF-16 units of `value`, so the
  // page's text box holds the same text and caret; -1 otherwise.
  int sel_anchor = -1, sel_caret = -1;
  // An option's place in its whole list (1-based), which the page holds only partly (the part in
  // view): "3 of 34", not "3 of 12".
  int pos = 0, setsize = 0;
  float value_min = 0, value_max = 0, value_now = 0;  // a slider's range and position (value: its text)
  // A table cell's place (filled in while a table scope is open): the table's name, the row and
  // column (1-based, as aria-rowindex/colindex), the cell's role and, on the first column, the
  // table's size; sort: "ascending"/"descending" on a sorted column's header.
  std::string table;
  int row = 0, col = 0, rows = 0, cols = 0;
  const char* cell = nullptr;  // "cell", "rowheader", "columnheader"
  const char* sort = nullptr;
};

void InstallItemRegistry(ImGuiContext* ctx);
// [{id,label,window,x,y,w,h,input, role,...}] in CSS pixels; semantic properties only when set.
// `key`: a stable name for tests where the text is not what they check, from "text###key" (Dear
// ImGui's own way to keep an id whatever the label shows) or a form field's "field.<id>".
std::string ItemsJson();
// {"focus":id,"active":id,"items":[...]} for the accessibility mirror, or "" when nothing
// changed since the previous call (the mirror then has nothing to do).
std::string MirrorJsonIfChanged();
bool IsTextFieldAt(float x, float y);  // for opening the phone keyboard inside a tap
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
// `key` names the field's controls for tests ("field.<id>"), whatever its label says.
void BeginFieldSemantics(const std::string& label, const std::string& key, bool required, bool invalid,
                         const std::string& message);
void EndFieldSemantics();
// Inside a field, one cell of its table: its control is named `name` + `suffix` (column and row,
// "姓名（第 2 行）", so a screen reader does not hear "姓名" twenty times; several controls keep
// their own part's label + `suffix`), required only as its column is, invalid and described as
// the table is, and its radio buttons form one group. Closes before the next cell; does not nest.
void BeginCellSemantics(const std::string& name, const std::string& suffix, bool required);
void EndCellSemantics();
// Adds `text` (the 字数 counter) to the description of every control of the field drawn last.
void DescribeLastField(const std::string& text);
// While open, items and listed text inside the current ImGui table become its cells: a real
// table for screen readers, named `name`, with `rows` rows in all (header row included, also
// the rows a clipper skips) and header_cols leading columns of row headers. Call right after
// ImGui::BeginTable and its columns' set-up, close before ImGui::EndTable.
void BeginTableSemantics(const std::string& name, int rows, int header_cols = 1);
// A clipped table: the row just started is row `aria_row` (1-based, header row = 1) of the whole.
void TableRowSemantics(int aria_row);
void EndTableSemantics();
// A cell of a table that ImGui does not draw as one (the map's figures, laid over their regions):
// listed text at the given rectangle, in row `row` and column `col` (1-based) of table `table`
// (rows × cols in all). Returns nullptr when clipped.
Semantics* RegisterCell(const std::string& table, int rows, int cols, int row, int col, const char* cell_role,
                        const std::string& text, float x0, float y0, float x1, float y1);
// Marks the last item as a slider: its range, position and the text of its value.
void MarkSlider(const std::string& label, float min, float max, float now, const std::string& text);
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
