// test_campaign_package.cpp — issue 12: campaign packages (活动包). The shipped example reads and
// keeps to its schema; a package written and read back is the same package; broken packages are
// refused in Chinese, naming the part (form, field, requirement, notice).
#include <catch2/catch.hpp>

#include "campaign_package.h"
#include "schema_check.h"
#include "shipped_forms.h"
#include "text_file.h"

using namespace lw;
using lw::test::Forms;
using nlohmann::json;

namespace {

const std::string kExample = std::string(LW_SOURCE_DIR) + "/assets/packages/example-2026-nmg.json";
const std::string kSchemas = std::string(LW_SOURCE_DIR) + "/assets/schema";

json Example() { return json::parse(ReadTextFile(kExample)); }

// The document with its fingerprint made right (a test changes content, not the seal).
std::string Sealed(json j) {
  j["fingerprint"] = PackageFingerprint(j);
  return j.dump(2);
}

std::string Joined(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& e : v) s += e + "\n";
  return s;
}

// The one refusal of a package changed by `edit`.
std::string RefusalOf(const std::function<void(json&)>& edit) {
  json j = Example();
  edit(j);
  const PackageRead r = ParsePackage(Sealed(j), Forms());
  INFO(Joined(r.errors));
  CHECK_FALSE(r.package);
  return r.errors.empty() ? "" : r.errors.front();
}

}  // namespace

TEST_CASE("campaign package: the shipped example reads, keeps to its schema and its fingerprint", "[package]") {
  const std::string bytes = ReadTextFile(kExample);
  const PackageRead r = ParsePackage(bytes, Forms());
  INFO(Joined(r.errors));
  INFO("fingerprint of the example: " << PackageFingerprint(json::parse(bytes)));
  REQUIRE(r.package);
  const CampaignPackage& p = *r.package;
  CHECK(p.id == "example-2026-nmg");
  CHECK(p.version == 1);
  CHECK(p.issuer == PackageIssuer{"内蒙古自治区教育厅", "150000"});
  CHECK(p.campaign.id == "2026");
  REQUIRE(p.forms.size() == 1);
  CHECK(p.forms[0].id == "reading_salon");
  CHECK(p.forms[0].package == "example-2026-nmg");
  CHECK(p.campaign.issuers.at(0).package == "example-2026-nmg");
  CHECK(p.campaign.issuers[0].requirements[0].due_minute == 17 * 60);
  CHECK(p.bytes == bytes);
  CHECK(p.fingerprint == json::parse(bytes)["fingerprint"]);
  CHECK(p.Title() == "2026年全民终身学习活动周（示例）（内蒙古自治区教育厅）");
  CHECK(p.Ref() == PackageRef{p.id, 1, p.fingerprint, p.Title()});

  lw::test::SchemaCheck schema(kSchemas);
  const auto problems = schema.Check(json::parse(bytes), "campaign_package.schema.json");
  INFO(Joined(problems));
  CHECK(problems.empty());
}

TEST_CASE("campaign package: written and read back it is the same package, in its schema", "[package]") {
  const CampaignPackage p = *ParsePackage(ReadTextFile(kExample), Forms()).package;
  const PackageWrite w = WritePackage(p, Forms());
  INFO(Joined(w.errors));
  REQUIRE_FALSE(w.bytes.empty());
  const PackageRead back = ParsePackage(w.bytes, Forms());
  REQUIRE(back.package);
  CHECK(ToPackageJson(*back.package) == ToPackageJson(p));
  // Deterministic: the same package gives the same bytes, so the same fingerprint.
  CHECK(back.package->fingerprint == ToPackageJson(p)["fingerprint"]);
  CHECK(WritePackage(*back.package, Forms()).bytes == w.bytes);
  lw::test::SchemaCheck schema(kSchemas);
  CHECK(schema.Check(json::parse(w.bytes), "campaign_package.schema.json").empty());

  // Canonical bytes: compact, keys sorted, UTF-8, without fingerprint and signature.
  const std::string canonical = CanonicalPackageBytes(json::parse(w.bytes));
  CHECK(canonical.rfind(R"({"campaign":{"id":"2026",)", 0) == 0);
  CHECK(canonical.find("fingerprint") == std::string::npos);
  CHECK(canonical.find("内蒙古自治区教育厅") != std::string::npos);

  // A package the app built from scratch: the author's form editor and campaign editor.
  CampaignPackage made;
  made.id = "2027-moe";
  made.version = 1;
  made.created = "2027-08-01T00:00:00Z";
  made.issuer = {"教育部职业教育与成人教育司", kNationalRegion};
  made.campaign = p.campaign;
  made.campaign.id = "2027";
  made.campaign.issuers[0].id = "moe";
  made.campaign.issuers[0].region.clear();  // the Ministry's notice reaches every unit
  made.forms = p.forms;
  const PackageWrite mw = WritePackage(made, Forms());
  INFO(Joined(mw.errors));
  REQUIRE_FALSE(mw.bytes.empty());
  CHECK(ParsePackage(mw.bytes, Forms()).package->campaign.issuers[0].region.empty());
}

TEST_CASE("campaign package: a broken package is refused in Chinese, naming the part", "[package]") {
  CHECK(RefusalOf([](json& j) { j["forms"][0]["sections"][0]["fields"][3].erase("options"); }) ==
        "活动包第 1 张表格「社区读书会登记表（示例）」第 1 节第 4 个字段（mode）：选择题必须列出 \"options\"");
  CHECK(RefusalOf([](json& j) { j["forms"][0]["sections"][0]["fields"][4]["type"] = "number"; }) ==
        "活动包第 1 张表格「社区读书会登记表（示例）」第 1 节第 5 个字段（participants）：未知类型 \"number\"");
  CHECK(RefusalOf([](json& j) { j["forms"].push_back(j["forms"][0]); }) ==
        "活动包第 2 张表格「社区读书会登记表（示例）」：表格标识 \"reading_salon\" 与「社区读书会登记表（示例）」重复");
  CHECK(RefusalOf([](json& j) { j["campaign"]["issuers"][0]["requirements"][1]["form"] = "star_2026"; }) ==
        "活动包中的活动「2026年全民终身学习活动周（示例）」：发文单位「内蒙古自治区教育厅」的要求「“百姓学习之星”"
        "推荐表」所用的表格 \"star_2026\" 不存在");
  CHECK(RefusalOf([](json& j) {
          j["campaign"]["issuers"][0]["requirements"][2]["rules"] = {{"text", {{"minChars", 9}}}};
        }) ==
        "活动包中的活动「2026年全民终身学习活动周（示例）」：发文单位「内蒙古自治区教育厅」的要求「活动周工作总结」"
        "的规则所指的字段 \"text\" 不在表格「工作总结」中");
  CHECK(RefusalOf([](json& j) { j["campaign"]["issuers"][0]["region"] = "210000"; }) ==
        "活动包中的活动「2026年全民终身学习活动周（示例）」：发文单位「内蒙古自治区教育厅」的地区（210000）不在"
        "活动包发布单位「内蒙古自治区教育厅」（150000）的辖区内");
  CHECK(RefusalOf([](json& j) { j["campaign"]["issuers"][0]["requirements"][0].erase("due"); }) ==
        "活动包中的活动「2026年全民终身学习活动周（示例）」：发文单位 nmg-example 的要求 \"salons\" 不完整（需要 "
        "id、form、due，且 0 ≤ min ≤ max）");
  CHECK(
      RefusalOf([](json& j) { j["forms"][0]["sections"][0]["fields"][0]["label"] = "<img src=x onerror=alert(1)>"; }) ==
      "活动包第 1 张表格「社区读书会登记表（示例）」中含有网页代码或脚本（“<img src=x onerror=alert(1)>”），已拒绝");
  CHECK(RefusalOf([](json& j) { j["forms"][0]["kind"] = "profile"; }) ==
        "活动包第 1 张表格「社区读书会登记表（示例）」：单位信息表由本程序提供，活动包不能替换");
  CHECK(RefusalOf([](json& j) { j["formatVersion"] = 2; }) ==
        "活动包由较新版本的 LearnWeek 生成（格式版本 2），请先更新本程序");
  CHECK(RefusalOf([](json& j) { j["id"] = "../forms"; }) ==
        "活动包的标识（id）应为 1–64 个小写字母、数字、- 或 _，且以字母或数字开头");
  CHECK(RefusalOf([](json& j) { j["issuer"]["region"] = "15"; }) ==
        "活动包发布单位的地区代码“15”不是 6 位行政区划代码（全国为 100000）");
  CHECK(RefusalOf([](json& j) { j["created"] = "2026-08-20 10:00"; }) ==
        "活动包的生成时间（created）应为 UTC 时间，如 2026-08-20T02:00:00Z");
  CHECK(RefusalOf([](json& j) { j["extra"] = 1; }) == "活动包中有未知的项目 \"extra\"");
  CHECK(RefusalOf([](json& j) { j["forms"][0]["sections"][0]["fields"][0]["pattern"] = std::string(5000, '('); }) ==
        "活动包第 1 张表格「社区读书会登记表（示例）」第 1 节第 1 个字段（title）：\"pattern\" 过长（不能超过 100 "
        "个字符）");

  // Every problem of a form at once, as the build lists them for a file.
  json j = Example();
  j["forms"][0]["sections"][0]["fields"][3].erase("options");
  j["forms"][0]["sections"][0]["fields"][6]["maxChar"] = 5;
  const PackageRead two = ParsePackage(Sealed(j), Forms());
  CHECK(two.errors.size() == 2);

  // Changed after it was sealed: refused as changed, whatever else the change broke.
  json tampered = Example();
  tampered["campaign"]["issuers"][0]["requirements"][1]["max"] = 30;
  CHECK(ParsePackage(tampered.dump(), Forms()).errors ==
        std::vector<std::string>{"活动包的校验值（fingerprint）不符：文件在发布后被改动过或已损坏"});

  CHECK(ParsePackage("", Forms()).errors == std::vector<std::string>{"文件是空的"});
  CHECK(ParsePackage("{\"format\":", Forms()).errors ==
        std::vector<std::string>{"文件内容不完整或不是有效的 JSON（可能下载或传输时被截断）"});
  CHECK(ParsePackage(std::string(100, '[') + std::string(100, ']'), Forms()).errors ==
        std::vector<std::string>{"文件结构嵌套过深，不是有效的活动包"});
  CHECK(ParsePackage("\xB0\xA1", Forms()).errors.front().rfind("文件不是 UTF-8", 0) == 0);
  CHECK(ParsePackage(R"({"format":"learnweek-bundle"})", Forms()).errors ==
        std::vector<std::string>{"这不是 LearnWeek 活动包"});
  // A package that did not survive WritePackage is never written.
  CampaignPackage broken = *ParsePackage(ReadTextFile(kExample), Forms()).package;
  broken.forms[0].sections[0].fields[3].options.clear();
  const PackageWrite w = WritePackage(broken, Forms());
  CHECK(w.bytes.empty());
  CHECK(w.errors.size() == 1);
}

TEST_CASE("the schemas state what the shipped forms and campaigns hold", "[package]") {
  lw::test::SchemaCheck schema(kSchemas);
  for (const auto& p : JsonFilesIn(std::string(LW_SOURCE_DIR) + "/assets/forms")) {
    INFO(p.filename().string());
    const auto problems = schema.Check(json::parse(ReadTextFile(p)), "form.schema.json");
    INFO(Joined(problems));
    CHECK(problems.empty());
  }
  // The package schema's campaign is the shape of assets/campaigns/*.json.
  json campaign_schema = json::parse(ReadTextFile(kSchemas + "/campaign_package.schema.json"));
  for (const auto& p : JsonFilesIn(std::string(LW_SOURCE_DIR) + "/assets/campaigns")) {
    INFO(p.filename().string());
    json pkg = Example();
    pkg["campaign"] = json::parse(ReadTextFile(p));
    const auto problems = schema.Check(pkg, "campaign_package.schema.json");
    INFO(Joined(problems));
    CHECK(problems.empty());
  }
  // ...and the checker does catch what the schema forbids.
  json bad = Example();
  bad.erase("issuer");
  bad["forms"][0]["sections"][0]["fields"][0]["type"] = "number";
  const auto problems = schema.Check(bad, "campaign_package.schema.json");
  CHECK(problems.size() == 2);
}
