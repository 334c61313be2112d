// form_sheet.h — a form read from a spreadsheet laid out one field per row, the way XLSForm users
// author forms in Excel or WPS. The first row is the header:
//
//   字段标识 | 标题     | 类型 | 必填 | 字数上限 | 选项
//   name     | 姓名     | 文本 | 是   | 20       |
//   gender   | 性别     | 单选 | 是   |          | 男、女
//
// 字段标识 is the field's id (lower-case letters, digits, _); 类型 is a Chinese or English type
// name (文本/text, 多行文本/textarea, 整数/integer, 日期/date, 年月 (a date to the month), 单选/
// choice, 多选/multichoice, 地区/region, 电话/phone, 电子邮箱/email, 网址/url, 身份证号码/idcard,
// 照片/photos, 表格/table, 统计表/matrix, 合计/computed), or 分节/section for a row that starts a
// section titled by its 标题. 必填: 是/否 (empty: 否). 字数上限: a positive integer (for 照片 the
// caption's). 选项 lists a choice's options separated by 、 ; | or line breaks — for 统计表 its themes, for
// 合计 what it adds up ("表格字段.列"). A table's columns (a statistics matrix's rows) are rows of
// their own below it, with ids "表格字段.列" ("people.name"). An optional 说明 column is the help
// line under the field. Header names may also be English (id/name, label, type, required,
// maxChars, options, help).
//
// The sheet comes as CSV or as an .xlsx workbook (its first sheet). Every refusal names the
// spreadsheet row ("第 4 行：类型「数字」不认识，可用：…"); the definition
// then goes through the checks the build runs on assets/forms (CheckFieldJson, ParseFormDefJson).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "form_def.h"

namespace lw {

// What the sheet itself does not say, asked by the form editor.
struct SheetFormInfo {
  std::string id;     // the form's id (lower-case letters, digits, _)
  std::string title;  // 全称
  std::string short_title;
  std::string kind = "report";  // person | project | unit | report | statistics | material
  std::string follows;          // the notice this form follows
  std::string description;
  int version = 1;
};

struct SheetRead {
  std::optional<FormDef> form;
  std::vector<std::string> errors;  // Chinese, each naming its row; all of them at once
};

// The rows of a sheet (the header first); row_numbers[i] is the row number rows[i] has in the
// spreadsheet (blank rows counted), so messages name the row the user sees.
SheetRead FormFromSheet(const std::vector<std::vector<std::string>>& rows, const std::vector<int>& row_numbers,
                        const SheetFormInfo& info);
// A CSV as WPS or Excel save it: GBK, or UTF-8 with or without a BOM.
SheetRead FormFromCsv(const std::string& bytes, const SheetFormInfo& info);
// An .xlsx workbook's first sheet (xlsx_reader.h).
SheetRead FormFromXlsx(const std::string& bytes, const SheetFormInfo& info);
// Either, told apart by the bytes (an .xlsx is a ZIP archive): what a file chooser hands over.
SheetRead FormFromSpreadsheet(const std::string& bytes, const SheetFormInfo& info);

// The type names a sheet may use, for the form editor's help ("文本、多行文本、…").
std::string SheetTypeNames();
// The 预填 column: a unit profile field by its title (填报单位 → "profile.unit"; "" when unknown),
// back again, the titles, and the titles joined with 、 for messages.
std::string PrefillFromTitle(const std::string& title);
std::string PrefillTitle(const std::string& source);
std::vector<std::string> PrefillTitleList();
std::string PrefillTitles();

}  // namespace lw
