// print_html.h — printable A4 documents: a filled form laid out like the paper template (room for
// the recommending unit's seal, 盖章), and a summary table. Tables repeat their header row on every
// page, wide ones print landscape, pages are numbered "第 N 页 共 M 页". Every value is HTML-escaped.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "aggregate.h"
#include "form_def.h"
#include "record.h"
#include "region.h"

namespace lw {

// A table wider than this many columns goes on a landscape page (print view and .docx alike).
constexpr size_t kLandscapeColumns = 6;

// photo(sha256) returns the photo's bytes ("" when missing), embedded as data: URLs.
// date: "YYYY-MM-DD", shown as 填报日期 2026年11月23日.
std::string PrintHtml(const FormDef& form, const Record& record, const RegionDb& regions, const std::string& unit,
                      const std::string& date, const std::function<std::string(const std::string&)>& photo);
// A summary table (汇总表) with its totals row, landscape when wide.
std::string PrintTableHtml(const SummaryTable& table, const std::string& unit, const std::string& date);

// A table field's rows (序号 first), or a matrix's definition rows × its theme columns, as the text
// of header and body cells: one conversion for the print view and the .docx.
void FieldTable(const FieldDef& f, const nlohmann::json& v, const RegionDb& regions, std::vector<std::string>& headers,
                std::vector<std::vector<std::string>>& rows);
// Whether a form's table fields are too wide for a portrait page (one rule for print and .docx).
bool WantsLandscape(const FormDef& form, const Record& record);
// "2026-11-23" → "2026年11月23日" (as it is; a string that is not a date stays as it is).
std::string ChineseDate(const std::string& date);

// Text of a value as a reader sees it ("1955-07" → "1955年7月", region code → names, a table's
// rows as lines "第 1 行：名称 草原读书会，参与人次 120", …).
std::string DisplayValue(const FieldDef& f, const nlohmann::json& v, const RegionDb& regions);

// A field's value as documents show it: what the record holds, or for a computed total its sum.
nlohmann::json ShownValue(const FormDef& form, const Record& record, const FieldDef& f);

// Whether the paper form has a seal line (（盖章） 年 月 日) under this field: the recommending or
// reviewing unit's opinion (推荐单位意见, 单位意见, …). One rule for the print view and the .docx.
bool HasSealLine(const FieldDef& f);

}  // namespace lw
