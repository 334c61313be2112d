// test_expected_units.cpp — issue 11: "units that have sent nothing yet", against a list of
// expected units imported as CSV the way WPS and Excel write it (GBK, or UTF-8 with a BOM).
#include <catch2/catch.hpp>

#include "csv.h"
#include "expected_units.h"
#include "text_decode.h"

using namespace lw;

namespace {
// 单位名称,地区代码 / 昆都仑区第一小学,150203 / "青山区老年大学，分校",150204 / (blank) / 东胜区社区学院,150602 — in
// GBK.
const std::string kGbkCsv =
    "\xB5\xA5\xCE\xBB\xC3\xFB\xB3\xC6\x2C\xB5\xD8\xC7\xF8\xB4\xFA\xC2\xEB\x0D\x0A\xC0\xA5\xB6\xBC\xC2\xD8\xC7\xF8\xB5"
    "\xDA\xD2\xBB\xD0\xA1\xD1\xA7\x2C\x31\x35\x30\x32\x30\x33\x0D\x0A\x22\xC7\xE0\xC9\xBD\xC7\xF8\xC0\xCF\xC4\xEA\xB4"
    "\xF3\xD1\xA7\xA3\xAC\xB7\xD6\xD0\xA3\x22\x2C\x31\x35\x30\x32\x30\x34\x0D\x0A\x0D\x0A\xB6\xAB\xCA\xA4\xC7\xF8\xC9"
    "\xE7\xC7\xF8\xD1\xA7\xD4\xBA\x2C\x31\x35\x30\x36\x30\x32\x0D\x0A";

Record From(const std::string& unit, const std::string& region) {
  Record r;
  r.uuid = NewUuid();
  r.origin = {unit, region, "dev"};
  return r;
}
}  // namespace

TEST_CASE("text from Office tools: UTF-8 with BOM, GBK, and what is neither", "[expected_units]") {
  CHECK(DecodeOfficeText("\xEF\xBB\xBF单位") == std::optional<std::string>("单位"));
  CHECK(DecodeOfficeText("单位") == std::optional<std::string>("单位"));
  CHECK(DecodeOfficeText("\xB5\xA5\xCE\xBB\x80") == std::optional<std::string>("单位€"));
  CHECK_FALSE(DecodeOfficeText(std::string("\xFF\xFE\x55\x53", 4)));  // UTF-16
  CHECK_FALSE(DecodeOfficeText(std::string("\xB5", 1)));              // cut in a character
  CHECK_FALSE(DecodeOfficeText(std::string("a\0b", 3)));              // binary
}

TEST_CASE("CSV cells: quotes, doubled quotes, CRLF, blank lines", "[expected_units]") {
  const auto rows = ParseCsv("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\r\n,x\n");
  REQUIRE(rows);
  REQUIRE(rows->size() == 2);
  CHECK((*rows)[0] == std::vector<std::string>{"a", "b,c", "say \"hi\""});
  CHECK((*rows)[1] == std::vector<std::string>{"", "x"});
  CHECK_FALSE(ParseCsv("a,\"never closed\r\n"));
}

TEST_CASE("expected units from a GBK CSV; who has sent nothing yet", "[expected_units]") {
  const ExpectedUnitsRead read = ReadExpectedUnits(kGbkCsv);
  REQUIRE(read.error.empty());
  REQUIRE(read.units.size() == 3);
  CHECK(read.units[0] == ExpectedUnit{"昆都仑区第一小学", "150203"});
  CHECK(read.units[1] == ExpectedUnit{"青山区老年大学，分校", "150204"});
  // The same list saved as UTF-8 with a BOM, columns swapped, a unit listed twice.
  const ExpectedUnitsRead utf8 =
      ReadExpectedUnits("\xEF\xBB\xBF地区代码,单位名称\r\n150602,东胜区社区学院\r\n150602,东胜区社区学院\r\n");
  REQUIRE(utf8.error.empty());
  CHECK(utf8.units == std::vector<ExpectedUnit>{{"东胜区社区学院", "150602"}});

  // 昆都仑区第一小学's record came forwarded by its county; a unit of the same name elsewhere
  // does not count for 东胜区社区学院.
  const Record a = From("昆都仑区第一小学", "150203"), other = From("东胜区社区学院", "150603");
  const auto silent = SilentUnits(read.units, {&a, &other});
  CHECK(silent == std::vector<ExpectedUnit>{{"青山区老年大学，分校", "150204"}, {"东胜区社区学院", "150602"}});
  const Record b = From("青山区老年大学，分校", "150204"), c = From("东胜区社区学院", "150602");
  CHECK(SilentUnits(read.units, {&a, &b, &c}).empty());
}

TEST_CASE("a list that cannot be used is refused whole, naming the line", "[expected_units]") {
  CHECK(ReadExpectedUnits("名称,代码\r\n某单位,150203\r\n").error.find("单位名称") != std::string::npos);
  CHECK(ReadExpectedUnits("单位名称,地区代码\r\n某单位,15020\r\n").error ==
        "第 2 行（某单位）的地区代码“15020”不是 6 位行政区划代码");
  CHECK(ReadExpectedUnits("单位名称,地区代码\r\n,150203\r\n").error == "第 2 行缺少单位名称");
  CHECK(ReadExpectedUnits(std::string("\xFF\xFE\x55\x00", 4)).error.find("不是文本") != std::string::npos);
  CHECK(ReadExpectedUnits("").error == "文件是空的");
}
