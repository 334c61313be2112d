// package_editor.h — what a coordinator edits to hand down a year's notice: a campaign and the
// forms it brings, kept as a draft on the device until it is written as a campaign package.
//
// The editors are forms of the app's own (CampaignEditorForm, FormEditorForm), drawn, checked as
// you type and kept by the same engine as every form a unit fills. The form editor's table of
// fields has the columns of a form spreadsheet (form_sheet.h: 字段标识, 标题, 类型, 必填, 字数上限,
// 选项, 说明), so a form typed in the app and one read from Excel or WPS are converted, and
// refused, by the same code, and a spreadsheet can be read straight into the editor.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "campaign_package.h"
#include "form_def.h"
#include "form_sheet.h"

namespace lw {

constexpr const char* kPackageDraftFile = "package_draft.json";  // in the workspace folder

// One form of the package being written: the form editor's values, and the id it keeps.
struct FormDraft {
  std::string id;  // the form's id, fixed when the draft is made (bundles name records by it)
  nlohmann::json values = nlohmann::json::object();
  // The definition it started from (a library form copied, or the package's installed version):
  // what the spreadsheet columns cannot say (integer ranges, patterns, prefills, row limits) is
  // kept from it for the fields that keep their id and type.
  std::optional<FormDef> base;
};

struct PackageDraft {
  nlohmann::json campaign = nlohmann::json::object();  // CampaignEditorForm's values
  std::vector<FormDraft> forms;
};

nlohmann::json PackageDraftToJson(const PackageDraft& d);
PackageDraft PackageDraftFromJson(const nlohmann::json& j);  // never throws; unreadable parts empty

// The campaign editor. `form_titles` are what a requirement may ask for (the drafted forms and
// the library's), offered by title; a title given twice is offered once.
FormDef CampaignEditorForm(const std::vector<std::string>& form_titles);
// The form editor: title, kind, and one row per field in the spreadsheet's columns.
FormDef FormEditorForm();

// A form as the form editor's values (its fields as spreadsheet rows, sections as 分节 rows).
nlohmann::json FormEditorValues(const FormDef& form);
// The editor's values as a form, through the spreadsheet's checks. Messages name the row of the
// editor's table ("第 3 行：…").
SheetRead FormFromEditor(const FormDraft& draft);
// A blank form draft with a fresh id (a random suffix: two coordinators' forms never clash).
FormDraft NewFormDraft(const std::string& random_hex);
// A copy of a library form to change: a new id, "（副本）" after its title.
FormDraft CopyFormDraft(const FormDef& form, const std::string& random_hex);

// The package's id: one per year and issuing region ("2026-140000"), so each year's next version
// replaces the one before.
std::string PackageIdFor(const nlohmann::json& campaign_values);

// A problem that stops the build, and where in the editor it is (the editor links to it).
struct BuildError {
  std::string text;  // Chinese: the part, then the problem
  int form = -1;     // index of the form draft it is in; -1: 活动信息 or the package as a whole
};

struct PackageBuild {
  std::optional<CampaignPackage> package;
  std::string bytes;  // the package file, as WritePackage writes it
  std::vector<BuildError> errors;
};
// The draft as a package. `library` holds the forms a requirement may name; `installed` is the
// package of the same id already on this device: the new one is its next version, and a form
// whose content changed gets its next version with the migration drafts follow.
PackageBuild BuildPackage(const PackageDraft& d, const FormLibrary& library, const CampaignPackage* installed,
                          const std::string& created);

// An installed package as a draft, to write its next version.
PackageDraft DraftFromPackage(const CampaignPackage& p);

}  // namespace lw
