// validate.h — field rules and record validation. Every message is Chinese and says what to do.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "form_def.h"

namespace lw {

class RegionDb;

struct Date {
  int year = 0, month = 0, day = 0;  // day == 0 for a month-precision date
  auto operator<=>(const Date&) const = default;
};

// "2020-10-25" (or "2020-10" with month precision) → Date; nullopt when not a real date.
std::optional<Date> ParseDate(std::string_view s, bool month_precision = false);
std::string FormatDate(const Date& d);
// Days from a to b (b - a), for "还剩 N 天".
int DaysBetween(const Date& a, const Date& b);
// Days since 1970-01-01 (proleptic Gregorian; a month-precision date counts from its 1st), and back.
long long DaysSinceEpoch(const Date& d);
Date DateFromDays(long long days);
// The date n days after d (n ≥ 0).
Date AddDays(Date d, int n);

// Each check returns "" when the value is acceptable, else the message to show beside the field.
std::string CheckPhone(std::string_view s);
std::string CheckEmail(std::string_view s);
std::string CheckUrl(std::string_view s);
std::string CheckIdCard(std::string_view s);
bool IdCardCheckDigitOk(std::string_view s18);

struct DateWindow {
  Date begin, end;
};

struct ValidationContext {
  const RegionDb* regions = nullptr;
  std::optional<DateWindow> window;  // the campaign's activity window
};

struct Issue {
  std::string path;   // "name", "activities[2].participants", "stats.col3.participants"
  std::string label;  // what the user sees: "活动列表 第3行 · 参与人数"
  std::string message;
  // Only something missing (a required field, rows, photos, a caption, minimum length): the
  // record is an unfinished draft. Otherwise a value breaks a rule, and an import refuses it.
  bool incomplete = false;
};

std::vector<Issue> ValidateField(const FieldDef& f, const nlohmann::json& value, const ValidationContext& ctx,
                                 const std::string& path, const std::string& label);
std::vector<Issue> ValidateRecord(const FormDef& form, const nlohmann::json& values, const ValidationContext& ctx);
// The same rules for an import: the issues that break a rule, and in *incomplete whether
// anything is missing (a draft), without an issue built for each missing value.
std::vector<Issue> RecordErrors(const FormDef& form, const nlohmann::json& values, const ValidationContext& ctx,
                                bool* incomplete);

// Total of "group.column" over a table's rows or a matrix's columns (non-numbers count 0).
long long SumOf(const FormDef& form, const nlohmann::json& values, const std::string& sum_of);

// True when the value counts as "not filled in".
bool IsEmptyValue(const nlohmann::json& v);

}  // namespace lw
