// test_import_check.cpp — issue 11: an import checks every value with the rules the form applies
// while typing (ValidateRecord, the one shared validator). A submission with an invalid value is
// refused whole, naming record, field, row and column; merely incomplete drafts are accepted and
// marked as drafts. Backups (this device's own work in progress) are not refused for values.
#include <catch2/catch.hpp>

#include "bundle.h"
#include "region.h"
#include "shipped_forms.h"

using namespace lw;
using lw::test::Forms;
using nlohmann::json;

namespace {

Record Make(const std::string& form, json values) {
  Record r;
  r.uuid = NewUuid();
  r.form = form;
  r.form_version = Forms().Find(form)->version;
  r.created = r.updated = "2020-10-25T08:00:00Z";
  r.origin = {"包头市教育局", "150200", "dev"};
  r.values = std::move(values);
  return r;
}

std::string BundleOf(std::vector<Record> records, const std::string& kind = "submission") {
  Bundle b;
  b.kind = kind;
  b.created = "2020-10-25T08:00:00Z";
  b.campaign = "2020";
  b.issuer = {{"unit", "包头市教育局"}, {"region", "150200"}};
  b.records = std::move(records);
  return WriteBundle(b, Forms());
}

// Why the bundle is refused ("" = accepted). An import reads values packed (record.h): the same
// checks, and the same words, as when the values are kept as documents.
std::string Refusal(const Record& r, const ValidationContext& ctx = {}) {
  const std::string bytes = BundleOf({r});
  const auto res = ReadBundle(bytes, Forms(), ctx);
  const auto packed = ReadBundle(bytes, Forms(), ctx, RecordValues::Packed);
  CHECK(packed.error == res.error);
  if (res.bundle && packed.bundle) {
    CHECK(packed.bundle->records[0].packed == res.bundle->records[0].ValuesText());
    CHECK(packed.bundle->records[0].status == res.bundle->records[0].status);
  }
  return res.bundle ? std::string() : res.error;
}

json Activity(json participants) {
  return {{"name", "社区智能手机课堂"},
          {"organizer", "昆都仑区教育局"},
          {"date", "2020-10-21"},
          {"participants", participants}};
}
}  // namespace

TEST_CASE("the issue's examples: integer cell 很多 and phone 123 are refused, naming where", "[import_check]") {
  const Record demo = Make("demo_activity_summary", {{"activities", json::array({Activity(120), Activity("很多")})}});
  const std::string why = Refusal(demo);
  INFO(why);
  CHECK(why.find("第 1 条记录") == 0);                                  // which record
  CHECK(why.find("示范活动汇总表") != std::string::npos);               // which form
  CHECK(why.find("“示范活动 第2行 · 参与人次”") != std::string::npos);  // field, row, column
  CHECK(why.find("请填写整数（现为“很多”）") != std::string::npos);
  CHECK(why.find("数据包未导入") != std::string::npos);

  const std::string phone = Refusal(Make("star_nomination", {{"name", "王堃"}, {"phone", "123"}}));
  CHECK(phone.find("“联系电话”：手机号码应为 11 位数字（现有 3 位）（现为“123”）") != std::string::npos);
}

TEST_CASE("each rule of the form refuses an import", "[import_check]") {
  const auto star = [](json v) { return Make("star_nomination", std::move(v)); };
  CHECK(Refusal(star({{"gender", "未知"}})).find("“性别”：请从列表中选择") != std::string::npos);
  CHECK(Refusal(Make("demo_activity_summary", {{"activities", json::array({Activity(-5)})}})).find("不能小于 0") !=
        std::string::npos);
  CHECK(Refusal(Make("demo_activity_summary", {{"activities", json::array({Activity(20000000)})}}))
            .find("不能大于 10000000") != std::string::npos);
  std::string long_name;
  for (int i = 0; i < 21; ++i) long_name += "张";
  CHECK(Refusal(star({{"name", long_name}})).find("“姓名”：不能超过 20 字") != std::string::npos);
  CHECK(Refusal(star({{"id_number", "110105194912310021"}})).find("校验位不正确") != std::string::npos);
  CHECK(Refusal(star({{"birth", "1955-13"}})).find("“出生年月”") != std::string::npos);
  // Cross-field: ID 140105 19580312 003 2 is a man born 1958-03-12.
  CHECK(Refusal(star({{"id_number", "140105195803120032"}, {"birth", "1960-03"}}))
            .find("“出生年月”：与身份证号码不符：号码第 7–14 位是出生日期 1958-03-12") != std::string::npos);
  CHECK(Refusal(star({{"id_number", "140105195803120032"}, {"gender", "女"}})).find("“性别”：与身份证号码不符") !=
        std::string::npos);
  CHECK(Refusal(star({{"id_number", "140105195803120032"}, {"birth", "1958-03"}, {"gender", "男"}})).empty());
  CHECK(Refusal(star({{"date", "2020-02-30"}})).find("请选择完整的日期") != std::string::npos);
  CHECK(Refusal(Make("contacts",
                     {{"people", json::array({{{"name", "李玥"}, {"mobile", "13800000000"}, {"email", "li@"}}})}}))
            .find("“联系人（2—3人） 第1行 · 电子邮箱”：电子邮箱格式不正确") != std::string::npos);
  CHECK(Refusal(Make("typical_case", {{"link", "ftp://x"}})).find("网址应以 http:// 或 https:// 开头") !=
        std::string::npos);
  RegionDb db;
  REQUIRE(db.LoadJson(R"({"regions":[["150000","内蒙古自治区"],["150200","包头市"],["150203","昆都仑区"]]})"));
  ValidationContext ctx;
  ctx.regions = &db;
  CHECK(Refusal(star({{"region", "150299"}}), ctx).find("地区代码 150299 不存在") != std::string::npos);
  CHECK(Refusal(star({{"region", "150203"}}), ctx).empty());
}

TEST_CASE("the refusal says exactly what the form says while typing (one validator)", "[import_check]") {
  const Record r = Make("star_nomination", {{"name", "王堃"}, {"phone", "0471-123"}});
  const auto issues = ValidateRecord(*Forms().Find("star_nomination"), r.values, {});
  const auto phone = std::find_if(issues.begin(), issues.end(), [](const Issue& i) { return i.path == "phone"; });
  REQUIRE(phone != issues.end());
  CHECK_FALSE(phone->incomplete);
  CHECK(Refusal(r).find("“" + phone->label + "”：" + phone->message) != std::string::npos);
  // Missing values are only incomplete.
  const auto name = std::find_if(issues.begin(), issues.end(), [](const Issue& i) { return i.path == "gender"; });
  REQUIRE(name != issues.end());
  CHECK(name->incomplete);
}

TEST_CASE("incomplete drafts are accepted and marked; complete records are valid", "[import_check]") {
  const Record draft = Make("demo_activity_summary", {{"activities", json::array({Activity(120)})}});
  const Record full = Make("demo_activity_summary", {{"activities", json::array({Activity(120)})},
                                                     {"unit", "包头市教育局"},
                                                     {"region", "150200"},
                                                     {"leader", "王堃"},
                                                     {"filler", "李玥"},
                                                     {"phone", "0472-5123456"}});
  const auto res = ReadBundle(BundleOf({draft, full}), Forms());
  INFO(res.error);
  REQUIRE(res.bundle);
  for (const Record& r : res.bundle->records) CHECK(r.status == (r.uuid == full.uuid ? kStatusValid : kStatusDraft));
  // A sender's claim is not trusted: the importer validates again.
  json lying = json::parse(BundleOf({draft}));
  lying["records"][0]["status"] = "valid";
  const auto again = ReadBundle(lying.dump(), Forms());
  REQUIRE(again.bundle);
  CHECK(again.bundle->records[0].status == kStatusDraft);
}

TEST_CASE("a backup keeps this device's half-typed values: refused only for its shape", "[import_check]") {
  const auto res = ReadBundle(BundleOf({Make("star_nomination", {{"phone", "123"}})}, "backup"), Forms());
  INFO(res.error);
  CHECK(res.bundle);
}

TEST_CASE("a photo a record names anywhere must be in the bundle, in any form", "[import_check]") {
  // 统计表 has no photo field; a computed field takes any value, so a reference can hide there.
  const Record r = Make("shanxi_statistics", {{"total_participants", {{"sha256", std::string(64, 'a')}}}});
  const std::string why = Refusal(r);
  INFO(why);
  CHECK(why.find("不在数据包中") != std::string::npos);
}
