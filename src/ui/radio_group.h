// radio_group.h — a row of radio buttons (or of buttons of which one is chosen) that acts as one
// control, as a radio group does in a browser (WAI-ARIA radio group pattern): one Tab stop, on the
// checked choice or else the first; the arrow keys move to the next or previous choice and check
// it, wrapping around; Space or a click checks the focused one. A screen reader hears a group of
// radios named by the group, the checked one announced as such.
#pragma once
#include <vector>

#include "imgui.h"

namespace lw::ui {

class RadioGroup {
 public:
  enum class Look { Radio, Buttons };  // Buttons: text size steps, which summary table
  // checked: the index of the checked choice, -1 for none. name: the group's label; nullptr for a
  // form field's choices (grouped under the field's label by the field's semantics).
  explicit RadioGroup(int checked, const char* name = nullptr, Look look = Look::Radio);
  void Item(const char* label);
  // The choice picked in this frame (click, Space or an arrow key), -1 for none. Call once, after
  // the last Item.
  int End();
  ImGuiID IdOf(int i) const { return i >= 0 && i < static_cast<int>(ids_.size()) ? ids_[i] : 0; }  // choice i's item

 private:
  int checked_;
  const char* name_;
  Look look_;
  std::vector<ImGuiID> ids_;
  int picked_ = -1;
  int from_ = -1, step_ = 0;  // an arrow key pressed on choice from_: move by step_
};

}  // namespace lw::ui
