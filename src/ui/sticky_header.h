// sticky_header.h — wide tables keep their headings in view (issue 10, 适老化 at 200 % text):
// when the page has scrolled a table's own heading row out of sight while its rows still show,
// the heading row is drawn again along the top edge of the visible page, over the rows and at
// their columns (horizontal scroll and frozen columns included). Only a picture: the headings
// that screen readers get are the table's real ones (BeginTableSemantics).
#pragma once
#include <string>
#include <vector>

struct ImGuiTable;

namespace lw::ui {

class StickyHeader {
 public:
  // Inside the table, in the first row after the heading row (its top is the headings' bottom).
  void Capture(std::vector<std::string> labels);
  bool captured() const { return table_ != nullptr; }
  // After ImGui::EndTable, in the window that holds the table.
  void Draw() const;

 private:
  ImGuiTable* table_ = nullptr;
  std::vector<std::string> labels_;  // one per column, in column index order
  float top_ = 0, bottom_ = 0;       // the heading row, screen y
};

}  // namespace lw::ui
