// test_desk.cpp — the coordinator's tables: totals, quotas, CSV escaping, real .xlsx, print.
#include <algorithm>
#include <catch2/catch.hpp>

#include "aggregate.h"
#include "csv.h"
#include "print_html.h"
#include "xlsx.h"
#include "zip_writer.h"

using namespace lw;
using nlohmann::json;

namespace {
RegionDb Regions() {
  RegionDb db;
  REQUIRE(db.LoadJson(R"({"regions":[["140000","山西省"],["140100","太原市"],["140105","小店区"],["140200","大同市"],
    ["150000","内蒙古自治区"],["150200","包头市"],["150203","昆都仑区"]]})"));
  return db;
}

Record Make(const std::string& form, json values) {
  Record r;
  r.uuid = NewUuid();
  r.form = form;
  r.values = std::move(values);
  return r;
}
}  // namespace

TEST_CASE("statistics roll up by region and theme with totals", "[desk]") {
  const RegionDb db = Regions();
  Record ty =
      Make("shanxi_statistics",
           {{"stats",
             {{"columns",
               json::array(
                   {{{"theme", "终身学习"}, {"cells", {{"name", "大讲堂"}, {"participants", 300}, {"volunteers", 20}}}},
                    {{"theme", "全民阅读"}, {"cells", {{"name", "读书会"}, {"participants", 150}}}},
                    {{"theme", "全民阅读"}, {"cells", {{"name", "好书推荐"}, {"participants", 75}, {"volunteers", 5}}}},
                    {{"theme", "其他"}, {"cells", json::object()}}})}}}});
  Record dt = Make(
      "shanxi_statistics",
      {{"region", "140200"},
       {"stats",
        {{"columns", json::array({{{"theme", "全民阅读"}, {"cells", {{"name", "诵读"}, {"participants", 25}}}}})}}}});
  std::vector<SourceRecord> src = {{&ty, "太原市教育局", "140100"}, {&dt, "大同市教育局", "140100"}};
  const auto tables = BuildSummaryTables(src, db, nullptr);
  const SummaryTable& t = tables[0];
  CHECK(t.id == "stats");
  REQUIRE(t.rows.size() == 3);
  CHECK(t.rows[0][0].text == "山西省 / 太原市");
  CHECK(t.rows[0][1].text == "全民阅读");
  CHECK(t.rows[0][2].number == 2);
  CHECK(t.rows[0][3].number == 225);
  CHECK(t.rows[2][0].text == "山西省 / 大同市");  // the record's own region wins over its submitter's
  REQUIRE(t.totals.size() == 5);
  CHECK(t.totals[2].number == 4);
  CHECK(t.totals[3].number == 550);
  CHECK(t.totals[4].number == 25);
  const auto fig = FiguresByRegion(src);
  CHECK(fig.at("140000").participants == 550);
  CHECK(fig.at("140100").activities == 3);
  CHECK(fig.at("140200").participants == 25);
}

TEST_CASE("nominations are listed and checked against the 3–5 quota per province", "[desk]") {
  const RegionDb db = Regions();
  std::vector<Record> recs;
  for (int i = 0; i < 2; ++i)
    recs.push_back(Make("star_nomination", {{"name", "学员" + std::to_string(i)}, {"region", "150203"}}));
  for (int i = 0; i < 6; ++i)
    recs.push_back(Make("brand_project", {{"name", "项目" + std::to_string(i)}, {"region", "150203"}}));
  std::vector<SourceRecord> src;
  for (const Record& r : recs) src.push_back({&r, "包头市教育局", "150200"});
  const auto tables = BuildSummaryTables(src, db, nullptr);
  const SummaryTable* stars = nullptr;
  const SummaryTable* quota = nullptr;
  for (const auto& t : tables) {
    if (t.id == "stars") stars = &t;
    if (t.id == "quota") quota = &t;
  }
  REQUIRE(stars);
  REQUIRE(stars->rows.size() == 2);
  CHECK(stars->rows[1][1].text == "学员1");
  CHECK(stars->rows[1][6].text == "内蒙古自治区 / 包头市 / 昆都仑区");
  REQUIRE(quota);
  REQUIRE(quota->rows.size() == 1);
  CHECK(quota->rows[0][4].text == "学习之星不足，品牌项目超出");
}

TEST_CASE("CSV: BOM, quoting and formula neutralisation", "[desk]") {
  CHECK(CsvCell("包头市") == "包头市");
  CHECK(CsvCell("a,b") == "\"a,b\"");
  CHECK(CsvCell("说\"好\"") == "\"说\"\"好\"\"\"");
  CHECK(CsvCell("两行\n文字") == "\"两行\n文字\"");
  CHECK(CsvCell("=SUM(A1:A9)") == "'=SUM(A1:A9)");
  CHECK(CsvCell("+86 138") == "'+86 138");
  CHECK(CsvCell("-1") == "'-1");
  CHECK(CsvCell("@cmd") == "'@cmd");
  CHECK(CsvCell("=1,2") == "\"'=1,2\"");
  SummaryTable t{"x",
                 "表",
                 "",
                 {"名称", "人次"},
                 {{TextCell("读书会"), NumberCell(150)}},
                 {"140100"},
                 {TextCell("合计"), NumberCell(150)}};
  CHECK(ToCsv(t) == "\xEF\xBB\xBF名称,人次\r\n读书会,150\r\n合计,150\r\n");
}

TEST_CASE("xlsx: a real zip with the parts Excel needs", "[desk]") {
  CHECK(Crc32("123456789") == 0xCBF43926u);  // the standard check value
  SummaryTable t{"x",
                 "示范活动汇总表",
                 "",
                 {"名称", "人次"},
                 {{TextCell("读书会 <A&B>"), NumberCell(150)}, {TextCell("=cmd"), NumberCell(2)}},
                 {"", ""},
                 {}};
  const std::string x = ToXlsx({&t});
  CHECK(x.substr(0, 4) == "PK\x03\x04");
  CHECK(x.find("[Content_Types].xml") != std::string::npos);
  CHECK(x.find("xl/worksheets/sheet1.xml") != std::string::npos);
  CHECK(x.find("读书会 &lt;A&amp;B&gt;") != std::string::npos);
  CHECK(x.find("<v>150</v>") != std::string::npos);
  CHECK(x.find("<t xml:space=\"preserve\">=cmd</t>") != std::string::npos);  // text, never a formula
  CHECK(x.find("name=\"示范活动汇总表\"") != std::string::npos);
  CHECK(x.substr(x.size() - 22, 4) == "PK\x05\x06");
}

TEST_CASE("a table's value reads as lines of labelled cells, a region as its names", "[desk]") {
  const FormLibrary forms = LoadFormLibrary(std::string(LW_SOURCE_DIR) + "/assets/forms");
  const FormDef* demo = forms.Find("demo_activity_summary");
  REQUIRE(demo);
  const FieldDef* activities = nullptr;
  for (const FieldDef* f : demo->AllFields())
    if (f->id == "activities") activities = f;
  REQUIRE(activities);
  const json rows = json::parse(R"([{"date":"2020-10-21","name":"草原读书会","participants":120},{"name":"书法课"}])");
  CHECK(DisplayValue(*activities, rows, Regions()) ==
        "第 1 行：活动名称 草原读书会，活动时间 2020年10月21日，参与人次 120\n第 2 行：活动名称 书法课");
  FieldDef region;
  region.type = FieldType::Region;
  CHECK(DisplayValue(region, "150203", Regions()) == "内蒙古自治区 / 包头市 / 昆都仑区");
}

TEST_CASE("print view escapes everything and leaves room for the seal", "[desk]") {
  const FormLibrary forms = LoadFormLibrary(std::string(LW_SOURCE_DIR) + "/assets/forms");
  const FormDef* star = forms.Find("star_nomination");
  REQUIRE(star);
  Record r = Make("star_nomination", {{"name", "<b>张喆</b>"},
                                      {"birth", "1955-07"},
                                      {"region", "150203"},
                                      {"deeds", "一行\n<script>alert(1)</script>"},
                                      {"opinion", "同意推荐。"}});
  const std::string html =
      PrintHtml(*star, r, Regions(), "包头市 & 教育局", "2026-11-23", [](const std::string&) { return ""; });
  CHECK(html.find("<script>alert") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("&lt;b&gt;张喆&lt;/b&gt;") != std::string::npos);
  CHECK(html.find("包头市 &amp; 教育局") != std::string::npos);
  CHECK(html.find("1955年7月") != std::string::npos);
  CHECK(html.find("内蒙古自治区 / 包头市 / 昆都仑区") != std::string::npos);
  CHECK(html.find("（盖章）") != std::string::npos);
  CHECK(html.find("size: A4") != std::string::npos);
}

TEST_CASE("regions sort in GB/T 2260 code order, as official tables do", "[desk]") {
  RegionDb db;
  REQUIRE(db.LoadJson(R"({"regions":[["110000","北京市"],["310000","上海市"],["530000","云南省"],["140000","山西省"],
    ["140100","太原市"],["150000","内蒙古自治区"]]})"));
  std::vector<Cell> cells = {RegionCell(db, "530000", false), RegionCell(db, "310000", false),
                             TextCell("（未填地区）"),        RegionCell(db, "150000", false),
                             RegionCell(db, "140100", true),  RegionCell(db, "110000", false)};
  std::sort(cells.begin(), cells.end(), CellLess);
  std::vector<std::string> names;
  for (const Cell& c : cells) names.push_back(c.text);
  // By characters 上海市 (U+4E0A) would come before 云南省 (U+4E91) and 北京市.
  CHECK(names ==
        std::vector<std::string>{"北京市", "山西省 / 太原市", "内蒙古自治区", "上海市", "云南省", "（未填地区）"});
  CHECK(CellLess(NumberCell(9), NumberCell(10)));
  CHECK(CellLess(TextCell("a"), TextCell("b")));
}

TEST_CASE("summary tables give their region column the code order", "[desk]") {
  const RegionDb db = Regions();
  std::vector<Record> recs = {Make("star_nomination", {{"region", "150203"}}),
                              Make("star_nomination", {{"region", "140105"}})};
  std::vector<SourceRecord> src;
  for (const Record& r : recs) src.push_back({&r, "单位", r.values["region"], false});
  const auto tables = BuildSummaryTables(src, db, nullptr);
  const auto quota = std::find_if(tables.begin(), tables.end(), [](const SummaryTable& t) { return t.id == "quota"; });
  REQUIRE(quota != tables.end());
  REQUIRE(quota->rows.size() == 2);
  CHECK(CellLess(quota->rows[0][0], quota->rows[1][0]));  // 山西省 (14) before 内蒙古自治区 (15)
  CHECK_FALSE(CellLess(quota->rows[1][0], quota->rows[0][0]));
}

TEST_CASE("xlsx: column widths follow the content, a hanzi counting two", "[desk]") {
  SummaryTable t{"x",
                 "活动统计",
                 "",
                 {"地区", "人次", "网址"},
                 {{TextCell("山西省 / 太原市"), NumberCell(150), TextCell("https://x.cn/a")},
                  {TextCell("内蒙古自治区 / 包头市 / 昆都仑区"), NumberCell(2), TextCell("")}},
                 {},
                 {TextCell("合计"), NumberCell(152), TextCell("")}};
  const std::string x = ToXlsx({&t});
  const auto cols = x.substr(x.find("<cols>"), x.find("</cols>") - x.find("<cols>"));
  // 内蒙古自治区 / 包头市 / 昆都仑区: 13 hanzi (26) + 4 spaces and 2 slashes (6) + margin 2 = 34.
  CHECK(cols.find("<col min=\"1\" max=\"1\" width=\"34\" customWidth=\"1\"/>") != std::string::npos);
  CHECK(cols.find("<col min=\"2\" max=\"2\" width=\"6\" customWidth=\"1\"/>") != std::string::npos);   // "人次": 4+2
  CHECK(cols.find("<col min=\"3\" max=\"3\" width=\"16\" customWidth=\"1\"/>") != std::string::npos);  // 14 ASCII + 2
  const std::string narrow = "<col min=\"1\" max=\"1\" width=\"8\"";
  CHECK(cols.find(narrow) == std::string::npos);  // the old fixed width cut 山西省 / 太原市 off
}
