// test_package_editor.cpp — issue 12: what the campaign editor and the form editor make. A
// coordinator's draft becomes a package a unit's app reads; a form typed as editor rows is
// checked by the spreadsheet's rules; a shipped form survives the trip into the editor and back;
// a changed form in the next version migrates; the draft itself survives its file.
#include <catch2/catch.hpp>

#include "package_editor.h"
#include "package_library.h"
#include "schema_check.h"
#include "shipped_forms.h"
#include "validate.h"

using namespace lw;
using lw::test::Forms;
using nlohmann::json;

namespace {

const std::string kSchemas = std::string(LW_SOURCE_DIR) + "/assets/schema";

std::string Joined(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& e : v) s += e + "\n";
  return s;
}

std::string Joined(const std::vector<BuildError>& v) {
  std::string s;
  for (const auto& e : v) s += e.text + "\n";
  return s;
}

// 山西's statistics table, typed into the form editor.
FormDraft StatsForm() {
  FormDraft f = NewFormDraft("a1b2c3");
  f.values = {
      {"title", "社区教育活动统计表"},
      {"kind", "统计表"},
      {"fields",
       json::array({
           {{"type", "分节"}, {"label", "活动"}},
           {{"id", "activities"}, {"label", "活动列表"}, {"type", "表格"}, {"required", "是"}},
           {{"id", "activities.name"}, {"label", "活动名称"}, {"type", "文本"}, {"required", "是"}, {"max_chars", 30}},
           {{"id", "activities.people"}, {"label", "参与人次"}, {"type", "整数"}},
           {{"id", "total"}, {"label", "参与人次合计"}, {"type", "合计"}, {"options", "activities.people"}},
           {{"label", "线上或线下"}, {"type", "单选"}, {"options", "线上、线下"}},
       })}};
  return f;
}

PackageDraft ShanxiDraft() {
  PackageDraft d;
  d.campaign = {
      {"issuer_unit", "山西省教育厅"},
      {"issuer_region", "140000"},
      {"year", 2026},
      {"title", "2026年山西省全民终身学习活动周"},
      {"notice_no", "晋教职成函〔2026〕12号"},
      {"notice_title", "关于举办2026年山西省全民终身学习活动周的通知"},
      {"theme", "终身学习 人人出彩"},
      {"opening", "2026-11-06"},
      {"window_begin", "2026-11-01"},
      {"window_end", "2026-12-20"},
      {"conditions", "往届已获评者不得重复推荐\n县处级及以上干部一般不作为百姓学习之星推荐人选"},
      {"requirements",
       json::array({
           {{"form", "社区教育活动统计表"}, {"min", 1}, {"max", 1}, {"due", "2026-12-10"}, {"due_time", "17:00"}},
           {{"form", "star_nomination"}, {"min", 1}, {"max", 2}, {"due", "2026-12-15"}},
       })}};
  d.forms = {StatsForm()};
  return d;
}

}  // namespace

TEST_CASE("package editor: a coordinator's draft becomes a package a unit's app installs", "[package][editor]") {
  const PackageBuild b = BuildPackage(ShanxiDraft(), Forms(), nullptr, "2026-12-04T08:00:00Z");
  INFO(Joined(b.errors));
  REQUIRE(b.package);
  const CampaignPackage& p = *b.package;
  CHECK(p.id == "2026-140000");
  CHECK(p.version == 1);
  CHECK(p.issuer == PackageIssuer{"山西省教育厅", "140000"});
  REQUIRE(p.campaign.issuers.size() == 1);
  const Issuer& is = p.campaign.issuers[0];
  CHECK(is.notice_no == "晋教职成函〔2026〕12号");
  CHECK(is.conditions.size() == 2);
  REQUIRE(is.requirements.size() == 2);
  CHECK(is.requirements[0].form == "f_a1b2c3");
  CHECK(is.requirements[0].due_minute == 17 * 60);
  CHECK(is.requirements[1].form == "star_nomination");
  CHECK(is.requirements[1].due_minute == kEndOfDay);
  REQUIRE(p.forms.size() == 1);
  const FormDef& stats = p.forms[0];
  CHECK(stats.kind == "statistics");
  REQUIRE(stats.Find("activities"));
  CHECK(stats.Find("activities")->columns.size() == 2);
  CHECK(stats.Find("f6"));  // a row without an id is named by its row
  CHECK(stats.Find("total")->sum_of == "activities.people");

  lw::test::SchemaCheck schema(kSchemas);
  CHECK(Joined(schema.Check(json::parse(b.bytes), "campaign_package.schema.json")).empty());
  PackageLibrary lib;
  CHECK(lib.Install(*b.package, Forms()).ok());
}

TEST_CASE("package editor: every problem is named where the coordinator typed it", "[package][editor]") {
  PackageDraft d = ShanxiDraft();
  d.campaign.erase("theme");
  d.campaign["requirements"][1]["form"] = "不存在的表";
  d.campaign["requirements"][0]["min"] = 5;  // more than its max of 1
  d.forms[0].values["fields"][2]["type"] = "数字";
  d.forms[0].values["fields"][3]["id"] = "Bad Id";
  const PackageBuild b = BuildPackage(d, Forms(), nullptr, "2026-12-04T08:00:00Z");
  CHECK_FALSE(b.package);
  const std::string all = Joined(b.errors);
  INFO(all);
  CHECK(all.find("活动信息 · 活动主题") != std::string::npos);
  CHECK(all.find("报送材料第 2 行：找不到表格「不存在的表」") != std::string::npos);
  CHECK(all.find("报送材料第 1 行：最少份数（5）不能多于最多份数（1）") != std::string::npos);
  // The row's form is being written but has problems: said so, not "not found".
  CHECK(all.find("报送材料第 1 行：表格「社区教育活动统计表」还有需要修改的地方，见上") != std::string::npos);
  CHECK(all.find("表格「社区教育活动统计表」第 3 行：类型「数字」不认识") != std::string::npos);
  CHECK(all.find("第 4 行：字段标识「Bad Id」") != std::string::npos);
  // Each says where it is, so the editor links to that part.
  for (const BuildError& e : b.errors) {
    INFO(e.text);
    CHECK(e.form == (e.text.rfind("表格「社区教育活动统计表」第", 0) == 0 ? 0 : -1));
  }
}

TEST_CASE("package editor: a shipped form goes into the editor and comes back the same", "[package][editor]") {
  for (const FormDef& f : Forms().forms) {
    if (f.kind == "profile") continue;
    FormDraft d;
    d.id = f.id;
    d.values = FormEditorValues(f);
    d.base = f;
    const SheetRead back = FormFromEditor(d);
    INFO(f.id << "\n" << Joined(back.errors));
    REQUIRE(back.form);
    FormDef want = f, got = *back.form;
    want.migrations.clear();
    got.version = want.version;
    CHECK(FormDefToJson(got) == FormDefToJson(want));
  }
}

TEST_CASE("package editor: the next version migrates the forms that changed", "[package][editor]") {
  const PackageBuild first = BuildPackage(ShanxiDraft(), Forms(), nullptr, "2026-12-04T08:00:00Z");
  REQUIRE(first.package);
  PackageDraft next = DraftFromPackage(*first.package);
  CHECK(next.campaign["requirements"][0]["due_time"] == "17:00");
  const PackageBuild same = BuildPackage(next, Forms(), &*first.package, "2026-12-05T08:00:00Z");
  INFO(Joined(same.errors));
  REQUIRE(same.package);
  CHECK(same.package->version == 2);
  CHECK(same.package->forms[0].version == 1);  // nothing changed in it

  next.forms[0].values["fields"].push_back({{"id", "contact"}, {"label", "联系人"}, {"type", "文本"}});
  const PackageBuild changed = BuildPackage(next, Forms(), &*first.package, "2026-12-05T08:00:00Z");
  INFO(Joined(changed.errors));
  REQUIRE(changed.package);
  const FormDef& f = changed.package->forms[0];
  CHECK(f.version == 2);
  REQUIRE(f.migrations.size() == 1);
  CHECK(f.migrations[0].from == 1);
  PackageLibrary lib;
  REQUIRE(lib.Install(*first.package, Forms()).ok());
  const InstallPlan plan = lib.Install(*changed.package, Forms());
  INFO(plan.error);
  CHECK(plan.ok());
  CHECK(plan.old_version == 1);
}

TEST_CASE("package editor: the draft survives its file", "[package][editor]") {
  PackageDraft d = ShanxiDraft();
  d.forms.push_back(CopyFormDraft(*Forms().Find("star_nomination"), "ffee01"));
  const PackageDraft back = PackageDraftFromJson(json::parse(PackageDraftToJson(d).dump()));
  CHECK(back.campaign == d.campaign);
  REQUIRE(back.forms.size() == 2);
  CHECK(back.forms[1].id == "star_nomination_ffee01");
  REQUIRE(back.forms[1].base);
  CHECK(back.forms[1].base->id == "star_nomination");
  CHECK(PackageDraftFromJson(json("垃圾")).forms.empty());
  CHECK(PackageDraftFromJson(json::parse(R"({"forms":[1,{"id":2}],"campaign":[]})")).forms.empty());
}

TEST_CASE("package editor: the editors are forms the engine checks like any other", "[package][editor]") {
  std::vector<std::string> choosable;
  for (const FormDef& f : Forms().forms) choosable.push_back(f.title);
  for (const FormDef& editor : {CampaignEditorForm(choosable), FormEditorForm()}) {
    const FormLoadResult r = ParseFormDefJson(FormDefToJson(editor), "");
    INFO(editor.id << "\n" << Joined(r.errors));
    CHECK(r.form);
  }
  json v = ShanxiDraft().campaign;
  v["requirements"][0]["due_time"] = "5点";
  const auto issues = ValidateRecord(CampaignEditorForm(choosable), v, {});
  bool flagged = false;
  for (const Issue& i : issues) flagged |= i.path.find("due_time") != std::string::npos;
  CHECK(flagged);
}
