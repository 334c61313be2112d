// migrate.h — brings a draft made with an older form definition up to the current version,
// field by field, and records what changed so the user can be told (nothing is silently lost).
// Also the difference between two definitions of one form, as a list a UI can show before a
// new version of a campaign package replaces the old one.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "form_def.h"
#include "record.h"

namespace lw {

// Returns true when the record changed. Afterwards record.form_version == form.version and
// record.migrated describes the steps: {"from", "to", "notes": [...], "renamed": {old: new},
// "removed": {field: value}, "unknown": {field: value}, "retyped": {field: value},
// "options": {field: value}} (values kept aside, never dropped). Besides the form's recorded
// steps, every value is made to fit the current definition: a value of another type is
// converted where that loses nothing (整数 → 文本, 单选 → 多选, one choice of a 多选 → 单选), else
// kept aside under "retyped"; a choice no longer offered is kept aside under "options"; a table
// row's unknown columns go to "unknown" as "table[row].column". Each value kept aside under
// "retyped" or "options" also gets a line in "notes", which every UI shows.
bool MigrateRecord(const FormDef& form, Record& record);

// --- Differences between two definitions of one form -------------------------------------------

enum class FieldChangeKind {
  Added,           // 新增
  Removed,         // 取消 (values are kept aside when drafts migrate)
  Renamed,         // its id changed (recorded in the new definition's migrations)
  Retyped,         // its type changed
  Relabeled,       // only what it is called changed
  OptionsChanged,  // choices added or taken away
  RequiredChanged,
  LimitsChanged,  // 字数, range, rows, pattern
};

struct FieldChange {
  FieldChangeKind kind = FieldChangeKind::Added;
  std::string field;      // id in the new definition ("people.mobile": a table's column); Removed: the old id
  std::string old_field;  // Renamed: the id before
  std::string label;      // what the user sees (Removed: the old label); a column: "联系人 · 电话"
  std::string old_label;  // Relabeled, Renamed
  FieldType type = FieldType::Text, old_type = FieldType::Text;  // Retyped (and Added: its type)
  std::vector<std::string> options_added, options_removed;       // OptionsChanged
  std::string text;                                              // the change in one Chinese sentence
};

struct FormChanges {
  std::string form, title;  // id, and the title of the newer definition (of the older when removed)
  int from = 0, to = 0;     // versions; from 0: the form is new, to 0: it is no longer offered
  std::vector<FieldChange> fields;
  bool added() const { return from == 0; }
  bool removed() const { return to == 0; }
  // "「百姓学习之星推荐表」第 1 版 → 第 2 版：新增 1 个字段，取消 1 个字段" (or 新增表格 / 不再提供).
  std::string Summary() const;
};

// Field by field, in the newer definition's order (what was removed last). Renames are read from
// the newer definition's migrations between the two versions; without one, a changed id shows as
// one field removed and one added. Either pointer may be null (a form added or taken away).
FormChanges DiffForms(const FormDef* before, const FormDef* after);

// The step a new version of a form records so drafts follow it: from before.version to
// before.version + 1, with the given renames (old id → new id) and every other field of `before`
// that `after` no longer has as removed; the note sums up the change. Set after.version to
// before.version + 1 and append the step to after.migrations (what a form editor does on save).
Migration MigrationBetween(const FormDef& before, const FormDef& after,
                           const std::vector<std::pair<std::string, std::string>>& renamed);

}  // namespace lw
