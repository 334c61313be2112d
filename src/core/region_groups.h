// region_groups.h — the summary grouped by province, city or county (GB/T 2260 prefixes of 2, 4
// and 6 digits) with drill-down: a coordinator sees its provinces, clicks one to see its cities,
// then a city's counties. Records count where they belong (RegionOf: their own region field,
// else their submitter's).
#pragma once
#include <string>
#include <vector>

#include "aggregate.h"

namespace lw {

enum class RegionLevel { Province = 1, City = 2, County = 3 };

struct RegionGroup {
  std::string code, name;  // "150200", "包头市"
  int records = 0, valid = 0, drafts = 0;
  RegionFigures figures;
};

// The groups at `level` under `parent` ("" = everywhere; a province's or city's code limits the
// rows to its own cities or counties), sorted by code. Records whose region is coarser than
// `level` (a province's own records among its cities) form a row of their parent's code named
// "（本级）". `totals` (optional) receives the sum of every row.
std::vector<RegionGroup> GroupByRegion(const std::vector<SourceRecord>& records, const RegionDb& regions,
                                       RegionLevel level, const std::string& parent, RegionGroup* totals = nullptr);

// The groups as a table for print and Word ("按地区汇总：内蒙古自治区"), with its 合计 row.
SummaryTable RegionGroupsTable(const std::vector<RegionGroup>& groups, const RegionGroup& totals,
                               const std::string& where);
const std::vector<std::string>& RegionGroupHeaders();
// A group's figures, in the columns after 地区.
std::vector<Cell> RegionGroupCells(const RegionGroup& g);

// The level below (Province → City → County); County stays County.
RegionLevel Finer(RegionLevel level);

}  // namespace lw
