// item_registry.cpp — implements Dear ImGui's test-engine hooks (see imgui_internal.h).
#include "item_registry.h"

#include <cstring>
#include <string>
#include <vector>

#include "imgui.h"
#include "imgui_internal.h"

namespace lw::ui {
namespace {

struct Item {
  ImGuiID id;
  std::string label;
  std::string window;
  ImRect rect;
  bool input = false;
};

std::vector<Item> g_items;  // the frame being built; complete between frames

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

void OnNewFrame(ImGuiContext*, ImGuiContextHook*) { g_items.clear(); }

}  // namespace

void InstallItemRegistry(ImGuiContext* ctx) {
  ctx->TestEngineHookItems = true;
  ImGuiContextHook hook;
  hook.Type = ImGuiContextHookType_NewFramePre;
  hook.Callback = OnNewFrame;
  ImGui::AddContextHook(ctx, &hook);
}

std::string ItemsJson() {
  std::string out = "[";
  for (const Item& it : g_items) {
    if (out.size() > 1) out += ',';
    char buf[160];
    snprintf(buf, sizeof buf, "{\"id\":\"%08x\",\"x\":%.1f,\"y\":%.1f,\"w\":%.1f,\"h\":%.1f,\"input\":%s,\"label\":\"", it.id,
             it.rect.Min.x, it.rect.Min.y, it.rect.GetWidth(), it.rect.GetHeight(), it.input ? "true" : "false");
    out += buf;
    JsonEscape(out, it.label);
    out += "\",\"window\":\"";
    JsonEscape(out, it.window);
    out += "\"}";
  }
  return out + "]";
}

bool IsTextFieldAt(float x, float y) {
  for (const Item& it : g_items)
    if (it.input && it.rect.Contains(ImVec2(x, y))) return true;
  return false;
}

void RegisterText(const std::string& text, float x0, float y0, float x1, float y1) {
  ImGuiWindow* window = GImGui->CurrentWindow;
  ImRect r(x0, y0, x1, y1);
  r.ClipWithFull(window->ClipRect);
  if (r.GetWidth() <= 0.5f || r.GetHeight() <= 0.5f || text.empty()) return;
  std::string name = window->Name;
  if (const auto slash = name.find('/'); slash != std::string::npos) name = name.substr(0, slash);
  g_items.push_back({ImHashStr(text.c_str(), 0, window->ID ^ static_cast<ImGuiID>(y0)), text, name, r, false});
}

void TextItem(const std::string& text, const ImVec4& color) {
  ImGui::TextColored(color, "%s", text.c_str());
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  RegisterText(text, a.x, a.y, b.x, b.y);
}

void LabelItem(ImGuiID id, const std::string& label) {
  for (auto it = g_items.rbegin(); it != g_items.rend(); ++it)
    if (it->id == id) {
      it->label = label;
      return;
    }
}

void LabelLastItem(const std::string& label) { LabelItem(GImGui->LastItemData.ID, label); }

}  // namespace lw::ui

// --- Dear ImGui test-engine hook implementations ----------------------------------------------

void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, ImGuiID id, const ImRect& bb, const ImGuiLastItemData*) {
  ImGuiWindow* window = ctx->CurrentWindow;
  ImRect visible = bb;
  visible.ClipWithFull(window->ClipRect);  // hooks fire before clipping: report what can be clicked
  if (id == 0 || visible.GetWidth() <= 0.5f || visible.GetHeight() <= 0.5f) return;
  if (window->IsFallbackWindow) return;  // ImGui's implicit "Debug" window is never shown
  std::string name = window->Name;
  if (const auto slash = name.find('/'); slash != std::string::npos) name = name.substr(0, slash);
  lw::ui::g_items.push_back({id, {}, lw::ui::CleanLabel(name.c_str()), visible, false});
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
  for (auto it = lw::ui::g_items.rbegin(); it != lw::ui::g_items.rend(); ++it) {
    if (it->id != id) continue;
    // A child window registers itself as an item labelled "Parent/child_ID": not a widget.
    if (it->label.empty() && label && !ImGui::FindWindowByID(id)) it->label = lw::ui::CleanLabel(label);
    it->input = it->input || (flags & ImGuiItemStatusFlags_Inputable) != 0;
    return;
  }
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}
const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
