// print_html.h — a filled form as a printable A4 page, laid out like the paper template, with
// room for the recommending unit's seal (盖章). Every value is HTML-escaped.
#pragma once
#include <functional>
#include <string>

#include "form_def.h"
#include "record.h"
#include "region.h"

namespace lw {

// photo(sha256) returns the photo's bytes ("" when missing), embedded as data: URLs.
std::string PrintHtml(const FormDef& form, const Record& record, const RegionDb& regions, const std::string& unit,
                      const std::function<std::string(const std::string&)>& photo);

// Text of a value as a reader sees it ("1955-07" → "1955年7月", region code → names, a table's
// rows as lines "第 1 行：名称 草原读书会，参与人次 120", …).
std::string DisplayValue(const FieldDef& f, const nlohmann::json& v, const RegionDb& regions);

// Whether the paper form has a seal line (（盖章） 年 月 日) under this field: the recommending or
// reviewing unit's opinion (推荐单位意见, 单位意见, …). One rule for the print view and the .docx.
bool HasSealLine(const FieldDef& f);

}  // namespace lw
