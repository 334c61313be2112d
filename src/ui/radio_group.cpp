// radio_group.cpp — see radio_group.h.
#include "radio_group.h"

#include "imgui_internal.h"
#include "item_registry.h"
#include "layout.h"

namespace lw::ui {
namespace {
constexpr ImGuiKey kPrev[] = {ImGuiKey_LeftArrow, ImGuiKey_UpArrow};
constexpr ImGuiKey kNext[] = {ImGuiKey_RightArrow, ImGuiKey_DownArrow};

// While a choice has the focus the arrows are its own: ImGui's navigation (which reads keys
// nobody owns) would otherwise move the focus out of the group by position.
int ArrowStep(ImGuiID id) {
  int step = 0;
  for (ImGuiKey k : kPrev) {
    ImGui::SetKeyOwner(k, id);
    if (ImGui::IsKeyPressed(k, ImGuiInputFlags_Repeat, id)) step = -1;
  }
  for (ImGuiKey k : kNext) {
    ImGui::SetKeyOwner(k, id);
    if (ImGui::IsKeyPressed(k, ImGuiInputFlags_Repeat, id)) step = 1;
  }
  return step;
}
}  // namespace

RadioGroup::RadioGroup(int checked, const char* name, Look look) : checked_(checked), name_(name), look_(look) {}

void RadioGroup::Item(const char* label) {
  const int i = static_cast<int>(ids_.size());
  const bool on = i == checked_;
  const bool tab_stop = checked_ >= 0 ? on : i == 0;
  ImGui::PushItemFlag(ImGuiItemFlags_NoTabStop, !tab_stop);
  const bool hit =
      look_ == Look::Radio ? ImGui::RadioButton(label, on) : (on ? PrimaryButton(label) : ImGui::Button(label));
  ImGui::PopItemFlag();
  const ImGuiID id = ImGui::GetItemID();
  ids_.push_back(id);
  Semantics& s = LastItemSemantics();
  s.role = Role::Radio;
  s.checked = on;
  if (name_) s.group_role = "radiogroup", s.group = name_;
  if (hit) picked_ = i;
  if (ImGui::IsItemFocused())
    if (const int step = ArrowStep(id)) from_ = i, step_ = step;
}

int RadioGroup::End() {
  const int n = static_cast<int>(ids_.size());
  if (step_ && n > 0) {
    picked_ = ((from_ + step_) % n + n) % n;
    RequestFocus(ids_[picked_]);  // taken when that choice is drawn in the next frame
  }
  return picked_;
}

}  // namespace lw::ui
