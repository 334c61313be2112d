// test_print.cpp — print views and Word files for everything: every shipped form and a summary
// table, header rows that repeat on each page, landscape when wide, numbered pages, escaped text.
#include <catch2/catch.hpp>

#include "docx.h"
#include "print_html.h"
#include "shipped_forms.h"
#include "xml_check.h"
#include "zip_read.h"

using namespace lw;

namespace {
SummaryTable Wide() {
  SummaryTable t;
  t.title = "示范活动汇总表";
  t.note = "按 GB/T 2260 代码顺序";
  t.headers = {"序号", "活动名称", "地区", "主办单位", "时间", "地点", "参与人次"};
  t.rows = {{NumberCell(1), TextCell("草原读书会 <b>"), TextCell("包头市"), TextCell("图书馆"), TextCell("10月"),
             TextCell("馆内"), NumberCell(120)}};
  t.totals = {TextCell("合计"), TextCell(""), TextCell(""), TextCell(""), TextCell(""), TextCell(""), NumberCell(120)};
  return t;
}
}  // namespace

TEST_CASE("print: a summary table repeats its header, prints landscape when wide, numbers its pages", "[print]") {
  const std::string h = PrintTableHtml(Wide(), "包头市教育局", "2026-03-06");
  CHECK(h.find("<thead>") != std::string::npos);
  CHECK(h.find("size: A4 landscape") != std::string::npos);
  CHECK(h.find("\"第 \" counter(page) \" 页 共 \" counter(pages) \" 页\"") != std::string::npos);
  CHECK(h.find("草原读书会 &lt;b&gt;") != std::string::npos);
  CHECK(h.find("<tr class=\"total\">") != std::string::npos);
  CHECK(h.find("填报日期：2026年3月6日") != std::string::npos);
  SummaryTable narrow = Wide();
  narrow.headers.resize(4);
  CHECK(PrintTableHtml(narrow, "", "2026-03-06").find("size: A4;") != std::string::npos);
}

TEST_CASE("print: every shipped form has a print view; table fields are tables of their own", "[print]") {
  int forms = 0;
  for (const FormDef& f : test::Forms().forms) {
    Record r;
    r.uuid = "3f2a9c1e-0000-4000-8000-000000000001";
    r.form = f.id;
    const std::string h =
        PrintHtml(f, r, RegionDb(), "包头市教育局", "2026-03-06", [](const std::string&) { return ""; });
    CHECK(h.find("<h1>" + f.title) != std::string::npos);
    for (const FieldDef* field : f.AllFields())
      if (field->type == FieldType::Table || field->type == FieldType::Matrix)
        CHECK(h.find("<h2>" + field->label + "</h2><table class=\"data\"><thead>") != std::string::npos);
    ++forms;
  }
  CHECK(forms == 14);
  const FormDef* shanxi = test::Forms().Find("shanxi_statistics");
  REQUIRE(shanxi);
  Record r;
  r.form = shanxi->id;
  CHECK(WantsLandscape(*shanxi, r));
}

TEST_CASE("docx: a summary table as Word: well-formed, header repeated, totals bold, landscape", "[print]") {
  const auto parts = test::ReadStoredZip(TableDocx(Wide(), "包头市教育局", "2026-03-06"));
  REQUIRE(parts.count("word/document.xml"));
  const std::string& doc = parts.at("word/document.xml");
  CHECK(test::XmlProblem(doc).empty());
  CHECK(doc.find("<w:tblHeader/>") != std::string::npos);
  CHECK(doc.find("w:orient=\"landscape\"") != std::string::npos);
  CHECK(doc.find("草原读书会 &lt;b&gt;") != std::string::npos);
  CHECK(doc.find("按 GB/T 2260 代码顺序") != std::string::npos);
  CHECK(doc.find("<w:b/><w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/></w:rPr><w:t xml:space=\"preserve\">合计") !=
        std::string::npos);
  CHECK(TableDocxFileName(Wide(), "包头市教育局", "2026-03-06") == "包头市教育局_示范活动汇总表_2026-03-06.docx");
}

TEST_CASE("print and docx: a computed total shows its sum, not an empty cell", "[print]") {
  const FormDef* shanxi = test::Forms().Find("shanxi_statistics");
  REQUIRE(shanxi);
  Record r;
  r.form = shanxi->id;
  r.values = {{"stats",
               {{"columns", nlohmann::json::array({{{"theme", "终身学习"}, {"cells", {{"participants", 300}}}},
                                                   {{"theme", "全民阅读"}, {"cells", {{"participants", 150}}}}})}}}};
  const std::string h = PrintHtml(*shanxi, r, RegionDb(), "", "2026-03-06", [](const std::string&) { return ""; });
  CHECK(h.find("<th>参与人次合计</th><td>450</td>") != std::string::npos);
  const auto parts = test::ReadStoredZip(
      ToDocx(*shanxi, r, RegionDb(), "", "2026-03-06", [](const std::string&) { return std::string(); }));
  CHECK(parts.at("word/document.xml").find(">450</w:t>") != std::string::npos);
}
