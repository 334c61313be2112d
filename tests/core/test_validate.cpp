// test_validate.cpp — every field rule: phones, e-mails, URLs, ID numbers, dates, lengths,
// numbers, choices, regions, tables, the statistics matrix, photos and totals.
#include <algorithm>
#include <catch2/catch.hpp>

#include "form_def.h"
#include "region.h"
#include "validate.h"

using namespace lw;
using nlohmann::json;

TEST_CASE("phone numbers: 11-digit mobiles and landlines with area code", "[validate]") {
  for (const char* ok : {"13683694974", "19990521785", "0471-2857047", "024-86896319", "010-66096253", "04712857047",
                         "0351-3193088", "0431-82857798-801", "138 1147 3279"})
    CHECK(CheckPhone(ok).empty());
  CHECK(CheckPhone("1368369497") == "手机号码应为 11 位数字（现有 10 位）");
  CHECK_FALSE(CheckPhone("136836949745").empty());
  CHECK_FALSE(CheckPhone("12345678901").empty());   // no mobile starts with 12
  CHECK_FALSE(CheckPhone("2857047").empty());       // landline without area code
  CHECK_FALSE(CheckPhone("0471-1857047").empty());  // local numbers do not start with 1
  CHECK_FALSE(CheckPhone("电话13683694974").empty());
  CHECK_FALSE(CheckPhone("").empty());
}

TEST_CASE("e-mail addresses", "[validate]") {
  for (const char* ok :
       {"jlqmx@126.com", "1828839454@qq.com", "dur@ouchn.edu.cn", "huoxiudong@sxedc.com", "a.b+c@x-y.org"})
    CHECK(CheckEmail(ok).empty());
  CHECK(CheckEmail("jlqmx＠126.com") == "请使用半角的 @ 符号");
  for (const char* bad : {"jlqmx126.com", "jlqmx@126", "@126.com", "a..b@126.com", "a b@126.com", "张@126.com"})
    CHECK_FALSE(CheckEmail(bad).empty());
}

TEST_CASE("URLs", "[validate]") {
  for (const char* ok : {"https://caea.org.cn/wzsy", "http://www.ccqmx.com", "https://mp.weixin.qq.com/s/AbC_123?x=1#y",
                         "http://127.0.0.1:8080/feed.json"})
    CHECK(CheckUrl(ok).empty());
  CHECK(CheckUrl("www.ccqmx.com") == "网址应以 http:// 或 https:// 开头");
  CHECK_FALSE(CheckUrl("https://caea").empty());
  CHECK_FALSE(CheckUrl("https://caea.org.cn/a b").empty());
  CHECK_FALSE(CheckUrl("javascript:alert(1)").empty());
}

TEST_CASE("ID card numbers: 18 digits with the GB 11643 check digit", "[validate]") {
  CHECK(IdCardCheckDigitOk("11010519491231002X"));
  CHECK(IdCardCheckDigitOk("11010519491231002x"));
  CHECK(IdCardCheckDigitOk("440524188001010014"));
  CHECK(CheckIdCard("11010519491231002X").empty());
  CHECK(CheckIdCard("110105194912310021") == "身份证号码校验位不正确，请逐位核对");
  CHECK(CheckIdCard("11010519491231002") == "身份证号码应为 18 位（现有 17 位）");
  CHECK(CheckIdCard("110105194913310028") == "身份证号码中的出生日期无效");  // month 13
  CHECK(CheckIdCard("1101051949123100AX") == "身份证号码只能是数字，最后一位可以是 X");
}

TEST_CASE("dates: real calendar days, month precision, campaign window", "[validate]") {
  CHECK(ParseDate("2020-10-25"));
  CHECK(ParseDate("2020-02-29"));
  CHECK_FALSE(ParseDate("2021-02-29"));
  CHECK_FALSE(ParseDate("2020-13-01"));
  CHECK_FALSE(ParseDate("2020-1-5"));
  CHECK_FALSE(ParseDate("2020-10-"));
  CHECK(ParseDate("1965-07", true));
  CHECK_FALSE(ParseDate("1965-07-01", true));
  CHECK(DaysBetween(*ParseDate("2020-09-20"), *ParseDate("2020-11-10")) == 51);
  CHECK(DaysBetween(*ParseDate("2020-12-31"), *ParseDate("2021-01-01")) == 1);
  CHECK(FormatDate(AddDays(*ParseDate("2020-02-28"), 1)) == "2020-02-29");
  CHECK(FormatDate(AddDays(*ParseDate("2021-02-28"), 1)) == "2021-03-01");
  CHECK(FormatDate(AddDays(*ParseDate("2020-12-25"), 10)) == "2021-01-04");
  CHECK(FormatDate(AddDays(*ParseDate("2020-10-19"), 0)) == "2020-10-19");

  FieldDef f;
  f.id = "date";
  f.label = "活动时间";
  f.type = FieldType::Date;
  f.in_campaign_window = true;
  ValidationContext ctx;
  ctx.window = DateWindow{*ParseDate("2020-10-19"), *ParseDate("2020-10-25")};
  CHECK(ValidateField(f, "2020-10-19", ctx, "date", "活动时间").empty());
  CHECK(ValidateField(f, "2020-10-25", ctx, "date", "活动时间").empty());
  const auto late = ValidateField(f, "2020-10-26", ctx, "date", "活动时间");
  REQUIRE(late.size() == 1);
  CHECK(late[0].message == "应在活动周期间（2020-10-19 至 2020-10-25）");
  CHECK(ValidateField(f, "2020-10-", ctx, "date", "活动时间")[0].message == "请选择完整的日期（年、月、日）");
}

TEST_CASE("text length is counted in characters, not bytes", "[validate]") {
  FieldDef f;
  f.id = "title";
  f.label = "文稿题目";
  f.type = FieldType::Text;
  f.max_chars = 20;
  const ValidationContext ctx;
  CHECK(ValidateField(f, "全民智学助力双战双赢吉林全民终身学习成果", ctx, "title", "").empty());  // 20 字
  const auto over = ValidateField(f, "全民智学助力双战双赢吉林全民终身学习成果展", ctx, "title", "");
  REQUIRE(over.size() == 1);
  CHECK(over[0].message == "不能超过 20 字（现有 21 字，请删减 1 字）");
  CHECK(ValidateField(f, std::string(20, 'a'), ctx, "t", "").empty());
  f.min_chars = 3;
  CHECK(ValidateField(f, "👍🏻👍🏻", ctx, "t", "")[0].message == "至少需要 3 字（现有 2 字）");
  f.required = true;
  CHECK(ValidateField(f, "   ", ctx, "t", "")[0].message == "必填");
}

TEST_CASE("integers, choices, patterns and regions", "[validate]") {
  const ValidationContext none;
  FieldDef n;
  n.label = "参与人次";
  n.type = FieldType::Integer;
  n.max = 1000;
  CHECK(ValidateField(n, 120, none, "n", "").empty());
  CHECK(ValidateField(n, -1, none, "n", "")[0].message == "不能小于 0");
  CHECK(ValidateField(n, 1001, none, "n", "")[0].message == "不能大于 1000");
  CHECK(ValidateField(n, "12a", none, "n", "")[0].message == "请填写整数");

  FieldDef c;
  c.label = "性别";
  c.type = FieldType::Choice;
  c.options = {"男", "女"};
  CHECK(ValidateField(c, "女", none, "c", "").empty());
  CHECK_FALSE(ValidateField(c, "未知", none, "c", "").empty());
  c.type = FieldType::MultiChoice;
  CHECK(ValidateField(c, json::array({"男", "女"}), none, "c", "").empty());
  CHECK_FALSE(ValidateField(c, json::array({"男", "x"}), none, "c", "").empty());

  FieldDef p;
  p.label = "邮编";
  p.type = FieldType::Text;
  p.pattern = "[0-9]{6}";
  p.pattern_message = "邮编是 6 位数字";
  CHECK(ValidateField(p, "100120", none, "p", "").empty());
  CHECK(ValidateField(p, "10012", none, "p", "")[0].message == "邮编是 6 位数字");

  RegionDb db;
  REQUIRE(db.LoadJson(R"({"regions":[["150000","内蒙古自治区"],["150200","包头市"],["150203","昆都仑区"],
                          ["110000","北京市"],["110100","市辖区"],["110105","朝阳区"]]})"));
  ValidationContext ctx;
  ctx.regions = &db;
  FieldDef r;
  r.label = "所在地区";
  r.type = FieldType::Region;
  CHECK(ValidateField(r, "150203", ctx, "r", "").empty());
  CHECK(ValidateField(r, "150299", ctx, "r", "")[0].message == "地区代码 150299 不存在");
  CHECK(ValidateField(r, "15", ctx, "r", "")[0].message == "请选择所在地区");
  CHECK(db.FullName("150203") == "内蒙古自治区 / 包头市 / 昆都仑区");
  CHECK(db.FullName("110105") == "北京市 / 朝阳区");
  CHECK(db.Children("150000") == std::vector<std::string>{"150200"});
  CHECK(RegionDb::ProvinceOf("150203") == "150000");
  CHECK(RegionDb::CityOf("150203") == "150200");
}

namespace {
FormDef TableForm() {
  auto r = ParseFormDef(
      R"({"id":"t","version":1,"title":"T","kind":"statistics","follows":"test","sections":[{"title":"s","fields":[
    {"id":"rows","label":"活动","type":"table","minRows":1,"maxRows":3,"columns":[
      {"id":"name","label":"名称","type":"text","required":true},
      {"id":"n","label":"人次","type":"integer"}]},
    {"id":"total","label":"合计","type":"computed","sumOf":"rows.n"},
    {"id":"stats","label":"统计","type":"matrix","themes":["终身学习","全民阅读"],"extendable":true,"rows":[
      {"id":"name","label":"活动名称","type":"text","required":true},
      {"id":"participants","label":"人次","type":"integer","required":true},
      {"id":"link","label":"新闻链接","type":"url"}]},
    {"id":"stats_total","label":"人次合计","type":"computed","sumOf":"stats.participants"},
    {"id":"photos","label":"照片","type":"photos","minRows":2,"maxRows":8,"captionMaxChars":10}]}]})",
      "t.json");
  REQUIRE(r.errors.empty());
  return *r.form;
}
}  // namespace

TEST_CASE("tables: row counts, cells and totals", "[validate]") {
  const FormDef f = TableForm();
  const ValidationContext none;
  json v = {{"rows", json::array({{{"name", "讲座"}, {"n", 120}}, {{"name", "培训"}, {"n", 80}}, {{"n", 5}}})}};
  CHECK(SumOf(f, v, "rows.n") == 205);
  auto issues = ValidateRecord(f, v, none);
  REQUIRE_FALSE(issues.empty());
  CHECK(issues[0].path == "rows[2].name");
  CHECK(issues[0].label == "活动 第3行 · 名称");
  v["rows"].push_back({{"name", "x"}});
  bool too_many = false;
  for (const auto& i : ValidateRecord(f, v, none)) too_many |= i.path == "rows" && i.message == "最多 3 行";
  CHECK(too_many);
}

TEST_CASE("statistics matrix: an added column counts in the totals", "[validate]") {
  const FormDef f = TableForm();
  json cols = json::array({
      {{"theme", "终身学习"}, {"cells", {{"name", "开幕式"}, {"participants", 300}}}},
      {{"theme", "全民阅读"}, {"cells", {{"name", "读书会"}, {"participants", 150}}}},
      {{"theme", "全民阅读"},
       {"cells", {{"name", "好书推荐"}, {"participants", 75}, {"link", "https://x.cn/a"}}}},  // added
  });
  json v = {{"stats", {{"columns", cols}, {"extraRows", json::array()}}}};
  CHECK(SumOf(f, v, "stats.participants") == 525);
  const auto stats_issues = [&] {
    int n = 0;
    for (const auto& i : ValidateRecord(f, v, ValidationContext{})) n += i.path.rfind("stats", 0) == 0;
    return n;
  };
  CHECK(stats_issues() == 0);
  v["stats"]["columns"].push_back({{"theme", "全民阅读"}, {"cells", {{"link", "not a url"}}}});
  bool link = false, name = false;
  for (const auto& i : ValidateRecord(f, v, ValidationContext{})) {
    link |= i.path == "stats.columns[3].link";
    name |= i.path == "stats.columns[3].name";
  }
  CHECK(link);
  CHECK(name);
  // An untouched column is not an error: most units leave some themes empty.
  v["stats"]["columns"][3] = {{"theme", "终身学习"}, {"cells", json::object()}};
  CHECK(stats_issues() == 0);
}

TEST_CASE("photos: count and captions", "[validate]") {
  const FormDef f = TableForm();
  json one = json::array({{{"sha256", std::string(64, 'a')}, {"caption", "开幕式"}}});
  auto issues = ValidateField(*f.Find("photos"), one, ValidationContext{}, "photos", "照片");
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].message == "需要 2 张照片（现有 1 张）");
  json two = one;
  two.push_back({{"sha256", std::string(64, 'b')}, {"caption", ""}});
  issues = ValidateField(*f.Find("photos"), two, ValidationContext{}, "photos", "照片");
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].path == "photos[1].caption");
  CHECK(issues[0].message == "请为照片写一句说明");
}

namespace {
const FormLibrary& ShippedForms() {
  static const FormLibrary lib = LoadFormLibrary(std::string(LW_SOURCE_DIR) + "/assets/forms");
  return lib;
}
std::string MessageAt(const std::vector<Issue>& issues, const std::string& path) {
  for (const Issue& i : issues)
    if (i.path == path) return i.message;
  return {};
}
}  // namespace

TEST_CASE("出生年月 and 性别 are checked against the ID number (digits 7–14, 17th digit)", "[validate]") {
  const FormDef& star = *ShippedForms().Find("star_nomination");
  // 140105 19580312 003 2: born 1958-03-12, 17th digit 3 (odd: 男).
  json v = {{"id_number", "140105195803120032"}, {"birth", "1958-03"}, {"gender", "男"}};
  auto issues = ValidateRecord(star, v, ValidationContext{});
  CHECK(MessageAt(issues, "birth").empty());
  CHECK(MessageAt(issues, "gender").empty());

  v["birth"] = "1960-03";
  v["gender"] = "女";
  issues = ValidateRecord(star, v, ValidationContext{});
  CHECK(MessageAt(issues, "birth") == "与身份证号码不符：号码第 7–14 位是出生日期 1958-03-12，这里填的是 1960-03");
  CHECK(MessageAt(issues, "gender") == "与身份证号码不符：号码第 17 位是 3（奇数，应为男），这里选的是女");
  for (const Issue& i : issues)
    if (i.path == "birth" || i.path == "gender") CHECK_FALSE(i.incomplete);  // a wrong value: an import refuses it

  // 17th digit 4 (even): 女.
  v = {{"id_number", "140105195803120040"}, {"birth", "1958-03"}, {"gender", "男"}};
  CHECK(MessageAt(ValidateRecord(star, v, ValidationContext{}), "gender") ==
        "与身份证号码不符：号码第 17 位是 4（偶数，应为女），这里选的是男");
  v["gender"] = "女";
  CHECK(MessageAt(ValidateRecord(star, v, ValidationContext{}), "gender").empty());

  // An ID number that is itself wrong says so once, beside itself; no guess from its digits.
  v = {{"id_number", "140105195803120033"}, {"birth", "1960-03"}, {"gender", "女"}};
  issues = ValidateRecord(star, v, ValidationContext{});
  CHECK(MessageAt(issues, "id_number") == "身份证号码校验位不正确，请逐位核对");
  CHECK(MessageAt(issues, "birth").empty());
  CHECK(MessageAt(issues, "gender").empty());

  // 先进个人 has the same three fields and the same rule.
  const FormDef& person = *ShippedForms().Find("advanced_person");
  v = {{"id_number", "140105195803120032"}, {"birth", "1958-04"}};
  CHECK_FALSE(MessageAt(ValidateRecord(person, v, ValidationContext{}), "birth").empty());
}

TEST_CASE("an empty required statistics table is unfinished, not 已校验", "[validate]") {
  const FormDef& shanxi = *ShippedForms().Find("shanxi_statistics");
  const json themes = json::array(
      {{{"theme", "终身学习"}, {"cells", json::object()}}, {{"theme", "全民阅读"}, {"cells", json::object()}}});
  for (const json& stats : {json(), json::object(), json{{"columns", themes}}}) {
    json v = {{"stats", stats}};
    const auto issues = ValidateRecord(shanxi, v, ValidationContext{});
    const auto it = std::find_if(issues.begin(), issues.end(), [](const Issue& i) { return i.path == "stats"; });
    REQUIRE(it != issues.end());
    CHECK(it->incomplete);
    CHECK(it->message == "表格还是空的：请至少在一个主题下填写一项活动（活动名称和参与人数）");  // not a bare 必填
  }
  json v = {{"stats", {{"columns", themes}}}};
  CHECK(MessageAt(ValidateRecord(shanxi, v, ValidationContext{}), "stats") ==
        "表格还是空的：请至少在一个主题下填写一项活动（活动名称和参与人数）");
  v["stats"]["columns"][1]["cells"] = {{"name", "读书会"}, {"participants", 150}};
  CHECK(MessageAt(ValidateRecord(shanxi, v, ValidationContext{}), "stats").empty());
}
