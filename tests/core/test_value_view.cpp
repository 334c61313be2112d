// test_value_view.cpp — imported records keep their values packed as canonical JSON text
// (record.h); what reads them through ValueView must see exactly what the document holds.
#include <catch2/catch.hpp>

#include "record.h"

using namespace lw;
using nlohmann::json;

namespace {

json Sample() {
  return {{"name", "张喆 \"小张\" \\ 路径/一"},
          {"note", "第一行\n第二行\t\u0001 😀"},
          {"participants", 120},
          {"negative", -7},
          {"ratio", 0.25},
          {"big", 1e21},
          {"huge", 18446744073709551615ULL},  // above LLONG_MAX: read wrapped, as nlohmann does
          {"flag", true},
          {"nothing", nullptr},
          {"empty_list", json::array()},
          {"empty_object", json::object()},
          {"tags", {"讲座", "展览"}},
          {"activities", {{{"name", "社区课堂"}, {"participants", 30}}, {{"name", "读书会"}, {"date", "2021-11-09"}}}},
          {"stats", {{"columns", {{{"theme", "全民阅读"}, {"cells", {{"participants", 5}}}}}}}},
          {"k\"ey", "escaped key"}};
}

// Both views agree with the document everywhere below them.
void Same(ValueView doc, ValueView text, const json& j) {
  CHECK(doc.is_null() == j.is_null());
  CHECK(text.is_null() == j.is_null());
  CHECK(text.is_object() == j.is_object());
  CHECK(text.is_array() == j.is_array());
  CHECK(text.is_string() == j.is_string());
  CHECK(text.is_number_integer() == j.is_number_integer());
  CHECK(doc.is_number_integer() == j.is_number_integer());
  CHECK(text.String() == doc.String());
  CHECK(text.Int() == doc.Int());
  CHECK(text.size() == doc.size());
  CHECK(text.ToJson() == j);
  if (j.is_string()) CHECK(text.String() == j.get<std::string>());
  if (j.is_number_integer()) CHECK(text.Int() == j.get<long long>());
  if (j.is_object()) {
    for (const auto& [key, value] : j.items()) {
      INFO(key);
      CHECK(text.contains(key));
      Same(doc[key], text[key], value);
    }
    std::vector<std::string> keys;
    for (auto it = text.begin(); it != text.end(); ++it) keys.push_back(it.key());
    CHECK(keys.size() == j.size());
  }
  if (j.is_array()) {
    size_t i = 0;
    for (const ValueView x : text) {
      REQUIRE(i < j.size());
      Same(ValueView(j[i]), x, j[i]);
      ++i;
    }
    CHECK(i == j.size());
  }
}

}  // namespace

TEST_CASE("a packed record's values read the same as its document", "[value_view]") {
  const json values = Sample();
  Record r;
  r.values = values;
  const std::string text = r.ValuesText();
  CHECK(text == values.dump());  // canonical: nlohmann's compact dump, keys sorted
  r.Pack();
  CHECK(r.values.is_null());
  CHECK(r.packed == text);
  Same(ValueView(values), r.Values(), values);
}

TEST_CASE("what a value does not have reads as null, empty text and zero", "[value_view]") {
  const json values = Sample();
  const std::string text = values.dump();
  for (const ValueView v : {ValueView(values), ValueView::OfText(text)}) {
    CHECK_FALSE(v.contains("missing"));
    CHECK(v["missing"].is_null());
    CHECK(v["missing"]["deeper"].String().empty());
    CHECK(v["name"]["not an object"].is_null());
    CHECK(v["participants"].String().empty());  // a number is not text
    CHECK(v["name"].Int() == 0);                // nor text a number
    CHECK(v["ratio"].Int() == 0);               // nor a fraction an integer
    CHECK(v["nothing"].is_null());
    CHECK(v.contains("nothing"));  // there, and null
    CHECK(v["empty_list"].empty());
    CHECK(v["tags"].size() == 2);
    int n = 0;
    for (const ValueView x : v["participants"]) (void)x, ++n;  // a scalar has no elements
    CHECK(n == 0);
  }
  CHECK(ValueView::OfText("").is_null());
}

TEST_CASE("packing keeps a record's bytes, equality and photo references", "[value_view]") {
  Record r;
  r.uuid = NewUuid();
  r.form = "star_nomination";
  r.created = r.updated = "2021-11-09T08:00:00Z";
  r.origin = {"包头市教育局", "150200", "dev"};
  r.values = Sample();
  r.values["photos"] = {{{"sha256", std::string(64, 'a')}, {"mime", "image/png"}}};
  Record packed = r;
  packed.Pack();
  CHECK(packed.Dump() == r.Dump());
  CHECK(packed.ToJson() == r.ToJson());
  CHECK(SameValues(packed, r));
  CHECK(SameValues(r, packed));
  std::set<std::string> a, b;
  CollectPhotoRefs(r.Values(), a);
  CollectPhotoRefs(packed.Values(), b);
  CHECK(a == std::set<std::string>{std::string(64, 'a')});
  CHECK(a == b);
  Record edited = packed;
  edited.Unpack();
  edited.values["name"] = "王五";
  CHECK_FALSE(SameValues(edited, packed));
  packed.Unpack();
  CHECK(packed.packed.empty());
  CHECK(packed.values == r.values);
}

TEST_CASE("text that is not well-formed ends a walk instead of stalling or overrunning it", "[value_view]") {
  for (const std::string text : {"[x\"]\"]", "[", "{\"a\"", "[1,", "{\"a\":[1,2}", "\"abc"}) {
    INFO(text);
    const ValueView v = ValueView::OfText(text);
    size_t n = 0;
    for (auto it = v.begin(), end = v.end(); it != end && n < 100; ++it) ++n;
    CHECK(n < 100);
    (void)v["a"].String();
    (void)v.size();
  }
}

TEST_CASE("read text is kept as the packed values only when it is exactly their canonical text", "[value_view]") {
  // Canonical: what nlohmann's compact dump writes for the value it parses to.
  for (const char* text : {R"({})", R"({"a":1,"b":[true,false,null],"c":{"x":"张喆","y":-7}})",
                           R"({"A":0,"B":"a/b","a":[],"b":"😀"})", R"({"n":123456789012345678})"}) {
    INFO(text);
    CHECK(IsCanonicalJson(text));
    CHECK(json::parse(text).dump() == text);
  }
  // Not canonical: each dumps differently (or may), so it must be dumped.
  for (const char* text :
       {R"({ "a":1})", R"({"a":1 })", "{\"a\":\n1}", R"({"b":1,"a":2})", R"({"a":1,"a":2})", R"({"a":"x\"y"})",
        R"({"a":"\u5f20"})", R"({"a":"a\/b"})", R"({"a":-0})", R"({"a":1.0})", R"({"a":1e2})", R"({"a":1E2})",
        R"({"a":0.5})", R"({"a":1234567890123456789})", R"({"a":{"y":1,"x":2}})", R"([{"b":1,"a":1}])"}) {
    INFO(text);
    CHECK_FALSE(IsCanonicalJson(text));
  }
  CHECK_FALSE(IsCanonicalJson(""));
  CHECK_FALSE(IsCanonicalJson(std::string("3\0x", 3)));  // what a parser stops reading at (NUL) is not the value
  CHECK_FALSE(IsCanonicalJson("\xEF\xBB\xBF{}"));        // nor a byte order mark

  // PackFrom keeps canonical read text, and dumps anything else: the same packed text either way.
  for (const std::string text :
       {R"({"a":1,"b":"张喆"})", R"({ "b" : "张喆", "a" : 1.0 })", R"({"b":"\u5f20\u5580","a":1})"}) {
    Record r;
    r.values = json::parse(text);
    const std::string dumped = r.values.dump();
    r.PackFrom(text);
    CHECK(r.packed == dumped);
    CHECK(r.values.is_null());
  }
}
