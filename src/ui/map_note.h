// map_note.h — the small print every map of this app carries in its lower-left corner: "示意图"
// (the outlines are schematic, not a surveyed base map) and, when set in 设置, the 审图号 of the
// approved base map a unit uses. Shared by 地图 and 开幕式大屏.
#pragma once
#include <string>

#include "imgui.h"
#include "imgui_internal.h"

namespace lw::ui {

// Where the note goes inside `map` (so map labels can keep clear of it).
ImRect MapNoteRect(const ImRect& map, const std::string& approval, float px);
void DrawMapNote(ImDrawList* dl, const ImRect& note, const std::string& approval, float px, ImU32 color);

}  // namespace lw::ui
