// form_view.h — draws any form definition for one record: cards per section, a label column,
// messages beside each field as you type (a new problem once the field is left), and a summary
// ("3 处需要修改") that jumps to each.
#pragma once
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "field_widgets.h"
#include "form_def.h"
#include "record.h"
#include "validate.h"

namespace lw::ui {

class FormView {
 public:
  // Draws photo fields (they need textures the form view does not own).
  std::function<bool(const FieldDef&, nlohmann::json&, const FieldEnv&)> draw_photos;

  // Returns true when the record's values changed this frame.
  bool Draw(const FormDef& form, Record& record, const FieldEnv& env);
  const std::vector<Issue>& issues() const { return issues_; }
  void Revalidate(const FormDef& form, const Record& record, const ValidationContext& ctx);
  void ShowAll() { show_all_ = true; }
  // Warnings that block nothing, beside a top-level field (field id → text): set before Draw.
  std::map<std::string, std::string> warnings;
  // No "√ 全部填写正确" (the package editor, whose own checks of a form are listed beside it).
  bool quiet_when_valid = false;
  void Reset();  // another record was opened

 private:
  void DrawSummary();
  bool DrawField(const FieldDef& f, Record& record, const FieldEnv& env, float label_w);
  bool Visible(const Issue& i, const Record& record) const;
  bool HeldBack(const FieldDef& f, const Issue& i, const nlohmann::json& value) const;
  void TrackEditing(const FieldDef& f, bool active, const std::vector<const Issue*>& shown);

  std::vector<Issue> issues_;
  std::string validated_uuid_;
  const FormDef* validated_form_ = nullptr;  // rules differ per issuer: revalidate when it changes
  unsigned edits_ = 0, validated_edits_ = ~0u;
  std::set<std::string> touched_;
  bool show_all_ = false;
  bool summary_open_ = false;
  std::string jump_to_;  // top-level field id to scroll to on the next frames
  static constexpr int kJumpFrames = 4;
  int jump_frames_ = 0;                    // frames left to hold it there (the focus change scrolls as well)
  std::string editing_;                    // the field being typed into (as of the last frame)
  std::set<std::string> flagged_at_edit_;  // its issue paths already shown when typing began
};

}  // namespace lw::ui
