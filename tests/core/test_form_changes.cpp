// test_form_changes.cpp — what changed between two versions of a form (the list a coordinator
// reads before a new campaign package replaces the old one), and drafts following the change
// field by field: renamed, removed, retyped, options taken away, a table's columns.
#include <catch2/catch.hpp>

#include "migrate.h"

using namespace lw;
using nlohmann::json;

namespace {

FormDef Form(const char* text) {
  auto r = ParseFormDef(text, "test.json");
  for (const auto& e : r.errors) UNSCOPED_INFO(e);
  REQUIRE(r.form);
  return *r.form;
}

const char* kV1 = R"({"id":"salon","version":1,"title":"读书会报名表","kind":"unit","follows":"x","sections":[
  {"title":"基本","fields":[
    {"id":"name","label":"名称","type":"text","required":true,"maxChars":30},
    {"id":"host","label":"主办","type":"text"},
    {"id":"count","label":"人数","type":"text"},
    {"id":"mode","label":"形式","type":"choice","options":["线下","线上","直播"]},
    {"id":"tags","label":"主题","type":"multichoice","options":["阅读","非遗","健康"]},
    {"id":"fax","label":"传真","type":"text"},
    {"id":"people","label":"联系人","type":"table","columns":[
      {"id":"who","label":"姓名","type":"text"},{"id":"fax","label":"传真","type":"text"}]}]}]})";

const char* kV2 = R"({"id":"salon","version":2,"title":"读书会报名表","kind":"unit","follows":"x","sections":[
  {"title":"基本","fields":[
    {"id":"title","label":"活动名称","type":"text","required":true,"maxChars":20},
    {"id":"host","label":"主办单位","type":"text","required":true},
    {"id":"count","label":"人数","type":"integer"},
    {"id":"mode","label":"形式","type":"choice","options":["线下","线上"]},
    {"id":"tags","label":"主题","type":"multichoice","options":["阅读","健康","科普"]},
    {"id":"site","label":"地点","type":"textarea"},
    {"id":"people","label":"联系人","type":"table","columns":[
      {"id":"who","label":"姓名","type":"text"},{"id":"phone","label":"电话","type":"phone"}]}]}],
  "migrations":[{"from":1,"to":2,"renamed":{"name":"title"},"removed":["fax"]}]})";

std::vector<std::string> Texts(const FormChanges& c) {
  std::vector<std::string> out;
  for (const FieldChange& f : c.fields) out.push_back(f.text);
  return out;
}

}  // namespace

TEST_CASE("form changes: every kind of change between two versions, in one Chinese line each", "[form_changes]") {
  const FormDef v1 = Form(kV1), v2 = Form(kV2);
  const FormChanges c = DiffForms(&v1, &v2);
  CHECK(c.form == "salon");
  CHECK((c.from == 1 && c.to == 2));
  CHECK(Texts(c) == std::vector<std::string>{
                        "栏目“名称”改为“活动名称”，已填写的内容随之转移",
                        "栏目“活动名称”：字数上限 30 → 20",
                        "栏目“主办”改称“主办单位”",
                        "栏目“主办单位”改为必填",
                        "栏目“人数”由文本改为整数",
                        "栏目“形式”的选项：取消“直播”",
                        "栏目“主题”的选项：新增“科普”，取消“非遗”",
                        "新增栏目“地点”（多行文本）",
                        "新增栏目“联系人 · 电话”（电话）",
                        "取消栏目“传真”（已填写的内容另存，不会丢失）",
                        "取消栏目“联系人 · 传真”（已填写的内容另存，不会丢失）",
                    });
  const FieldChange& renamed = c.fields[0];
  CHECK(renamed.kind == FieldChangeKind::Renamed);
  CHECK((renamed.old_field == "name" && renamed.field == "title"));
  const FieldChange& retyped = c.fields[4];
  CHECK(retyped.kind == FieldChangeKind::Retyped);
  CHECK((retyped.old_type == FieldType::Text && retyped.type == FieldType::Integer));
  CHECK(c.fields[6].options_added == std::vector<std::string>{"科普"});
  CHECK(c.fields[6].options_removed == std::vector<std::string>{"非遗"});
  CHECK(c.Summary() ==
        "「读书会报名表」第 1 版 → 第 2 版：新增 2 个栏目，取消 2 个栏目，改名 1 个栏目，改类型 1 个栏目，"
        "改称 1 个栏目，改选项 2 个栏目，改必填 1 个栏目，改限制 1 个栏目");

  // Without the recorded rename, a new id is one field gone and one added.
  FormDef bare = v2;
  bare.migrations.clear();
  const FormChanges b = DiffForms(&v1, &bare);
  CHECK(b.fields.front().text == "新增栏目“活动名称”（文本）");
  const auto bt = Texts(b);
  CHECK(std::find(bt.begin(), bt.end(), "取消栏目“名称”（已填写的内容另存，不会丢失）") != bt.end());

  CHECK(DiffForms(nullptr, &v2).Summary() == "「读书会报名表」：新增表格（第 2 版）");
  CHECK(DiffForms(&v1, nullptr).Summary() == "「读书会报名表」：活动包不再提供此表格（已填写的草稿仍保留）");
  CHECK(DiffForms(&v2, &v2).Summary() == "「读书会报名表」第 2 版：栏目没有变化");
}

TEST_CASE("form changes: a draft follows the new version field by field, nothing lost", "[form_changes]") {
  const FormDef v2 = Form(kV2);
  Record r;
  r.uuid = NewUuid();
  r.form = "salon";
  r.form_version = 1;
  r.values = {{"name", "周末读书会"},
              {"host", "图书馆"},
              {"count", "约五十"},
              {"mode", "直播"},
              {"tags", {"阅读", "非遗"}},
              {"fax", "0471-1234567"},
              {"people", {{{"who", "张喆"}, {"fax", "0471-7654321"}}}}};
  REQUIRE(MigrateRecord(v2, r));
  CHECK(r.form_version == 2);
  CHECK(r.values["title"] == "周末读书会");  // renamed
  CHECK(r.values["host"] == "图书馆");       // relabeled: the value stays
  CHECK(r.values["count"] == "约五十");      // an integer field keeps typed text (the validator flags it)
  CHECK_FALSE(r.values.contains("mode"));    // 直播 is no longer offered
  CHECK(r.values["tags"] == json{"阅读"});   // 非遗 taken away, 阅读 kept
  CHECK(r.values["people"] == json{{{"who", "张喆"}}});
  CHECK(r.migrated["renamed"]["name"] == "title");
  CHECK(r.migrated["removed"]["fax"] == "0471-1234567");
  CHECK(r.migrated["options"]["mode"] == "直播");
  CHECK(r.migrated["options"]["tags"] == json{"非遗"});
  CHECK(r.migrated["unknown"]["people[0].fax"] == "0471-7654321");
  const json notes = r.migrated["notes"];
  CHECK(std::find(notes.begin(), notes.end(), json("栏目“形式”不再有选项“直播”，原选择已另存")) != notes.end());
  CHECK(std::find(notes.begin(), notes.end(), json("栏目“主题”不再有选项“非遗”，原选择已另存")) != notes.end());
}

TEST_CASE("form changes: values of another type are converted when nothing is lost, else kept aside",
          "[form_changes]") {
  const FormDef to = Form(R"({"id":"f","version":2,"title":"表","kind":"unit","follows":"x","sections":[{"title":"s",
    "fields":[{"id":"a","label":"甲","type":"text"},{"id":"b","label":"乙","type":"multichoice","options":["x","y"]},
              {"id":"c","label":"丙","type":"choice","options":["x","y"]},{"id":"d","label":"丁","type":"table",
               "columns":[{"id":"n","label":"数","type":"integer"}]},{"id":"e","label":"戊","type":"textarea"}]}]})");
  Record r;
  r.form = "f";
  r.values = {{"a", 12}, {"b", "x"}, {"c", {"y"}}, {"d", "三行"}, {"e", {"x", "y"}}};
  REQUIRE(MigrateRecord(to, r));
  CHECK(r.values["a"] == "12");         // 整数 → 文本
  CHECK(r.values["b"] == json{"x"});    // 单选 → 多选
  CHECK(r.values["c"] == "y");          // one choice of a 多选 → 单选
  CHECK(r.values["e"] == "x、y");       // several choices → a text
  CHECK_FALSE(r.values.contains("d"));  // text cannot become table rows: kept aside
  CHECK(r.migrated["retyped"]["d"] == "三行");
  CHECK(r.migrated["notes"].back() == "栏目“丁”已改为表格，原内容已另存：三行");
}

TEST_CASE("form changes: the step a form editor records for the next version", "[form_changes]") {
  const FormDef v1 = Form(kV1);
  FormDef next = Form(kV2);
  next.migrations.clear();
  next.version = 1;
  const Migration step = MigrationBetween(v1, next, {{"name", "title"}});
  CHECK((step.from == 1 && step.to == 2));
  CHECK(step.removed == std::vector<std::string>{"fax"});
  CHECK(step.note.rfind("栏目“名称”改为“活动名称”，已填写的内容随之转移；", 0) == 0);
  CHECK(step.note.find("等 11 处变化") != std::string::npos);
  next.version = step.to;
  next.migrations.push_back(step);
  // The definition with its step reads back (the step is valid), and a draft follows it.
  const auto again = ParseFormDefJson(FormDefToJson(next), "");
  for (const auto& e : again.errors) UNSCOPED_INFO(e);
  REQUIRE(again.form);
  Record r;
  r.form = "salon";
  r.values = {{"name", "读书会"}};
  REQUIRE(MigrateRecord(*again.form, r));
  CHECK(r.values["title"] == "读书会");
}
