// xlsx.h — real .xlsx workbooks (Office Open XML spreadsheets) from summary tables: one sheet
// per table, a bold header row, numbers as numbers, text as inline strings.
#pragma once
#include <string>
#include <vector>

#include "aggregate.h"

namespace lw {

std::string ToXlsx(const std::vector<const SummaryTable*>& tables);
std::string XmlEscape(const std::string& s);

}  // namespace lw
