// xlsx_reader.h — the cells of a workbook's first sheet, as text, from an .xlsx that Excel, WPS or
// another program saved: shared strings (plain and rich text, phonetic guides left out), inline
// strings, numbers, booleans and formula results as they were last calculated. The first sheet is
// the first in the workbook's tab order (workbook.xml and its relationships), whatever its file
// is called. Only what a user types into a sheet is read: styles, dates as dates, merged cells
// and formulas themselves are not.
#pragma once
#include <string>
#include <vector>

namespace lw {

struct SheetCells {
  std::vector<std::vector<std::string>> rows;  // rows with content, cells from column A on
  std::vector<int> row_numbers;                // each row's number in the sheet (1-based)
  std::string error;                           // Chinese; "" when read
};

SheetCells ReadXlsxFirstSheet(const std::string& bytes);

}  // namespace lw
