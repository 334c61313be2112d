// layout.cpp — see layout.h.
#include "layout.h"

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <utility>

#include "imgui_internal.h"
#include "item_registry.h"
#include "platform.h"
#include "text_widgets.h"
#include "theme.h"

namespace lw::ui {
namespace {
struct CardFrame {
  ImGuiID id;
  ImVec2 start;
  float width;
  float work_max_x, content_max_x;  // restored by EndCard
};
ImVector<CardFrame> g_cards;
bool g_focus_heading = false;

// A heading is text to the eye but an item to the keyboard and the mirror: focus can rest on it
// when a screen opens (screen readers then read the new screen's title), and Tab goes on from it.
void HeadingItem(const char* text, float scale, const ImVec4& color, int level) {
  ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * scale);
  ImGui::TextColored(color, "%s", text);
  ImGui::PopFont();
  const ImRect bb(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  const ImGuiID id = ImGui::GetID(text);
  ImGui::ItemAdd(bb, id, nullptr, ImGuiItemFlags_NoTabStop);
  LabelItem(id, text);
  Semantics& s = ItemSemantics(id);
  s.role = Role::Heading;
  s.level = level;
  if (std::exchange(g_focus_heading, false)) ImGui::FocusItem();
  ImGui::RenderNavCursor(bb, id);
}
}  // namespace

void FocusFirstHeading(bool on) { g_focus_heading = on; }

void BeginCard(const char* id) {
  ImGui::PushID(id);
  const ImGuiID key = ImGui::GetID("card");
  ImGuiStorage* storage = ImGui::GetStateStorage();
  const ImVec2 start = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  const float height = storage->GetFloat(key, Em() * 4);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const Palette& p = Colors();
  const float r = ImGui::GetStyle().ChildRounding;
  dl->AddRectFilled(start, start + ImVec2(width, height), U32(p.card), r);
  dl->AddRect(start, start + ImVec2(width, height), U32(p.border), r);
  ImGuiWindow* w = ImGui::GetCurrentWindow();
  g_cards.push_back({key, start, width, w->WorkRect.Max.x, w->ContentRegionRect.Max.x});
  const ImVec2 pad = ImGui::GetStyle().WindowPadding;
  ImGui::Dummy(ImVec2(0, pad.y * 0.5f));
  ImGui::Indent(pad.x);
  ImGui::PushItemWidth(width - pad.x * 2);
  // Keep content inside the card's right edge.
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - pad.x * 2);
  ImGui::BeginGroup();
  w->WorkRect.Max.x = w->ContentRegionRect.Max.x = start.x + width - pad.x;
}

void EndCard() {
  ImGui::EndGroup();
  ImGui::PopTextWrapPos();
  ImGui::PopItemWidth();
  const ImVec2 pad = ImGui::GetStyle().WindowPadding;
  ImGui::Unindent(pad.x);
  ImGui::Dummy(ImVec2(0, pad.y * 0.5f));
  const CardFrame f = g_cards.back();
  g_cards.pop_back();
  ImGuiWindow* w = ImGui::GetCurrentWindow();
  w->WorkRect.Max.x = f.work_max_x;
  w->ContentRegionRect.Max.x = f.content_max_x;
  const float height = ImGui::GetCursorScreenPos().y - f.start.y - ImGui::GetStyle().ItemSpacing.y;
  ImGuiStorage* storage = ImGui::GetStateStorage();
  if (storage->GetFloat(f.id, -1) != height) {
    storage->SetFloat(f.id, height);
    platform::RequestRedraw();  // the background drawn this frame had last frame's height
  }
  ImGui::PopID();
  ImGui::Dummy(ImVec2(0, ImGui::GetStyle().ItemSpacing.y));
}

void Heading(const char* text) { HeadingItem(text, 1.45f, Colors().text, 1); }

void SubHeading(const char* text) { HeadingItem(text, 1.15f, Colors().accent, 2); }
void ScreenTitle(const char* text) { HeadingItem(text, 1.15f, Colors().accent, 1); }

void Muted(const char* fmt, ...) {
  char buf[2048];
  va_list args;
  va_start(args, fmt);
  vsnprintf(buf, sizeof buf, fmt, args);
  va_end(args);
  Paragraph(buf, 0, U32(Colors().text_muted));
}

void ErrorText(const std::string& text, const char* live) {
  // The icon: a filled circle with "!" centred on the first line, in the error colour.
  const float size = ImGui::GetFontSize();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const ImVec2 centre(p.x + size * 0.5f, p.y + ParagraphLineHeight() * 0.5f);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddCircleFilled(centre, size * 0.45f, U32(Colors().error));
  dl->AddText(centre - ImGui::CalcTextSize("!") * 0.5f, U32(Colors().card), "!");
  const float indent = size * 1.3f;
  ImGui::SetCursorScreenPos(ImVec2(p.x + indent, p.y));
  Semantics* s = Paragraph(text, ImGui::GetContentRegionAvail().x, U32(Colors().error));
  if (!s) return;
  s->name = "错误：" + text;
  if (live) s->live = live;
}

void WarningText(const std::string& text) {
  // The icon: an amber triangle with "!" (a different shape from an error's circle, not colour alone).
  const float size = ImGui::GetFontSize();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float cy = p.y + ParagraphLineHeight() * 0.5f, half = size * 0.48f;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddTriangleFilled(ImVec2(p.x + size * 0.5f, cy - half),
                        ImVec2(p.x + size * 0.5f - half * 1.1f, cy + half * 0.85f),
                        ImVec2(p.x + size * 0.5f + half * 1.1f, cy + half * 0.85f), U32(Colors().warn));
  dl->AddText(ImVec2(p.x + size * 0.5f, cy + half * 0.15f) - ImGui::CalcTextSize("!") * 0.5f, U32(Colors().card), "!");
  ImGui::SetCursorScreenPos(ImVec2(p.x + size * 1.3f, p.y));
  if (Semantics* s = Paragraph(text, ImGui::GetContentRegionAvail().x, U32(Colors().text))) s->name = "提醒：" + text;
}

float RowLabel(const std::string& label, bool required, float label_width) {
  const float x0 = ImGui::GetCursorPosX();
  ImGui::AlignTextToFramePadding();
  ImGui::BeginGroup();
  ImGui::PushTextWrapPos(x0 + label_width - Em() * 0.8f);
  ImGui::TextUnformatted(label.c_str());
  ImGui::PopTextWrapPos();
  if (required) {
    ImGui::SameLine(0, 2);
    ImGui::TextColored(Colors().error, "*");
  }
  ImGui::EndGroup();
  // Not SameLine(x): inside a table cell (the editor's preview) it adds the column's offset to an
  // x that already holds it, and the input lands outside its cell, clipped away.
  ImGui::SameLine(0, 0);
  ImGui::SetCursorPosX(x0 + label_width);
  return x0 + label_width;
}

void MarkMenuButton(const char* popup) {
  Semantics& s = LastItemSemantics();
  s.role = Role::Button;  // also where it stands for the tabs (the navigation on a phone)
  s.selected = -1;        // a button is not selected; the menu's current entry is
  s.group_role.clear();
  s.group.clear();
  s.haspopup = "menu";
  s.expanded = ImGui::IsPopupOpen(popup);
}

void MarkMenuItem(const char* menu) {
  Semantics& s = LastItemSemantics();
  s.role = Role::MenuItem;
  s.group_role = "menu";
  s.group = menu;
}

bool BeginDialog(const char* title) {
  if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return false;
  // ImGui keeps a modal open on Esc; a dialog in a browser closes (nothing is done).
  if (ImGui::IsWindowFocused() && !ImGui::IsAnyItemActive() && ImGui::IsKeyPressed(ImGuiKey_Escape, false))
    ImGui::CloseCurrentPopup();
  return true;
}

bool Check(const char* label, bool* value) { return ImGui::Checkbox(label, value); }

void TallHeadersRow() {
  const int n = ImGui::TableGetColumnCount();
  // A heading that does not sort is text: no Tab stop that says nothing when reached.
  const bool sorts = (ImGui::GetCurrentTable()->Flags & ImGuiTableFlags_Sortable) != 0;
  ImGui::PushItemFlag(ImGuiItemFlags_NoTabStop | ImGuiItemFlags_NoNav, !sorts);
  ImGui::TableNextRow(ImGuiTableRowFlags_Headers, ImGui::GetFrameHeight());
  for (int c = 0; c < n; ++c) {
    if (!ImGui::TableSetColumnIndex(c)) continue;
    ImGui::AlignTextToFramePadding();
    ImGui::PushID(c);
    ImGui::TableHeader(ImGui::TableGetColumnName(c));
    if (!sorts) LastItemSemantics().role = Role::Text;
    ImGui::PopID();
  }
  ImGui::PopItemFlag();
}

bool ListEntry(const char* label, bool selected) {
  // ImGui adds the item spacing to a selectable's box (less in a table's cell): together at
  // least one frame height.
  const float h = ImGui::GetFrameHeight() - ImGui::GetStyle().ItemSpacing.y * 0.5f;
  return ImGui::Selectable(label, selected, 0, ImVec2(0, h));
}

bool PrimaryButton(const char* label, ImVec2 size) {
  const Palette& p = Colors();
  ImGui::PushStyleColor(ImGuiCol_Button, p.accent);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(p.accent.x * 0.85f, p.accent.y * 0.85f, p.accent.z * 0.9f, 1));
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImVec4(p.accent.x * 0.7f, p.accent.y * 0.7f, p.accent.z * 0.8f, 1));
  ImGui::PushStyleColor(ImGuiCol_Text, p.on_accent);
  const bool hit = ImGui::Button(label, size);
  ImGui::PopStyleColor(4);
  return hit;
}

namespace {
float TouchButtonWidth(const char* label) {
  const float text_w = ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
  return std::max(ImGui::GetFrameHeight(), text_w);
}
}  // namespace

bool TouchButton(const char* label) { return ImGui::Button(label, ImVec2(TouchButtonWidth(label), 0)); }

float TouchButtonsWidth(std::initializer_list<const char*> labels) {
  float w = 0;
  for (const char* l : labels) w += TouchButtonWidth(l);
  return w + ImGui::GetStyle().ItemSpacing.x * (labels.size() - 1);
}

bool DangerButton(const char* label, ImVec2 size) {
  const Palette& p = Colors();
  ImGui::PushStyleColor(ImGuiCol_Button, p.error_soft);
  ImGui::PushStyleColor(ImGuiCol_Text, p.error);
  const bool hit = ImGui::Button(label, size);
  ImGui::PopStyleColor(2);
  return hit;
}

bool NavButton(const char* label, bool selected) {
  const Palette& p = Colors();
  // Darker, not lighter, behind the white text (contrast pairs in src/core/contrast.cpp).
  ImGui::PushStyleColor(ImGuiCol_Button, selected ? ImVec4(0, 0, 0, 0.28f) : ImVec4(0, 0, 0, 0));
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(0, 0, 0, 0.18f));
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImVec4(0, 0, 0, 0.34f));
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
  ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0.0f);
  const bool hit = ImGui::Button(label);
  if (selected) {  // not by colour alone: the current screen's tab is underlined
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(a.x + 4, b.y - 3), ImVec2(b.x - 4, b.y), IM_COL32_WHITE);
  }
  Semantics& s = LastItemSemantics();
  s.role = Role::Tab;
  s.selected = selected;
  s.group_role = "tablist";
  s.group = "主导航";
  ImGui::PopStyleVar();
  ImGui::PopStyleColor(4);
  (void)p;
  return hit;
}

}  // namespace lw::ui
