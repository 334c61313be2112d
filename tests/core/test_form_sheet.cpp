// test_form_sheet.cpp — issue 12: a form authored in Excel or WPS, one field per row, read from
// CSV (GBK or UTF-8 with a BOM) or .xlsx (shared and inline strings): every field type the engine has, tables with
// their columns, sections; refusals that name the spreadsheet row; the result passes the build's form checks and goes
// into a campaign package.
#include <catch2/catch.hpp>
#include <set>

#include "campaign_package.h"
#include "form_sheet.h"
#include "shipped_forms.h"
#include "text_file.h"
#include "xlsx.h"
#include "xlsx_reader.h"
#include "zip_writer.h"

using namespace lw;
using lw::test::Forms;
using nlohmann::json;

namespace {

SheetFormInfo Info() {
  SheetFormInfo i;
  i.id = "salon_signup";
  i.title = "社区读书会报名表";
  i.kind = "report";
  i.follows = "示例：2026 年活动周通知附件 1";
  return i;
}

const char* kHeader = "字段标识,标题,类型,必填,字数上限,选项\r\n";

std::string Joined(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& e : v) s += e + "\n";
  return s;
}

}  // namespace

TEST_CASE("form sheet: every field type from a spreadsheet, Chinese or English names", "[form_sheet]") {
  const std::string csv = std::string("\xEF\xBB\xBF") + kHeader +
                          "name,读书会名称,文本,是,30,\r\n"
                          "intro,简介,多行文本,否,500字,\r\n"
                          "count,人数,整数,,,\r\n"
                          "day,日期,日期,是,,\r\n"
                          "month,月份,年月,,,\r\n"
                          "mode,形式,单选,是,,线下、线上\r\n"
                          "tags,主题,multichoice,,,阅读;非遗|健康\r\n"
                          ",联系方式,分节,,,\r\n"
                          "region,地区,地区,是,,\r\n"
                          "phone,电话,phone,Y,,\r\n"
                          "email,电子邮箱,邮箱,,,\r\n"
                          "link,新闻链接,网址,,,\r\n"
                          "idno,身份证号码,身份证号码,,,\r\n"
                          "photos,活动照片,照片,,40,\r\n"
                          "\"people\",联系人,表格,,,\r\n"
                          "people.who,姓名,文本,是,20,\r\n"
                          "people.hours,时长,整数,,,\r\n"
                          "total,合计时长,合计,,,people.hours\r\n"
                          "stats,统计,统计表,,,讲座、展览\r\n"
                          "stats.times,场次,整数,,,\r\n";
  const SheetRead r = FormFromCsv(csv, Info());
  INFO(Joined(r.errors));
  REQUIRE(r.form);
  const FormDef& f = *r.form;
  CHECK(f.id == "salon_signup");
  CHECK(f.title == "社区读书会报名表");
  REQUIRE(f.sections.size() == 2);
  CHECK(f.sections[0].title == "社区读书会报名表");
  CHECK(f.sections[1].title == "联系方式");
  std::set<FieldType> types;
  for (const FieldDef* x : f.AllFields()) types.insert(x->type);
  CHECK(types.size() == AllFieldTypes().size());  // every type the engine has
  CHECK(f.Find("name")->required);
  CHECK(f.Find("name")->max_chars == 30);
  CHECK(f.Find("intro")->max_chars == 500);
  CHECK_FALSE(f.Find("intro")->required);
  CHECK(f.Find("month")->precision == "month");
  CHECK(f.Find("mode")->options == std::vector<std::string>{"线下", "线上"});
  CHECK(f.Find("tags")->options == std::vector<std::string>{"阅读", "非遗", "健康"});
  CHECK(f.Find("phone")->required);
  CHECK(f.Find("photos")->caption_max_chars == 40);
  const FieldDef* people = f.Find("people");
  REQUIRE(people->columns.size() == 2);
  CHECK(people->columns[0].id == "who");
  CHECK(people->columns[0].max_chars == 20);
  CHECK(people->columns[1].type == FieldType::Integer);
  CHECK(f.Find("total")->sum_of == "people.hours");
  CHECK(f.Find("stats")->themes == std::vector<std::string>{"讲座", "展览"});
  CHECK(f.Find("stats")->columns.at(0).id == "times");

  // English headers, as XLSForm users write them.
  const SheetRead en = FormFromCsv("name,label,type,required\nfull_name,姓名,text,yes\n", Info());
  REQUIRE(en.form);
  CHECK(en.form->Find("full_name")->required);

  // The sheet's form is a form like any other: it goes into a campaign package.
  const CampaignPackage example =
      *ParsePackage(ReadTextFile(std::string(LW_SOURCE_DIR) + "/assets/packages/example-2026-nmg.json"), Forms())
           .package;
  CampaignPackage p = example;
  p.forms = {f};
  p.campaign.issuers[0].requirements[0].form = "salon_signup";
  const PackageWrite w = WritePackage(p, Forms());
  INFO(Joined(w.errors));
  CHECK_FALSE(w.bytes.empty());
}

TEST_CASE("form sheet: GBK as WPS and Excel save CSV on Chinese Windows", "[form_sheet]") {
  // 字段标识,标题,类型,必填,字数上限,选项 / name,姓名,文本,是,20, / gender,性别,单选,是,,男、女 (GBK)
  const std::string gbk =
      "\xD7\xD6\xB6\xCE\xB1\xEA\xCA\xB6\x2C\xB1\xEA\xCC\xE2\x2C\xC0\xE0\xD0\xCD\x2C\xB1\xD8\xCC\xEE\x2C\xD7\xD6\xCA\xFD"
      "\xC9\xCF\xCF\xDE\x2C\xD1\xA1\xCF\xEE\x0D\x0A\x6E\x61\x6D\x65\x2C\xD0\xD5\xC3\xFB\x2C\xCE\xC4\xB1\xBE\x2C\xCA\xC7"
      "\x2C\x32\x30\x2C\x0D\x0A\x67\x65\x6E\x64\x65\x72\x2C\xD0\xD4\xB1\xF0\x2C\xB5\xA5\xD1\xA1\x2C\xCA\xC7\x2C\x2C\xC4"
      "\xD0\xA1\xA2\xC5\xAE\x0D\x0A";
  const SheetRead r = FormFromCsv(gbk, Info());
  INFO(Joined(r.errors));
  REQUIRE(r.form);
  CHECK(r.form->Find("name")->label == "姓名");
  CHECK(r.form->Find("name")->max_chars == 20);
  CHECK(r.form->Find("gender")->options == std::vector<std::string>{"男", "女"});
}

TEST_CASE("form sheet: every refusal names the spreadsheet row", "[form_sheet]") {
  const auto errors = [](const std::string& rows) { return FormFromCsv(kHeader + rows, Info()).errors; };
  CHECK(errors("name,姓名,文本,,,\r\nage,年龄,整数,,,\r\ncount,人数,数字,,,\r\n") ==
        std::vector<std::string>{"第 4 行：类型「数字」不认识，可用：" + SheetTypeNames()});
  CHECK(SheetTypeNames().rfind("文本、多行文本、整数、日期、单选、多选、地区、电话、电子邮箱、网址、身份证号码、照片、"
                               "表格、统计表、合计、年月、分节",
                               0) == 0);

  // All at once, each at the row the user sees (blank rows counted).
  const SheetRead all = FormFromCsv(std::string(kHeader) +
                                        "name,姓名,文本,可能,,\r\n"        // row 2
                                        "\r\n"                             // row 3
                                        "name,名称,文本,,,\r\n"            // row 4
                                        "Gender,性别,单选,是,,\r\n"        // row 5
                                        "mode,形式,单选,是,,\r\n"          // row 6
                                        "intro,简介,多行文本,,五百,\r\n"   // row 7
                                        "count,人数,整数,,10,\r\n"         // row 8
                                        "who.name,姓名,文本,,,\r\n"        // row 9
                                        ",,,,,\r\n"                        // row 10
                                        ",电话,电话,,,\r\n"                // row 11
                                        "site,地点,文本,,,线上、线下\r\n"  // row 12
                                        "people,联系人,表格,,,\r\n",       // row 13
                                    Info());
  CHECK_FALSE(all.form);
  CHECK(all.errors ==
        std::vector<std::string>{
            "第 2 行：必填「可能」应为“是”或“否”",
            "第 4 行：字段标识「name」与第 2 行重复",
            "第 5 行：字段标识「Gender」只能用小写字母、数字和下划线，且以字母开头（表格的列写作“表格字段.列”）",
            "第 6 行：单选、多选需要在“选项”列列出选项，用、或 ; 或 | 隔开",
            "第 7 行：字数上限「五百」应为正整数",
            "第 8 行：字数上限只用于文本、多行文本（照片为每张说明的字数），「整数」不用填",
            "第 9 行：「who.name」是表格的列，它所属的表格或统计表「who」应写在前面的行中",
            "第 11 行：缺少字段标识（用小写字母、数字和下划线，如 name）",
            "第 12 行：只有单选、多选填写“选项”（统计表填主题，合计填“表格字段.列”），「文本」不用填",
            "第 13 行：表格「联系人」下面需要有它的列（字段标识写作“people.列”）",
        });

  // What only the whole form shows, through the build's own checks: a total of a text column.
  const auto total = errors("people,联系人,表格,,,\r\npeople.who,姓名,文本,,,\r\nn,合计,合计,,,people.who\r\n");
  REQUIRE(total.size() == 1);
  CHECK(total[0] == "字段（n）：\"sumOf\": \"people.who\" 不是本表中的整数列");
  // ...and what the editor asked for: the form's own id.
  SheetFormInfo bad = Info();
  bad.id = "读书会";
  CHECK(FormFromCsv(std::string(kHeader) + "name,姓名,文本,,,\r\n", bad).errors ==
        std::vector<std::string>{"表格标识：只能用小写字母、数字和下划线"});

  CHECK(FormFromCsv("标题,类型\r\n姓名,文本\r\n", Info()).errors ==
        std::vector<std::string>{
            "第 1 行应为表头，缺少“字段标识”列（可有的列：字段标识、标题、类型、必填、字数上限、选项、说明、预填）"});
  CHECK(FormFromCsv(kHeader, Info()).errors == std::vector<std::string>{"表格中没有字段（从第 2 行起每行写一个字段）"});
  CHECK(FormFromCsv("\"字段标识,标题\r\n", Info()).errors ==
        std::vector<std::string>{"CSV 文件中有未闭合的引号，文件可能不完整"});
  CHECK(FormFromCsv(std::string("\xFF\xFE\x41\x00", 4), Info()).errors ==
        std::vector<std::string>{"文件不是文本格式的 CSV（请在 WPS 或 Excel 中“另存为 CSV”）"});
}

namespace {

std::string FixtureBytes(const char* name) {
  return ReadTextFile(std::string(LW_SOURCE_DIR) + "/tests/core/fixtures/" + name);
}

// A workbook laid out as Excel writes one: shared strings (plain, rich text, a phonetic guide,
// an escaped line break, an entity), the form on the first tab although its part is sheet2.xml,
// cells without a reference, a formula's cached text, a number.
std::string ExcelStyleWorkbook() {
  const char* ns = R"( xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main")";
  const char* rns = R"( xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships")";
  ZipWriter z;
  z.Add("[Content_Types].xml", R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types/>)");
  z.Add(
      "_rels/.rels",
      R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>)");
  z.Add(
      "xl/workbook.xml",
      std::string("<?xml version=\"1.0\"?><workbook") + ns + rns +
          R"(><sheets><sheet name="字段" sheetId="2" r:id="rId2"/><sheet name="旧" sheetId="1" r:id="rId1"/></sheets></workbook>)");
  z.Add(
      "xl/_rels/workbook.xml.rels",
      R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>)");
  z.Add("xl/sharedStrings.xml",
        std::string("<?xml version=\"1.0\"?><sst") + ns +
            R"( count="12" uniqueCount="12">)"
            R"(<si><t>字段标识</t></si><si><t>标题</t></si><si><t>类型</t></si><si><t>选项</t></si>)"
            R"(<si><t>name</t></si><si><r><rPr><b/></rPr><t>读书</t></r><r><t xml:space="preserve">会名称</t></r></si>)"
            R"(<si><t>文本</t></si><si><t>mode</t></si><si><t>形式</t><rPh sb="0" eb="2"><t>xíngshì</t></rPh></si>)"
            R"(<si><t>单选</t></si><si><t>线下_x000D_、线上 &amp; 直播</t></si><si><t>count</t></si></sst>)");
  z.Add("xl/worksheets/sheet1.xml",
        std::string("<worksheet") + ns +
            "><sheetData><row r=\"1\"><c r=\"A1\"><v>9</v></c></row></sheetData></worksheet>");
  z.Add(
      "xl/worksheets/sheet2.xml",
      std::string("<?xml version=\"1.0\"?><x:worksheet") +
          R"( xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
          R"(<x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c>)"
          R"(<x:c r="C1" t="s"><x:v>2</x:v></x:c><x:c r="F1" t="s"><x:v>3</x:v></x:c></x:row>)"
          R"(<x:row r="2"><x:c t="s"><x:v>4</x:v></x:c><x:c t="s"><x:v>5</x:v></x:c><x:c t="s"><x:v>6</x:v></x:c></x:row>)"
          R"(<x:row r="3" spans="1:6"><x:c r="A3" t="s"><x:v>7</x:v></x:c><x:c r="B3" t="s"><x:v>8</x:v></x:c>)"
          R"(<x:c r="C3" t="str"><x:f>"单"&amp;"选"</x:f><x:v>单选</x:v></x:c><x:c r="F3" t="s"><x:v>10</x:v></x:c></x:row>)"
          R"(<x:row r="7"/>)"
          R"(<x:row r="9"><x:c r="A9" t="s"><x:v>11</x:v></x:c><x:c r="B9"><x:is><x:t>人数</x:t></x:is></x:c>)"
          R"(<x:c r="C9" t="inlineStr"><x:is><x:t>integer</x:t></x:is></x:c><x:c r="D9" t="n"><x:v>1</x:v></x:c></x:row>)"
          R"(</x:sheetData></x:worksheet>)");
  return z.Finish();
}

}  // namespace

TEST_CASE("form sheet: .xlsx as Excel writes it (shared strings) and as openpyxl does (inline)", "[form_sheet]") {
  const SheetCells cells = ReadXlsxFirstSheet(ExcelStyleWorkbook());
  REQUIRE(cells.error.empty());
  CHECK(cells.row_numbers == std::vector<int>{1, 2, 3, 9});  // row 7 holds nothing
  CHECK(cells.rows[0] == std::vector<std::string>{"字段标识", "标题", "类型", "", "", "选项"});
  CHECK(cells.rows[1] == std::vector<std::string>{"name", "读书会名称", "文本"});  // rich text joined
  CHECK(cells.rows[2][1] == "形式");                                               // without its phonetic guide
  CHECK(cells.rows[2][2] == "单选");                                               // a formula's last result
  CHECK(cells.rows[2][5] == "线下\r、线上 & 直播");
  CHECK(cells.rows[3][3] == "1");

  const SheetRead excel = FormFromXlsx(ExcelStyleWorkbook(), Info());
  INFO(Joined(excel.errors));
  REQUIRE(excel.form);
  CHECK(excel.form->Find("name")->label == "读书会名称");
  CHECK(excel.form->Find("mode")->options == std::vector<std::string>{"线下", "线上 & 直播"});
  CHECK(excel.form->Find("count")->type == FieldType::Integer);

  // openpyxl (Debian 12): inline strings as character references, a boolean, a blank row 4.
  const std::string fixture = FixtureBytes("form_sheet.xlsx");
  const SheetCells inl = ReadXlsxFirstSheet(fixture);
  REQUIRE(inl.error.empty());
  CHECK(inl.row_numbers == std::vector<int>{1, 2, 3, 5});
  CHECK(inl.rows[1][4] == "30");
  CHECK(inl.rows[2][3] == "TRUE");
  CHECK(FormFromSpreadsheet(fixture, Info()).errors ==
        std::vector<std::string>{"第 5 行：类型「数字」不认识，可用：" + SheetTypeNames()});

  // Our own .xlsx export reads back (inline strings, numbers).
  SummaryTable t;
  t.headers = {"字段标识", "标题", "类型", "字数上限"};
  t.rows = {{TextCell("title"), TextCell("名称 <全称>"), TextCell("文本"), NumberCell(20)}};
  const SheetRead ours = FormFromSpreadsheet(ToXlsx({&t}), Info());
  INFO(Joined(ours.errors));
  REQUIRE(ours.form);
  CHECK(ours.form->Find("title")->label == "名称 <全称>");
  CHECK(ours.form->Find("title")->max_chars == 20);

  CHECK(FormFromXlsx("PK\x03\x04 broken", Info()).errors.front().rfind("无法读取 .xlsx 工作簿：", 0) == 0);
  CHECK(FormFromXlsx("name,label\n", Info()).errors ==
        std::vector<std::string>{"文件不是 .xlsx 工作簿（请在 WPS 或 Excel 中另存为 .xlsx 或 CSV）"});
  ZipWriter empty;
  empty.Add("a.txt", "x");
  CHECK(FormFromXlsx(empty.Finish(), Info()).errors ==
        std::vector<std::string>{"文件不是 .xlsx 工作簿（缺少 workbook.xml）"});
}

TEST_CASE("form sheet: 预填 takes a field from the unit profile, by its title on 单位信息", "[form_sheet]") {
  const SheetRead r = FormFromCsv(
      "字段标识,标题,类型,必填,字数上限,选项,说明,预填\r\n"
      "unit,填报单位,文本,是,50,,,填报单位\r\n"
      "region,所在地区,地区,是,,,,所在地区\r\n"
      "phone,联系电话,电话,否,,,,profile.phone\r\n",
      Info());
  INFO(Joined(r.errors));
  REQUIRE(r.form);
  CHECK(r.form->Find("unit")->prefill == "profile.unit");
  CHECK(r.form->Find("region")->prefill == "profile.region");
  CHECK(r.form->Find("phone")->prefill == "profile.phone");
  CHECK(PrefillTitle("profile.leader") == "负责人");

  const SheetRead bad = FormFromCsv("字段标识,标题,类型,预填\r\nboss,校长,文本,校长姓名\r\n", Info());
  CHECK(bad.errors == std::vector<std::string>{"第 2 行：预填「校长姓名」不认识，可用：" + PrefillTitles()});
}
