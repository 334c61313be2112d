// expected_units.h — "who has sent nothing yet": a coordinator imports the list of units it
// expects bundles from (a CSV with the columns 单位名称 and 地区代码, as WPS or Excel save it:
// GBK, or UTF-8 with a BOM) and the desk lists those of which no record has arrived, by any path.
#pragma once
#include <string>
#include <vector>

#include "record.h"

namespace lw {

struct ExpectedUnit {
  std::string name;    // 单位名称
  std::string region;  // 地区代码 (GB/T 2260, 6 digits)
  bool operator==(const ExpectedUnit&) const = default;
};

struct ExpectedUnitsRead {
  std::vector<ExpectedUnit> units;
  std::string error;  // Chinese, "" when read
};

// Reads the list; refuses it whole (naming the line) when a column is missing, a code is not a
// 6-digit region code, or the file is not text. Blank lines are skipped; a unit listed twice once.
ExpectedUnitsRead ReadExpectedUnits(const std::string& bytes);

// The expected units that nothing has come from: no record whose origin is that unit (same name,
// and same region code when both have one), whoever forwarded it. In the list's order.
std::vector<ExpectedUnit> SilentUnits(const std::vector<ExpectedUnit>& expected,
                                      const std::vector<const Record*>& arrived);

}  // namespace lw
