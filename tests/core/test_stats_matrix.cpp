// test_stats_matrix.cpp — an added activity column lands beside its theme; only added ones go.
#include <catch2/catch.hpp>

#include "stats_matrix.h"

using namespace lw;
using nlohmann::json;

namespace {
json Themes(std::initializer_list<const char*> names) {
  json cols = json::array();
  for (const char* n : names) cols.push_back({{"theme", n}, {"cells", json::object()}});
  return cols;
}
std::vector<std::string> ThemeList(const json& cols) {
  std::vector<std::string> out;
  for (const json& c : cols) out.push_back(c["theme"]);
  return out;
}
}  // namespace

TEST_CASE("an added activity column goes right after its theme's last column", "[stats_matrix]") {
  json cols = Themes({"终身学习", "全民阅读", "乡村振兴", "其他"});
  CHECK(InsertThemeColumn(cols, "全民阅读") == 2);
  CHECK(ThemeList(cols) == std::vector<std::string>{"终身学习", "全民阅读", "全民阅读", "乡村振兴", "其他"});
  CHECK(InsertThemeColumn(cols, "全民阅读") == 3);  // the second added one follows the first
  CHECK(InsertThemeColumn(cols, "其他") == 6);
  CHECK(InsertThemeColumn(cols, "新主题") == 7);  // a theme with no column yet: at the end
  CHECK(cols[3]["cells"] == json::object());
}

TEST_CASE("only added columns can be removed: each theme keeps its first", "[stats_matrix]") {
  json cols = Themes({"终身学习", "全民阅读", "全民阅读", "其他", "终身学习"});  // old drafts: added at the end
  CHECK_FALSE(IsAddedColumn(cols, 0));
  CHECK_FALSE(IsAddedColumn(cols, 1));
  CHECK(IsAddedColumn(cols, 2));
  CHECK_FALSE(IsAddedColumn(cols, 3));
  CHECK(IsAddedColumn(cols, 4));
  CHECK_FALSE(IsAddedColumn(cols, 9));
}
