// test_form_table.cpp — the summary table of a form a campaign package brings: one row per row of
// its table field, with the record's own fields, region, sender, status and a 合计 of the numbers.
#include <catch2/catch.hpp>

#include "form_table.h"

using namespace lw;
using nlohmann::json;

namespace {

FormDef PackageForm() {
  const json def =
      R"({"id":"f_1a2b3c","version":1,"title":"社区教育活动统计表","kind":"statistics","follows":"晋教职成函〔2026〕12号",
    "sections":[{"title":"基本信息","fields":[
      {"id":"unit","label":"填报单位","type":"text"},
      {"id":"topics","label":"主题","type":"multichoice","options":["读书","健康"]},
      {"id":"activities","label":"社区教育活动","type":"table","columns":[
        {"id":"name","label":"活动名称","type":"text"},{"id":"people","label":"参与人次","type":"integer"}]},
      {"id":"photos","label":"照片","type":"photos"}]}]})"_json;
  FormLoadResult r = ParseFormDefJson(def, "");
  INFO((r.errors.empty() ? "" : r.errors.front()));
  REQUIRE(r.form);
  r.form->package = "2026-140000";
  return *r.form;
}

Record Make(json values) {
  Record r;
  r.uuid = NewUuid();
  r.form = "f_1a2b3c";
  r.values = std::move(values);
  return r;
}

RegionDb Regions() {
  RegionDb db;
  REQUIRE(db.LoadJson(R"({"regions":[["140000","山西省"],["140100","太原市"],["140105","小店区"]]})"));
  return db;
}

}  // namespace

TEST_CASE("a package form's summary lists its table's rows with the record's fields and totals", "[desk]") {
  const FormDef form = PackageForm();
  const RegionDb db = Regions();
  Record ty =
      Make({{"unit", "太原市教育局"},
            {"topics", {"读书", "健康"}},
            {"activities", {{{"name", "晋阳湖畔读书会"}, {"people", 120}}, {{"name", "健康讲座"}, {"people", 80}}}}});
  Record xd = Make({{"unit", "小店区社区学院"}});  // nothing in its table yet: still listed, as a draft
  const std::vector<SourceRecord> src = {{&ty, "太原市教育局", "140100", false},
                                         {&xd, "小店区社区学院", "140105", true}};
  const SummaryTable t = FormSummaryTable(form, src, db);

  CHECK(t.title == "社区教育活动统计表");
  CHECK(t.headers == std::vector<std::string>{"序号", "填报单位", "主题", "社区教育活动 · 活动名称",
                                              "社区教育活动 · 参与人次", "所在地区", "报送单位", "状态"});
  REQUIRE(t.rows.size() == 3);
  CHECK(CellTexts(t.rows[0]) == std::vector<std::string>{"1", "太原市教育局", "读书、健康", "晋阳湖畔读书会", "120",
                                                         "山西省 / 太原市", "太原市教育局", "已校验"});
  CHECK(t.rows[1][3].text == "健康讲座");
  CHECK(t.rows[2][3].text.empty());
  CHECK(t.rows[2][7].text == "草稿");
  CHECK(t.row_regions == std::vector<std::string>{"140100", "140100", "140105"});
  REQUIRE(t.totals.size() == t.headers.size());
  CHECK(t.totals[0].text == "合计");
  CHECK(t.totals[4].number == 200);
  CHECK(t.totals[3].text.empty());  // text columns have no total
}

TEST_CASE("package forms get tables; shipped forms keep their own", "[desk]") {
  FormLibrary library;
  library.forms.push_back(PackageForm());
  FormDef shipped = PackageForm();
  shipped.id = "star_nomination";
  shipped.package.clear();
  library.forms.push_back(shipped);
  const auto tables = PackageFormTables(library, {}, Regions());
  REQUIRE(tables.size() == 1);
  CHECK(tables[0].id == "form:f_1a2b3c");
  CHECK(tables[0].rows.empty());
  CHECK(tables[0].totals.empty());
}
