// form_sheet.cpp — see form_sheet.h.
#include "form_sheet.h"

#include <algorithm>
#include <map>
#include <regex>

#include "csv.h"
#include "text_decode.h"
#include "xlsx_reader.h"
#include "zip_reader.h"

namespace lw {

namespace {

// What a 类型 cell may say. The first name of each type is the one the help lists.
struct SheetType {
  FieldType type;
  bool month = false;    // 年月: a date to the month
  bool section = false;  // 分节: the row starts a section
};

const std::map<std::string, SheetType>& SheetTypes() {
  static const std::map<std::string, SheetType> kTypes = [] {
    std::map<std::string, SheetType> m;
    for (FieldType t : AllFieldTypes()) {
      m[FieldTypeTitle(t)] = {t};
      m[FieldTypeName(t)] = {t};
    }
    const std::pair<const char*, FieldType> aliases[] = {
        {"单行文本", FieldType::Text},      {"长文本", FieldType::TextArea}, {"行政区划", FieldType::Region},
        {"手机", FieldType::Phone},         {"邮箱", FieldType::Email},      {"链接", FieldType::Url},
        {"身份证号", FieldType::IdCard},    {"身份证", FieldType::IdCard},   {"图片", FieldType::Photos},
        {"多选题", FieldType::MultiChoice}, {"单选题", FieldType::Choice},
    };
    for (const auto& [name, t] : aliases) m[name] = {t};
    m["年月"] = m["month"] = {FieldType::Date, true};
    m["分节"] = m["section"] = {FieldType::Text, false, true};
    return m;
  }();
  return kTypes;
}

// Header cells: the Chinese name first, then the English ones XLSForm users know.
struct Column {
  const char* names[3];
  bool required;
};
enum Col { kId, kLabel, kType, kRequired, kMaxChars, kOptions, kHelp, kPrefill, kColumns };
constexpr Column kColumnNames[kColumns] = {
    {{"字段标识", "id", "name"}, true},
    {{"标题", "label", nullptr}, true},
    {{"类型", "type", nullptr}, true},
    {{"必填", "required", nullptr}, false},
    {{"字数上限", "maxChars", "max_chars"}, false},
    {{"选项", "options", "choices"}, false},
    {{"说明", "help", "hint"}, false},
    {{"预填", "prefill", nullptr}, false},
};

const std::regex kFieldId("^[a-z][a-z0-9_]*$");

// What a field may be prefilled from: the unit profile's fields, by their titles on 单位信息.
constexpr std::pair<const char*, const char*> kPrefills[] = {
    {"填报单位", "profile.unit"}, {"所在地区", "profile.region"}, {"负责人", "profile.leader"},
    {"填报人", "profile.filler"}, {"联系电话", "profile.phone"},  {"电子邮箱", "profile.email"},
};

std::optional<bool> YesNo(const std::string& s) {
  static const char* kYes[] = {"是", "必填", "Y", "y", "yes", "Yes", "YES", "true", "TRUE", "1", "√", "✓"};
  static const char* kNo[] = {"", "否", "选填", "N", "n", "no", "No", "NO", "false", "FALSE", "0"};
  for (const char* y : kYes)
    if (s == y) return true;
  for (const char* n : kNo)
    if (s == n) return false;
  return std::nullopt;
}

// "500" or "500字" → 500; nullopt for anything else.
std::optional<int> Count(std::string s) {
  static const std::string kZi = "字";
  if (s.size() > kZi.size() && s.compare(s.size() - kZi.size(), kZi.size(), kZi) == 0) s.erase(s.size() - kZi.size());
  if (s.empty() || s.size() > 6 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  const int n = std::stoi(s);
  return n > 0 ? std::optional<int>(n) : std::nullopt;
}

// "男、女" / "男;女" / "男|女" (full-width ；｜ too) → {"男", "女"}. A cell with line breaks
// (Alt+Enter) is split by them alone, so an option may hold a 、 ("学习型城市（乡村、社区）建设");
// a separator left at a line's end ("线下、⏎线上") is dropped.
std::vector<std::string> SplitOptions(const std::string& s) {
  static const std::string kMarks[] = {"、", ";", "；", "|", "｜"};
  static const std::string kLineEnds[] = {"\r\n", "\n", "\r"};
  const auto split = [](const std::string& text, const std::string* begin, const std::string* end) {
    std::vector<std::string> parts(1);
    for (size_t i = 0; i < text.size();) {
      const auto sep =
          std::find_if(begin, end, [&](const std::string& x) { return text.compare(i, x.size(), x) == 0; });
      if (sep == end) {
        parts.back() += text[i++];
        continue;
      }
      parts.emplace_back();
      i += sep->size();
    }
    return parts;
  };
  const bool by_lines = s.find_first_of("\r\n") != std::string::npos;
  std::vector<std::string> out;
  for (std::string part : by_lines ? split(s, std::begin(kLineEnds), std::end(kLineEnds))
                                   : split(s, std::begin(kMarks), std::end(kMarks))) {
    for (bool trimmed = true; trimmed;) {  // marks left at either end of a line
      part = TrimCell(part);
      trimmed = false;
      for (const std::string& m : kMarks) {
        if (part.size() >= m.size() && part.compare(part.size() - m.size(), m.size(), m) == 0)
          part.erase(part.size() - m.size()), trimmed = true;
        if (part.compare(0, m.size(), m) == 0) part.erase(0, m.size()), trimmed = true;
      }
    }
    if (!part.empty()) out.push_back(part);
  }
  return out;
}

// The types whose 字数上限 is their own length (a photo's is its caption's).
bool CountsChars(FieldType t) { return t == FieldType::Text || t == FieldType::TextArea; }

// Where a field read from the sheet lies, for the checks once every row is read.
struct Placed {
  size_t section, field;
  int row;
};

}  // namespace

std::string SheetTypeNames() {
  std::string out;
  for (FieldType t : AllFieldTypes()) out += std::string(out.empty() ? "" : "、") + FieldTypeTitle(t);
  return out + "、年月、分节（也可用英文名，如 text、integer、choice）";
}

SheetRead FormFromSheet(const std::vector<std::vector<std::string>>& rows, const std::vector<int>& row_numbers,
                        const SheetFormInfo& info) {
  SheetRead out;
  const auto row_of = [&](size_t i) { return i < row_numbers.size() ? row_numbers[i] : static_cast<int>(i) + 1; };
  const auto at_row = [&](size_t i) { return "第 " + std::to_string(row_of(i)) + " 行"; };
  if (rows.empty()) return {std::nullopt, {"表格文件是空的"}};

  int col[kColumns];
  std::string missing;
  for (int c = 0; c < kColumns; ++c) {
    col[c] = -1;
    for (const char* name : kColumnNames[c].names)
      if (name && col[c] < 0) col[c] = ColumnOf(rows[0], name);
    if (col[c] < 0 && kColumnNames[c].required)
      missing += std::string(missing.empty() ? "" : "、") + "“" + kColumnNames[c].names[0] + "”";
  }
  if (!missing.empty())
    return {std::nullopt,
            {at_row(0) + "应为表头，缺少" + missing +
             "列（可有的列：字段标识、标题、类型、必填、字数上限、选项、说明、预填）"}};

  FormDef form;
  form.id = info.id;
  form.version = info.version;
  form.title = info.title;
  form.short_title = info.short_title.empty() ? info.title : info.short_title;
  form.kind = info.kind;
  form.follows = info.follows;
  form.description = info.description;
  std::vector<Placed> placed;
  std::map<std::string, int> seen;  // field id (and "table.column") → the row it was first given
  const auto error = [&](size_t i, const std::string& what) { out.errors.push_back(at_row(i) + "：" + what); };

  for (size_t i = 1; i < rows.size(); ++i) {
    const std::vector<std::string>& row = rows[i];
    const auto cell = [&](int c) {
      return col[c] >= 0 && col[c] < static_cast<int>(row.size()) ? TrimCell(row[col[c]]) : std::string();
    };
    if (std::all_of(row.begin(), row.end(), [](const std::string& c) { return TrimCell(c).empty(); })) continue;
    const std::string id = cell(kId), label = cell(kLabel), type_name = cell(kType), options = cell(kOptions);
    const auto type = SheetTypes().find(type_name);
    if (type == SheetTypes().end()) {
      error(i, type_name.empty() ? "缺少类型，可用：" + SheetTypeNames()
                                 : "类型「" + type_name + "」不认识，可用：" + SheetTypeNames());
      continue;
    }
    if (type->second.section) {
      if (label.empty()) error(i, "分节需要在“标题”列写上分节的名称");
      form.sections.push_back({label, cell(kHelp), {}});
      continue;
    }
    const auto dot = id.find('.');
    const std::string own = dot == std::string::npos ? id : id.substr(dot + 1);
    if (id.empty()) {
      error(i, "缺少字段标识（用小写字母、数字和下划线，如 name）");
      continue;
    }
    if (!std::regex_match(own, kFieldId) ||
        (dot != std::string::npos && !std::regex_match(id.substr(0, dot), kFieldId))) {
      error(i, "字段标识「" + id + "」只能用小写字母、数字和下划线，且以字母开头（表格的列写作“表格字段.列”）");
      continue;
    }
    if (const auto twin = seen.find(id); twin != seen.end()) {
      error(i, "字段标识「" + id + "」与第 " + std::to_string(twin->second) + " 行重复");
      continue;
    }
    seen[id] = row_of(i);
    if (label.empty()) error(i, "缺少标题");

    FieldDef f;
    f.id = own;
    f.label = label;
    f.type = type->second.type;
    if (type->second.month) f.precision = "month";
    f.help = cell(kHelp);
    if (const std::string prefill = cell(kPrefill); !prefill.empty()) {
      f.prefill = PrefillFromTitle(prefill);
      if (f.prefill.empty()) error(i, "预填「" + prefill + "」不认识，可用：" + PrefillTitles());
    }
    if (const auto req = YesNo(cell(kRequired)))
      f.required = *req;
    else
      error(i, "必填「" + cell(kRequired) + "」应为“是”或“否”");
    if (const std::string max = cell(kMaxChars); !max.empty()) {
      const auto n = Count(max);
      if (!n)
        error(i, "字数上限「" + max + "」应为正整数");
      else if (f.type == FieldType::Photos)
        f.caption_max_chars = *n;
      else if (CountsChars(f.type))
        f.max_chars = *n;
      else
        error(i, "字数上限只用于文本、多行文本（照片为每张说明的字数），「" + type_name + "」不用填");
    }
    switch (f.type) {
      case FieldType::Choice:
      case FieldType::MultiChoice:
        f.options = SplitOptions(options);
        if (f.options.empty()) error(i, "单选、多选需要在“选项”列列出选项，用、或 ; 或 | 隔开");
        break;
      case FieldType::Matrix:
        f.themes = SplitOptions(options);
        if (f.themes.empty()) error(i, "统计表需要在“选项”列列出主题（每个主题一列），用、或 ; 或 | 隔开");
        break;
      case FieldType::Computed:
        f.sum_of = options;
        if (f.sum_of.find('.') == std::string::npos)
          error(i, "合计需要在“选项”列写明合计哪一列，如 activities.participants");
        break;
      default:
        if (!options.empty())
          error(i, "只有单选、多选填写“选项”（统计表填主题，合计填“表格字段.列”），「" + type_name + "」不用填");
    }

    if (dot != std::string::npos) {  // a column of a table (a row of a statistics matrix) above
      const std::string parent_id = id.substr(0, dot);
      const auto parent = std::find_if(placed.rbegin(), placed.rend(), [&](const Placed& p) {
        return form.sections[p.section].fields[p.field].id == parent_id;
      });
      FieldDef* table = parent == placed.rend() ? nullptr : &form.sections[parent->section].fields[parent->field];
      if (!table || (table->type != FieldType::Table && table->type != FieldType::Matrix)) {
        error(i, "「" + id + "」是表格的列，它所属的表格或统计表「" + parent_id + "」应写在前面的行中");
        continue;
      }
      if (f.type == FieldType::Table || f.type == FieldType::Matrix || f.type == FieldType::Photos) {
        error(i, "表格的列不能是" + std::string(FieldTypeTitle(f.type)));
        continue;
      }
      table->columns.push_back(std::move(f));
      continue;
    }
    if (form.sections.empty())
      form.sections.push_back({form.short_title.empty() ? "基本信息" : form.short_title, "", {}});
    placed.push_back({form.sections.size() - 1, form.sections.back().fields.size(), row_of(i)});
    form.sections.back().fields.push_back(std::move(f));
  }

  for (const Placed& p : placed) {
    const FieldDef& f = form.sections[p.section].fields[p.field];
    if ((f.type == FieldType::Table || f.type == FieldType::Matrix) && f.columns.empty())
      out.errors.push_back("第 " + std::to_string(p.row) + " 行：" + FieldTypeTitle(f.type) + "「" + f.label +
                           "」下面需要有它的" + (f.type == FieldType::Table ? "列" : "行") + "（字段标识写作“" + f.id +
                           ".列”）");
  }
  if (!out.errors.empty()) return out;  // the build's checks below would only say the same again
  // Now that every column is in place: each field through the build's own checks, at its row.
  for (const Placed& p : placed)
    for (std::string& e : CheckFieldJson(FieldDefToJson(form.sections[p.section].fields[p.field]),
                                         "第 " + std::to_string(p.row) + " 行"))
      out.errors.push_back(std::move(e));
  if (!out.errors.empty()) return out;
  if (placed.empty()) return {std::nullopt, {"表格中没有字段（从第 2 行起每行写一个字段）"}};
  // ...and the whole form (its id and title, totals that name a column, empty sections).
  FormLoadResult whole = ParseFormDefJson(FormDefToJson(form), "");
  out.errors = std::move(whole.errors);
  out.form = std::move(whole.form);
  return out;
}

SheetRead FormFromCsv(const std::string& bytes, const SheetFormInfo& info) {
  const auto text = DecodeOfficeText(bytes);
  if (!text) return {std::nullopt, {"文件不是文本格式的 CSV（请在 WPS 或 Excel 中“另存为 CSV”）"}};
  std::vector<int> row_numbers;
  const auto rows = ParseCsv(*text, &row_numbers);
  if (!rows) return {std::nullopt, {"CSV 文件中有未闭合的引号，文件可能不完整"}};
  return FormFromSheet(*rows, row_numbers, info);
}

SheetRead FormFromXlsx(const std::string& bytes, const SheetFormInfo& info) {
  const SheetCells cells = ReadXlsxFirstSheet(bytes);
  if (!cells.error.empty()) return {std::nullopt, {cells.error}};
  return FormFromSheet(cells.rows, cells.row_numbers, info);
}

SheetRead FormFromSpreadsheet(const std::string& bytes, const SheetFormInfo& info) {
  return LooksLikeZip(bytes) ? FormFromXlsx(bytes, info) : FormFromCsv(bytes, info);
}

std::string PrefillFromTitle(const std::string& title) {
  for (const auto& [t, source] : kPrefills)
    if (title == t || title == source) return source;
  return {};
}

std::string PrefillTitle(const std::string& source) {
  for (const auto& [t, s] : kPrefills)
    if (source == s) return t;
  return source;
}

std::vector<std::string> PrefillTitleList() {
  std::vector<std::string> out;
  for (const auto& p : kPrefills) out.push_back(p.first);
  return out;
}

std::string PrefillTitles() {
  std::string out;
  for (const std::string& t : PrefillTitleList()) out += (out.empty() ? "" : "、") + t;
  return out;
}

}  // namespace lw
