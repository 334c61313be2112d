// validate.cpp — see validate.h.
#include "validate.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <regex>
#include <unordered_map>

#include "region.h"
#include "utf8.h"

namespace lw {

using nlohmann::json;

namespace {

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int DaysInMonth(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

// A view into s: every value of an import is checked, and most need no copy of their text.
std::string_view Trimmed(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}

// The text of a string value without a copy ("" for anything else).
std::string_view View(const json& v) {
  return v.is_string() ? std::string_view(v.get_ref<const std::string&>()) : std::string_view();
}

// j[key] without copying it (an import validates 100,000 records): a shared null when absent.
const json& At(const json& j, const std::string& key) {
  static const json kNull;
  if (!j.is_object()) return kNull;
  const auto it = j.find(key);
  return it == j.end() ? kNull : *it;
}

// Where a record's issues go. An import needs the rule-breaking ones whole, but of what is
// missing only that something is (the record is then a draft): those are counted, and no cell's
// label is built for them in 100,000 records.
struct Issues {
  std::vector<Issue>& list;
  bool count_missing = false;
  size_t missing = 0;
};

void Add(Issues& out, const std::string& path, const std::string& label, const std::string& msg,
         bool incomplete = false) {
  if (msg.empty()) return;
  if (incomplete && out.count_missing)
    ++out.missing;
  else
    out.list.push_back({path, label, msg, incomplete});
}
void AddMissing(Issues& out, const std::string& path, const std::string& label, const std::string& msg) {
  Add(out, path, label, msg, true);
}
// A field's issues go straight onto the record's list: an import validates 100,000 records,
// most of them with something missing, and a list per field cost a fifth of its time.
void ValidateInto(const FieldDef& f, const json& v, const ValidationContext& ctx, const std::string& path,
                  const std::string& label, Issues& out);

// A form's pattern, compiled once: an import checks the same field of 100,000 records.
const std::regex& CompiledPattern(const std::string& pattern) {
  static std::unordered_map<std::string, std::regex> compiled;
  auto it = compiled.find(pattern);
  if (it == compiled.end()) it = compiled.emplace(pattern, std::regex(pattern)).first;
  return it->second;
}

// *short_text: the only fault is that the text is still too short (an unfinished draft).
std::string CheckText(const FieldDef& f, std::string_view s, bool* short_text) {
  const size_t n = utf8::CountChars(s);
  if (f.max_chars && n > static_cast<size_t>(*f.max_chars))
    return "不能超过 " + std::to_string(*f.max_chars) + " 字（现有 " + std::to_string(n) + " 字，请删减 " +
           std::to_string(n - *f.max_chars) + " 字）";
  *short_text = f.min_chars && n < static_cast<size_t>(*f.min_chars);
  if (*short_text) return "至少需要 " + std::to_string(*f.min_chars) + " 字（现有 " + std::to_string(n) + " 字）";
  if (!f.pattern.empty() && !std::regex_match(s.begin(), s.end(), CompiledPattern(f.pattern)))
    return f.pattern_message.empty() ? "格式不正确" : f.pattern_message;
  return {};
}

std::string CheckInteger(const FieldDef& f, const json& v) {
  if (!v.is_number_integer()) return "请填写整数";
  const long long n = v.get<long long>();
  const long long lo = f.min.value_or(0);  // counts of people or activities are never negative
  if (n < lo) return "不能小于 " + std::to_string(lo);
  if (f.max && n > *f.max) return "不能大于 " + std::to_string(*f.max);
  return {};
}

std::string CheckDateField(const FieldDef& f, std::string_view s, const ValidationContext& ctx) {
  const bool month = f.precision == "month";
  const auto d = ParseDate(s, month);
  if (!d) return month ? "请选择年份和月份" : "请选择完整的日期（年、月、日）";
  if (f.in_campaign_window && ctx.window) {
    const Date& b = ctx.window->begin;
    const Date& e = ctx.window->end;
    if (*d < b || *d > e) return "应在活动周期间（" + FormatDate(b) + " 至 " + FormatDate(e) + "）";
  }
  return {};
}

std::string CheckChoice(const FieldDef& f, const json& v) {
  const auto known = [&](const json& x) {
    return x.is_string() && std::find(f.options.begin(), f.options.end(), x.get<std::string>()) != f.options.end();
  };
  if (f.type == FieldType::Choice) return known(v) ? "" : "请从列表中选择";
  if (!v.is_array()) return "请从列表中选择";
  for (const json& x : v)
    if (!known(x)) return "包含不在列表中的选项";
  return {};
}

std::string CheckRegion(const std::string& code, const ValidationContext& ctx) {
  if (!RegionDb::Level(code)) return "请选择所在地区";
  if (ctx.regions && !ctx.regions->empty() && !ctx.regions->Exists(code)) return "地区代码 " + code + " 不存在";
  return {};
}

void CheckPhotos(const FieldDef& f, const json& v, const std::string& path, const std::string& label, Issues& out) {
  const size_t n = v.is_array() ? v.size() : 0;
  if (f.min_rows > 0 && n < static_cast<size_t>(f.min_rows))
    AddMissing(out, path, label, "需要 " + std::to_string(f.min_rows) + " 张照片（现有 " + std::to_string(n) + " 张）");
  if (n > static_cast<size_t>(f.max_rows)) Add(out, path, label, "最多 " + std::to_string(f.max_rows) + " 张照片");
  for (size_t i = 0; i < n; ++i) {
    const std::string_view cap = View(At(v[i], "caption"));
    const std::string p = path + "[" + std::to_string(i) + "].caption";
    const std::string l = label + " 第" + std::to_string(i + 1) + "张 · 说明";
    if (f.caption_max_chars > 0 && Trimmed(cap).empty())
      AddMissing(out, p, l, "请为照片写一句说明");
    else if (f.caption_max_chars > 0 && utf8::CountChars(cap) > static_cast<size_t>(f.caption_max_chars))
      Add(out, p, l, "说明不能超过 " + std::to_string(f.caption_max_chars) + " 字");
  }
}

// One table or matrix cell. An import checks millions of cells and nearly all are fine, so the
// cell's path and label (where) are only built for one that has something to say.
template <class Where>
void CheckCell(const FieldDef& col, const json& cell, const ValidationContext& ctx, Issues& out, Where where) {
  const size_t listed = out.list.size(), missing = out.missing;
  ValidateInto(col, cell, ctx, {}, {}, out);
  if (out.list.size() == listed) return;  // nothing, or only something missing that is only counted
  out.list.resize(listed);
  out.missing = missing;
  const auto [path, label] = where();
  ValidateInto(col, cell, ctx, path, label, out);
}

void CheckTable(const FieldDef& f, const json& v, const ValidationContext& ctx, const std::string& path,
                const std::string& label, Issues& out) {
  const size_t n = v.is_array() ? v.size() : 0;
  if (f.min_rows > 0 && n < static_cast<size_t>(f.min_rows))
    AddMissing(out, path, label, "至少需要 " + std::to_string(f.min_rows) + " 行");
  if (n > static_cast<size_t>(f.max_rows)) Add(out, path, label, "最多 " + std::to_string(f.max_rows) + " 行");
  for (size_t i = 0; i < n; ++i)
    for (const FieldDef& col : f.columns)
      CheckCell(col, At(v[i], col.id), ctx, out, [&] {
        return std::pair(path + "[" + std::to_string(i) + "]." + col.id,
                         label + " 第" + std::to_string(i + 1) + "行 · " + col.label);
      });
}

// A matrix column (one activity) is only checked once something is written in it.
constexpr const char* kEmptyMatrix = "表格还是空的：请至少在一个主题下填写一项活动（活动名称和参与人数）";

// A required matrix needs at least one used column: themes listed but none filled is an empty table.
void CheckMatrix(const FieldDef& f, const json& v, const ValidationContext& ctx, const std::string& path,
                 const std::string& label, Issues& out) {
  const json& cols = At(v, "columns");
  bool any_used = false;
  for (size_t i = 0; cols.is_array() && i < cols.size(); ++i) {
    const json& cells = At(cols[i], "cells");
    const bool used = std::any_of(cells.begin(), cells.end(), [](const json& c) { return !IsEmptyValue(c); });
    if (!used) continue;
    any_used = true;
    const std::string_view theme = View(At(cols[i], "theme"));
    for (const FieldDef& row : f.columns)
      CheckCell(row, At(cells, row.id), ctx, out, [&] {
        return std::pair(path + ".columns[" + std::to_string(i) + "]." + row.id,
                         label + " ·「" + std::string(theme) + "」· " + row.label);
      });
  }
  if (f.required && !any_used) AddMissing(out, path, label, kEmptyMatrix);
}

// The person's own fields against the ID number (GB 11643): digits 7–14 are the birth date, the
// 17th digit is odd for 男 and even for 女. Checked only once the ID number itself is valid.
constexpr const char* kBirthField = "birth";
constexpr const char* kGenderField = "gender";

std::string BirthAgainstId(std::string_view id, std::string_view birth) {
  const auto d = ParseDate(birth, birth.size() == 7);
  if (!d) return {};  // the field's own rule reports a bad date
  const std::string year(id.substr(6, 4)), month(id.substr(10, 2)), day(id.substr(12, 2));
  const bool same_day = d->day == 0 || d->day == std::stoi(day);  // 出生年月 has month precision
  if (d->year == std::stoi(year) && d->month == std::stoi(month) && same_day) return {};
  return "与身份证号码不符：号码第 7–14 位是出生日期 " + year + "-" + month + "-" + day + "，这里填的是 " +
         std::string(birth);
}

std::string GenderAgainstId(std::string_view id, std::string_view gender) {
  const int digit = id[16] - '0';
  const char* by_id = digit % 2 ? "男" : "女";
  if (gender.empty() || gender == by_id) return {};
  return std::string("与身份证号码不符：号码第 17 位是 ") + std::to_string(digit) + "（" +
         (digit % 2 ? "奇数，应为男" : "偶数，应为女") + "），这里选的是" + std::string(gender);
}

void CheckAgainstIdCard(const FormDef& form, const json& values, Issues& out) {
  for (const SectionDef& section : form.sections)  // not AllFields(): no list built per record
    for (const FieldDef& f : section.fields) {
      if (f.type != FieldType::IdCard) continue;
      const std::string_view id = Trimmed(View(At(values, f.id)));
      if (id.empty() || !CheckIdCard(id).empty()) continue;
      if (const FieldDef* b = form.Find(kBirthField); b && b->type == FieldType::Date)
        Add(out, b->id, b->label, BirthAgainstId(id, Trimmed(View(At(values, b->id)))));
      if (const FieldDef* g = form.Find(kGenderField); g && g->type == FieldType::Choice)
        Add(out, g->id, g->label, GenderAgainstId(id, View(At(values, g->id))));
    }
}

}  // namespace

std::optional<Date> ParseDate(std::string_view s, bool month_precision) {
  const size_t want = month_precision ? 7 : 10;
  if (s.size() != want || s[4] != '-' || !AllDigits(s.substr(0, 4)) || !AllDigits(s.substr(5, 2))) return std::nullopt;
  Date d{std::stoi(std::string(s.substr(0, 4))), std::stoi(std::string(s.substr(5, 2))), 0};
  if (d.year < 1900 || d.year > 2100 || d.month < 1 || d.month > 12) return std::nullopt;
  if (month_precision) return d;
  if (s[7] != '-' || !AllDigits(s.substr(8, 2))) return std::nullopt;
  d.day = std::stoi(std::string(s.substr(8, 2)));
  if (d.day < 1 || d.day > DaysInMonth(d.year, d.month)) return std::nullopt;
  return d;
}

std::string FormatDate(const Date& d) {
  char buf[32];
  if (d.day)
    snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  else
    snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
  return buf;
}

// Howard Hinnant's civil-calendar algorithms.
long long DaysSinceEpoch(const Date& date) {
  const int m = date.month, d = std::max(1, date.day);
  const int y = date.year - (m <= 2);
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long long>(doe) - 719468;
}

Date DateFromDays(long long z) {
  z += 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(yoe + era * 400 + (m <= 2)), m, d};
}

int DaysBetween(const Date& a, const Date& b) { return static_cast<int>(DaysSinceEpoch(b) - DaysSinceEpoch(a)); }

Date AddDays(Date d, int n) {
  for (int i = 0; i < n; ++i)
    if (++d.day > DaysInMonth(d.year, d.month)) {
      d.day = 1;
      if (++d.month > 12) d.month = 1, ++d.year;
    }
  return d;
}

std::string CheckPhone(std::string_view raw) {
  std::string s;
  for (char c : raw)
    if (c != ' ') s += c;
  static const std::regex kMobile("^1[3-9][0-9]{9}$");
  // Area code 0 + 2–3 digits, optional hyphen, 7–8 digit number, optional "-extension".
  static const std::regex kLandline("^0[1-9][0-9]{1,2}-?[2-9][0-9]{6,7}(-[0-9]{1,6})?$");
  if (std::regex_match(s, kMobile) || std::regex_match(s, kLandline)) return {};
  if (AllDigits(s) && s[0] == '1') return "手机号码应为 11 位数字（现有 " + std::to_string(s.size()) + " 位）";
  return "请填写 11 位手机号码，或带区号的固定电话（如 0471-2857047）";
}

std::string CheckEmail(std::string_view s) {
  static const std::regex kEmail("^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}$");
  const std::string t(s);
  if (t.find("..") == std::string::npos && std::regex_match(t, kEmail)) return {};
  if (t.find("＠") != std::string::npos) return "请使用半角的 @ 符号";
  return "电子邮箱格式不正确（如 jlqmx@126.com）";
}

std::string CheckUrl(std::string_view s) {
  static const std::regex kUrl("^https?://([A-Za-z0-9-]+\\.)+[A-Za-z]{2,}(:[0-9]{1,5})?([/?#][^\\s]*)?$");
  static const std::regex kLocal("^https?://(localhost|127\\.0\\.0\\.1)(:[0-9]{1,5})?([/?#][^\\s]*)?$");
  const std::string t(s);
  if (std::regex_match(t, kUrl) || std::regex_match(t, kLocal)) return {};
  if (t.rfind("http", 0) != 0) return "网址应以 http:// 或 https:// 开头";
  return "网址格式不正确";
}

bool IdCardCheckDigitOk(std::string_view s) {
  static const int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static const char kCheck[] = "10X98765432";
  if (s.size() != 18 || !AllDigits(s.substr(0, 17))) return false;
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (s[i] - '0') * kWeights[i];
  return std::toupper(static_cast<unsigned char>(s[17])) == kCheck[sum % 11];
}

std::string CheckIdCard(std::string_view s) {
  if (s.size() != 18) return "身份证号码应为 18 位（现有 " + std::to_string(utf8::CountChars(s)) + " 位）";
  const char last = static_cast<char>(std::toupper(static_cast<unsigned char>(s[17])));
  if (!AllDigits(s.substr(0, 17)) || !(std::isdigit(static_cast<unsigned char>(last)) || last == 'X'))
    return "身份证号码只能是数字，最后一位可以是 X";
  const std::string birth =
      std::string(s.substr(6, 4)) + "-" + std::string(s.substr(10, 2)) + "-" + std::string(s.substr(12, 2));
  if (!ParseDate(birth)) return "身份证号码中的出生日期无效";
  if (!IdCardCheckDigitOk(s)) return "身份证号码校验位不正确，请逐位核对";
  return {};
}

bool IsEmptyValue(const json& v) {
  if (v.is_null()) return true;
  if (v.is_string()) {
    const std::string& t = v.get_ref<const std::string&>();
    return std::all_of(t.begin(), t.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
  }
  if (v.is_array() || v.is_object()) return v.empty();
  return false;
}

std::vector<Issue> ValidateField(const FieldDef& f, const json& v, const ValidationContext& ctx,
                                 const std::string& path, const std::string& label) {
  std::vector<Issue> out;
  Issues sink{out};
  ValidateInto(f, v, ctx, path, label, sink);
  return out;
}

namespace {
void ValidateInto(const FieldDef& f, const json& v, const ValidationContext& ctx, const std::string& path,
                  const std::string& label, Issues& out) {
  if (f.type == FieldType::Computed) return;
  if (IsEmptyValue(v)) {
    if (f.required)
      AddMissing(out, path, label,
                 f.type == FieldType::Photos   ? "请上传照片"
                 : f.type == FieldType::Matrix ? kEmptyMatrix
                                               : "必填");
    if (f.type == FieldType::Table || f.type == FieldType::Photos) {
      if (f.min_rows > 0 && !f.required) AddMissing(out, path, label, "至少需要 " + std::to_string(f.min_rows) + " 项");
    }
    return;
  }
  const std::string_view s = Trimmed(View(v));
  switch (f.type) {
    case FieldType::Text:
    case FieldType::TextArea: {
      bool short_text = false;
      const std::string msg = CheckText(f, View(v), &short_text);
      Add(out, path, label, msg, short_text);
      break;
    }
    case FieldType::Integer:
      Add(out, path, label, CheckInteger(f, v));
      break;
    case FieldType::Date:
      Add(out, path, label, CheckDateField(f, s, ctx));
      break;
    case FieldType::Choice:
    case FieldType::MultiChoice:
      Add(out, path, label, CheckChoice(f, v));
      break;
    case FieldType::Region:
      Add(out, path, label, CheckRegion(std::string(s), ctx));
      break;
    case FieldType::Phone:
      Add(out, path, label, CheckPhone(s));
      break;
    case FieldType::Email:
      Add(out, path, label, CheckEmail(s));
      break;
    case FieldType::Url:
      Add(out, path, label, CheckUrl(s));
      break;
    case FieldType::IdCard:
      Add(out, path, label, CheckIdCard(s));
      break;
    case FieldType::Photos:
      CheckPhotos(f, v, path, label, out);
      break;
    case FieldType::Table:
      CheckTable(f, v, ctx, path, label, out);
      break;
    case FieldType::Matrix:
      CheckMatrix(f, v, ctx, path, label, out);
      break;
    case FieldType::Computed:
      break;
  }
}
}  // namespace

namespace {
void ValidateRecordInto(const FormDef& form, const json& values, const ValidationContext& ctx, Issues& out) {
  for (const SectionDef& section : form.sections)  // not AllFields(): no list built per record
    for (const FieldDef& f : section.fields) ValidateInto(f, At(values, f.id), ctx, f.id, f.label, out);
  CheckAgainstIdCard(form, values, out);
}
}  // namespace

std::vector<Issue> ValidateRecord(const FormDef& form, const json& values, const ValidationContext& ctx) {
  std::vector<Issue> out;
  Issues sink{out};
  ValidateRecordInto(form, values, ctx, sink);
  return out;
}

std::vector<Issue> RecordErrors(const FormDef& form, const json& values, const ValidationContext& ctx,
                                bool* incomplete) {
  std::vector<Issue> out;
  Issues sink{out, true};
  ValidateRecordInto(form, values, ctx, sink);
  *incomplete = sink.missing > 0 || std::any_of(out.begin(), out.end(), [](const Issue& i) { return i.incomplete; });
  return out;
}

long long SumOf(const FormDef& form, const json& values, const std::string& sum_of) {
  const auto dot = sum_of.find('.');
  if (dot == std::string::npos || !values.is_object()) return 0;
  const FieldDef* group = form.Find(sum_of.substr(0, dot));
  const std::string col = sum_of.substr(dot + 1);
  const json v = values.value(sum_of.substr(0, dot), json());
  long long total = 0;
  const auto add = [&](const json& cell) {
    if (cell.is_number_integer()) total += cell.get<long long>();
  };
  if (!group) return 0;
  if (group->type == FieldType::Table && v.is_array()) {
    for (const json& row : v)
      if (row.is_object()) add(row.value(col, json()));
  } else if (group->type == FieldType::Matrix && v.is_object()) {
    for (const json& c : v.value("columns", json::array()))
      if (c.is_object()) add(c.value("cells", json::object()).value(col, json()));
  }
  return total;
}

}  // namespace lw
