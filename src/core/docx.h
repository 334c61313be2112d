// docx.h — a filled form as a Word document (Office Open XML WordprocessingML), laid out like the
// A4 print view (print_html.h): the title centred, 填报单位 and 填报日期, the fields as a bordered
// label | value table, table fields as real tables whose header row repeats on every page, photos
// in their cell, and the seal line (（盖章） 年 月 日) where the paper form has one. The notices ask
// for Word files; 宋体/黑体 are named so Word and WPS use the fonts the notices are printed in.
#pragma once
#include <functional>
#include <string>

#include "aggregate.h"
#include "form_def.h"
#include "record.h"
#include "region.h"

namespace lw {

// photo(sha256) returns the photo's bytes ("" when missing); JPEG, PNG and GIF are placed in the
// document, anything else is named by its caption only. date: "YYYY-MM-DD", shown as 2026年11月23日.
std::string ToDocx(const FormDef& form, const Record& record, const RegionDb& regions, const std::string& unit,
                   const std::string& date, const std::function<std::string(const std::string&)>& photo);

// A summary table (汇总表) or a list such as the 报送清单: title, 填报单位 and date, one bordered table
// whose header row repeats on every page and whose totals row is bold; landscape when wide.
std::string TableDocx(const SummaryTable& table, const std::string& unit, const std::string& date);
// 包头市教育局_示范活动汇总表_2026-11-23.docx
std::string TableDocxFileName(const SummaryTable& table, const std::string& unit, const std::string& date);

// 包头市教育局_百姓学习之星_张喆.docx: unit, the form's short title, and the record's name or title
// (whichever the form has), each made safe for every file system.
std::string DocxFileName(const FormDef& form, const Record& record, const std::string& unit);

}  // namespace lw
