// test_forms.cpp — every shipped form definition loads and is complete; broken definitions are
// reported precisely; campaigns and their checklists; migration of old drafts.
#include <algorithm>
#include <catch2/catch.hpp>
#include <set>

#include "campaign.h"
#include "form_def.h"
#include "migrate.h"
#include "text_file.h"

using namespace lw;
using nlohmann::json;

namespace {
const std::string kForms = std::string(LW_SOURCE_DIR) + "/assets/forms";
const std::string kCampaigns = std::string(LW_SOURCE_DIR) + "/assets/campaigns";
}  // namespace

TEST_CASE("every shipped form definition loads without errors", "[forms]") {
  const FormLibrary lib = LoadFormLibrary(kForms);
  for (const auto& e : lib.errors) UNSCOPED_INFO(e);
  CHECK(lib.errors.empty());
  const std::set<std::string> expected = {
      "unit_profile",          "star_nomination",   "brand_project",     "advanced_unit", "advanced_person",
      "demo_activity_summary", "organizer_summary", "shanxi_statistics", "work_summary",  "typical_case",
      "exhibition_board",      "activity_photos",   "activity_plan",     "contacts"};
  std::set<std::string> ids;
  for (const FormDef& f : lib.forms) {
    ids.insert(f.id);
    CHECK_FALSE(f.follows.empty());  // every form says which notice it follows
  }
  CHECK(ids == expected);
}

TEST_CASE("shipped forms carry what the notices ask", "[forms]") {
  const FormLibrary lib = LoadFormLibrary(kForms);
  const FormDef* star = lib.Find("star_nomination");
  REQUIRE(star);
  for (const char* id : {"name", "gender", "birth", "ethnicity", "political", "education", "employer", "phone",
                         "address", "deeds", "opinion"})
    CHECK(star->Find(id));
  CHECK(star->Find("deeds")->max_chars == 1500);
  const FormDef* board = lib.Find("exhibition_board");
  REQUIRE(board);
  CHECK(board->Find("title")->max_chars == 20);
  CHECK(board->Find("photos")->min_rows == 8);
  CHECK(board->Find("photos")->max_rows == 8);
  const FormDef* sx = lib.Find("shanxi_statistics");
  REQUIRE(sx);
  const FieldDef* m = sx->Find("stats");
  REQUIRE(m);
  CHECK(m->themes.size() == 9);
  CHECK(m->themes[5] == "“智慧助老”");
  CHECK(m->extendable);
  std::vector<std::string> rows;
  for (const auto& r : m->columns) rows.push_back(r.label);
  CHECK(rows == std::vector<std::string>{"活动内容", "活动名称", "活动形式", "参与（或受益）人数（人次）",
                                         "志愿者人数（人次）", "新闻链接"});
}

TEST_CASE("a broken definition is reported with file, field and problem", "[forms]") {
  const auto r = ParseFormDef(R"({"id":"bad","version":1,"title":"坏表","kind":"person","follows":"x","sections":[
    {"title":"s","fields":[
      {"id":"name","label":"姓名","type":"textt"},
      {"id":"name","label":"重复","type":"text"},
      {"id":"g","label":"性别","type":"choice"},
      {"id":"Bad-Id","label":"x","type":"text","maxChar":5},
      {"id":"t","label":"合计","type":"computed","sumOf":"nothing.here"}]}]})",
                              "bad.json");
  CHECK_FALSE(r.form);
  const std::string all = [&] {
    std::string s;
    for (const auto& e : r.errors) s += e + "\n";
    return s;
  }();
  INFO(all);
  CHECK(all.find("bad.json 第 1 节第 1 个字段（name）：未知类型 \"textt\"") != std::string::npos);
  CHECK(all.find("字段 id \"name\" 重复") != std::string::npos);
  CHECK(all.find("（g）：选择题必须列出 \"options\"") != std::string::npos);
  CHECK(all.find("未知属性 \"maxChar\"（拼写错误？）") != std::string::npos);
  CHECK(all.find("\"id\" 只能用小写字母、数字和下划线") != std::string::npos);
  CHECK(all.find("\"sumOf\": \"nothing.here\" 不是本表中的整数列") != std::string::npos);
  CHECK(ParseFormDef("{not json", "x.json").errors == std::vector<std::string>{"x.json：不是有效的 JSON"});
}

TEST_CASE("a table's column and a section are named in Chinese where they are wrong", "[forms]") {
  const auto r = ParseFormDefJson(json::parse(R"({"id":"t","version":1,"title":"联系表","kind":"unit","follows":"x",
    "sections":[{"title":"一","fields":[{"id":"a","label":"甲","type":"text"}]},
                {"title":"二","fields":[{"id":"people","label":"联系人","type":"table","columns":[
                  {"id":"name","label":"姓名","type":"text"},{"id":"duty","label":"分工","type":"choice"}]}]}]})"),
                                  "活动包第 1 张表格「联系表」");
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0] ==
        "活动包第 1 张表格「联系表」第 2 节第 1 个字段（people）第 2 列（duty）：选择题必须列出 \"options\"");
  CHECK(ParseFormDefJson(json::array(), "活动包第 3 张表格").errors ==
        std::vector<std::string>{"活动包第 3 张表格：顶层必须是对象"});
}

TEST_CASE("every shipped form written back as JSON reads like its file", "[forms]") {
  for (const auto& p : JsonFilesIn(kForms)) {
    INFO(p.filename().string());
    json file = json::parse(ReadTextFile(p));
    file.erase("$schema");
    const auto r = ParseFormDef(file.dump(), p.filename().string());
    REQUIRE(r.form);
    CHECK(FormDefToJson(*r.form) == file);
  }
}

TEST_CASE("shipped campaigns written back as JSON read back the same; their forms exist", "[forms]") {
  const FormLibrary forms = LoadFormLibrary(kForms);
  const CampaignLibrary lib = LoadCampaigns(kCampaigns);
  REQUIRE(lib.campaigns.size() == 2);
  for (const Campaign& c : lib.campaigns) {
    INFO(c.id);
    const json j = CampaignToJson(c);
    std::vector<std::string> errors;
    const auto again = ParseCampaignJson(j, c.id, errors);
    REQUIRE(again);
    CHECK(CampaignToJson(*again) == j);
    CHECK(j["issuers"].size() == c.issuers.size());
    // The checks a campaign package gets: every requirement's form exists, its rules name fields.
    const auto problems = CheckCampaignForms(c, [&](const std::string& id) { return forms.Find(id); });
    for (const auto& e : problems) UNSCOPED_INFO(e);
    CHECK(problems.empty());
  }
  const Campaign c = lib.campaigns[0];
  const auto problems = CheckCampaignForms(c, [](const std::string&) -> const FormDef* { return nullptr; });
  CHECK(problems.front().find("所用的表格 \"") != std::string::npos);
}

TEST_CASE("a campaign of any shape is refused with a reason, never thrown on", "[forms]") {
  std::vector<std::string> errors;
  const json base = json::parse(R"({"id":"t","year":2020,"title":"t","theme":"t","opening":{"date":"2020-11-01"},
    "window":{"begin":"2020-10-01","end":"2020-12-01"},"issuers":[]})");
  CHECK(ParseCampaignJson(base, "p", errors));
  for (
      const char* bad :
      {R"({"issuers":{}})", R"({"issuers":[1]})", R"({"issuers":[{"id":"a","name":"甲","requirements":5}]})",
       R"({"issuers":[{"id":"a","name":"甲","requirements":[{"id":"r","form":"f","due":"2020-10-01","rules":3}]}]})",
       R"({"issuers":[{"id":"a","name":"甲","requirements":[{"id":"r","form":"f","due":"2020-10-01","rules":{"body":{"minChar":3}}}]}]})",
       R"({"issuers":[{"id":"a","name":"甲"},{"id":"a","name":"乙"}]})",
       R"({"issuers":[{"id":"a","name":"甲","region":"15"}]})", R"({"calendar":"x"})", R"({"opening":7})"}) {
    INFO(bad);
    json j = base;
    j.update(json::parse(bad));
    errors.clear();
    CHECK_FALSE(ParseCampaignJson(j, "活动包中的活动", errors));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].rfind("活动包中的活动：", 0) == 0);
  }
}

TEST_CASE("campaigns: themes, issuers, deadlines and quotas from the notices", "[forms]") {
  const CampaignLibrary lib = LoadCampaigns(kCampaigns);
  CHECK(lib.errors.empty());
  const Campaign* c2020 = lib.Find("2020");
  const Campaign* c2021 = lib.Find("2021");
  REQUIRE(c2020);
  REQUIRE(c2021);
  CHECK(c2020->theme == "全民智学，助力“双战双赢”");
  CHECK(c2020->opening == *ParseDate("2020-11-01"));
  CHECK(c2021->theme == "庆建党百年华诞 谱终身学习新篇");
  CHECK(c2021->opening == *ParseDate("2021-11-09"));
  const auto due = [&](const Campaign* c, const char* issuer, const char* req) {
    for (const auto& r : c->FindIssuer(issuer)->requirements)
      if (r.id == req) return FormatDate(r.due);
    return std::string("?");
  };
  CHECK(due(c2020, "moe", "stars") == "2020-09-25");
  CHECK(due(c2021, "moe", "stars") == "2021-09-10");
  CHECK(due(c2020, "moe", "summary") == "2020-12-20");
  CHECK(due(c2020, "nmg", "stars") == "2020-09-20");
  CHECK(due(c2020, "nmg", "summary") == "2020-11-10");
  CHECK(due(c2020, "ln", "summary") == "2020-12-10");
  CHECK(due(c2020, "jl", "demo") == "2020-10-20");
  CHECK(due(c2020, "jl", "summary") == "2020-11-30");
  CHECK(due(c2021, "sx", "plan") == "2021-10-15");
  CHECK(due(c2021, "sx", "stats") == "2021-12-10");
  const auto* stars = &c2020->FindIssuer("moe")->requirements[1];
  CHECK((stars->min == 3 && stars->max == 5));
  CHECK(c2020->FindIssuer("moe")->requirements[4].min == 4);  // 4 个典型活动案例
  CHECK(c2020->WindowFor(c2020->FindIssuer("nmg")).begin == *ParseDate("2020-10-19"));
}

TEST_CASE("checklist: counts against quotas, status and days left", "[forms]") {
  const CampaignLibrary lib = LoadCampaigns(kCampaigns);
  const Issuer* moe = lib.Find("2020")->FindIssuer("moe");
  std::vector<Record> drafts(3);
  drafts[0].form = drafts[1].form = "star_nomination";
  drafts[2].form = "typical_case";
  drafts[0].uuid = "a";
  drafts[1].uuid = "b";
  drafts[2].uuid = "c";
  const auto status = [](const Record& r) { return r.uuid == "a" ? DraftStatus::Valid : DraftStatus::Draft; };
  const auto rows = BuildChecklist(*moe, drafts, status, *ParseDate("2020-09-20"));
  REQUIRE(rows.size() == 5);
  CHECK(rows[0].status == RequirementStatus::NotStarted);
  CHECK(std::string(RequirementStatusName(rows[0].status)) == "未开始");
  CHECK(rows[1].requirement->id == "stars");
  CHECK(rows[1].QuotaText() == "1 / 3–5");
  CHECK(rows[1].status == RequirementStatus::Draft);
  CHECK_FALSE(rows[1].quota_met);
  CHECK(rows[1].days_left == 5);
  CHECK(rows[4].QuotaText() == "0 / 4");
}

TEST_CASE("rule overrides from a requirement (吉林: 总结不少于2000字)", "[forms]") {
  const FormLibrary forms = LoadFormLibrary(kForms);
  const CampaignLibrary lib = LoadCampaigns(kCampaigns);
  const Requirement* summary = nullptr;
  for (const auto& r : lib.Find("2020")->FindIssuer("jl")->requirements)
    if (r.id == "summary") summary = &r;
  REQUIRE(summary);
  const FormDef jl = ApplyRules(*forms.Find("work_summary"), summary->rules);
  CHECK(jl.Find("body")->min_chars == 2000);
  CHECK(forms.Find("work_summary")->Find("body")->min_chars == 500);
  // The same through the issuer: every requirement of 吉林 for this form; other issuers keep 500.
  CHECK(FormForIssuer(*forms.Find("work_summary"), *lib.Find("2020")->FindIssuer("jl")).Find("body")->min_chars ==
        2000);
  CHECK(FormForIssuer(*forms.Find("work_summary"), *lib.Find("2020")->FindIssuer("moe")).Find("body")->min_chars ==
        500);
}

TEST_CASE("a draft's status: exported only while no edit is newer or waiting", "[forms]") {
  Record r;
  r.updated = "2020-10-25T08:00:00Z";
  CHECK(StatusOfDraft(r, false, false) == DraftStatus::Draft);
  CHECK(StatusOfDraft(r, true, false) == DraftStatus::Valid);
  r.exported = "2020-10-25T09:00:00Z";
  CHECK(StatusOfDraft(r, true, false) == DraftStatus::Exported);
  CHECK(StatusOfDraft(r, true, true) == DraftStatus::Valid);  // typed since, not yet saved
  r.updated = "2020-10-26T08:00:00Z";
  CHECK(StatusOfDraft(r, false, false) == DraftStatus::Draft);
}

TEST_CASE("a draft made with an older definition opens, migrated field by field", "[forms]") {
  const FormLibrary lib = LoadFormLibrary(kForms);
  const FormDef* star = lib.Find("star_nomination");
  REQUIRE(star->version == 2);
  Record r;
  r.uuid = NewUuid();
  r.form = "star_nomination";
  r.form_version = 1;
  r.values = {{"name", "张喆"}, {"story", "坚持学习三十年。"}, {"hobby", "书法"}, {"legacy_note", "x"}};
  REQUIRE(MigrateRecord(*star, r));
  CHECK(r.form_version == 2);
  CHECK(r.values["deeds"] == "坚持学习三十年。");
  CHECK_FALSE(r.values.contains("story"));
  CHECK_FALSE(r.values.contains("hobby"));
  CHECK(r.migrated["renamed"]["story"] == "deeds");
  CHECK(r.migrated["removed"]["hobby"] == "书法");  // kept aside, shown to the user
  CHECK(r.migrated["unknown"]["legacy_note"] == "x");
  CHECK(r.migrated["notes"].size() == 1);
  CHECK_FALSE(MigrateRecord(*star, r));  // already current
}

TEST_CASE("new-form menu: the notice's materials in its order, then the rest", "[forms]") {
  const FormLibrary forms = LoadFormLibrary(kForms);
  const CampaignLibrary lib = LoadCampaigns(kCampaigns);
  const Issuer* sx = lib.Find("2021")->FindIssuer("sx");
  REQUIRE(sx);
  const FormMenu menu = BuildFormMenu(sx, forms);
  std::vector<std::string> asked, want;
  for (const FormDef* f : menu.asked) asked.push_back(f->id);
  for (const Requirement& r : sx->requirements)
    if (std::find(want.begin(), want.end(), r.form) == want.end()) want.push_back(r.form);
  CHECK(asked == want);
  CHECK(std::find(asked.begin(), asked.end(), "shanxi_statistics") != asked.end());
  size_t listed = menu.asked.size() + menu.others.size();
  CHECK(listed == forms.forms.size() - 1);  // every form once, the unit profile not at all
  for (const FormDef* f : menu.others) {
    CHECK(f->kind != "profile");
    CHECK(std::find(asked.begin(), asked.end(), f->id) == asked.end());
  }
  const FormMenu none = BuildFormMenu(nullptr, forms);
  CHECK(none.asked.empty());
  CHECK(none.others.size() == listed);
}
