// map_note.cpp — see map_note.h.
#include "map_note.h"

#include "item_registry.h"

namespace lw::ui {

namespace {
constexpr const char* kSchematic = "示意图";
std::string ApprovalLine(const std::string& approval) { return approval.empty() ? "" : "审图号：" + approval; }
}  // namespace

ImRect MapNoteRect(const ImRect& map, const std::string& approval, float px) {
  ImFont* font = ImGui::GetFont();
  const std::string line = ApprovalLine(approval);
  const float w =
      std::max(font->CalcTextSizeA(px, FLT_MAX, 0, kSchematic).x, font->CalcTextSizeA(px, FLT_MAX, 0, line.c_str()).x);
  const float h = px * (line.empty() ? 1.2f : 2.4f);
  const ImVec2 min(map.Min.x + px * 0.5f, map.Max.y - h - px * 0.4f);
  return ImRect(min, min + ImVec2(w, h));
}

void DrawMapNote(ImDrawList* dl, const ImRect& note, const std::string& approval, float px, ImU32 color) {
  ImFont* font = ImGui::GetFont();
  dl->AddText(font, px, note.Min, color, kSchematic);
  RegisterText(kSchematic, note.Min.x, note.Min.y, note.Max.x, note.Min.y + px);
  const std::string line = ApprovalLine(approval);
  if (line.empty()) return;
  dl->AddText(font, px, note.Min + ImVec2(0, px * 1.2f), color, line.c_str());
  RegisterText(line, note.Min.x, note.Min.y + px * 1.2f, note.Max.x, note.Max.y);
}

}  // namespace lw::ui
