// csv.h — CSV that Excel opens correctly with Chinese text: UTF-8 with a BOM, CRLF, RFC 4180
// quoting, and cells that start with = + - @ (or tab/CR) neutralised so a cell can never
// become a formula (CSV injection).
#pragma once
#include <string>
#include <vector>

#include "aggregate.h"

namespace lw {

std::string CsvCell(const std::string& text);
std::string ToCsv(const SummaryTable& t);

}  // namespace lw
