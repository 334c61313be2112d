// item_registry.cpp — implements Dear ImGui's test-engine hooks (see imgui_internal.h) and the
// semantics the accessibility mirror (web/lw-a11y.js) turns into ARIA.
#include "item_registry.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "fast_hash.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "platform.h"

namespace lw::ui {
namespace {

using nlohmann::json;

struct Item {
  ImGuiID id;
  std::string label;
  std::string window;
  ImRect rect;
  bool input = false;
  bool text = false;     // visible text listed by RegisterText, not an ImGui item
  bool clipped = false;  // partly scrolled out of its window: the rectangle is the visible part
  bool tooltip = false;  // in a tooltip: follows the mouse, not listed in the mirror
  ImGuiID layer = 0;     // the window whose scrolling moves it
  ImVec2 origin;         // that window's content origin on screen (its position minus its scroll)
  std::string field;     // label of the form field that submitted it (radio groups)
  std::string key;       // stable name for tests, whatever the text: "label###key", or the field's
  Semantics sem;
};

struct FieldScope {
  std::string label, message, key;
  bool required = false, invalid = false, open = false;
  size_t first = 0;  // its first item in g_items
};

struct TableScope {
  ImGuiTable* table = nullptr;  // null: no table scope open
  std::string name;
  int rows = 0, header_cols = 1;
  int row_offset = 0;  // aria row index - ImGui's row index - 1 (clipped rows)
};

// Ids given to listed text this frame. Open addressing in one array, emptied by a fill: a node
// per text (std::unordered_set) cost 1,500 allocations a frame on the prefecture map.
class IdSet {
 public:
  void Clear() {
    std::fill(slots_.begin(), slots_.end(), 0u);
    size_ = 0;
  }
  // False when already there. 0 (ImGui's "no id") is never kept: it reads as taken, so the
  // caller derives another id from it.
  bool Insert(ImGuiID id) {
    if (id == 0) return false;
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    const size_t mask = slots_.size() - 1;
    for (size_t i = id & mask;; i = (i + 1) & mask) {
      if (slots_[i] == id) return false;
      if (slots_[i] == 0) {
        slots_[i] = id;
        ++size_;
        return true;
      }
    }
  }

 private:
  void Grow() {
    std::vector<ImGuiID> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, 0u);
    size_ = 0;
    for (ImGuiID id : old)
      if (id) Insert(id);
  }
  std::vector<ImGuiID> slots_;
  size_t size_ = 0;
};

std::vector<Item> g_items;  // the frame being built; complete between frames
FieldScope g_field;
size_t g_last_field_first = 0, g_last_field_end = 0;  // items of the field drawn last
TableScope g_table;
IdSet g_text_ids;
Semantics g_scratch;  // returned for items that are not listed (clipped)
ImGuiID g_pending_focus = 0;
bool g_pending_activate = false;
ImU64 g_last_mirror = 0;   // hash of what the mirror was last sent
std::string g_open_combo;  // id of the combo box whose list is open (one at a time)
std::string g_open_combo_label;

// Visible part of "name##hidden" / "##name": the text a person would look for.
std::string CleanLabel(const char* label) {
  std::string s = label ? label : "";
  if (s.rfind("##", 0) == 0) s = s.substr(2);
  const auto cut = s.find("##");
  return cut == std::string::npos ? s : s.substr(0, cut);
}

const char* RoleName(const Item& it) {
  switch (it.sem.role) {
    case Role::Button:
      return "button";
    case Role::Link:
      return "link";
    case Role::Tab:
      return "tab";
    case Role::CheckBox:
      return "checkbox";
    case Role::Radio:
      return "radio";
    case Role::ComboBox:
      return "combobox";
    case Role::Option:
      return "option";
    case Role::TextBox:
      return "textbox";
    case Role::Heading:
      return "heading";
    case Role::Text:
      return "text";
    case Role::Slider:
      return "slider";
    case Role::MenuItem:
      return "menuitem";
    case Role::Auto:
      break;
  }
  if (it.text) return "text";
  if (it.window.rfind("Combo_", 0) == 0 && !g_open_combo.empty()) return "option";
  if (it.input) return "textbox";
  return "button";
}

// A position or size in CSS pixels to a tenth: the page needs no more, and the text stays short.
double Px(float v) { return std::round(v * 10.0) / 10.0; }

void Put(json& out, const char* key, const std::string& v) {  // empty: left out
  if (!v.empty()) out[key] = v;
}

void PutState(json& out, const char* key, int v) {  // -1: not applicable, left out
  if (v >= 0) out[key] = v != 0;
}

void PutSemantics(json& out, const Item& it) {
  const Semantics& s = it.sem;
  out["role"] = RoleName(it);
  Put(out, "value", s.value);
  for (const auto& [key, on] : {std::pair{"required", s.required}, std::pair{"invalid", s.invalid},
                                std::pair{"disabled", s.disabled}, std::pair{"multiline", s.multiline}})
    if (on) out[key] = true;
  PutState(out, "checked", s.checked);
  PutState(out, "expanded", s.expanded);
  PutState(out, "selected", s.selected);
  if (s.level) out["level"] = s.level;
  Put(out, "describe", s.describe);
  Put(out, "name", s.name);
  if (s.haspopup) out["haspopup"] = s.haspopup;
  Put(out, "placeholder", s.placeholder);
  if (s.setsize) out["pos"] = s.pos, out["setsize"] = s.setsize;
  if (s.sel_caret >= 0) out["sel"] = {s.sel_anchor, s.sel_caret};
  std::string group_role = s.group_role, group = s.group, controls = s.controls;
  if (s.role == Role::Auto && !it.text && it.window.rfind("Combo_", 0) == 0 && !g_open_combo.empty())
    group_role = "listbox", group = g_open_combo_label, controls = g_open_combo;
  if (group_role.empty() && s.role == Role::Radio && !it.field.empty()) group_role = "radiogroup", group = it.field;
  Put(out, "groupRole", group_role);
  Put(out, "group", group);
  Put(out, "controls", controls);
  Put(out, "live", s.live);
  if (s.role == Role::Slider) out["min"] = s.value_min, out["max"] = s.value_max, out["now"] = s.value_now;
  if (s.cell) {
    Put(out, "table", s.table);
    out["row"] = s.row, out["col"] = s.col, out["cell"] = s.cell;
    if (s.rows) out["rows"] = s.rows, out["cols"] = s.cols;
    if (s.sort) out["sort"] = s.sort;
  }
}

// Inside a table scope: the item's cell in the current ImGui table (its row, column and role).
void PlaceInTable(Item& item) {
  ImGuiTable* t = GImGui->CurrentTable;
  if (!g_table.table || t != g_table.table || t->CurrentColumn < 0) return;
  Semantics& s = item.sem;
  const bool header = (t->RowFlags & ImGuiTableRowFlags_Headers) != 0;
  s.table = g_table.name;
  s.row = t->CurrentRow + 1 + (header ? 0 : g_table.row_offset);
  s.col = t->CurrentColumn + 1;
  s.cell = header ? "columnheader" : t->CurrentColumn < g_table.header_cols ? "rowheader" : "cell";
  if (s.col == 1) s.rows = g_table.rows, s.cols = t->ColumnsCount;
  if (header && !item.text) {  // ImGui's header cell (no label hook): its column's name; a sort
    // button only where clicking sorts
    if (item.label.empty()) item.label = CleanLabel(ImGui::TableGetColumnName(t, t->CurrentColumn));
    const ImGuiTableColumn& c = t->Columns[t->CurrentColumn];
    if (!(t->Flags & ImGuiTableFlags_Sortable))
      s.role = Role::Text;
    else if (c.SortOrder == 0)
      s.sort = c.SortDirection == ImGuiSortDirection_Ascending ? "ascending" : "descending";
  }
}

Item* Find(ImGuiID id) {
  for (auto it = g_items.rbegin(); it != g_items.rend(); ++it)
    if (it->id == id && !it->text) return &*it;
  return nullptr;
}

// Items come window by window, so the last window's name is kept (a map frame asks 1,500 times).
const std::string& WindowName(ImGuiWindow* window) {
  static ImGuiID last_id = 0;
  static std::string last_name;
  if (window->ID == last_id && last_id != 0) return last_name;
  std::string name = window->Name;
  if (const auto slash = name.find('/'); slash != std::string::npos) name = name.substr(0, slash);
  last_id = window->ID;
  last_name = CleanLabel(name.c_str());
  return last_name;
}

// Focus asked for by the mirror, applied while the item is being submitted (its window, layer
// and focus scope are current then), as ImGui's own focus functions expect.
void ApplyPendingFocus(ImGuiContext& g, ImGuiID id, const ImRect& bb, ImGuiItemFlags flags) {
  ImGuiWindow* window = g.CurrentWindow;
  if (g.ActiveId != 0 && g.ActiveId != id) ImGui::ClearActiveID();
  ImGui::SetFocusID(id, window);
  g.NavCursorVisible = true;
  g.NavHighlightItemUnderNav = true;
  if (!window->ClipRect.Contains(bb)) ImGui::ScrollToRectEx(window, bb, ImGuiScrollFlags_KeepVisibleEdgeY);
  if (g_pending_activate || (flags & ImGuiItemFlags_Inputable)) ImGui::ActivateItemByID(id);
  g_pending_focus = 0;
  g_pending_activate = false;
  platform::RequestRedraw();
}

void OnNewFrame(ImGuiContext*, ImGuiContextHook*) {
  g_items.clear();
  g_field = {};
  g_table = {};
  g_text_ids.Clear();
  g_last_field_first = g_last_field_end = 0;
  g_open_combo.clear();
}

}  // namespace

void InstallItemRegistry(ImGuiContext* ctx) {
  ctx->TestEngineHookItems = true;
  ImGuiContextHook hook;
  hook.Type = ImGuiContextHookType_NewFramePre;
  hook.Callback = OnNewFrame;
  ImGui::AddContextHook(ctx, &hook);
}

namespace {
// Windows and scroll bars (unnamed items without a role of ours, a combo's list window too) say nothing to a screen
// reader, and a tooltip only repeats for the mouse what the mirror already has (the map's figures table): neither is
// sent, so moving the mouse over the map changes nothing in the mirror.
bool InMirror(const Item& it) {
  return !it.tooltip && !(it.label.empty() && it.sem.name.empty() && !it.text && it.sem.role == Role::Auto);
}

std::string Hex(ImGuiID id) {
  char hex[16];
  snprintf(hex, sizeof hex, "%08x", id);
  return hex;
}

// One item per entry; `relative`: positions from the item's layer origin (for the mirror, whose
// layers move as their windows scroll), else on the page (for tests, which click there).
json ItemList(bool relative) {
  json out = json::array();
  for (const Item& it : g_items) {
    if (relative && !InMirror(it)) continue;
    const ImVec2 o = relative ? it.origin : ImVec2(0, 0);
    json& j = out.emplace_back(json{{"id", Hex(it.id)},
                                    {"x", Px(it.rect.Min.x - o.x)},
                                    {"y", Px(it.rect.Min.y - o.y)},
                                    {"w", Px(it.rect.GetWidth())},
                                    {"h", Px(it.rect.GetHeight())},
                                    {"input", it.input},
                                    {"label", it.label},
                                    {"window", it.window}});
    if (relative)
      j["layer"] = Hex(it.layer);
    else
      Put(j, "key", it.key);  // for tests; the mirror names things by their text
    if (it.clipped) j["clipped"] = true;
    PutSemantics(j, it);
  }
  return out;
}

// [{"id","x","y"}]: each layer's origin on the page, in the order the items first use them.
json LayerList() {
  json out = json::array();
  ImVector<ImGuiID> seen;
  for (const Item& it : g_items) {
    if (!InMirror(it) || seen.contains(it.layer)) continue;
    seen.push_back(it.layer);
    json& j = out.emplace_back(json{{"id", Hex(it.layer)}, {"x", Px(it.origin.x)}, {"y", Px(it.origin.y)}});
    // A modal window is a dialog to a screen reader, named by its title.
    if (const ImGuiWindow* w = ImGui::FindWindowByID(it.layer); w && (w->Flags & ImGuiWindowFlags_Modal))
      j["dialog"] = CleanLabel(w->Name);
  }
  return out;
}

void SetLayer(Item& item, ImGuiWindow* window) {
  item.tooltip = (window->Flags & ImGuiWindowFlags_Tooltip) != 0;
  item.layer = window->ID;
  item.origin = window->Pos - window->Scroll;
}

// A hash of what the mirror shows of each item: serializing 500 items to compare them cost about
// 1 ms a frame; hashing them 8 bytes a step costs a tenth of that (byte by byte it was 0.7 ms
// with the map's 1,448 regions), and the JSON is built only when it differs.
struct MirrorHasher {
  ImU64 h = 1469598103934665603ull;
  void Bytes(const void* p, size_t n) { h = HashBytes(p, n, h); }
  template <typename T>
  void Value(const T& v) {
    if constexpr (sizeof v <= 8) {  // most fields: one step, no call
      ImU64 w = 0;
      std::memcpy(&w, &v, sizeof v);
      h = HashMix(h, w);
    } else {
      Bytes(&v, sizeof v);
    }
  }
  void Text(const std::string& t) { Value(t.size()), Bytes(t.data(), t.size()); }
};

ImU64 MirrorHash(ImGuiID focus, ImGuiID active) {
  MirrorHasher m;
  m.Value(focus), m.Value(active), m.Text(g_open_combo), m.Text(g_open_combo_label);
  for (const Item& it : g_items) {
    if (!InMirror(it)) continue;
    const Semantics& s = it.sem;
    m.Value(it.id), m.Value(it.rect), m.Value(it.input), m.Value(it.text), m.Value(it.clipped), m.Value(it.layer);
    m.Value(it.origin), m.Text(it.label), m.Text(it.window), m.Text(it.field), m.Text(RoleName(it));
    m.Text(s.value), m.Value(s.checked), m.Value(s.expanded), m.Value(s.selected), m.Value(s.required);
    m.Value(s.invalid), m.Value(s.disabled), m.Value(s.multiline), m.Value(s.level), m.Value(s.value_min),
        m.Value(s.haspopup), m.Value(s.sel_anchor), m.Value(s.sel_caret), m.Value(s.pos), m.Value(s.setsize);
    m.Value(s.value_max), m.Value(s.value_now), m.Value(s.row), m.Value(s.col), m.Value(s.rows), m.Value(s.cols);
    for (const std::string* t :
         {&s.describe, &s.group_role, &s.group, &s.controls, &s.live, &s.name, &s.table, &s.placeholder})
      m.Text(*t);
    m.Text(s.cell ? s.cell : ""), m.Text(s.sort ? s.sort : "");
  }
  return m.h;
}
}  // namespace

// A label cut to fit (…) may end inside a character: replaced, never thrown (WebAssembly aborts).
std::string ItemsJson() { return ItemList(false).dump(-1, ' ', false, json::error_handler_t::replace); }

std::string MirrorJsonIfChanged() {
  const ImGuiContext& g = *GImGui;
  const Item* active_item = g.ActiveId ? Find(g.ActiveId) : nullptr;
  const ImGuiID focus = g.NavWindow ? g.NavId : 0u, active = active_item && active_item->input ? active_item->id : 0u;
  const ImU64 hash = MirrorHash(focus, active);
  if (hash == g_last_mirror) return {};
  g_last_mirror = hash;
  return json{{"focus", Hex(focus)}, {"active", Hex(active)}, {"items", ItemList(true)}, {"layers", LayerList()}}.dump(
      -1, ' ', false, json::error_handler_t::replace);
}

bool IsTextFieldAt(float x, float y) {
  for (const Item& it : g_items)
    if (it.input && it.rect.Contains(ImVec2(x, y))) return true;
  return false;
}

Semantics* RegisterTextItem(const std::string& text, float x0, float y0, float x1, float y1) {
  ImGuiWindow* window = GImGui->CurrentWindow;
  ImRect r(x0, y0, x1, y1);
  r.ClipWithFull(window->ClipRect);
  if (r.GetWidth() <= 0.5f || r.GetHeight() <= 0.5f || text.empty()) return nullptr;
  // Named by its text and window, not its position: scrolling keeps the mirror's element (a
  // repeated text, such as two cells "0" in a row, takes the next free id).
  ImGuiID id = ImHashStr(text.c_str(), 0, window->ID);
  while (!g_text_ids.Insert(id)) id = ImHashData(&id, sizeof id, 0x9e3779b9u);
  Item item{id, text, WindowName(window), r, false};
  SetLayer(item, window);
  item.text = true;
  PlaceInTable(item);
  g_items.push_back(std::move(item));
  return &g_items.back().sem;
}

void RegisterText(const std::string& text, float x0, float y0, float x1, float y1) {
  RegisterTextItem(text, x0, y0, x1, y1);
}

Semantics* TextItem(const std::string& text, const ImVec4& color) {
  ImGui::TextColored(color, "%s", text.c_str());
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  return RegisterTextItem(text, a.x, a.y, b.x, b.y);
}

bool FindItemRect(unsigned int id, float& x0, float& y0, float& x1, float& y1) {
  const Item* it = Find(id);
  if (!it) return false;
  x0 = it->rect.Min.x, y0 = it->rect.Min.y, x1 = it->rect.Max.x, y1 = it->rect.Max.y;
  return true;
}

void LabelItem(ImGuiID id, const std::string& label) {
  if (Item* it = Find(id)) it->label = label;
}

void LabelLastItem(const std::string& label) { LabelItem(GImGui->LastItemData.ID, label); }

Semantics& ItemSemantics(unsigned int id) {
  if (Item* it = Find(id)) return it->sem;
  g_scratch = {};
  return g_scratch;
}

Semantics& LastItemSemantics() { return ItemSemantics(GImGui->LastItemData.ID); }

void BeginFieldSemantics(const std::string& label, const std::string& key, bool required, bool invalid,
                         const std::string& message) {
  g_field = {label, message, key, required, invalid, true, g_items.size()};
}

void EndFieldSemantics() {
  g_last_field_first = g_field.first;
  g_last_field_end = g_items.size();
  g_field = {};
}

namespace {
FieldScope g_outer_field;   // the table field around an open cell scope
std::string g_cell_suffix;  // "（第 2 行）"
}  // namespace

void BeginCellSemantics(const std::string& name, const std::string& suffix, bool required) {
  g_outer_field = g_field;
  g_cell_suffix = suffix;
  // The table's error stays on its cells (nothing else of the table carries it); required is the column's own.
  g_field = {name + suffix, g_field.message, g_field.key, required, g_field.invalid, true, g_items.size()};
}

void EndCellSemantics() {
  std::vector<Item*> controls;
  for (size_t i = g_field.first; i < g_items.size(); ++i) {
    Item& it = g_items[i];
    if (!it.text && it.sem.role != Role::Radio && it.sem.role != Role::Option && it.sem.name.empty())
      controls.push_back(&it);
  }
  // One control is the cell; several (a date's 年/月/日) keep their own part's name, with the row.
  for (Item* it : controls)
    it->sem.name = controls.size() == 1 || it->label.empty() ? g_field.label : it->label + g_cell_suffix;
  g_field = g_outer_field;
}

void DescribeLastField(const std::string& text) {
  for (size_t i = g_last_field_first; i < g_last_field_end && i < g_items.size(); ++i) {
    Semantics& s = g_items[i].sem;
    if (g_items[i].text || s.role == Role::Option) continue;
    s.describe += (s.describe.empty() ? "" : "；") + text;
  }
}

Semantics* RegisterCell(const std::string& table, int rows, int cols, int row, int col, const char* cell_role,
                        const std::string& text, float x0, float y0, float x1, float y1) {
  Semantics* s = RegisterTextItem(text, x0, y0, x1, y1);
  if (!s) return nullptr;
  s->table = table, s->row = row, s->col = col, s->cell = cell_role;
  if (col == 1) s->rows = rows, s->cols = cols;
  return s;
}

void BeginTableSemantics(const std::string& name, int rows, int header_cols) {
  g_table = {GImGui->CurrentTable, name, rows, header_cols, 0};
}

void TableRowSemantics(int aria_row) {
  if (const ImGuiTable* t = GImGui->CurrentTable) g_table.row_offset = aria_row - t->CurrentRow - 1;
}

void EndTableSemantics() { g_table = {}; }

void MarkSlider(const std::string& label, float min, float max, float now, const std::string& text) {
  LabelLastItem(label);
  Semantics& s = LastItemSemantics();
  s.role = Role::Slider;
  s.value_min = min, s.value_max = max, s.value_now = now;
  s.value = text;
}

void MarkComboBox(unsigned int id, const std::string& label, const std::string& value, bool open) {
  LabelItem(id, label);
  const std::string hex = Hex(id);
  Semantics& s = ItemSemantics(id);
  s.role = Role::ComboBox;
  s.value = value;
  s.expanded = open;
  s.controls = hex;
  if (open) g_open_combo = hex, g_open_combo_label = label;
}

void RequestFocus(unsigned int id) {
  g_pending_focus = id;
  g_pending_activate = false;
}

void RequestActivate(unsigned int id) {
  g_pending_focus = id;
  g_pending_activate = true;
}

}  // namespace lw::ui

// --- Dear ImGui test-engine hook implementations ----------------------------------------------

void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, ImGuiID id, const ImRect& bb, const ImGuiLastItemData* data) {
  using namespace lw::ui;
  const ImGuiItemFlags flags = data ? data->ItemFlags : 0;
  if (id != 0 && id == g_pending_focus) ApplyPendingFocus(*ctx, id, bb, flags);
  // A text field reached with the arrow keys is edited at once, as when reached by Tab: typed
  // text was dropped until Enter, and the text agent (which carries the IME) was not there.
  if (id != 0 && id == ctx->NavJustMovedToId && !ctx->NavJustMovedToIsTabbing && (flags & ImGuiItemFlags_Inputable) &&
      ctx->ActiveId != id)
    ImGui::ActivateItemByID(id);
  ImGuiWindow* window = ctx->CurrentWindow;
  ImRect visible = bb;
  visible.ClipWithFull(window->ClipRect);  // hooks fire before clipping: report what can be clicked
  if (id == 0 || visible.GetWidth() <= 0.5f || visible.GetHeight() <= 0.5f) return;
  if (window->IsFallbackWindow) return;  // ImGui's implicit "Debug" window is never shown
  Item item{id, {}, WindowName(window), visible, false};
  SetLayer(item, window);
  item.clipped =
      visible.Min.x != bb.Min.x || visible.Min.y != bb.Min.y || visible.Max.x != bb.Max.x || visible.Max.y != bb.Max.y;
  item.sem.disabled = (flags & ImGuiItemFlags_Disabled) != 0;
  if (g_field.open) {
    item.field = g_field.label;
    item.key = g_field.key;
    item.sem.required = g_field.required;
    item.sem.invalid = g_field.invalid;
    item.sem.describe = g_field.message;
  }
  PlaceInTable(item);
  g_items.push_back(std::move(item));
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
  lw::ui::Item* it = lw::ui::Find(id);
  if (!it) return;
  // A child window registers itself as an item labelled "Parent/child_ID": not a widget.
  if (it->label.empty() && label && !ImGui::FindWindowByID(id)) {
    it->label = lw::ui::CleanLabel(label);
    if (const char* key = std::strstr(label, "###")) it->key = key + 3;
  }
  it->input = it->input || (flags & ImGuiItemStatusFlags_Inputable) != 0;
  if (flags & ImGuiItemStatusFlags_Checkable) {
    if (it->sem.role == lw::ui::Role::Auto) it->sem.role = lw::ui::Role::CheckBox;
    it->sem.checked = (flags & ImGuiItemStatusFlags_Checked) != 0;
  }
  if (flags & ImGuiItemStatusFlags_Openable) it->sem.expanded = (flags & ImGuiItemStatusFlags_Opened) != 0;
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}
const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
