// sticky_header.cpp — see sticky_header.h.
#include "sticky_header.h"

#include <algorithm>

#include "imgui.h"
#include "imgui_internal.h"
#include "text_widgets.h"
#include "theme.h"

namespace lw::ui {

void StickyHeader::Capture(std::vector<std::string> labels) {
  ImGuiTable* t = ImGui::GetCurrentTable();
  if (!t) return;
  table_ = t;
  labels_ = std::move(labels);
  top_ = t->OuterRect.Min.y;
  bottom_ = t->RowPosY1;  // the row just begun starts where the heading row ended
}

void StickyHeader::Draw() const {
  const ImGuiTable* t = table_;
  if (!t) return;
  const ImRect view = ImGui::GetCurrentWindow()->ClipRect;
  const float h = bottom_ - top_;
  // Only while the real heading row is above the view and enough of the table is still in it.
  if (h <= 0 || top_ >= view.Min.y || t->OuterRect.Max.y < view.Min.y + h * 2) return;
  // Into the table's own draw list: a table that scrolls sideways is a child window drawn over
  // its parent's.
  ImDrawList* dl = t->InnerWindow->DrawList;
  const float y = view.Min.y;
  const ImRect band(t->OuterRect.Min.x, y, t->OuterRect.Max.x, y + h);
  dl->PushClipRect(band.Min, band.Max, false);
  dl->AddRectFilled(band.Min, band.Max, U32(Colors().card));
  dl->AddRectFilled(band.Min, band.Max, ImGui::GetColorU32(ImGuiCol_TableHeaderBg));
  float frozen_right = band.Min.x;
  if (t->FreezeColumnsCount > 0) frozen_right = t->Columns[t->DisplayOrderToIndex[t->FreezeColumnsCount - 1]].MaxX;
  const ImVec2 pad(t->CellPaddingX, ImGui::GetStyle().CellPadding.y);
  for (int c = 0; c < t->ColumnsCount && c < static_cast<int>(labels_.size()); ++c) {
    const ImGuiTableColumn& col = t->Columns[c];
    if (!col.IsEnabled || !col.IsVisibleX) continue;
    float x0 = col.ClipRect.Min.x;
    if (col.DisplayOrder >= t->FreezeColumnsCount) x0 = std::max(x0, frozen_right);
    const float x1 = std::min(col.ClipRect.Max.x, band.Max.x);
    if (x1 - x0 < 2) continue;
    const ImRect cell(x0, y, x1, y + h);
    DrawWrapped(dl, ImVec2(col.MinX + pad.x, y + pad.y), labels_[c], col.MaxX - col.MinX - pad.x * 2,
                U32(Colors().text), cell);
    dl->AddLine(ImVec2(x1 - 0.5f, y), ImVec2(x1 - 0.5f, y + h), ImGui::GetColorU32(ImGuiCol_TableBorderStrong));
  }
  dl->AddLine(ImVec2(band.Min.x, band.Max.y - 1), ImVec2(band.Max.x, band.Max.y - 1),
              ImGui::GetColorU32(ImGuiCol_TableBorderStrong), 2);
  dl->PopClipRect();
}

}  // namespace lw::ui
