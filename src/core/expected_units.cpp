// expected_units.cpp — see expected_units.h.
#include "expected_units.h"

#include <algorithm>
#include <set>

#include "csv.h"
#include "region.h"
#include "text_decode.h"

namespace lw {

ExpectedUnitsRead ReadExpectedUnits(const std::string& bytes) {
  ExpectedUnitsRead out;
  const auto text = DecodeOfficeText(bytes);
  if (!text) return {{}, "文件不是文本格式的 CSV（请在 WPS 或 Excel 中“另存为 CSV”）"};
  const auto rows = ParseCsv(*text);
  if (!rows) return {{}, "CSV 文件中有未闭合的引号，文件可能不完整"};
  if (rows->empty()) return {{}, "文件是空的"};
  const int name_col = ColumnOf(rows->front(), "单位名称"), code_col = ColumnOf(rows->front(), "地区代码");
  if (name_col < 0 || code_col < 0) return {{}, "第 1 行应为表头，并包含“单位名称”和“地区代码”两列"};
  std::set<std::pair<std::string, std::string>> seen;
  for (size_t i = 1; i < rows->size(); ++i) {
    const std::vector<std::string>& row = (*rows)[i];
    const auto cell = [&](int c) { return c < static_cast<int>(row.size()) ? TrimCell(row[c]) : std::string(); };
    ExpectedUnit u{cell(name_col), cell(code_col)};
    if (u.name.empty() && u.region.empty()) continue;
    const std::string at = "第 " + std::to_string(i + 1) + " 行";
    if (u.name.empty()) return {{}, at + "缺少单位名称"};
    if (!RegionDb::Level(u.region))
      return {{}, at + "（" + u.name + "）的地区代码“" + u.region + "”不是 6 位行政区划代码"};
    if (seen.insert({u.name, u.region}).second) out.units.push_back(std::move(u));
  }
  return out;
}

std::vector<ExpectedUnit> SilentUnits(const std::vector<ExpectedUnit>& expected,
                                      const std::vector<const Record*>& arrived) {
  std::set<std::pair<std::string, std::string>> sent;  // (unit, region) of every origin
  std::set<std::string> sent_names;                    // origins without a region code
  for (const Record* r : arrived) {
    sent.insert({r->origin.unit, r->origin.region});
    if (r->origin.region.empty()) sent_names.insert(r->origin.unit);
  }
  std::vector<ExpectedUnit> out;
  for (const ExpectedUnit& u : expected)
    if (!sent.count({u.name, u.region}) && !sent_names.count(u.name)) out.push_back(u);
  return out;
}

}  // namespace lw
