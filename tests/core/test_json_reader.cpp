// test_json_reader.cpp — the bundle reader's JSON parser (json_reader.h) accepts exactly what
// nlohmann's parser accepts, as the same document with the same number types; the fuzzer
// checks the same on mutated bundles, these are the corners named.
#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "json_reader.h"

namespace {

using nlohmann::json;

// The document as json_reader reads it, or discarded when it refuses the text.
json Read(const std::string& text) {
  json out;
  nlohmann::detail::json_sax_dom_parser<json> dom(out, false);
  return lw::json_reader::Parse(text, dom) ? out : json(json::value_t::discarded);
}

void Agrees(const std::string& text) {
  INFO(text);
  const json ours = Read(text), theirs = json::parse(text, nullptr, false);
  REQUIRE(ours.is_discarded() == theirs.is_discarded());
  if (theirs.is_discarded()) return;  // (discarded values never compare equal)
  CHECK(ours == theirs);
  CHECK(ours.type() == theirs.type());
}

}  // namespace

TEST_CASE("json_reader accepts and refuses what nlohmann's parser does") {
  for (const std::string& text : std::initializer_list<std::string>{"",
                                                                    " ",
                                                                    "{}",
                                                                    "[]",
                                                                    " [ 1 , 2 ] ",
                                                                    "[1,]",
                                                                    "[,1]",
                                                                    "{\"a\":1,}",
                                                                    "{\"a\" 1}",
                                                                    "{1:2}",
                                                                    "[1 2]",
                                                                    "{\"a\":1}x",
                                                                    "true",
                                                                    "tru",
                                                                    "truex",
                                                                    "null",
                                                                    "nul",
                                                                    "false",
                                                                    "[true,false,null]",
                                                                    "\"\"",
                                                                    "\"abc",
                                                                    "\"a\\\"b\\\\c\\/d\"",
                                                                    "\"\\b\\f\\n\\r\\t\"",
                                                                    "\"\\x\"",
                                                                    "\"tab\there\"",
                                                                    "\"\\u0041\\u00e9\\u4e2d\"",
                                                                    "\"\\u004\"",
                                                                    "\"\\uD83D\\uDE00\"",
                                                                    "\"\\uD83D\"",
                                                                    "\"\\uDE00\"",
                                                                    "\"\\uD83Dx\"",
                                                                    "\"\\uD83D\\u0041\"",
                                                                    "\"\\u0000\"",
                                                                    "\"中文\"",
                                                                    "\"\xe4\xb8\"",
                                                                    "\"\xc0\xaf\"",
                                                                    "\"\xed\xa0\x80\"",
                                                                    "\"\xf4\x90\x80\x80\"",
                                                                    "\"\xf0\x9f\x98\x80\"",
                                                                    "\"\x7f\"",
                                                                    "\xef\xbb\xbf[1]",
                                                                    "\xef\xbb[1]",
                                                                    "\xef[1]",
                                                                    "[1]\xef\xbb\xbf",
                                                                    "0",
                                                                    "-0",
                                                                    "01",
                                                                    "-",
                                                                    "1.",
                                                                    "1.5",
                                                                    ".5",
                                                                    "1e5",
                                                                    "1E+5",
                                                                    "1e-5",
                                                                    "1e",
                                                                    "-1.5e-3",
                                                                    "1e400",
                                                                    "-1e400",
                                                                    "1e-400",
                                                                    "18446744073709551615",
                                                                    "18446744073709551616",
                                                                    "-9223372036854775808",
                                                                    "-9223372036854775809",
                                                                    "[1]\n",
                                                                    std::string("[1]\0junk", 8),
                                                                    std::string("\"a\0b\"", 5),
                                                                    std::string("[1\0]", 4),
                                                                    std::string("\0", 1),
                                                                    "{\"a\":1,\"a\":2}",
                                                                    "[[[[[[]]]]]]",
                                                                    "[{\"a\":[{}]}]",
                                                                    "[1}",
                                                                    "{\"a\":1]"})
    Agrees(text);
}

TEST_CASE("json_reader types numbers as nlohmann does") {
  CHECK(Read("5").is_number_unsigned());
  CHECK(Read("-5").is_number_integer());
  CHECK(Read("-0").is_number_integer());
  CHECK(Read("5.0").is_number_float());
  CHECK(Read("18446744073709551616").is_number_float());
}

TEST_CASE("json_reader leaves the depth to its handler (no recursion of its own)") {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  struct Counting {
    int depth = 0, most = 0;
    bool null() { return true; }
    bool boolean(bool) { return true; }
    bool number_integer(int64_t) { return true; }
    bool number_unsigned(uint64_t) { return true; }
    bool number_float(double, const std::string&) { return true; }
    bool string(std::string&) { return true; }
    bool key(std::string&) { return true; }
    bool start_object(size_t) { return ++depth, most = std::max(most, depth), true; }
    bool end_object() { return --depth, true; }
    bool start_array(size_t) { return start_object(0); }
    bool end_array() { return end_object(); }
  } sax;
  CHECK(lw::json_reader::Parse(deep, sax));
  CHECK(sax.most == 100000);
}
