// test_region_groups.cpp — issue 11: the summary grouped by province, city and county (GB/T 2260
// prefixes) with drill-down; every level's rows add up to the level above.
#include <catch2/catch.hpp>

#include "region_groups.h"

using namespace lw;
using nlohmann::json;

namespace {
const RegionDb& Regions() {
  static const RegionDb db = [] {
    RegionDb d;
    d.LoadJson(R"({"regions":[["150000","内蒙古自治区"],["150200","包头市"],["150203","昆都仑区"],["150204","青山区"],
                   ["150600","鄂尔多斯市"],["150602","东胜区"],["140000","山西省"],["140100","太原市"],["140105","小店区"]]})");
    return d;
  }();
  return db;
}

Record Activity(const std::string& region, int participants) {
  Record r;
  r.uuid = NewUuid();
  r.form = "shanxi_statistics";
  r.values = {
      {"region", region},
      {"stats",
       {{"columns",
         json::array({{{"theme", "全民阅读"}, {"cells", {{"participants", participants}, {"volunteers", 2}}}}})}}}};
  return r;
}
Record Star(const std::string& region) {
  Record r;
  r.uuid = NewUuid();
  r.form = "star_nomination";
  r.values = {{"region", region}};
  return r;
}
}  // namespace

TEST_CASE("province → city → county: rows add up to the level above", "[region_groups]") {
  const std::vector<Record> recs = {Activity("150203", 100), Activity("150203", 50), Activity("150204", 30),
                                    Activity("150602", 7),   Star("150200"),         Activity("140105", 900),
                                    Star("150000")};
  std::vector<SourceRecord> src;
  for (const Record& r : recs) src.push_back({&r, "某单位", "", r.values["region"] == "150204"});

  RegionGroup all;
  const auto provinces = GroupByRegion(src, Regions(), RegionLevel::Province, "", &all);
  REQUIRE(provinces.size() == 2);
  CHECK(provinces[0].code == "140000");
  CHECK(provinces[0].figures.participants == 900);
  CHECK(provinces[1].name == "内蒙古自治区");
  CHECK(provinces[1].records == 6);
  CHECK(provinces[1].drafts == 1);  // 青山区's record is an incomplete draft: counted apart
  CHECK(provinces[1].figures.participants == 187);
  CHECK(provinces[1].figures.stars == 2);
  CHECK(all.records == 7);
  CHECK(all.figures.participants == 1087);

  // Drill down into 内蒙古: its cities, and the province's own record as 本级.
  RegionGroup nm;
  const auto cities = GroupByRegion(src, Regions(), Finer(RegionLevel::Province), "150000", &nm);
  REQUIRE(cities.size() == 3);
  CHECK(cities[0].name == "内蒙古自治区（本级）");
  CHECK(cities[0].figures.stars == 1);
  CHECK(cities[1].name == "包头市");
  CHECK(cities[1].records == 4);
  CHECK(cities[1].figures.participants == 180);
  CHECK(cities[2].name == "鄂尔多斯市");
  CHECK(nm.records == provinces[1].records);
  CHECK(nm.figures.participants == provinces[1].figures.participants);

  // ...and into 包头市: its counties.
  RegionGroup bt;
  const auto counties = GroupByRegion(src, Regions(), RegionLevel::County, "150200", &bt);
  REQUIRE(counties.size() == 3);
  CHECK(counties[0].name == "包头市（本级）");
  CHECK(counties[1].name == "昆都仑区");
  CHECK(counties[1].records == 2);
  CHECK(counties[1].figures.participants == 150);
  CHECK(counties[1].figures.activities == 2);
  CHECK(counties[2].name == "青山区");
  CHECK(bt.figures.participants == cities[1].figures.participants);
  CHECK(Finer(RegionLevel::County) == RegionLevel::County);
}

TEST_CASE("the grouping as a table for print and Word: rows, codes and 合计", "[region_groups]") {
  const std::vector<Record> recs = {Activity("150203", 100), Activity("150204", 30), Star("150200")};
  std::vector<SourceRecord> src;
  for (const Record& r : recs) src.push_back({&r, "某单位", "", false});
  RegionGroup all;
  const auto cities = GroupByRegion(src, Regions(), RegionLevel::County, "150200", &all);
  const SummaryTable t = RegionGroupsTable(cities, all, "包头市");
  CHECK(t.title == "按地区汇总：包头市");
  CHECK(t.headers == RegionGroupHeaders());
  REQUIRE(t.rows.size() == cities.size());
  CHECK(t.row_regions.front() == cities.front().code);
  CHECK(CellTexts(t.rows.front()).front() == cities.front().name);
  REQUIRE(t.totals.size() == t.headers.size());
  CHECK(t.totals[0].text == "合计");
  CHECK(t.totals[1].number == 3);    // 记录
  CHECK(t.totals[5].number == 130);  // 参与人次
  CHECK(t.totals[7].number == 1);    // 百姓学习之星
}
