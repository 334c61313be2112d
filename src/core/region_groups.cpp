// region_groups.cpp — see region_groups.h.
#include "region_groups.h"

#include <map>

namespace lw {

namespace {

// The code of the group a region falls in at `level`, or "" when it is coarser than that.
std::string GroupCode(const std::string& region, RegionLevel level) {
  switch (level) {
    case RegionLevel::Province:
      return RegionDb::ProvinceOf(region);
    case RegionLevel::City:
      return RegionDb::CityOf(region);
    case RegionLevel::County:
      return RegionDb::Level(region) == 3 ? region : std::string();
  }
  return {};
}

// The digits a code under `parent` starts with: 2 for a province, 4 for a city.
std::string PrefixOf(const std::string& parent) {
  switch (RegionDb::Level(parent)) {
    case 1:
      return parent.substr(0, 2);
    case 2:
      return parent.substr(0, 4);
    case 3:
      return parent;
  }
  return {};
}

void Count(RegionGroup& g, const SourceRecord& s) {
  ++g.records;
  ++(s.draft ? g.drafts : g.valid);
  RegionFigures f;
  if (FiguresOf(*s.record, {}, f)) g.figures += f;
}

}  // namespace

const std::vector<std::string>& RegionGroupHeaders() {
  static const std::vector<std::string> kHeaders = {"地区",     "记录",   "已校验",       "草稿",    "活动",
                                                    "参与人次", "志愿者", "百姓学习之星", "品牌项目"};
  return kHeaders;
}

std::vector<Cell> RegionGroupCells(const RegionGroup& g) {
  const RegionFigures& f = g.figures;
  std::vector<Cell> cells;
  for (long long n :
       {static_cast<long long>(g.records), static_cast<long long>(g.valid), static_cast<long long>(g.drafts),
        f.activities, f.participants, f.volunteers, f.stars, f.projects})
    cells.push_back(NumberCell(static_cast<double>(n)));
  return cells;
}

SummaryTable RegionGroupsTable(const std::vector<RegionGroup>& groups, const RegionGroup& totals,
                               const std::string& where) {
  SummaryTable t{"regions", "按地区汇总：" + where, {}, RegionGroupHeaders(), {}, {}, {}};
  const auto row = [](const RegionGroup& g, Cell first) {
    std::vector<Cell> cells = RegionGroupCells(g);
    cells.insert(cells.begin(), std::move(first));
    return cells;
  };
  for (const RegionGroup& g : groups) {
    t.rows.push_back(row(g, TextCell(g.name)));
    t.row_regions.push_back(g.code);
  }
  t.totals = row(totals, TextCell("合计"));
  return t;
}

RegionLevel Finer(RegionLevel level) {
  return level == RegionLevel::Province ? RegionLevel::City : RegionLevel::County;
}

std::vector<RegionGroup> GroupByRegion(const std::vector<SourceRecord>& records, const RegionDb& regions,
                                       RegionLevel level, const std::string& parent, RegionGroup* totals) {
  const std::string prefix = PrefixOf(parent);
  std::map<std::string, RegionGroup> groups;
  for (const SourceRecord& s : records) {
    const std::string region = RegionOf(s);
    if (!RegionDb::Level(region) || region.compare(0, prefix.size(), prefix) != 0) continue;
    std::string code = GroupCode(region, level);
    const bool own_level = code.empty();  // e.g. the province's own records among its cities
    if (own_level) code = parent.empty() ? region : parent;
    RegionGroup& g = groups[code];
    if (g.code.empty()) {
      g.code = code;
      g.name = own_level ? regions.Name(code) + "（本级）" : regions.Name(code);
      if (g.name.empty() || g.name == "（本级）") g.name = code + g.name;
    }
    Count(g, s);
    if (totals) Count(*totals, s);
  }
  std::vector<RegionGroup> out;
  for (auto& [code, g] : groups) out.push_back(std::move(g));
  return out;
}

}  // namespace lw
