// test_package_library.cpp — issue 12: installed campaign packages. The Ministry's, a province's
// and a city's side by side in one campaign; a new version replaces the old, lists what changed
// per form, and drafts follow it field by field; what is refused, and why (in Chinese); packages
// kept in the workspace folder and read back; a signed package's id stays with its key.
#include <catch2/catch.hpp>
#include <filesystem>

#include "bundle.h"
#include "campaign_calendar.h"
#include "package_library.h"
#include "schema_check.h"
#include "shipped_forms.h"
#include "temp_dir.h"
#include "test_key.h"
#include "text_file.h"
#include "workspace.h"

using namespace lw;
using lw::test::Forms;
using lw::test::TempDir;
using lw::test::TestKey;
using lw::test::Unhex;
using nlohmann::json;

namespace {

const std::string kExample = std::string(LW_SOURCE_DIR) + "/assets/packages/example-2026-nmg.json";

json Example() { return json::parse(ReadTextFile(kExample)); }

CampaignPackage Read(json j) {
  j["fingerprint"] = PackageFingerprint(j);
  PackageRead r = ParsePackage(j.dump(1, '\t'), Forms());
  for (const auto& e : r.errors) UNSCOPED_INFO(e);
  REQUIRE(r.package);
  return std::move(*r.package);
}

CampaignPackage Signed(json j, const TestKey& key) {
  j["fingerprint"] = PackageFingerprint(j);
  PackageRead r = ParsePackage(SignedPackageBytes(j, key.pub, key.Sign(CanonicalPackageBytes(j))), Forms());
  REQUIRE(r.package);
  return std::move(*r.package);
}

// The Ministry's package for 2026: its own notice and one form of its own.
json Ministry() {
  json j = Example();
  j["id"] = "2026-moe";
  j["issuer"] = {{"unit", "教育部办公厅"}, {"region", kNationalRegion}};
  j["campaign"]["title"] = "2026年全民终身学习活动周";
  j["campaign"]["theme"] = "教育部的主题";
  j["campaign"]["calendar"] = {{{"region", "110000"}, {"begin", "2026-11-01"}, {"source", "示例"}}};
  j["campaign"]["issuers"] = {{{"id", "moe"},
                               {"name", "教育部办公厅"},
                               {"requirements",
                                {{{"id", "cases"}, {"form", "moe_case"}, {"min", 1}, {"max", 4}, {"due", "2026-12-20"}},
                                 {{"id", "stars"}, {"form", "star_nomination"}, {"due", "2026-09-25"}}}}}};
  j["forms"][0]["id"] = "moe_case";
  j["forms"][0]["title"] = "典型案例（2026）";
  return j;
}

// A city's package (包头市), its notice within its own region.
json City() {
  json j = Example();
  j["id"] = "2026-baotou";
  j["issuer"] = {{"unit", "包头市教育局"}, {"region", "150200"}};
  j["campaign"]["theme"] = "包头的主题";
  j["campaign"]["issuers"][0]["id"] = "baotou";
  j["campaign"]["issuers"][0]["name"] = "包头市教育局";
  j["campaign"]["issuers"][0]["region"] = "150200";
  j["campaign"]["issuers"][0]["requirements"].erase(0);  // asks only for shipped forms
  j["forms"] = json::array();
  return j;
}

// Version 2 of the example: the salon form's second version.
json ExampleV2() {
  json j = Example();
  j["version"] = 2;
  json& form = j["forms"][0];
  form["version"] = 2;
  json& fields = form["sections"][0]["fields"];
  fields[0]["id"] = "name";                 // renamed (recorded below)
  fields[3]["options"] = {"线下", "线上"};  // 线上线下结合 taken away
  fields[4]["type"] = "text";               // 参与人次 now free text
  fields.erase(5);                          // 联系电话 removed
  fields.push_back({{"id", "books"}, {"label", "共读书目"}, {"type", "textarea"}});
  form["migrations"] = {{{"from", 1}, {"to", 2}, {"renamed", {{"title", "name"}}}, {"removed", {"phone"}}}};
  return j;
}

std::vector<std::string> IssuerIds(const Campaign& c) {
  std::vector<std::string> out;
  for (const Issuer& i : c.issuers) out.push_back(i.id);
  return out;
}

}  // namespace

TEST_CASE("package library: the Ministry's, a province's and a city's packages side by side", "[package_library]") {
  PackageLibrary lib;
  for (json j : {Example(), Ministry(), City()}) {
    const InstallPlan plan = lib.Install(Read(j), Forms());
    INFO(plan.error);
    REQUIRE(plan.ok());
  }
  REQUIRE(lib.packages().size() == 3);
  CHECK(lib.packages()[0].id == "2026-baotou");  // keyed by id
  CHECK(lib.Find("2026-moe")->issuer.region == kNationalRegion);

  const FormLibrary forms = MergeForms(Forms(), lib);
  CHECK(forms.errors.empty());
  CHECK(forms.forms.size() == Forms().forms.size() + 2);
  CHECK(forms.Find("reading_salon")->package == "example-2026-nmg");
  CHECK(forms.Find("moe_case")->package == "2026-moe");
  CHECK(forms.Find("star_nomination")->package.empty());
  REQUIRE(forms.packages.size() == 3);
  CHECK(forms.FindPackage("2026-moe")->version == 1);

  const CampaignLibrary campaigns =
      MergeCampaigns(LoadCampaigns(std::string(LW_SOURCE_DIR) + "/assets/campaigns"), lib);
  CHECK(campaigns.errors.empty());
  CHECK(campaigns.campaigns.size() == 3);  // 2020, 2021 and 2026
  const Campaign* c2026 = campaigns.Find("2026");
  REQUIRE(c2026);
  // One campaign with every notice; the Ministry's package gives the theme and the calendar.
  CHECK(IssuerIds(*c2026) == std::vector<std::string>{"moe", "nmg-example", "baotou"});
  CHECK(c2026->theme == "教育部的主题");
  CHECK(c2026->calendar.size() == 1);
  CHECK(c2026->FindIssuer("baotou")->package == "2026-baotou");
  // A unit in 昆都仑区 answers all three; one in 赤峰 the Ministry's and the province's.
  const auto reaching = [&](const std::string& region) {
    std::vector<std::string> out;
    for (const Issuer& i : c2026->issuers)
      if (IssuerReaches(i, region)) out.push_back(i.id);
    return out;
  };
  CHECK(reaching("150203") == std::vector<std::string>{"moe", "nmg-example", "baotou"});
  CHECK(reaching("150402") == std::vector<std::string>{"moe", "nmg-example"});
  CHECK(reaching("210102") == std::vector<std::string>{"moe"});
}

TEST_CASE("package library: a newer version replaces the older, says what changed, drafts follow",
          "[package_library]") {
  TempDir dir;
  Workspace ws(dir.path.string());
  ws.Load();
  PackageLibrary lib;
  const InstallPlan first = lib.Install(Read(Example()), Forms());
  REQUIRE(first.ok());
  CHECK(first.old_version == 0);
  REQUIRE(first.changes.size() == 1);
  CHECK(first.changes[0].added());
  CHECK(first.Summary() ==
        "已安装活动包「2026年全民终身学习活动周（示例）（内蒙古自治区教育厅）」第 1 版（新增 1 张表格）");

  FormLibrary forms = MergeForms(Forms(), lib);
  Record& draft = ws.NewDraft(*forms.Find("reading_salon"));
  const std::string uuid = draft.uuid;
  draft.values["title"] = "草原读书会";
  draft.values["mode"] = "线上线下结合";
  draft.values["participants"] = 120;
  draft.values["phone"] = "0472-5123456";
  ws.Touch(uuid, 0);
  ws.Flush(0, true);

  const InstallPlan plan = lib.Install(Read(ExampleV2()), Forms());
  INFO(plan.error);
  REQUIRE(plan.ok());
  CHECK(plan.old_version == 1);
  CHECK(plan.version == 2);
  CHECK(plan.Summary() ==
        "活动包「2026年全民终身学习活动周（示例）（内蒙古自治区教育厅）」第 1 版 → 第 2 版：1 张表格有变化");
  REQUIRE(plan.changes.size() == 1);
  const FormChanges& c = plan.changes[0];
  CHECK((c.form == "reading_salon" && c.from == 1 && c.to == 2));
  std::vector<std::string> texts;
  for (const FieldChange& f : c.fields) texts.push_back(f.text);
  CHECK(texts == std::vector<std::string>{"栏目“读书会名称”的标识由 title 改为 name，已填写的内容随之转移",
                                          "栏目“形式”的选项：取消“线上线下结合”", "栏目“参与人次”由整数改为文本",
                                          "新增栏目“共读书目”（多行文本）",
                                          "取消栏目“联系电话”（已填写的内容另存，不会丢失）"});
  CHECK(lib.Find("example-2026-nmg")->version == 2);
  // What 首页 lists for the unit: the form's summary, then each field's change, indented.
  const std::vector<std::string> lines = plan.ChangeLines();
  REQUIRE(lines.size() == 1 + texts.size());
  CHECK(lines[0] == c.Summary());
  CHECK(lines[1] == "　" + texts[0]);

  forms = MergeForms(Forms(), lib);
  CHECK(ws.MigrateDrafts(forms) == 1);
  const Record* r = ws.FindDraft(uuid);
  CHECK(r->form_version == 2);
  CHECK(r->values["name"] == "草原读书会");
  CHECK(r->values["participants"] == "120");
  CHECK_FALSE(r->values.contains("mode"));
  CHECK(r->migrated["options"]["mode"] == "线上线下结合");
  CHECK(r->migrated["removed"]["phone"] == "0472-5123456");
}

TEST_CASE("package library: what cannot be installed, and why", "[package_library]") {
  PackageLibrary lib;
  REQUIRE(lib.Install(Read(Example()), Forms()).ok());
  REQUIRE(lib.Install(Read(Ministry()), Forms()).ok());
  const auto refusal = [&](json j) {
    const InstallPlan p = lib.Plan(Read(std::move(j)), Forms());
    CHECK_FALSE(p.ok());
    CHECK(p.changes.empty());
    return p.error;
  };
  const std::string name = "活动包「2026年全民终身学习活动周（示例）（内蒙古自治区教育厅）」";
  CHECK(refusal(Example()) == name + "第 1 版已经安装");
  json same_version = Example();
  same_version["campaign"]["theme"] = "另一个主题";
  CHECK(refusal(same_version) == name + "第 1 版已经安装，此文件同为第 1 版但内容不同；请向发布单位确认哪一份是正式的");
  REQUIRE(lib.Install(Read(ExampleV2()), Forms()).ok());
  CHECK(refusal(Example()) == "本机已安装" + name + "第 2 版，此文件是较旧的第 1 版");

  json other_region = Example();
  other_region["version"] = 3;
  other_region["issuer"] = {{"unit", "辽宁省教育厅"}, {"region", "210000"}};
  other_region["campaign"]["issuers"][0]["region"] = "210000";
  CHECK(refusal(other_region) ==
        "活动包标识“example-2026-"
        "nmg”已用于「内蒙古自治区教育厅」（150000）发布的活动包「2026年全民终身学习活动周（示例）（"
        "内蒙古自治区教育厅）」；此文件来自「辽宁省教育厅」（210000），不能替换它");

  json unbumped = ExampleV2();
  unbumped["version"] = 3;
  unbumped["forms"][0]["sections"][0]["fields"][0]["maxChars"] = 40;
  CHECK(refusal(unbumped) ==
        "活动包第 1 张表格「社区读书会登记表（示例）」的内容已改变，但版本仍是第 2 版；请发布单位把表格版本改为第 3 "
        "版，已填写的草稿才能随之更新");
  json older_form = Example();
  older_form["version"] = 3;
  CHECK(refusal(older_form) == "活动包第 1 张表格「社区读书会登记表（示例）」是第 1 版，低于已安装的第 2 版");

  json shipped_id = City();
  shipped_id["forms"] = Example()["forms"];
  shipped_id["forms"][0]["id"] = "typical_case";
  CHECK(refusal(shipped_id) ==
        "活动包第 1 "
        "张表格「社区读书会登记表（示例）」的标识“typical_"
        "case”与本机内置表格「全民终身学习活动周典型活动案例」相同，请换一个标识");
  json taken_id = City();
  taken_id["forms"] = Ministry()["forms"];
  CHECK(refusal(taken_id) ==
        "活动包第 1 "
        "张表格「典型案例（2026）」的标识“moe_"
        "case”已由活动包「2026年全民终身学习活动周（教育部办公厅）」的表格「典型案例（2026）」使用，请换一个标识");
  json taken_notice = City();
  taken_notice["campaign"]["issuers"][0]["id"] = "nmg-example";
  CHECK(refusal(taken_notice) ==
        "活动「2026年全民终身学习活动周（示例）」中的发文单位标识“nmg-"
        "example”已由活动包「2026年全民终身学习活动周（示例）（内蒙古自治区教育厅）」使用");
  CHECK(lib.Find("example-2026-nmg")->version == 2);  // nothing refused changed anything
}

TEST_CASE("package library: kept in the workspace folder, read back after a restart", "[package_library]") {
  TempDir dir;
  FileStore store(dir.path.string());
  PackageLibrary lib;
  const CampaignPackage example = Read(Example());
  REQUIRE(lib.Install(example, Forms(), &store).ok());
  REQUIRE(lib.Install(Read(Ministry()), Forms(), &store).ok());
  CHECK(store.List(kPackagesDir) == std::vector<std::string>{"2026-moe.json", "example-2026-nmg.json"});
  std::string stored;
  REQUIRE(store.Read("packages/example-2026-nmg.json", stored));
  CHECK(stored == example.bytes);  // byte for byte, as the issuer sent it

  // A damaged file stays where it is and is named; the others load.
  REQUIRE(store.WriteAtomic("packages/2026-broken.json", "{\"format\":\"learnweek-campaign-package\""));
  PackageLibrary again;
  const auto warnings = again.Load(store, Forms());
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0] ==
        "packages/2026-broken.json：文件内容不完整或不是有效的 JSON（可能下载或传输时被截断）（此活动包暂未启用）");
  CHECK(store.Exists("packages/2026-broken.json"));
  REQUIRE(again.packages().size() == 2);
  CHECK(ToPackageJson(*again.Find("example-2026-nmg")) == ToPackageJson(example));
  CHECK(MergeForms(Forms(), again).Find("moe_case"));

  // A package made in this app (never read from a file) is written, checked and stored the same way.
  CampaignPackage made = Read(City());
  made.id = "2026-baotou-2";
  made.bytes.clear();
  REQUIRE(again.Install(made, Forms(), &store).ok());
  CHECK(store.Exists("packages/2026-baotou-2.json"));

  CHECK(again.Remove("2026-moe", &store));
  CHECK_FALSE(store.Exists("packages/2026-moe.json"));
  CHECK_FALSE(again.Remove("2026-moe", &store));
}

TEST_CASE("package library: a signed package's later versions must carry the same key", "[package_library]") {
  const TestKey issuer = TestKey::From(Unhex("C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721"));
  const TestKey other = TestKey::From(Unhex("0F56DB78CA460B055C500064824BED999A25AAF48EBB519AC201537B85479813"));
  PackageLibrary lib;
  const CampaignPackage v1 = Signed(Example(), issuer);
  CHECK(v1.signer_key == issuer.pub);
  REQUIRE(lib.Install(v1, Forms()).ok());
  const std::string name = "活动包「2026年全民终身学习活动周（示例）（内蒙古自治区教育厅）」";
  CHECK(lib.Plan(Read(ExampleV2()), Forms()).error ==
        "已安装的" + name + "有发布单位的签名，此文件没有签名，不能替换它");
  CHECK(lib.Plan(Signed(ExampleV2(), other), Forms()).error.find("不同，不能替换它") != std::string::npos);
  CHECK(lib.Install(Signed(ExampleV2(), issuer), Forms()).ok());

  // Signed over the canonical bytes: any change after signing is refused.
  json j = Example();
  j["fingerprint"] = PackageFingerprint(j);
  json signed_doc = json::parse(SignedPackageBytes(j, issuer.pub, issuer.Sign(CanonicalPackageBytes(j))));
  signed_doc["version"] = 5;
  signed_doc["fingerprint"] = PackageFingerprint(signed_doc);
  CHECK(ParsePackage(signed_doc.dump(), Forms()).errors ==
        std::vector<std::string>{"活动包在签名后被改动过（签名不符）"});
}

namespace {

Bundle SalonBundle() {
  Bundle b;
  b.created = "2026-10-10T08:00:00Z";
  b.campaign = "2026";
  b.issuer = {{"unit", "昆都仑区教育局"}, {"region", "150203"}};
  Record r;
  r.uuid = NewUuid();
  r.form = "reading_salon";
  r.created = r.updated = b.created;
  r.values = {{"title", "草原读书会"}, {"mode", "线下"}};
  b.records.push_back(r);
  return b;
}

}  // namespace

TEST_CASE("bundles name the campaign packages their records were made with", "[package_library]") {
  PackageLibrary lib;
  REQUIRE(lib.Install(Read(Example()), Forms()).ok());
  const FormLibrary forms = MergeForms(Forms(), lib);
  const CampaignPackage& p = *lib.Find("example-2026-nmg");
  const std::string bytes = WriteBundle(SalonBundle(), forms);
  const json j = json::parse(bytes);
  CHECK(j["forms"] == json::parse(R"([{"id":"reading_salon","package":"example-2026-nmg","version":1}])"));
  REQUIRE(j["packages"].size() == 1);
  CHECK(j["packages"][0] == json{{"fingerprint", p.fingerprint}, {"id", p.id}, {"title", p.Title()}, {"version", 1}});
  CHECK(j["formatVersion"] == 1);  // older copies of the app still read it
  const auto problems =
      lw::test::SchemaCheck(std::string(LW_SOURCE_DIR) + "/assets/schema").Check(j, "bundle.schema.json");
  for (const auto& e : problems) UNSCOPED_INFO(e);
  CHECK(problems.empty());

  // A coordinator with the package reads it; one without is told which package to open.
  const BundleReadResult ok = ReadBundle(bytes, forms);
  INFO(ok.error);
  REQUIRE(ok.bundle);
  CHECK(ok.missing_packages.empty());
  CHECK(ok.bundle->packages == std::vector<PackageRef>{p.Ref()});
  const BundleReadResult without = ReadBundle(bytes, Forms());
  CHECK_FALSE(without.bundle);
  CHECK(without.error ==
        "此数据包用到活动包「2026年全民终身学习活动周（示例）（内蒙古自治区教育厅）」第 1 版，请先打开该活动包");

  // Made with version 2 of the package, read where version 1 is installed.
  PackageLibrary newer;
  REQUIRE(newer.Install(Read(Example()), Forms()).ok());
  REQUIRE(newer.Install(Read(ExampleV2()), Forms()).ok());
  Bundle b2 = SalonBundle();
  b2.records[0].form_version = 2;
  b2.records[0].values = {{"name", "草原读书会"}};
  const std::string bytes2 = WriteBundle(b2, MergeForms(Forms(), newer));
  CHECK(ReadBundle(bytes2, forms).error ==
        "此数据包用到活动包「2026年全民终身学习活动周（示例）（内蒙古自治区教育厅）」第 2 版（本机为第 1 "
        "版），请先打开该活动包");

  // Records of shipped forms only: no package table, the bytes as before.
  Bundle plain = SalonBundle();
  plain.records[0].form = "contacts";
  plain.records[0].values = {{"unit", "昆都仑区教育局"}};
  CHECK(WriteBundle(plain, forms).find("\"packages\"") == std::string::npos);
  // A package named by the sender that the records do not need: read, and listed as missing.
  plain.packages = {p.Ref()};
  const BundleReadResult listed = ReadBundle(WriteBundle(plain, forms), Forms());
  INFO(listed.error);
  REQUIRE(listed.bundle);
  CHECK(listed.missing_packages == std::vector<PackageRef>{p.Ref()});

  json broken = j;
  broken["packages"][0].erase("fingerprint");
  CHECK(ReadBundle(broken.dump(), forms).error == "活动包列表第 1 项不完整（需要 id、version 和 fingerprint）");
  broken["packages"] = {{{"id", "x"}, {"version", 1}, {"fingerprint", p.fingerprint}, {"title", "<script>"}}};
  CHECK(ReadBundle(broken.dump(), forms).error == "活动包列表第 1 项中含有网页代码或脚本，已拒绝");
}
