// form_def.cpp — parsing and checking of form definitions (see form_def.h).
#include "form_def.h"

#include <algorithm>
#include <regex>
#include <set>

#include "text_file.h"

namespace lw {

using nlohmann::json;

namespace {

struct TypeName {
  FieldType type;
  const char* name;   // as definitions spell it
  const char* title;  // as people call it
};
constexpr TypeName kTypeNames[] = {
    {FieldType::Text, "text", "文本"},           {FieldType::TextArea, "textarea", "多行文本"},
    {FieldType::Integer, "integer", "整数"},     {FieldType::Date, "date", "日期"},
    {FieldType::Choice, "choice", "单选"},       {FieldType::MultiChoice, "multichoice", "多选"},
    {FieldType::Region, "region", "地区"},       {FieldType::Phone, "phone", "电话"},
    {FieldType::Email, "email", "电子邮箱"},     {FieldType::Url, "url", "网址"},
    {FieldType::IdCard, "idcard", "身份证号码"}, {FieldType::Photos, "photos", "照片"},
    {FieldType::Table, "table", "表格"},         {FieldType::Matrix, "matrix", "统计表"},
    {FieldType::Computed, "computed", "合计"},
};

const std::set<std::string> kFieldKeys = {
    "id",      "label",   "type",    "required",       "hint",    "help",       "minChars",  "maxChars",
    "min",     "max",     "pattern", "patternMessage", "options", "prefill",    "precision", "inCampaignWindow",
    "minRows", "maxRows", "columns", "rows",           "themes",  "extendable", "sumOf",     "captionMaxChars",
    "wide"};
const std::set<std::string> kFormKeys = {"$schema", "id",      "version",     "title",    "shortTitle",
                                         "kind",    "follows", "description", "sections", "migrations"};
const std::set<std::string> kKinds = {"person", "project", "unit", "report", "statistics", "material", "profile"};
const std::regex kIdPattern("^[a-z][a-z0-9_]*$");
constexpr size_t kMaxPatternChars = 100;

// Collects errors with a location prefix; the parser keeps going to report them all at once.
// Locations are Chinese ("第 1 节第 3 个字段（name）"): coordinators read them in the form editor,
// not only developers in a file. The prefix names the file ("star.json ") or the part of a
// campaign package ("活动包第 2 张表格「…」").
class Checker {
 public:
  explicit Checker(std::string prefix) : prefix_(std::move(prefix)) {}
  void Error(const std::string& where, const std::string& what) {
    std::string head = prefix_ + where;
    while (!head.empty() && head.back() == ' ') head.pop_back();
    errors_.push_back(head.empty() ? what : head + "：" + what);
  }
  std::vector<std::string>& errors() { return errors_; }

  std::string Str(const json& j, const char* key, const std::string& where, bool required) {
    if (!j.contains(key)) {
      if (required) Error(where, std::string("缺少 \"") + key + "\"");
      return {};
    }
    if (!j[key].is_string()) {
      Error(where, std::string("\"") + key + "\" 必须是字符串");
      return {};
    }
    return j[key].get<std::string>();
  }
  bool Bool(const json& j, const char* key, const std::string& where) {
    if (!j.contains(key)) return false;
    if (!j[key].is_boolean()) {
      Error(where, std::string("\"") + key + "\" 必须是 true 或 false");
      return false;
    }
    return j[key].get<bool>();
  }
  std::optional<long long> Int(const json& j, const char* key, const std::string& where) {
    if (!j.contains(key)) return std::nullopt;
    if (!j[key].is_number_integer()) {
      Error(where, std::string("\"") + key + "\" 必须是整数");
      return std::nullopt;
    }
    return j[key].get<long long>();
  }
  std::vector<std::string> Strings(const json& j, const char* key, const std::string& where) {
    std::vector<std::string> out;
    if (!j.contains(key)) return out;
    if (!j[key].is_array()) {
      Error(where, std::string("\"") + key + "\" 必须是字符串数组");
      return out;
    }
    for (const json& v : j[key]) {
      if (v.is_string())
        out.push_back(v.get<std::string>());
      else
        Error(where, std::string("\"") + key + "\" 只能包含字符串");
    }
    return out;
  }
  void UnknownKeys(const json& j, const std::set<std::string>& allowed, const std::string& where) {
    for (auto it = j.begin(); it != j.end(); ++it)
      if (!allowed.count(it.key())) Error(where, "未知属性 \"" + it.key() + "\"（拼写错误？）");
  }

 private:
  std::string prefix_;
  std::vector<std::string> errors_;
};

FieldDef ParseField(Checker& c, const json& j, const std::string& where);

// `key` is the member the list came from (for the message), `noun` what one entry is called
// there: 个字段 in a section, 列 of a table, 行 of a statistics matrix.
void ParseFieldList(Checker& c, const json& arr, const std::string& where, const char* key, const char* noun,
                    std::vector<FieldDef>& out) {
  if (!arr.is_array()) {
    c.Error(where, std::string("\"") + key + "\" 必须是数组");
    return;
  }
  for (size_t i = 0; i < arr.size(); ++i)
    out.push_back(ParseField(c, arr[i], where + "第 " + std::to_string(i + 1) + " " + noun));
}

void CheckFieldSemantics(Checker& c, const FieldDef& f, const std::string& at) {
  const bool choice = f.type == FieldType::Choice || f.type == FieldType::MultiChoice;
  if (choice && f.options.empty()) c.Error(at, "选择题必须列出 \"options\"");
  if (!choice && !f.options.empty()) c.Error(at, "只有 choice/multichoice 可以有 \"options\"");
  if (f.min_chars && *f.min_chars < 0) c.Error(at, "\"minChars\" 不能为负数");
  if (f.max_chars && *f.max_chars <= 0) c.Error(at, "\"maxChars\" 必须是正整数");
  if (f.min_chars && f.max_chars && *f.min_chars > *f.max_chars) c.Error(at, "\"minChars\" 大于 \"maxChars\"");
  if (f.min && f.max && *f.min > *f.max) c.Error(at, "\"min\" 大于 \"max\"");
  if (f.precision != "day" && f.precision != "month") c.Error(at, "\"precision\" 只能是 \"day\" 或 \"month\"");
  if (f.type == FieldType::Table && f.columns.empty()) c.Error(at, "表格必须有 \"columns\"");
  if (f.type == FieldType::Matrix && (f.columns.empty() || f.themes.empty()))
    c.Error(at, "统计表必须有 \"rows\" 和 \"themes\"");
  if (f.type == FieldType::Computed && f.sum_of.find('.') == std::string::npos)
    c.Error(at, "合计字段需要 \"sumOf\": \"表格字段.列\"");
  if (f.min_rows > f.max_rows) c.Error(at, "\"minRows\" 大于 \"maxRows\"");
  if (!f.prefill.empty() && f.prefill.rfind("profile.", 0) != 0) c.Error(at, "\"prefill\" 必须以 \"profile.\" 开头");
  // std::regex compiles and matches recursively: a long pattern from a campaign package could
  // exhaust the browser's stack. Patterns are short (an area code, a number format).
  if (f.pattern.size() > kMaxPatternChars) {
    c.Error(at, "\"pattern\" 过长（不能超过 " + std::to_string(kMaxPatternChars) + " 个字符）");
  } else if (!f.pattern.empty()) {
    try {
      std::regex re(f.pattern);
    } catch (const std::regex_error&) {
      c.Error(at, "\"pattern\" 不是有效的正则表达式");
    }
  }
}

FieldDef ParseField(Checker& c, const json& j, const std::string& where) {
  FieldDef f;
  if (!j.is_object()) {
    c.Error(where, "字段必须是对象");
    return f;
  }
  f.id = c.Str(j, "id", where, true);
  const std::string at = where + (f.id.empty() ? "" : "（" + f.id + "）");
  if (!f.id.empty() && !std::regex_match(f.id, kIdPattern)) c.Error(at, "\"id\" 只能用小写字母、数字和下划线");
  c.UnknownKeys(j, kFieldKeys, at);
  f.label = c.Str(j, "label", at, true);
  const std::string type = c.Str(j, "type", at, true);
  if (auto t = FieldTypeFromName(type))
    f.type = *t;
  else if (!type.empty())
    c.Error(at, "未知类型 \"" + type + "\"");
  f.required = c.Bool(j, "required", at);
  f.hint = c.Str(j, "hint", at, false);
  f.help = c.Str(j, "help", at, false);
  if (auto v = c.Int(j, "minChars", at)) f.min_chars = static_cast<int>(*v);
  if (auto v = c.Int(j, "maxChars", at)) f.max_chars = static_cast<int>(*v);
  f.min = c.Int(j, "min", at);
  f.max = c.Int(j, "max", at);
  f.pattern = c.Str(j, "pattern", at, false);
  f.pattern_message = c.Str(j, "patternMessage", at, false);
  f.options = c.Strings(j, "options", at);
  f.prefill = c.Str(j, "prefill", at, false);
  if (j.contains("precision")) f.precision = c.Str(j, "precision", at, false);
  f.in_campaign_window = c.Bool(j, "inCampaignWindow", at);
  if (auto v = c.Int(j, "minRows", at)) f.min_rows = static_cast<int>(*v);
  if (auto v = c.Int(j, "maxRows", at)) f.max_rows = static_cast<int>(*v);
  if (j.contains("columns")) ParseFieldList(c, j["columns"], at, "columns", "列", f.columns);
  if (j.contains("rows")) ParseFieldList(c, j["rows"], at, "rows", "行", f.columns);
  f.themes = c.Strings(j, "themes", at);
  f.extendable = c.Bool(j, "extendable", at);
  f.sum_of = c.Str(j, "sumOf", at, false);
  if (auto v = c.Int(j, "captionMaxChars", at)) f.caption_max_chars = static_cast<int>(*v);
  f.wide = c.Bool(j, "wide", at);
  CheckFieldSemantics(c, f, at);
  return f;
}

void CheckUniqueIds(Checker& c, const std::vector<FieldDef>& fields, const std::string& where) {
  std::set<std::string> seen;
  for (const FieldDef& f : fields) {
    if (!f.id.empty() && !seen.insert(f.id).second) c.Error(where, "字段 id \"" + f.id + "\" 重复");
    if (!f.columns.empty()) CheckUniqueIds(c, f.columns, where + "字段（" + f.id + "）");
  }
}

// sumOf must name a numeric column of a table, or a numeric row of a matrix, in the same form.
void CheckComputed(Checker& c, const FormDef& form) {
  for (const FieldDef* f : form.AllFields()) {
    if (f->type != FieldType::Computed) continue;
    const auto dot = f->sum_of.find('.');
    if (dot == std::string::npos) continue;
    const FieldDef* group = form.Find(f->sum_of.substr(0, dot));
    const std::string col = f->sum_of.substr(dot + 1);
    const auto numeric = [&](const FieldDef& g) {
      return std::any_of(g.columns.begin(), g.columns.end(),
                         [&](const FieldDef& x) { return x.id == col && x.type == FieldType::Integer; });
    };
    if (!group || (group->type != FieldType::Table && group->type != FieldType::Matrix) || !numeric(*group))
      c.Error("字段（" + f->id + "）", "\"sumOf\": \"" + f->sum_of + "\" 不是本表中的整数列");
  }
}

void ParseMigrations(Checker& c, const json& j, FormDef& form) {
  if (!j.contains("migrations")) return;
  if (!j["migrations"].is_array()) {
    c.Error("版本迁移", "必须是数组");
    return;
  }
  for (const json& m : j["migrations"]) {
    Migration mig;
    mig.from = static_cast<int>(c.Int(m, "from", "版本迁移").value_or(0));
    mig.to = static_cast<int>(c.Int(m, "to", "版本迁移").value_or(0));
    mig.note = c.Str(m, "note", "版本迁移", false);
    mig.removed = c.Strings(m, "removed", "版本迁移");
    if (m.contains("renamed") && m["renamed"].is_object())
      for (auto it = m["renamed"].begin(); it != m["renamed"].end(); ++it)
        if (it.value().is_string()) mig.renamed.emplace_back(it.key(), it.value().get<std::string>());
    if (mig.from <= 0 || mig.to != mig.from + 1 || mig.to > form.version)
      c.Error("版本迁移", "版本步骤 " + std::to_string(mig.from) + "→" + std::to_string(mig.to) + " 无效");
    for (const auto& [from, to] : mig.renamed)
      if (!form.Find(to)) c.Error("版本迁移", "改名目标 \"" + to + "\" 不是本版本的字段");
    form.migrations.push_back(std::move(mig));
  }
}

}  // namespace

std::optional<FieldType> FieldTypeFromName(const std::string& name) {
  for (const auto& tn : kTypeNames)
    if (name == tn.name) return tn.type;
  return std::nullopt;
}

const char* FieldTypeName(FieldType type) {
  for (const auto& tn : kTypeNames)
    if (type == tn.type) return tn.name;
  return "";
}

const char* FieldTypeTitle(FieldType type) {
  for (const auto& tn : kTypeNames)
    if (type == tn.type) return tn.title;
  return "";
}

std::vector<FieldType> AllFieldTypes() {
  std::vector<FieldType> out;
  for (const auto& tn : kTypeNames) out.push_back(tn.type);
  return out;
}

const FieldDef* FormDef::Find(const std::string& field_id) const {
  for (const SectionDef& s : sections)
    for (const FieldDef& f : s.fields)
      if (f.id == field_id) return &f;
  return nullptr;
}

std::vector<const FieldDef*> FormDef::AllFields() const {
  std::vector<const FieldDef*> out;
  for (const SectionDef& s : sections)
    for (const FieldDef& f : s.fields) out.push_back(&f);
  return out;
}

FormLoadResult ParseFormDef(const std::string& json_text, const std::string& file_name) {
  const json j = json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return {std::nullopt, {file_name + "：不是有效的 JSON"}};
  return ParseFormDefJson(j, file_name + " ");
}

FormLoadResult ParseFormDefJson(const json& j, const std::string& prefix) {
  FormLoadResult result;
  Checker c(prefix);
  if (!j.is_object()) {
    c.Error("", "顶层必须是对象");
    result.errors = std::move(c.errors());
    return result;
  }
  FormDef form;
  c.UnknownKeys(j, kFormKeys, "");
  form.id = c.Str(j, "id", "", true);
  if (!form.id.empty() && !std::regex_match(form.id, kIdPattern)) c.Error("表格标识", "只能用小写字母、数字和下划线");
  form.version = static_cast<int>(c.Int(j, "version", "").value_or(0));
  if (form.version <= 0) c.Error("版本", "必须是正整数");
  form.title = c.Str(j, "title", "", true);
  form.short_title = c.Str(j, "shortTitle", "", false);
  if (form.short_title.empty()) form.short_title = form.title;
  form.kind = c.Str(j, "kind", "", true);
  if (!form.kind.empty() && !kKinds.count(form.kind)) c.Error("类别", "未知类别 \"" + form.kind + "\"");
  form.follows = c.Str(j, "follows", "", true);
  form.description = c.Str(j, "description", "", false);
  if (!j.contains("sections") || !j["sections"].is_array() || j["sections"].empty()) {
    c.Error("分节", "至少需要一个分节");
  } else {
    for (size_t i = 0; i < j["sections"].size(); ++i) {
      const json& s = j["sections"][i];
      const std::string where = "第 " + std::to_string(i + 1) + " 节";
      SectionDef sec;
      if (!s.is_object()) {
        c.Error(where, "必须是对象");
        continue;
      }
      sec.title = c.Str(s, "title", where, true);
      sec.note = c.Str(s, "note", where, false);
      if (s.contains("fields"))
        ParseFieldList(c, s["fields"], where, "fields", "个字段", sec.fields);
      else
        c.Error(where, "缺少 \"fields\"");
      form.sections.push_back(std::move(sec));
    }
  }
  std::vector<FieldDef> top;
  for (const SectionDef& s : form.sections) top.insert(top.end(), s.fields.begin(), s.fields.end());
  CheckUniqueIds(c, top, "");
  CheckComputed(c, form);
  ParseMigrations(c, j, form);
  result.errors = std::move(c.errors());
  if (result.errors.empty()) result.form = std::move(form);
  return result;
}

// The inverse of ParseField: members at their defaults are left out, so a shipped definition
// written back reads like its file.
json FieldDefToJson(const FieldDef& f) {
  json j = {{"id", f.id}, {"label", f.label}, {"type", FieldTypeName(f.type)}};
  if (f.required) j["required"] = true;
  if (!f.hint.empty()) j["hint"] = f.hint;
  if (!f.help.empty()) j["help"] = f.help;
  if (f.min_chars) j["minChars"] = *f.min_chars;
  if (f.max_chars) j["maxChars"] = *f.max_chars;
  if (f.min) j["min"] = *f.min;
  if (f.max) j["max"] = *f.max;
  if (!f.pattern.empty()) j["pattern"] = f.pattern;
  if (!f.pattern_message.empty()) j["patternMessage"] = f.pattern_message;
  if (!f.options.empty()) j["options"] = f.options;
  if (!f.prefill.empty()) j["prefill"] = f.prefill;
  if (f.precision != "day") j["precision"] = f.precision;
  if (f.in_campaign_window) j["inCampaignWindow"] = true;
  if (f.min_rows != 0) j["minRows"] = f.min_rows;
  if (f.max_rows != FieldDef{}.max_rows) j["maxRows"] = f.max_rows;
  if (!f.columns.empty()) {
    json cols = json::array();
    for (const FieldDef& col : f.columns) cols.push_back(FieldDefToJson(col));
    j[f.type == FieldType::Matrix ? "rows" : "columns"] = std::move(cols);  // a matrix's "columns" are its rows
  }
  if (!f.themes.empty()) j["themes"] = f.themes;
  if (f.extendable) j["extendable"] = true;
  if (!f.sum_of.empty()) j["sumOf"] = f.sum_of;
  if (f.caption_max_chars != 0) j["captionMaxChars"] = f.caption_max_chars;
  if (f.wide) j["wide"] = true;
  return j;
}

std::vector<std::string> CheckFieldJson(const json& field, const std::string& where) {
  Checker c("");
  ParseField(c, field, where);
  return std::move(c.errors());
}

json FormDefToJson(const FormDef& form) {
  json j = {{"id", form.id},     {"version", form.version}, {"title", form.title},
            {"kind", form.kind}, {"follows", form.follows}, {"sections", json::array()}};
  if (form.short_title != form.title) j["shortTitle"] = form.short_title;
  if (!form.description.empty()) j["description"] = form.description;
  for (const SectionDef& s : form.sections) {
    json sj = {{"title", s.title}, {"fields", json::array()}};
    if (!s.note.empty()) sj["note"] = s.note;
    for (const FieldDef& f : s.fields) sj["fields"].push_back(FieldDefToJson(f));
    j["sections"].push_back(std::move(sj));
  }
  if (!form.migrations.empty()) {
    json ms = json::array();
    for (const Migration& m : form.migrations) {
      json mj = {{"from", m.from}, {"to", m.to}};
      if (!m.note.empty()) mj["note"] = m.note;
      if (!m.removed.empty()) mj["removed"] = m.removed;
      if (!m.renamed.empty()) {
        mj["renamed"] = json::object();
        for (const auto& [from, to] : m.renamed) mj["renamed"][from] = to;
      }
      ms.push_back(std::move(mj));
    }
    j["migrations"] = std::move(ms);
  }
  return j;
}

const FormDef* FormLibrary::Find(const std::string& form_id) const {
  for (const FormDef& f : forms)
    if (f.id == form_id) return &f;
  return nullptr;
}

const PackageRef* FormLibrary::FindPackage(const std::string& package_id) const {
  for (const PackageRef& p : packages)
    if (p.id == package_id) return &p;
  return nullptr;
}

FormLibrary LoadFormLibrary(const std::string& dir) {
  FormLibrary lib;
  bool ok = false;
  const auto files = JsonFilesIn(dir, &ok);
  if (!ok) {
    lib.errors.push_back(dir + "：无法读取表单目录");
    return lib;
  }
  std::set<std::string> ids;
  for (const auto& p : files) {
    FormLoadResult r = ParseFormDef(ReadTextFile(p), p.filename().string());
    lib.errors.insert(lib.errors.end(), r.errors.begin(), r.errors.end());
    if (!r.form) continue;
    if (!ids.insert(r.form->id).second) {
      lib.errors.push_back(p.filename().string() + "：表单 id \"" + r.form->id + "\" 与其他文件重复");
      continue;
    }
    lib.forms.push_back(std::move(*r.form));
  }
  return lib;
}

}  // namespace lw
