// csv.h — CSV that Excel opens correctly with Chinese text: UTF-8 with a BOM, CRLF, RFC 4180
// quoting, and cells that start with = + - @ (or tab/CR) neutralised so a cell can never
// become a formula (CSV injection).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aggregate.h"

namespace lw {

std::string CsvCell(const std::string& text);
std::string ToCsv(const SummaryTable& t);

// Rows of cells from CSV text (UTF-8): RFC 4180 quotes (a "" inside quotes is one "), CRLF or LF,
// blank lines skipped. nullopt when a quoted cell is never closed. With `rows_at`, the row number
// each row has in a spreadsheet (1-based, blank rows counted), so a message names the row the
// user sees in WPS or Excel.
std::optional<std::vector<std::vector<std::string>>> ParseCsv(const std::string& text,
                                                              std::vector<int>* rows_at = nullptr);

// A cell of a sheet users bring (CSV or .xlsx) as typed, without the spaces around it: ASCII and
// the full-width 　 that WPS users type around a name.
std::string TrimCell(const std::string& cell);
// Index of the header cell named `name` (trimmed), -1 when there is none.
int ColumnOf(const std::vector<std::string>& header, std::string_view name);

}  // namespace lw
