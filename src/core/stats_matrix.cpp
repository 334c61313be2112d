// stats_matrix.cpp — see stats_matrix.h.
#include "stats_matrix.h"

namespace lw {

using nlohmann::json;

namespace {
std::string ThemeOf(const json& column) {
  const auto it = column.is_object() ? column.find("theme") : column.end();
  return column.is_object() && it != column.end() && it->is_string() ? it->get<std::string>() : std::string();
}
}  // namespace

size_t InsertThemeColumn(json& columns, const std::string& theme) {
  if (!columns.is_array()) columns = json::array();
  size_t at = columns.size();
  for (size_t i = 0; i < columns.size(); ++i)
    if (ThemeOf(columns[i]) == theme) at = i + 1;
  columns.insert(columns.begin() + static_cast<std::ptrdiff_t>(at), json{{"theme", theme}, {"cells", json::object()}});
  return at;
}

bool IsAddedColumn(const json& columns, size_t index) {
  if (!columns.is_array() || index >= columns.size()) return false;
  const std::string theme = ThemeOf(columns[index]);
  for (size_t i = 0; i < index; ++i)
    if (ThemeOf(columns[i]) == theme) return true;
  return false;
}

}  // namespace lw
