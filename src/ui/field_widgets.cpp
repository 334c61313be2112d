// field_widgets.cpp — see field_widgets.h.
#include "field_widgets.h"

#include <algorithm>
#include <ctime>

#include "imgui_internal.h"
#include "item_registry.h"
#include "layout.h"
#include "radio_group.h"
#include "region.h"
#include "text_widgets.h"
#include "theme.h"
#include "utf8.h"
#include "validate.h"

namespace lw::ui {

using nlohmann::json;

namespace {

std::string Str(const json& v) { return v.is_string() ? v.get<std::string>() : std::string(); }

// Stores "" as null so an emptied field counts as not filled in.
bool SetString(json& value, const std::string& s) {
  json next = s.empty() ? json() : json(s);
  if (next == value) return false;
  value = std::move(next);
  return true;
}

bool TextLike(const FieldDef& f, json& value, const FieldEnv& env, ImGuiInputTextFlags flags = 0) {
  std::string s = Str(value);
  const std::string id = "##" + f.label;
  if (env.read_only) flags |= ImGuiInputTextFlags_ReadOnly;
  const bool changed = LineInput(id.c_str(), s, f.hint.c_str(), flags, env.width, env.error);
  return changed && SetString(value, s);
}

bool MultiText(const FieldDef& f, json& value, const FieldEnv& env) {
  std::string s = Str(value);
  MultilineOptions opt;
  opt.width = env.width;
  opt.hint = f.hint.c_str();
  opt.read_only = env.read_only;
  opt.error = env.error;
  opt.min_lines = f.max_chars && *f.max_chars <= 200 ? 3 : 6;
  const std::string id = "##" + f.label;
  const bool changed = MultilineInput(id.c_str(), s, opt);
  return changed && SetString(value, s);
}

bool IntegerInput(const FieldDef& f, json& value, const FieldEnv& env) {
  std::string s = value.is_number_integer() ? std::to_string(value.get<long long>()) : Str(value);
  const std::string id = "##" + f.label;
  ImGuiInputTextFlags flags = ImGuiInputTextFlags_CharsDecimal;
  if (env.read_only) flags |= ImGuiInputTextFlags_ReadOnly;
  const bool edited = LineInput(id.c_str(), s, f.hint.c_str(), flags, env.width, env.error);
  if (!edited) return false;
  s.erase(std::remove_if(s.begin(), s.end(), [](char c) { return c == '.' || c == '+' || c == '*' || c == '/'; }),
          s.end());
  json next;
  if (!s.empty()) {
    try {
      size_t used = 0;
      const long long n = std::stoll(s, &used);
      next = used == s.size() ? json(n) : json(s);
    } catch (...) {
      next = s;  // kept as typed; validation explains what is wrong
    }
  }
  if (next == value) return false;
  value = next;
  return true;
}

// A combo over string items; index -1 shows `placeholder`. Returns true on selection.
// ↓, Alt+↓ and F4 open a closed list, as they open a browser's select (WAI-ARIA combo box); ImGui
// would move the focus to the control below instead. ↓ is owned while the combo box has the focus,
// so ImGui's navigation (which reads keys nobody owns) does not see it.
void OpenOnArrowDown(ImGuiID id) {
  ImGui::SetKeyOwner(ImGuiKey_DownArrow, id);
  if (ImGui::IsKeyPressed(ImGuiKey_DownArrow, 0, id) || ImGui::IsKeyPressed(ImGuiKey_F4, 0, id))
    ImGui::ActivateItemByID(id);
}

}  // namespace

bool Combo(const char* id, int& index, const std::vector<std::string>& items, const char* placeholder, float width) {
  ImGui::SetNextItemWidth(width);
  const char* preview = index >= 0 && index < static_cast<int>(items.size()) ? items[index].c_str() : placeholder;
  bool picked = false;
  const ImGuiID combo_id = ImGui::GetID(id);
  const bool open = ImGui::BeginCombo(id, preview, ImGuiComboFlags_HeightLarge);
  if (!open && ImGui::IsItemFocused()) OpenOnArrowDown(combo_id);
  const std::string label = id[0] == '#' && id[1] == '#' ? id + 2 : id;
  MarkComboBox(combo_id, label, index >= 0 ? preview : "", open);  // BeginCombo has no test-engine label hook
  char controls[16];
  snprintf(controls, sizeof controls, "%08x", combo_id);
  if (open) {
    for (int i = 0; i < static_cast<int>(items.size()); ++i) {
      const bool sel = i == index;
      if (ListEntry(items[i].c_str(), sel)) {
        index = i;
        picked = true;
      }
      Semantics& os = LastItemSemantics();
      os.role = Role::Option;
      os.selected = sel;
      os.group_role = "listbox";
      os.group = label;
      os.controls = controls;  // the list's id: the combo box points at it (aria-controls)
      os.pos = i + 1;
      os.setsize = static_cast<int>(items.size());
      if (sel) ImGui::SetItemDefaultFocus();
    }
    ImGui::EndCombo();
  }
  return picked;
}

namespace {

int CurrentYear() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  return tm.tm_year + 1900;
}

bool DateInput(const FieldDef& f, json& value, const FieldEnv& env) {
  const bool month_only = f.precision == "month";
  // Also parses the partial values stored while the user is still choosing ("2020-", "2020-10-").
  const std::string s = Str(value);
  int y = 0, m = 0, d = 0;
  if (s.size() >= 4) y = std::atoi(s.substr(0, 4).c_str());
  if (s.size() >= 7) m = std::atoi(s.substr(5, 2).c_str());
  if (s.size() >= 10) d = std::atoi(s.substr(8, 2).c_str());
  int y_lo = 1920, y_hi = CurrentYear();
  if (f.in_campaign_window && env.validation && env.validation->window) {
    y_lo = env.validation->window->begin.year;
    y_hi = env.validation->window->end.year;
  } else if (!month_only) {
    y_lo = 2015;
    y_hi = CurrentYear() + 1;
  }
  std::vector<std::string> years, months, days;
  for (int i = y_hi; i >= y_lo; --i) years.push_back(std::to_string(i) + " 年");
  for (int i = 1; i <= 12; ++i) months.push_back(std::to_string(i) + " 月");
  for (int i = 1; i <= 31; ++i) days.push_back(std::to_string(i) + " 日");
  int yi = y ? y_hi - y : -1, mi = m - 1, di = d - 1;
  // In a table cell the three pickers share the cell's width (year 1, month and day 0.8 each).
  const float spacing = ImGui::GetStyle().ItemSpacing.x * 2;
  const float w = env.width > 0 ? std::min(Em() * 6.0f, (env.width - spacing) / 2.6f) : Em() * 6.0f;
  ImGui::BeginDisabled(env.read_only);
  // A birth year is typed (a list of a hundred years is tiring); a year of the campaign is picked.
  const bool typed_year = y_hi - y_lo > 12;
  bool changed = false;
  int typed = y;
  if (typed_year) {
    std::string text = y ? std::to_string(y) : "";
    if (LineInput(("##" + f.label + "·年").c_str(), text, "年份", ImGuiInputTextFlags_CharsDecimal, w * 0.9f)) {
      typed = std::atoi(text.substr(0, 4).c_str());
      changed = true;
    }
  } else {
    changed = Combo(("##" + f.label + "·年").c_str(), yi, years, "年", w);
  }
  ImGui::SameLine();
  changed |= Combo(("##" + f.label + "·月").c_str(), mi, months, "月", w * 0.8f);
  if (!month_only) {
    ImGui::SameLine();
    changed |= Combo(("##" + f.label + "·日").c_str(), di, days, "日", w * 0.8f);
  }
  ImGui::EndDisabled();
  if (!changed) return false;
  char buf[48];
  const int yy = typed_year ? typed : yi >= 0 ? y_hi - yi : 0, mm = mi + 1, dd = di + 1;
  if (!yy || mm < 1) return SetString(value, yy ? std::to_string(yy) + "-" : "");
  if (month_only)
    snprintf(buf, sizeof buf, "%04d-%02d", yy, mm);
  else if (dd < 1)
    snprintf(buf, sizeof buf, "%04d-%02d-", yy, mm);  // incomplete: validation says so
  else
    snprintf(buf, sizeof buf, "%04d-%02d-%02d", yy, mm, dd);
  return SetString(value, buf);
}

// The width of the options as a row of radio buttons.
float RadiosWidth(const std::vector<std::string>& options) {
  float w = 0;
  for (size_t i = 0; i < options.size(); ++i)
    w += (i ? Em() : 0) + ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x +
         ImGui::CalcTextSize(options[i].c_str()).x;
  return w;
}

bool ChoiceInput(const FieldDef& f, json& value, const FieldEnv& env) {
  ImGui::BeginDisabled(env.read_only);
  bool changed = false;
  const std::string cur = Str(value);
  size_t total = 0;
  for (const auto& o : f.options) total += utf8::CountChars(o) + 3;
  // Few short options: radio buttons, visible at a glance, where they fit (a table's narrow
  // column cut 必填's "否" off at 1366 px: there, the list).
  if (total <= 24 && (env.width <= 0 || RadiosWidth(f.options) <= env.width)) {
    int checked = -1;
    for (size_t i = 0; i < f.options.size(); ++i)
      if (cur == f.options[i]) checked = static_cast<int>(i);
    RadioGroup group(checked);
    for (size_t i = 0; i < f.options.size(); ++i) {
      if (i) ImGui::SameLine(0, Em());
      group.Item(f.options[i].c_str());
    }
    if (const int k = group.End(); k >= 0) changed = SetString(value, f.options[k]);
  } else {
    int idx = -1;
    for (size_t i = 0; i < f.options.size(); ++i)
      if (f.options[i] == cur) idx = static_cast<int>(i);
    const std::string id = "##" + f.label;
    if (Combo(id.c_str(), idx, f.options, "请选择", env.width > 0 ? env.width : ImGui::GetContentRegionAvail().x))
      changed = SetString(value, f.options[idx]);
  }
  ImGui::EndDisabled();
  return changed;
}

bool MultiChoiceInput(const FieldDef& f, json& value, const FieldEnv& env) {
  ImGui::BeginDisabled(env.read_only);
  bool changed = false;
  json arr = value.is_array() ? value : json::array();
  float x = 0;
  const float avail = ImGui::GetContentRegionAvail().x;
  for (const std::string& o : f.options) {
    bool on = std::find(arr.begin(), arr.end(), json(o)) != arr.end();
    const float w = ImGui::CalcTextSize(o.c_str()).x + Em() * 2.5f;
    if (x > 0 && x + w < avail)
      ImGui::SameLine(0, Em());
    else
      x = 0;
    x += w + Em();
    if (Check(o.c_str(), &on)) {
      json next = json::array();
      for (const std::string& k : f.options)  // keep the definition's order
        if ((k == o && on) || (k != o && std::find(arr.begin(), arr.end(), json(k)) != arr.end())) next.push_back(k);
      arr = next;
      changed = true;
    }
  }
  ImGui::EndDisabled();
  if (changed) value = arr.empty() ? json() : arr;
  return changed;
}

bool RegionInput(const FieldDef& f, json& value, const FieldEnv& env) {
  if (!env.regions || env.regions->empty()) return false;
  const RegionDb& db = *env.regions;
  const std::string code = Str(value);
  const std::string prov = RegionDb::ProvinceOf(code), city = RegionDb::CityOf(code);
  const bool county = RegionDb::Level(code) == 3;
  // Three pickers side by side, or stacked when there is no room (phones).
  const bool stacked = ImGui::GetContentRegionAvail().x < Em() * 24;
  const float w = stacked ? ImGui::GetContentRegionAvail().x
                          : (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x * 2) / 3;
  ImGui::BeginDisabled(env.read_only);
  std::string next = code;
  const auto level = [&](const char* id, const std::vector<std::string>& codes, const std::string& selected,
                         const char* placeholder) {
    std::vector<std::string> names;
    int idx = -1;
    for (size_t i = 0; i < codes.size(); ++i) {
      names.push_back(db.Name(codes[i]));
      if (codes[i] == selected) idx = static_cast<int>(i);
    }
    if (Combo(id, idx, names, placeholder, w)) next = codes[idx];
  };
  level(("##" + f.label + "·省").c_str(), db.Provinces(), prov, "省（自治区、直辖市）");
  if (!stacked) ImGui::SameLine();
  const auto cities = prov.empty() ? std::vector<std::string>{} : db.Children(prov);
  ImGui::BeginDisabled(cities.empty());
  level(("##" + f.label + "·市").c_str(), cities, city, "市（州、盟）");
  ImGui::EndDisabled();
  if (!stacked) ImGui::SameLine();
  const auto counties = city.empty() ? std::vector<std::string>{} : db.Children(city);
  ImGui::BeginDisabled(counties.empty());
  level(("##" + f.label + "·县").c_str(), counties, county ? code : std::string(), "县（市、区）");
  ImGui::EndDisabled();
  ImGui::EndDisabled();
  return SetString(value, next);
}

bool ComputedValue(const FieldDef& f, const FieldEnv& env) {
  const long long total = env.form && env.record ? SumOf(*env.form, *env.record, f.sum_of) : 0;
  ImGui::AlignTextToFramePadding();
  TextItem(std::to_string(total), Colors().accent);
  RegisterText(f.label + " " + std::to_string(total), ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y,
               ImGui::GetItemRectMax().x, ImGui::GetItemRectMax().y);
  return false;
}

}  // namespace

bool FieldInput(const FieldDef& f, json& value, const FieldEnv& env) {
  ImGui::PushID(f.id.c_str());
  bool changed = false;
  switch (f.type) {
    case FieldType::Text:
      changed = TextLike(f, value, env);
      break;
    case FieldType::Phone:
      changed = TextLike(f, value, env, ImGuiInputTextFlags_CharsNoBlank);
      break;
    case FieldType::Email:
    case FieldType::Url:
    case FieldType::IdCard:
      changed = TextLike(f, value, env, ImGuiInputTextFlags_CharsNoBlank);
      break;
    case FieldType::TextArea:
      changed = MultiText(f, value, env);
      break;
    case FieldType::Integer:
      changed = IntegerInput(f, value, env);
      break;
    case FieldType::Date:
      changed = DateInput(f, value, env);
      break;
    case FieldType::Choice:
      changed = ChoiceInput(f, value, env);
      break;
    case FieldType::MultiChoice:
      changed = MultiChoiceInput(f, value, env);
      break;
    case FieldType::Region:
      changed = RegionInput(f, value, env);
      break;
    case FieldType::Computed:
      changed = ComputedValue(f, env);
      break;
    case FieldType::Table:
      changed = TableInput(f, value, env);
      break;
    case FieldType::Matrix:
      changed = MatrixInput(f, value, env);
      break;
    case FieldType::Photos:
      break;  // drawn by the form view, which owns image textures
  }
  ImGui::PopID();
  return changed;
}

std::string CharCounter(const FieldDef& f, const json& value) {  // registered: tests read the count
  if (f.type != FieldType::Text && f.type != FieldType::TextArea) return {};
  const size_t n = utf8::CountChars(Str(value));
  const Palette& p = Colors();
  const bool over = f.max_chars && n > static_cast<size_t>(*f.max_chars);
  const bool under = f.min_chars && n < static_cast<size_t>(*f.min_chars);
  char buf[96];
  if (f.max_chars && f.min_chars)
    snprintf(buf, sizeof buf, "%zu 字（要求 %d–%d 字）", n, *f.min_chars, *f.max_chars);
  else if (f.max_chars)
    snprintf(buf, sizeof buf, "%zu / %d 字", n, *f.max_chars);
  else if (f.min_chars)
    snprintf(buf, sizeof buf, "%zu 字（不少于 %d 字）", n, *f.min_chars);
  else
    snprintf(buf, sizeof buf, "%zu 字", n);
  TextItem(buf, over ? p.error : under ? p.warn : p.text_muted);
  return buf;
}

}  // namespace lw::ui
