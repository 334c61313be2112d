// form_def.h — form definitions loaded from assets/forms/*.json. A form is data: the UI draws
// whatever a definition lists, so a province can add its own table without touching code.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "package_ref.h"

namespace lw {

enum class FieldType {
  Text,      // single line
  TextArea,  // multi-line, wrapped, live 字数
  Integer,
  Date,         // "YYYY-MM-DD", or "YYYY-MM" with precision "month"
  Choice,       // one of options
  MultiChoice,  // several of options
  Region,       // GB/T 2260 code, province → city → county
  Phone,        // 11-digit mobile or landline such as 0471-2857047
  Email,
  Url,
  IdCard,    // 18-digit 公民身份号码 with the GB 11643 check digit
  Photos,    // captioned photos: [{sha256, name, mime, caption}]
  Table,     // repeat group: rows of `columns`
  Matrix,    // Shanxi-style statistics: one column per activity (theme), fixed rows, both extendable
  Computed,  // read-only total of a numeric column of a table or a matrix row
};

std::optional<FieldType> FieldTypeFromName(const std::string& name);
const char* FieldTypeName(FieldType type);   // "text", "textarea", … as definitions spell it
const char* FieldTypeTitle(FieldType type);  // "文本", "多行文本", … as people call it
std::vector<FieldType> AllFieldTypes();      // every type the engine draws and checks

struct FieldDef {
  std::string id;
  std::string label;
  FieldType type = FieldType::Text;
  bool required = false;
  std::string hint;  // placeholder / example
  std::string help;  // one line under the field
  std::optional<int> min_chars, max_chars;
  std::optional<long long> min, max;  // integer range
  std::string pattern, pattern_message;
  std::vector<std::string> options;
  std::string prefill;               // "profile.<field>": copied from the unit profile when a draft is created
  std::string precision = "day";     // Date: "day" or "month"
  bool in_campaign_window = false;   // Date must lie inside the campaign's activity window
  int min_rows = 0, max_rows = 500;  // Table, Photos (count of photos), Matrix (columns)
  std::vector<FieldDef> columns;     // Table: the fields of one row; Matrix: the rows (!)
  std::vector<std::string> themes;   // Matrix: one initial column per theme
  bool extendable = false;           // Matrix: user may add rows and columns ("此表可加列、加行")
  std::string sum_of;                // Computed: "table_id.column_id" or "matrix_id.row_id"
  int caption_max_chars = 0;         // Photos
  bool wide = false;                 // UI hint: use the full width
};

struct SectionDef {
  std::string title;
  std::string note;
  std::vector<FieldDef> fields;
};

// One step of a form's history, so drafts made with an older version still open.
struct Migration {
  int from = 0, to = 0;
  std::vector<std::pair<std::string, std::string>> renamed;  // old id → new id
  std::vector<std::string> removed;                          // kept aside, shown to the user
  std::string note;                                          // what changed, in Chinese
};

struct FormDef {
  std::string id;
  int version = 1;
  std::string title;        // 全称, e.g. “百姓学习之星”推荐表
  std::string short_title;  // for lists and the checklist
  std::string kind;         // person | project | unit | report | statistics | material | profile
  std::string follows;      // the notice (and attachment) this form follows
  std::string description;
  std::vector<SectionDef> sections;
  std::vector<Migration> migrations;
  std::string package;  // id of the campaign package it came from ("" = shipped with the app)

  const FieldDef* Find(const std::string& id) const;
  std::vector<const FieldDef*> AllFields() const;
};

struct FormLoadResult {
  std::optional<FormDef> form;
  std::vector<std::string> errors;  // "文件 第 1 节第 3 个字段（name）：问题" — precise enough to fix it
};

// Parses and checks a definition. Never throws; every problem is listed.
FormLoadResult ParseFormDef(const std::string& json_text, const std::string& file_name);
// The same checks on a parsed definition; each message starts with `prefix` (a campaign package
// names its part: "活动包第 2 张表格「…」").
FormLoadResult ParseFormDefJson(const nlohmann::json& j, const std::string& prefix);
// A definition as JSON, the shape ParseFormDef reads (members at their defaults left out).
nlohmann::json FormDefToJson(const FormDef& form);
nlohmann::json FieldDefToJson(const FieldDef& field);
// The checks ParseFormDef applies to one field (and its columns) alone, located at `where`
// ("第 4 行" of a spreadsheet: "第 4 行（mode）：…"). Checks across fields need the whole form.
std::vector<std::string> CheckFieldJson(const nlohmann::json& field, const std::string& where);

// Loads every *.json in dir (sorted by name). Broken files are reported, the rest still load.
struct FormLibrary {
  std::vector<FormDef> forms;
  std::vector<std::string> errors;
  std::vector<PackageRef> packages;  // the campaign packages merged in (package_library.h), by id
  const FormDef* Find(const std::string& id) const;
  const PackageRef* FindPackage(const std::string& id) const;
};
FormLibrary LoadFormLibrary(const std::string& dir);

}  // namespace lw
