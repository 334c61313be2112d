// field_widgets.h — one input per field type of a form definition, bound to a JSON value.
#pragma once
#include <nlohmann/json.hpp>
#include <string>

#include "form_def.h"

namespace lw {
class RegionDb;
struct ValidationContext;
}  // namespace lw

namespace lw::ui {

struct FieldEnv {
  const RegionDb* regions = nullptr;
  const ValidationContext* validation = nullptr;
  const FormDef* form = nullptr;  // for computed totals
  const nlohmann::json* record = nullptr;
  bool read_only = false;
  bool error = false;  // draw the input with an error border
  float width = 0;     // 0 = available width
};

// A combo box over `items` (index -1 shows `placeholder`), opened by ↓ as a browser's select is.
// Returns true when an item was picked.
bool Combo(const char* id, int& index, const std::vector<std::string>& items, const char* placeholder, float width);

// Draws the input for `f` (not its label). Returns true when `value` changed.
bool FieldInput(const FieldDef& f, nlohmann::json& value, const FieldEnv& env);

// Repeat groups, drawn as tables (table_widgets.cpp).
bool TableInput(const FieldDef& f, nlohmann::json& value, const FieldEnv& env);
bool MatrixInput(const FieldDef& f, nlohmann::json& value, const FieldEnv& env);
// An empty statistics matrix: one column per theme of the definition.
nlohmann::json NewMatrixValue(const FieldDef& f);

// Live 字数 under text fields: "128 / 500 字".
// Draws the field's 字数 counter and returns its text (it also describes the field's controls).
std::string CharCounter(const FieldDef& f, const nlohmann::json& value);

}  // namespace lw::ui
