// form_view.cpp — see form_view.h.
#include "form_view.h"

#include "imgui.h"
#include "item_registry.h"
#include "layout.h"
#include "platform.h"
#include "text_widgets.h"
#include "theme.h"
#include "utf8.h"

namespace lw::ui {

using nlohmann::json;

namespace {
std::string TopField(const std::string& path) {
  const auto cut = path.find_first_of(".[");
  return cut == std::string::npos ? path : path.substr(0, cut);
}

bool IsWide(const FieldDef& f) {
  return f.wide || f.type == FieldType::TextArea || f.type == FieldType::Table || f.type == FieldType::Matrix ||
         f.type == FieldType::Photos;
}
}  // namespace

void FormView::Reset() {
  touched_.clear();
  show_all_ = summary_open_ = false;
  validated_uuid_.clear();
  jump_to_.clear();
  editing_.clear();
  flagged_at_edit_.clear();
}

void FormView::Revalidate(const FormDef& form, const Record& record, const ValidationContext& ctx) {
  issues_ = ValidateRecord(form, record.values, ctx);
  validated_uuid_ = record.uuid;
  validated_form_ = &form;
  validated_edits_ = edits_;
}

bool FormView::Visible(const Issue& i, const Record& record) const {
  // An empty required field is only flagged once the user has been there (or asked to check):
  // a fresh form covered in red would only frighten.
  const std::string top = TopField(i.path);
  return show_all_ || touched_.count(top) || !IsEmptyValue(record.values.value(top, json()));
}

// "Reward early, punish late": while a field is typed into, a problem it did not show when typing
// began waits until the user leaves it (a phone number is "too short" until its last digit, and a
// message popping up under the field would move the next field away from the pointer). Problems
// already shown update as the user types and go as soon as they are fixed; a text longer than
// allowed shows at once (every further character is one more to delete). Tables and photo lists
// hold many inputs: their cells are judged as before.
bool FormView::HeldBack(const FieldDef& f, const Issue& i, const json& value) const {
  if (editing_ != f.id || flagged_at_edit_.count(i.path)) return false;
  if (f.type == FieldType::Table || f.type == FieldType::Matrix || f.type == FieldType::Photos) return false;
  const bool too_long = f.max_chars && value.is_string() &&
                        utf8::CountChars(value.get_ref<const std::string&>()) > static_cast<size_t>(*f.max_chars);
  return !too_long;
}

void FormView::TrackEditing(const FieldDef& f, bool active, const std::vector<const Issue*>& shown) {
  if (active && editing_ != f.id) {
    editing_ = f.id;
    flagged_at_edit_.clear();
    for (const Issue* i : shown) flagged_at_edit_.insert(i->path);
  } else if (!active && editing_ == f.id) {
    editing_.clear();
    flagged_at_edit_.clear();
  }
}

void FormView::DrawSummary() {
  const Palette& p = Colors();
  if (issues_.empty()) {
    if (!quiet_when_valid) TextItem("√ 全部填写正确", p.ok);
    return;
  }
  char buf[64];
  snprintf(buf, sizeof buf, "%zu 处需要修改", issues_.size());
  ImGui::AlignTextToFramePadding();
  TextItem(buf, p.error);
  ImGui::SameLine();
  // One id whichever its text: the keyboard focus stays on the button when it is pressed.
  if (TouchButton(summary_open_ ? "收起###summary_toggle" : "逐项查看###summary_toggle")) {
    summary_open_ = !summary_open_;
    show_all_ = true;
  }
  LastItemSemantics().expanded = summary_open_ ? 1 : 0;
  if (!summary_open_) return;
  for (size_t k = 0; k < issues_.size(); ++k) {
    const Issue& i = issues_[k];
    ImGui::PushID(static_cast<int>(k));
    const std::string line = i.label + "：" + i.message;
    if (ListEntry(line.c_str())) {
      jump_to_ = TopField(i.path);
      jump_frames_ = kJumpFrames;
    }
    Semantics& s = LastItemSemantics();
    s.role = Role::Link;  // moves the focus to the field
    s.group_role = "list";
    s.group = "需要修改的地方";
    ImGui::PopID();
  }
}

bool FormView::DrawField(const FieldDef& f, Record& record, const FieldEnv& env, float label_w) {
  ImGui::PushID(f.id.c_str());
  if (jump_to_ == f.id) {
    // The field's top at a third of the page, so its message below stays in view. Repeated for a
    // few frames: moving the keyboard focus scrolls too (just far enough, to the bottom edge).
    ImGui::SetScrollHereY(0.3f);
    if (jump_frames_ == kJumpFrames && f.type != FieldType::Table && f.type != FieldType::Matrix)
      ImGui::SetKeyboardFocusHere();
    if (--jump_frames_ <= 0) jump_to_.clear();
    platform::RequestRedraw();
  }
  json& value = record.values[f.id];
  std::vector<const Issue*> mine;
  for (const Issue& i : issues_)
    if (TopField(i.path) == f.id && Visible(i, record) && !HeldBack(f, i, value)) mine.push_back(&i);
  FieldEnv fe = env;
  fe.error = !mine.empty();
  fe.record = &record.values;
  // Narrow screens (phones): every label goes above its input.
  const bool wide = IsWide(f) || ImGui::GetContentRegionAvail().x < Em() * 26;
  if (wide) {
    ImGui::TextUnformatted(f.label.c_str());
    if (f.required) {
      ImGui::SameLine(0, 2);
      ImGui::TextColored(Colors().error, "*");
    }
  } else {
    RowLabel(f.label, f.required, label_w);
  }
  const float input_x = ImGui::GetCursorPosX();
  std::string message;
  for (const Issue* i : mine)
    message += (message.empty() ? "" : "；") + (i->path == f.id ? "" : i->label + "：") + i->message;
  const auto warning = warnings.find(f.id);
  if (warning != warnings.end()) message += (message.empty() ? "提醒：" : "；提醒：") + warning->second;
  BeginFieldSemantics(f.label, "field." + f.id, f.required, !mine.empty(), message);
  ImGui::BeginGroup();
  const bool changed =
      f.type == FieldType::Photos && draw_photos ? draw_photos(f, value, fe) : FieldInput(f, value, fe);
  ImGui::EndGroup();
  TrackEditing(f, ImGui::IsItemActive(), mine);
  EndFieldSemantics();
  if (value.is_null()) record.values.erase(f.id);
  if (!f.help.empty() || !mine.empty() || f.max_chars || f.min_chars || warning != warnings.end()) {
    if (!wide) ImGui::SetCursorPosX(input_x);
    ImGui::BeginGroup();
    const json shown = record.values.value(f.id, json());
    if (f.max_chars || f.min_chars) DescribeLastField("字数：" + CharCounter(f, shown));
    for (const Issue* i : mine) {
      const std::string msg = (i->path == f.id ? "" : i->label + "：") + i->message;
      ErrorText(msg);
    }
    if (warning != warnings.end()) WarningText(warning->second);
    if (!f.help.empty()) Muted("%s", f.help.c_str());
    ImGui::EndGroup();
  }
  if (changed) touched_.insert(f.id);
  ImGui::PopID();
  ImGui::Dummy(ImVec2(0, Em() * 0.2f));
  return changed;
}

bool FormView::Draw(const FormDef& form, Record& record, const FieldEnv& env) {
  if (validated_uuid_ != record.uuid || validated_edits_ != edits_ || validated_form_ != &form) {
    if (validated_uuid_ != record.uuid) Reset();
    static const ValidationContext kNone;
    Revalidate(form, record, env.validation ? *env.validation : kNone);
  }
  bool changed = false;
  BeginCard("summary");
  ScreenTitle(form.title.c_str());
  if (!form.description.empty()) Muted("%s", form.description.c_str());
  if (!form.follows.empty()) Muted("依据：%s", form.follows.c_str());
  DrawSummary();
  EndCard();
  const float label_w = Em() * 7.5f;
  FieldEnv fe = env;
  fe.form = &form;
  for (size_t s = 0; s < form.sections.size(); ++s) {
    const SectionDef& sec = form.sections[s];
    BeginCard(("section" + std::to_string(s)).c_str());
    SubHeading(sec.title.c_str());
    if (!sec.note.empty()) Muted("%s", sec.note.c_str());
    ImGui::Dummy(ImVec2(0, Em() * 0.2f));
    for (const FieldDef& f : sec.fields) changed |= DrawField(f, record, fe, label_w);
    EndCard();
  }
  if (changed) ++edits_;
  return changed;
}

}  // namespace lw::ui
