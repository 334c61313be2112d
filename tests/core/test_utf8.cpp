// test_utf8.cpp — decoding, validation and 字数 counting.
#include <catch2/catch.hpp>

#include "utf8.h"

using namespace lw;

TEST_CASE("UTF-8 validation rejects malformed input", "[utf8]") {
  CHECK(utf8::IsValid("内蒙古自治区教育厅"));
  CHECK(utf8::IsValid("abc \xEF\xBF\xBD"));        // a literal U+FFFD is fine
  CHECK_FALSE(utf8::IsValid("\xE5\x86"));          // truncated 内
  CHECK_FALSE(utf8::IsValid("\xC0\xAF"));          // overlong '/'
  CHECK_FALSE(utf8::IsValid("\xED\xA0\x80"));      // UTF-16 surrogate
  CHECK_FALSE(utf8::IsValid("\xF4\x90\x80\x80"));  // > U+10FFFF
  CHECK_FALSE(utf8::IsValid("\xFF"));
}

TEST_CASE("decoding round-trips every plane", "[utf8]") {
  const std::string s = "A张喆王堃李玥𠮷😀";
  const std::u32string u = utf8::Decode(s);
  REQUIRE(u.size() == 9);
  CHECK(u[2] == U'喆');
  CHECK(u[7] == 0x20BB7);
  std::string back;
  for (char32_t c : u) utf8::Append(back, c);
  CHECK(back == s);
}

TEST_CASE("Prev steps over whole code points and survives garbage", "[utf8]") {
  const std::string s = "a内😀";
  CHECK(utf8::Prev(s, s.size()) == 4);
  CHECK(utf8::Prev(s, 4) == 1);
  CHECK(utf8::Prev(s, 1) == 0);
  const std::string bad = "a\x80\x80";
  CHECK(utf8::Prev(bad, 3) == 2);
}

TEST_CASE("字数 counts what a reader sees", "[utf8]") {
  CHECK(utf8::CountChars("") == 0);
  CHECK(utf8::CountChars("全民智学，助力“双战双赢”") == 13);
  CHECK(utf8::CountChars("ab 12") == 5);
  CHECK(utf8::CountChars("第一行\n第二行") == 6);  // line breaks are not characters
  CHECK(utf8::CountChars("\r\n") == 0);
  CHECK(utf8::CountChars("👍🏻") == 1);            // skin tone modifier
  CHECK(utf8::CountChars("👨‍👩‍👧") == 1);  // ZWJ family
  CHECK(utf8::CountChars("❤️") == 1);              // variation selector
  CHECK(utf8::CountChars("🇨🇳🇨🇳") == 2);                // two flags
  CHECK(utf8::CountChars("é") == 1);                   // e + combining acute
  CHECK(utf8::CountChars("𠮷野家") == 3);
  CHECK(utf8::CountCodePoints("👨‍👩‍👧") == 5);
}

TEST_CASE("OffsetOfChar finds where a limit is exceeded", "[utf8]") {
  const std::string s = "一二三四五";
  CHECK(utf8::OffsetOfChar(s, 3) == 9);
  CHECK(utf8::OffsetOfChar(s, 5) == s.size());
  CHECK(utf8::OffsetOfChar(s, 10) == s.size());
  CHECK(utf8::OffsetOfChar("👍🏻x", 1) == std::string("👍🏻").size());
}

TEST_CASE("character boundaries never split an emoji sequence", "[utf8]") {
  const std::string s = "a👨‍👩‍👧b";
  const auto b = utf8::CharBoundaries(s);
  REQUIRE(b.size() == 4);
  CHECK(b[0] == 0);
  CHECK(b[1] == 1);
  CHECK(b[2] == s.size() - 1);
  CHECK(b[3] == s.size());
}

TEST_CASE("UTF-16 offsets count a character beyond the BMP twice", "[utf8]") {
  const std::string s = "a一👍b";
  CHECK(utf8::Utf16Length(s, 0) == 0);
  CHECK(utf8::Utf16Length(s, 1) == 1);
  CHECK(utf8::Utf16Length(s, 4) == 2);
  CHECK(utf8::Utf16Length(s, 8) == 4);
  CHECK(utf8::Utf16Length(s, s.size()) == 5);
  CHECK(utf8::Utf16Length(s, 1000) == 5);
}
