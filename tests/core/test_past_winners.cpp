// test_past_winners.cpp — issue 12 item 5: 往年获评名单 read from the CSV a coordinator keeps (GBK
// or UTF-8 with a BOM), and nominations that match it warned about: by ID number, else by name
// and region, never by a name alone.
#include <catch2/catch.hpp>

#include "past_winners.h"

using namespace lw;

namespace {

// 年份,姓名,身份证号码,地区 / 2021,王秀兰,140105195507120038,140105 / 2020,李建国,,山西省 / 大同市 — in GBK.
const std::string kGbkCsv =
    "\xC4\xEA\xB7\xDD\x2C\xD0\xD5\xC3\xFB\x2C\xC9\xED\xB7\xDD\xD6\xA4\xBA\xC5\xC2\xEB\x2C\xB5\xD8\xC7\xF8\x0D\x0A\x32"
    "\x30"
    "\x32\x31\x2C\xCD\xF5\xD0\xE3\xC0\xBC\x2C\x31\x34\x30\x31\x30\x35\x31\x39\x35\x35\x30\x37\x31\x32\x30\x30\x33\x38"
    "\x2C"
    "\x31\x34\x30\x31\x30\x35\x0D\x0A\x32\x30\x32\x30\x2C\xC0\xEE\xBD\xA8\xB9\xFA\x2C\x2C\xC9\xBD\xCE\xF7\xCA\xA1\x20"
    "\x2F"
    "\x20\xB4\xF3\xCD\xAC\xCA\xD0\x0D\x0A";

RegionDb Regions() {
  RegionDb db;
  REQUIRE(db.LoadJson(R"({"regions":[["140000","山西省"],["140100","太原市"],["140105","小店区"],["140200","大同市"],
    ["140202","平城区"],["150000","内蒙古自治区"],["150200","包头市"],["150203","昆都仑区"]]})"));
  return db;
}

Record Star(const std::string& name, const std::string& id, const std::string& region) {
  Record r;
  r.form = "star_nomination";
  r.values = {{"name", name}, {"id_number", id}, {"region", region}};
  return r;
}

}  // namespace

TEST_CASE("past winners from a GBK CSV: codes and region names", "[past_winners]") {
  const PastWinnersRead read = ReadPastWinners(kGbkCsv, Regions());
  REQUIRE(read.error.empty());
  REQUIRE(read.winners.size() == 2);
  CHECK(read.winners[0].year == 2021);
  CHECK(read.winners[0].name == "王秀兰");
  CHECK(read.winners[0].id_number == "140105195507120038");
  CHECK(read.winners[0].region == "140105");
  CHECK(read.winners[1].kind == PastWinner::Kind::Star);
  CHECK(read.winners[1].region == "140200");  // "山西省 / 大同市" as 汇总 prints it
}

TEST_CASE("UTF-8 with a BOM, and a list of brand projects", "[past_winners]") {
  const PastWinnersRead read = ReadPastWinners(
      "\xEF\xBB\xBF年份,项目名称,申报单位,地区\r\n2021,\"“书香昆区”读书会\",昆都仑区社区学院,内蒙古自治区包头市\r\n",
      Regions());
  REQUIRE(read.error.empty());
  REQUIRE(read.winners.size() == 1);
  CHECK(read.winners[0].kind == PastWinner::Kind::Project);
  CHECK(read.winners[0].unit == "昆都仑区社区学院");
  CHECK(read.winners[0].region == "150200");
}

TEST_CASE("a star matches by ID number, else by name and region, never by a name alone", "[past_winners]") {
  const auto list = ReadPastWinners(kGbkCsv, Regions()).winners;
  SECTION("the same ID number, even under another name or region") {
    const auto m = MatchPastWinner(list, Star("王秀蘭", "140105195507120038", "150203"));
    REQUIRE(m);
    CHECK(m->field == "id_number");
    CHECK(m->message == "此人已于2021年获评百姓学习之星，按通知不得重复推荐。");
    CHECK(MatchPastWinner(list, Star("", "140105195507120038", "")));  // the ID typed first
  }
  SECTION("name and region when an ID is missing; a list naming only the city covers its counties") {
    const auto m = MatchPastWinner(list, Star("李建国", "140202196001010043", "140202"));
    REQUIRE(m);
    CHECK(m->field == "name");
    CHECK(m->message.find("2020年") != std::string::npos);
    CHECK(MatchPastWinner(list, Star("王秀兰", "", "140100")));  // no ID yet: 太原市 holds 小店区
  }
  SECTION("no false match") {
    CHECK_FALSE(MatchPastWinner(list, Star("李建国", "", "150203")));                    // same name, another region
    CHECK_FALSE(MatchPastWinner(list, Star("李建国", "", "")));                          // no region to compare
    CHECK_FALSE(MatchPastWinner(list, Star("王秀兰", "140202196001010043", "140105")));  // two IDs: two people
    Record other = Star("王秀兰", "140105195507120038", "140105");
    other.form = "advanced_person";
    CHECK_FALSE(MatchPastWinner(list, other));  // only nominations are checked
  }
}

TEST_CASE("a brand project matches by name with its region or its applicant", "[past_winners]") {
  const auto list =
      ReadPastWinners("年份,项目名称,申报单位,地区\n2020,老年智能手机课堂,小店区社区学院,140105\n", Regions()).winners;
  Record r;
  r.form = "brand_project";
  r.values = {{"name", "老年智能手机课堂"}, {"applicant", "小店区社区学院"}, {"region", "150203"}};
  const auto m = MatchPastWinner(list, r);
  REQUIRE(m);
  CHECK(m->message == "该项目已于2020年获评终身学习品牌项目，按通知不得重复推荐。");
  r.values["applicant"] = "昆都仑区社区学院";
  CHECK_FALSE(MatchPastWinner(list, r));  // another unit elsewhere with a project of that name
  r.values["region"] = "140100";
  CHECK(MatchPastWinner(list, r));
}

TEST_CASE("a past-winners list that cannot be used is refused whole, naming the line", "[past_winners]") {
  const RegionDb db = Regions();
  CHECK(ReadPastWinners("姓名,地区\n张三,140105\n", db).error.find("第 1 行") == 0);
  CHECK(ReadPastWinners("年份,姓名,身份证号码,地区\n2021,张三,140105,140105\n", db).error ==
        "第 2 行（张三）的身份证号码应为 18 位（现有 6 位）");
  CHECK(ReadPastWinners("年份,姓名,身份证号码,地区\n2021,张三,,140105\n\n21年,李四,,140105\n", db).error ==
        "第 4 行（李四）的年份“21年”不是四位年份（如 2021）");
  CHECK(ReadPastWinners("年份,姓名,身份证号码,地区\n2021,张三,,火星\n", db).error ==
        "第 2 行（张三）的地区“火星”既不是 6 位行政区划代码，也不是可识别的地区名称");
  CHECK(ReadPastWinners("年份,姓名,身份证号码,地区\n2021,,,140105\n", db).error == "第 2 行缺少姓名或项目名称");
  CHECK(ReadPastWinners(std::string("\xFF\xFE\x31\x00", 4), db).error.find("CSV") != std::string::npos);
}
