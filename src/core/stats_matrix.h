// stats_matrix.h — the statistics matrix's columns (one activity each, under a theme): where an
// added activity goes and which columns may be removed.
#pragma once
#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>

namespace lw {

// Inserts an empty column for `theme` right after that theme's last column (so it stands beside
// its theme, not after 其他); at the end when the theme has none. Returns its index.
size_t InsertThemeColumn(nlohmann::json& columns, const std::string& theme);

// A column may be removed when an earlier column has the same theme: every theme keeps one.
bool IsAddedColumn(const nlohmann::json& columns, size_t index);

}  // namespace lw
