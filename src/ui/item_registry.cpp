// item_registry.cpp — implements Dear ImGui's test-engine hooks (see imgui_internal.h) and the
// semantics the accessibility mirror (web/lw-a11y.js) turns into ARIA.
#include "item_registry.h"

#include <cstring>
#include <string>
#include <vector>

#include "imgui.h"
#include "imgui_internal.h"
#include "platform.h"

namespace lw::ui {
namespace {

struct Item {
  ImGuiID id;
  std::string label;
  std::string window;
  ImRect rect;
  bool input = false;
  bool text = false;      // visible text listed by RegisterText, not an ImGui item
  std::string field;      // label of the form field that submitted it (radio groups)
  Semantics sem;
};

struct FieldScope {
  std::string label, message;
  bool required = false, invalid = false, open = false;
};

std::vector<Item> g_items;  // the frame being built; complete between frames
FieldScope g_field;
Semantics g_scratch;        // returned for items that are not listed (clipped)
ImGuiID g_pending_focus = 0;
bool g_pending_activate = false;
ImU64 g_last_mirror = 0;  // hash of what the mirror was last sent
std::string g_open_combo;   // id of the combo box whose list is open (one at a time)
std::string g_open_combo_label;

// Visible part of "name##hidden" / "##name": the text a person would look for.
std::string CleanLabel(const char* label) {
  std::string s = label ? label : "";
  if (s.rfind("##", 0) == 0) s = s.substr(2);
  const auto cut = s.find("##");
  return cut == std::string::npos ? s : s.substr(0, cut);
}

void JsonEscape(std::string& out, const std::string& s) {
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') { out += '\\'; out += static_cast<char>(c); }
    else if (c < 0x20) { char buf[8]; snprintf(buf, sizeof buf, "\\u%04x", c); out += buf; }
    else out += static_cast<char>(c);
  }
}

const char* RoleName(const Item& it) {
  switch (it.sem.role) {
    case Role::Button: return "button";
    case Role::Link: return "link";
    case Role::Tab: return "tab";
    case Role::CheckBox: return "checkbox";
    case Role::Radio: return "radio";
    case Role::ComboBox: return "combobox";
    case Role::Option: return "option";
    case Role::TextBox: return "textbox";
    case Role::Heading: return "heading";
    case Role::Text: return "text";
    case Role::Auto: break;
  }
  if (it.text) return "text";
  if (it.window.rfind("Combo_", 0) == 0 && !g_open_combo.empty()) return "option";
  if (it.input) return "textbox";
  return "button";
}

void StringProp(std::string& out, const char* key, const std::string& v) {
  if (v.empty()) return;
  out += ",\"";
  out += key;
  out += "\":\"";
  JsonEscape(out, v);
  out += '"';
}

void BoolProp(std::string& out, const char* key, int v) {  // -1: not applicable, left out
  if (v < 0) return;
  out += ",\"";
  out += key;
  out += v ? "\":true" : "\":false";
}

void AppendSemantics(std::string& out, const Item& it) {
  const Semantics& s = it.sem;
  out += ",\"role\":\"";
  out += RoleName(it);
  out += '"';
  StringProp(out, "value", s.value);
  if (s.required) BoolProp(out, "required", 1);
  if (s.invalid) BoolProp(out, "invalid", 1);
  if (s.disabled) BoolProp(out, "disabled", 1);
  if (s.multiline) BoolProp(out, "multiline", 1);
  BoolProp(out, "checked", s.checked);
  BoolProp(out, "expanded", s.expanded);
  BoolProp(out, "selected", s.selected);
  if (s.level) out += ",\"level\":" + std::to_string(s.level);
  StringProp(out, "describe", s.describe);
  StringProp(out, "name", s.name);
  std::string group_role = s.group_role, group = s.group, controls = s.controls;
  if (s.role == Role::Auto && !it.text && it.window.rfind("Combo_", 0) == 0 && !g_open_combo.empty())
    group_role = "listbox", group = g_open_combo_label, controls = g_open_combo;
  if (group_role.empty() && s.role == Role::Radio && !it.field.empty()) group_role = "radiogroup", group = it.field;
  StringProp(out, "groupRole", group_role);
  StringProp(out, "group", group);
  StringProp(out, "controls", controls);
  StringProp(out, "live", s.live);
}

Item* Find(ImGuiID id) {
  for (auto it = g_items.rbegin(); it != g_items.rend(); ++it)
    if (it->id == id && !it->text) return &*it;
  return nullptr;
}

std::string WindowName(ImGuiWindow* window) {
  std::string name = window->Name;
  if (const auto slash = name.find('/'); slash != std::string::npos) name = name.substr(0, slash);
  return CleanLabel(name.c_str());
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

// Windows and scroll bars are listed (tests click them) but say nothing to a screen reader, and a
// tooltip follows the mouse: what it says is the hovered item's own name and value, which a screen
// reader reaches by moving to that item. Left out of the mirror's input, hovering and scrolling
// do not make the mirror re-read and diff every item on the screen (on the map: 500 regions per
// mouse move).
bool SaysNothing(const Item& it) {
  if (it.window.rfind("##Tooltip_", 0) == 0 || it.window.rfind("Tooltip_", 0) == 0) return true;
  return it.label.empty() && it.sem.name.empty() && std::strcmp(RoleName(it), "button") == 0;
}

std::string ItemsJson(bool for_mirror) {
  std::string out = "[";
  for (const Item& it : g_items) {
    if (for_mirror && SaysNothing(it)) continue;
    if (out.size() > 1) out += ',';
    char buf[160];
    snprintf(buf, sizeof buf, "{\"id\":\"%08x\",\"x\":%.1f,\"y\":%.1f,\"w\":%.1f,\"h\":%.1f,\"input\":%s,\"label\":\"", it.id,
             it.rect.Min.x, it.rect.Min.y, it.rect.GetWidth(), it.rect.GetHeight(), it.input ? "true" : "false");
    out += buf;
    JsonEscape(out, it.label);
    out += "\",\"window\":\"";
    JsonEscape(out, it.window);
    out += '"';
    AppendSemantics(out, it);
    out += '}';
  }
  return out + "]";
}

// FNV-1a over what the mirror shows of each item: serializing 500 items to compare them cost about
// 1 ms a frame; hashing them costs a few microseconds, and the JSON is built only when it differs.
struct MirrorHasher {
  ImU64 h = 1469598103934665603ull;
  void Bytes(const void* p, size_t n) {
    for (const unsigned char* c = static_cast<const unsigned char*>(p); n--; ++c) h = (h ^ *c) * 1099511628211ull;
  }
  template <typename T> void Value(const T& v) { Bytes(&v, sizeof v); }
  void Text(const std::string& t) { Value(t.size()), Bytes(t.data(), t.size()); }
};

ImU64 MirrorHash(ImGuiID focus, ImGuiID active) {
  MirrorHasher m;
  m.Value(focus), m.Value(active), m.Text(g_open_combo), m.Text(g_open_combo_label);
  for (const Item& it : g_items) {
    if (SaysNothing(it)) continue;
    const Semantics& s = it.sem;
    m.Value(it.id), m.Value(it.rect), m.Value(it.input), m.Value(it.text), m.Text(it.label), m.Text(it.window);
    m.Text(it.field), m.Text(RoleName(it)), m.Text(s.value), m.Value(s.checked), m.Value(s.expanded), m.Value(s.selected);
    m.Value(s.required), m.Value(s.invalid), m.Value(s.disabled), m.Value(s.multiline), m.Value(s.level);
    for (const std::string* t : {&s.describe, &s.group_role, &s.group, &s.controls, &s.live, &s.name}) m.Text(*t);
  }
  return m.h;
}

std::string MirrorJsonIfChanged() {
  const ImGuiContext& g = *GImGui;
  const Item* active_item = g.ActiveId ? Find(g.ActiveId) : nullptr;
  const ImGuiID focus = g.NavWindow ? g.NavId : 0u, active = active_item && active_item->input ? active_item->id : 0u;
  const ImU64 hash = MirrorHash(focus, active);
  if (hash == g_last_mirror) return {};
  g_last_mirror = hash;
  char head[96];
  snprintf(head, sizeof head, "{\"focus\":\"%08x\",\"active\":\"%08x\",\"items\":", focus, active);
  return head + ItemsJson(true) + "}";
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
  Item item{ImHashStr(text.c_str(), 0, window->ID ^ static_cast<ImGuiID>(y0)), text, WindowName(window), r, false};
  item.text = true;
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

void BeginFieldSemantics(const std::string& label, bool required, bool invalid, const std::string& message) {
  g_field = {label, message, required, invalid, true};
}

void EndFieldSemantics() { g_field = {}; }

void MarkComboBox(unsigned int id, const std::string& label, const std::string& value, bool open) {
  LabelItem(id, label);
  char hex[16];
  snprintf(hex, sizeof hex, "%08x", id);
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
  ImGuiWindow* window = ctx->CurrentWindow;
  ImRect visible = bb;
  visible.ClipWithFull(window->ClipRect);  // hooks fire before clipping: report what can be clicked
  if (id == 0 || visible.GetWidth() <= 0.5f || visible.GetHeight() <= 0.5f) return;
  if (window->IsFallbackWindow) return;  // ImGui's implicit "Debug" window is never shown
  Item item{id, {}, WindowName(window), visible, false};
  item.sem.disabled = (flags & ImGuiItemFlags_Disabled) != 0;
  if (g_field.open) {
    item.field = g_field.label;
    item.sem.required = g_field.required;
    item.sem.invalid = g_field.invalid;
    item.sem.describe = g_field.message;
  }
  g_items.push_back(std::move(item));
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
  lw::ui::Item* it = lw::ui::Find(id);
  if (!it) return;
  // A child window registers itself as an item labelled "Parent/child_ID": not a widget.
  if (it->label.empty() && label && !ImGui::FindWindowByID(id)) it->label = lw::ui::CleanLabel(label);
  it->input = it->input || (flags & ImGuiItemStatusFlags_Inputable) != 0;
  if (flags & ImGuiItemStatusFlags_Checkable) {
    if (it->sem.role == lw::ui::Role::Auto) it->sem.role = lw::ui::Role::CheckBox;
    it->sem.checked = (flags & ImGuiItemStatusFlags_Checked) != 0;
  }
  if (flags & ImGuiItemStatusFlags_Openable) it->sem.expanded = (flags & ImGuiItemStatusFlags_Opened) != 0;
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}
const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
