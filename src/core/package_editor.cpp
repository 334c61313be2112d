// package_editor.cpp — see package_editor.h.
#include "package_editor.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include "migrate.h"
#include "validate.h"

namespace lw {

using nlohmann::json;

namespace {

FieldDef Field(const char* id, const char* label, FieldType type, bool required, const char* hint = "",
               const char* help = "") {
  FieldDef f;
  f.id = id;
  f.label = label;
  f.type = type;
  f.required = required;
  f.hint = hint;
  f.help = help;
  return f;
}

FieldDef Limited(FieldDef f, int max_chars) {
  f.max_chars = max_chars;
  return f;
}

FieldDef Counted(FieldDef f, long long min, long long max) {
  f.min = min;
  f.max = max;
  return f;
}

FieldDef Choice(FieldDef f, std::vector<std::string> options) {
  f.options = std::move(options);
  return f;
}

// The form kinds by what a coordinator calls them (FormDef::kind spells them in English).
constexpr std::pair<const char*, const char*> kKinds[] = {
    {"person", "人物推荐"}, {"project", "项目推荐"},  {"unit", "单位推荐"},
    {"report", "情况报告"}, {"statistics", "统计表"}, {"material", "材料"},
};

std::string KindTitle(const std::string& kind) {
  for (const auto& [k, title] : kKinds)
    if (kind == k) return title;
  return "情况报告";
}

std::string KindFromTitle(const std::string& title) {
  for (const auto& [k, t] : kKinds)
    if (title == t) return k;
  return "report";
}

std::string Str(const json& values, const char* key) {
  const auto it = values.find(key);
  return it != values.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string Cell(const json& row, const char* key) {
  const auto it = row.find(key);
  if (it == row.end()) return {};
  if (it->is_number_integer()) return std::to_string(it->get<long long>());
  return it->is_string() ? it->get<std::string>() : std::string();
}

std::string Join(const std::vector<std::string>& parts, const char* sep) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : sep) + p;
  return out;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  size_t at = 0;
  while (at <= text.size()) {
    size_t end = text.find('\n', at);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(at, end - at);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (!line.empty()) out.push_back(line);
    at = end + 1;
  }
  return out;
}

// Options in one cell as the spreadsheet's reader splits them again: by 、, or one per line when
// an option holds a separator itself (“学习型城市（乡村、社区）建设”).
std::string JoinOptions(const std::vector<std::string>& options) {
  const bool plain = std::none_of(options.begin(), options.end(), [](const std::string& o) {
    return o.find_first_of(";|") != std::string::npos || o.find("、") != std::string::npos ||
           o.find("；") != std::string::npos || o.find("｜") != std::string::npos;
  });
  return Join(options, plain ? "、" : "\n");
}

// The spreadsheet's 类型 for a field (form_sheet.h).
std::string SheetType(const FieldDef& f) {
  if (f.type == FieldType::Date && f.precision == "month") return "年月";
  return FieldTypeTitle(f.type);
}

std::vector<std::string> EditorTypeNames() {
  std::vector<std::string> out = {"分节"};
  for (FieldType t : AllFieldTypes()) {
    out.push_back(FieldTypeTitle(t));
    if (t == FieldType::Date) out.push_back("年月");
  }
  return out;
}

json FieldRow(const FieldDef& f, const std::string& id) {
  json row = {{"id", id}, {"label", f.label}, {"type", SheetType(f)}, {"required", f.required ? "是" : "否"}};
  if (f.type == FieldType::Photos && f.caption_max_chars) row["max_chars"] = f.caption_max_chars;
  if (f.max_chars && (f.type == FieldType::Text || f.type == FieldType::TextArea)) row["max_chars"] = *f.max_chars;
  if (!f.options.empty()) row["options"] = JoinOptions(f.options);
  if (!f.themes.empty()) row["options"] = JoinOptions(f.themes);
  if (!f.sum_of.empty()) row["options"] = f.sum_of;
  if (!f.help.empty()) row["help"] = f.help;
  if (!f.prefill.empty()) row["prefill"] = PrefillTitle(f.prefill);
  return row;
}

// What the spreadsheet cannot say, taken from the field it started as (same id, same type).
void KeepBase(FieldDef& f, const FieldDef& was) {
  if (f.type != was.type) return;
  f.min = was.min;
  f.max = was.max;
  f.min_chars = was.min_chars;
  f.pattern = was.pattern;
  f.pattern_message = was.pattern_message;
  f.hint = was.hint;
  f.in_campaign_window = was.in_campaign_window;
  f.min_rows = was.min_rows;
  f.max_rows = was.max_rows;
  f.extendable = was.extendable;
  f.wide = was.wide;
  for (FieldDef& c : f.columns)
    for (const FieldDef& old : was.columns)
      if (old.id == c.id) KeepBase(c, old);
}

void KeepBase(FormDef& form, const FormDef& base) {
  for (SectionDef& s : form.sections)
    for (FieldDef& f : s.fields)
      if (const FieldDef* was = base.Find(f.id)) KeepBase(f, *was);
}

// The form as a version compares it: its content without version and history.
json Content(FormDef f) {
  f.version = 1;
  f.migrations.clear();
  return FormDefToJson(f);
}

// Version and history against the installed form of the same id: unchanged content keeps its
// version; changed content is the next version, with the step its drafts migrate by.
void Reversion(FormDef& f, const FormDef& old) {
  f.migrations = old.migrations;
  if (Content(f) == Content(old)) {
    f.version = old.version;
    return;
  }
  const Migration step = MigrationBetween(old, f, {});
  f.version = old.version + 1;
  f.migrations.push_back(step);
}

const FormDef* FormNamed(const std::string& name, const std::vector<FormDef>& drafted, const FormLibrary& library) {
  for (const FormDef& f : drafted)
    if (f.title == name || f.id == name) return &f;
  for (const FormDef& f : library.forms)
    if (f.package.empty() && (f.title == name || f.id == name)) return &f;
  return nullptr;
}

std::string DueTime(int minute) {
  if (minute == kEndOfDay) return {};
  char hm[16];
  std::snprintf(hm, sizeof hm, "%02d:%02d", minute / 60, minute % 60);
  return hm;
}

std::optional<Requirement> RequirementFrom(const json& row, size_t index, const std::vector<FormDef>& drafted,
                                           const std::set<std::string>& unfinished, const FormLibrary& library,
                                           std::vector<std::string>& errors) {
  const std::string at = "报送材料第 " + std::to_string(index + 1) + " 行：";
  const int min = row.value("min", 1), max = row.value("max", min);
  if (min > max)
    errors.push_back(at + "最少份数（" + std::to_string(min) + "）不能多于最多份数（" + std::to_string(max) + "）");
  const FormDef* form = FormNamed(Cell(row, "form"), drafted, library);
  if (!form) {
    errors.push_back(at + (unfinished.count(Cell(row, "form"))
                               ? "表格「" + Cell(row, "form") + "」还有需要修改的地方，见上"
                               : "找不到表格「" + Cell(row, "form") + "」"));
    return std::nullopt;
  }
  if (min > max) return std::nullopt;
  const std::string time = Cell(row, "due_time");
  const auto due = ParseDue(Cell(row, "due") + (time.empty() ? "" : " " + time));
  if (!due) {
    errors.push_back(at + "截止日期或时间不对");
    return std::nullopt;
  }
  Requirement r;
  r.id = form->id + (index ? "_" + std::to_string(index + 1) : "");
  r.title = form->title;
  r.form = form->id;
  r.note = Cell(row, "note");
  r.min = min;
  r.max = max;
  r.due = due->first;
  r.due_minute = due->second;
  return r;
}

Campaign CampaignFrom(const json& v, const std::string& package_id) {
  Campaign c;
  c.year = v.value("year", 0);
  c.id = std::to_string(c.year);
  c.title = Str(v, "title");
  c.theme = Str(v, "theme");
  c.opening = ParseDate(Str(v, "opening")).value_or(Date{});
  c.opening_place = Str(v, "opening_place");
  c.window = {ParseDate(Str(v, "window_begin")).value_or(Date{}), ParseDate(Str(v, "window_end")).value_or(Date{})};
  Issuer is;
  is.id = package_id;
  is.name = Str(v, "issuer_unit");
  is.region = Str(v, "issuer_region");
  is.notice = Str(v, "notice_title");
  is.notice_no = Str(v, "notice_no");
  is.audience = Str(v, "audience");
  is.issued = ParseDate(Str(v, "issued")).value_or(Date{});
  is.conditions = Lines(Str(v, "conditions"));
  is.package = package_id;
  c.issuers.push_back(std::move(is));
  return c;
}

// What the editor's own rules say about the campaign (the same messages the editor shows).
void CheckCampaignValues(const json& values, std::vector<std::string>& errors) {
  const FormDef editor = CampaignEditorForm({});
  FormDef loose = editor;  // the form choice is checked against the real list below
  for (SectionDef& s : loose.sections)
    for (FieldDef& f : s.fields)
      for (FieldDef& c : f.columns)
        if (c.id == "form") c.type = FieldType::Text;
  for (const Issue& i : ValidateRecord(loose, values, {})) errors.push_back("活动信息 · " + i.label + "：" + i.message);
}

}  // namespace

json PackageDraftToJson(const PackageDraft& d) {
  json forms = json::array();
  for (const FormDraft& f : d.forms) {
    json fj = {{"id", f.id}, {"values", f.values}};
    if (f.base) fj["base"] = FormDefToJson(*f.base);
    forms.push_back(std::move(fj));
  }
  return {{"campaign", d.campaign}, {"forms", forms}};
}

PackageDraft PackageDraftFromJson(const json& j) {
  PackageDraft d;
  if (!j.is_object()) return d;
  if (j.contains("campaign") && j["campaign"].is_object()) d.campaign = j["campaign"];
  if (!j.contains("forms") || !j["forms"].is_array()) return d;
  for (const json& fj : j["forms"]) {
    if (!fj.is_object() || !fj.contains("id") || !fj["id"].is_string()) continue;
    FormDraft f;
    f.id = fj["id"].get<std::string>();
    if (fj.contains("values") && fj["values"].is_object()) f.values = fj["values"];
    if (fj.contains("base")) f.base = ParseFormDefJson(fj["base"], "").form;
    d.forms.push_back(std::move(f));
  }
  return d;
}

FormDef CampaignEditorForm(const std::vector<std::string>& form_titles) {
  std::vector<std::string> titles;
  for (const std::string& t : form_titles)
    if (std::find(titles.begin(), titles.end(), t) == titles.end()) titles.push_back(t);
  FormDef form;
  form.id = "campaign_editor";
  form.title = form.short_title = "活动信息";
  form.kind = "report";

  SectionDef issuer{"发布单位", "活动包以发布单位的名义下发；下级单位按所在地区看到它。", {}};
  FieldDef unit = Limited(Field("issuer_unit", "发布单位", FieldType::Text, true, "如：山西省教育厅"), 40);
  unit.prefill = "profile.unit";
  FieldDef region = Field("issuer_region", "所辖地区", FieldType::Region, true, "", "本地区内的单位会在首页看到此通知");
  region.prefill = "profile.region";
  issuer.fields = {unit, region};

  SectionDef notice{"通知", "", {}};
  notice.fields = {
      Counted(Field("year", "年度", FieldType::Integer, true, "如：2026"), 2020, 2100),
      Limited(Field("title", "活动名称", FieldType::Text, true, "如：2026年山西省全民终身学习活动周"), 60),
      Limited(Field("notice_no", "文号", FieldType::Text, false, "如：晋教职成函〔2026〕12号"), 40),
      Limited(
          Field("notice_title", "通知标题", FieldType::Text, true, "如：关于举办2026年山西省全民终身学习活动周的通知"),
          80),
      Field("issued", "发文日期", FieldType::Date, false),
      Limited(Field("audience", "发送对象", FieldType::Text, false, "如：各市教育局，各高等学校"), 60),
  };
  SectionDef week{"活动周", "", {}};
  week.fields = {
      Limited(Field("theme", "活动主题", FieldType::Text, true), 60),
      Field("opening", "开幕式日期", FieldType::Date, true),
      Limited(Field("opening_place", "开幕式地点", FieldType::Text, false, "如：太原市"), 40),
      Field("window_begin", "活动开始日期", FieldType::Date, true),
      Field("window_end", "活动结束日期", FieldType::Date, true),
  };

  SectionDef asked{"报送材料", "每行一项：下级单位要交的表格、数量和截止时间。", {}};
  FieldDef materials = Field("requirements", "报送材料", FieldType::Table, true);
  materials.min_rows = 1;
  materials.max_rows = 40;
  materials.wide = true;
  FieldDef due_time = Field("due_time", "截止时间", FieldType::Text, false, "如 17:00", "不填为当天 24:00");
  due_time.pattern = "^([01][0-9]|2[0-3]):[0-5][0-9]$";
  due_time.pattern_message = "请写成 17:00 这样的 24 小时时间";
  materials.columns = {
      Choice(Field("form", "表格", FieldType::Choice, true), titles),
      Counted(Field("min", "最少份数", FieldType::Integer, true), 0, 999),
      Counted(Field("max", "最多份数", FieldType::Integer, true), 1, 999),
      Field("due", "截止日期", FieldType::Date, true),
      due_time,
      Limited(Field("note", "说明", FieldType::Text, false), 100),
  };
  asked.fields = {materials};

  SectionDef conditions{"推荐条件", "", {}};
  conditions.fields = {Limited(Field("conditions", "推荐条件", FieldType::TextArea, false,
                                     "如：往届已获评者不得重复推荐", "每行一条；填报单位在首页此通知下看到"),
                               1000)};
  form.sections = {issuer, notice, week, asked, conditions};
  return form;
}

FormDef FormEditorForm() {
  FormDef form;
  form.id = "form_editor";
  form.title = form.short_title = "表格";
  form.kind = "report";
  std::vector<std::string> kinds;
  for (const auto& [k, title] : kKinds) kinds.push_back(title);

  SectionDef about{"表格", "", {}};
  about.fields = {
      Limited(Field("title", "表格名称", FieldType::Text, true, "如：社区教育活动统计表"), 60),
      Limited(Field("short_title", "简称", FieldType::Text, false, "列表和清单中显示，如：活动统计"), 20),
      Choice(Field("kind", "类别", FieldType::Choice, true), kinds),
      Limited(Field("follows", "依据", FieldType::Text, false, "如：晋教职成函〔2026〕12号 附件2"), 80),
      Limited(Field("description", "填写说明", FieldType::TextArea, false), 300),
  };
  SectionDef rows{"栏目", "每行一个栏目，与 Excel/WPS 表格模板的列相同。", {}};
  FieldDef fields = Field("fields", "栏目", FieldType::Table, true, "",
                          "“分节”行开始新的一节；表格的列写在表格下面，字段标识写作“表格字段.列”");
  fields.min_rows = 1;
  fields.max_rows = 200;
  fields.wide = true;
  FieldDef id = Field("id", "字段标识", FieldType::Text, false, "如 name", "小写字母、数字和下划线");
  id.max_chars = 40;
  fields.columns = {
      id,
      Limited(Field("label", "标题", FieldType::Text, true), 40),
      Choice(Field("type", "类型", FieldType::Choice, true), EditorTypeNames()),
      Choice(Field("required", "必填", FieldType::Choice, false), {"是", "否"}),
      Counted(Field("max_chars", "字数上限", FieldType::Integer, false), 1, 100000),
      Limited(Field("options", "选项", FieldType::Text, false, "男、女"), 500),
      Limited(Field("help", "说明", FieldType::Text, false), 100),
      Choice(Field("prefill", "预填", FieldType::Choice, false, "", "新表格从单位信息预先填好"), PrefillTitleList()),
  };
  rows.fields = {fields};
  form.sections = {about, rows};
  return form;
}

json FormEditorValues(const FormDef& form) {
  json rows = json::array();
  for (const SectionDef& s : form.sections) {
    json section = {{"type", "分节"}, {"label", s.title}};
    if (!s.note.empty()) section["help"] = s.note;
    rows.push_back(std::move(section));
    for (const FieldDef& f : s.fields) {
      rows.push_back(FieldRow(f, f.id));
      for (const FieldDef& c : f.columns) rows.push_back(FieldRow(c, f.id + "." + c.id));
    }
  }
  json v = {{"title", form.title}, {"kind", KindTitle(form.kind)}, {"fields", rows}};
  if (!form.short_title.empty() && form.short_title != form.title) v["short_title"] = form.short_title;
  if (!form.follows.empty()) v["follows"] = form.follows;
  if (!form.description.empty()) v["description"] = form.description;
  return v;
}

SheetRead FormFromEditor(const FormDraft& draft) {
  static const char* kKeys[] = {"id", "label", "type", "required", "max_chars", "options", "help", "prefill"};
  std::vector<std::vector<std::string>> rows = {
      {"字段标识", "标题", "类型", "必填", "字数上限", "选项", "说明", "预填"}};
  std::vector<int> numbers = {0};
  const json empty = json::array();
  const json& table =
      draft.values.contains("fields") && draft.values["fields"].is_array() ? draft.values["fields"] : empty;
  for (size_t i = 0; i < table.size(); ++i) {
    std::vector<std::string> cells;
    for (const char* key : kKeys) cells.push_back(table[i].is_object() ? Cell(table[i], key) : std::string());
    // A field without an id gets one from its row: clerks need not invent ids.
    if (cells[0].empty() && cells[2] != "分节") cells[0] = "f" + std::to_string(i + 1);
    rows.push_back(std::move(cells));
    numbers.push_back(static_cast<int>(i) + 1);
  }
  SheetFormInfo info;
  info.id = draft.id;
  info.title = Str(draft.values, "title");
  info.short_title = Str(draft.values, "short_title");
  info.kind = KindFromTitle(Str(draft.values, "kind"));
  info.follows = Str(draft.values, "follows");
  info.description = Str(draft.values, "description");
  SheetRead read = FormFromSheet(rows, numbers, info);
  if (read.form && draft.base) {
    KeepBase(*read.form, *draft.base);
    FormLoadResult again = ParseFormDefJson(FormDefToJson(*read.form), "");
    read.form = std::move(again.form);
    read.errors = std::move(again.errors);
  }
  return read;
}

FormDraft NewFormDraft(const std::string& random_hex) {
  FormDraft d;
  d.id = "f_" + random_hex;
  d.values = {{"kind", "情况报告"}, {"fields", json::array({{{"type", "分节"}, {"label", "基本信息"}}})}};
  return d;
}

FormDraft CopyFormDraft(const FormDef& form, const std::string& random_hex) {
  FormDraft d;
  d.id = form.id + "_" + random_hex;
  d.values = FormEditorValues(form);
  d.values["title"] = form.title + "（副本）";
  d.base = form;
  return d;
}

std::string PackageIdFor(const json& v) {
  const int year = v.value("year", 0);
  const std::string region = Str(v, "issuer_region");
  return std::to_string(year) + "-" + (region.empty() ? std::string(kNationalRegion) : region);
}

PackageBuild BuildPackage(const PackageDraft& d, const FormLibrary& library, const CampaignPackage* installed,
                          const std::string& created) {
  PackageBuild out;
  const auto in_campaign = [&](std::vector<std::string>&& errors) {
    for (std::string& e : errors) out.errors.push_back({std::move(e), -1});
  };
  std::vector<std::string> campaign_errors;
  CheckCampaignValues(d.campaign, campaign_errors);
  in_campaign(std::move(campaign_errors));
  std::vector<FormDef> forms;
  std::set<std::string> unfinished;  // drafted forms that cannot be written yet
  for (size_t k = 0; k < d.forms.size(); ++k) {
    const FormDraft& fd = d.forms[k];
    SheetRead read = FormFromEditor(fd);
    const std::string name = Str(fd.values, "title").empty() ? fd.id : Str(fd.values, "title");
    for (const std::string& e : read.errors) out.errors.push_back({"表格「" + name + "」" + e, static_cast<int>(k)});
    if (!read.form) {
      unfinished.insert(name);
      continue;
    }
    if (const FormDef* old = installed ? installed->FindForm(fd.id) : nullptr) Reversion(*read.form, *old);
    forms.push_back(std::move(*read.form));
  }
  const std::string id = PackageIdFor(d.campaign);
  Campaign campaign = CampaignFrom(d.campaign, id);
  const json& rows = d.campaign.contains("requirements") && d.campaign["requirements"].is_array()
                         ? d.campaign["requirements"]
                         : json::array();
  std::vector<std::string> requirement_errors;
  for (size_t i = 0; i < rows.size(); ++i)
    if (rows[i].is_object())
      if (auto r = RequirementFrom(rows[i], i, forms, unfinished, library, requirement_errors))
        campaign.issuers.front().requirements.push_back(std::move(*r));
  in_campaign(std::move(requirement_errors));
  if (!out.errors.empty()) return out;

  CampaignPackage p;
  p.id = id;
  p.version = installed ? installed->version + 1 : 1;
  p.created = created;
  p.issuer = {campaign.issuers.front().name, campaign.issuers.front().region};
  p.campaign = std::move(campaign);
  p.forms = std::move(forms);
  FormLibrary builtin;
  for (const FormDef& f : library.forms)
    if (f.package.empty()) builtin.forms.push_back(f);
  PackageWrite written = WritePackage(p, builtin);
  in_campaign(std::move(written.errors));  // the whole package's checks: not one form's
  if (!out.errors.empty()) return out;
  out.bytes = std::move(written.bytes);
  out.package = ParsePackage(out.bytes, builtin).package;
  return out;
}

PackageDraft DraftFromPackage(const CampaignPackage& p) {
  PackageDraft d;
  const Campaign& c = p.campaign;
  json v = {{"issuer_unit", p.issuer.unit},
            {"issuer_region", p.issuer.region},
            {"year", c.year},
            {"title", c.title},
            {"theme", c.theme},
            {"opening", FormatDate(c.opening)},
            {"window_begin", FormatDate(c.window.begin)},
            {"window_end", FormatDate(c.window.end)},
            {"requirements", json::array()}};
  if (!c.opening_place.empty()) v["opening_place"] = c.opening_place;
  if (!c.issuers.empty()) {
    const Issuer& is = c.issuers.front();
    if (!is.notice.empty()) v["notice_title"] = is.notice;
    if (!is.notice_no.empty()) v["notice_no"] = is.notice_no;
    if (!is.audience.empty()) v["audience"] = is.audience;
    if (is.issued.year) v["issued"] = FormatDate(is.issued);
    if (!is.conditions.empty()) v["conditions"] = Join(is.conditions, "\n");
    for (const Requirement& r : is.requirements) {
      json row = {
          {"form", r.title.empty() ? r.form : r.title}, {"min", r.min}, {"max", r.max}, {"due", FormatDate(r.due)}};
      if (r.due_minute != kEndOfDay) row["due_time"] = DueTime(r.due_minute);
      if (!r.note.empty()) row["note"] = r.note;
      v["requirements"].push_back(std::move(row));
    }
  }
  d.campaign = std::move(v);
  for (const FormDef& f : p.forms) d.forms.push_back({f.id, FormEditorValues(f), f});
  return d;
}

}  // namespace lw
