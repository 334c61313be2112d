// region.cpp — see region.h.
#include "region.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace lw {

int RegionDb::Level(const std::string& code) {
  if (code.size() != 6 || !std::all_of(code.begin(), code.end(), ::isdigit) || code.substr(0, 2) == "00") return 0;
  if (code.substr(2) == "0000") return 1;
  if (code.substr(4) == "00") return 2;
  return 3;
}

std::string RegionDb::ProvinceOf(const std::string& code) {
  return Level(code) ? code.substr(0, 2) + "0000" : std::string();
}

std::string RegionDb::CityOf(const std::string& code) {
  return Level(code) >= 2 ? code.substr(0, 4) + "00" : std::string();
}

bool RegionDb::Within(const std::string& inner, const std::string& outer) {
  switch (Level(outer)) {
    case 1:
      return ProvinceOf(inner) == outer;
    case 2:
      return CityOf(inner) == outer;
    case 3:
      return inner == outer;
    default:
      return false;
  }
}

bool RegionDb::LoadJson(std::string_view json_text) {
  const auto j = nlohmann::json::parse(json_text, nullptr, false);
  if (j.is_discarded() || !j.contains("regions") || !j["regions"].is_array()) return false;
  std::unordered_map<std::string, std::string> names;
  for (const auto& r : j["regions"]) {
    if (!r.is_array() || r.size() < 2 || !r[0].is_string() || !r[1].is_string()) return false;
    const std::string code = r[0].get<std::string>();
    if (!Level(code)) return false;
    names[code] = r[1].get<std::string>();
  }
  names_ = std::move(names);
  children_.clear();
  provinces_.clear();
  for (const auto& [code, name] : names_) {
    const int level = Level(code);
    if (level == 1)
      provinces_.push_back(code);
    else
      children_[level == 2 ? ProvinceOf(code) : CityOf(code)].push_back(code);
  }
  std::sort(provinces_.begin(), provinces_.end());
  for (auto& [code, list] : children_) std::sort(list.begin(), list.end());
  return true;
}

std::string RegionDb::Name(const std::string& code) const {
  auto it = names_.find(code);
  return it == names_.end() ? std::string() : it->second;
}

std::string RegionDb::FullName(const std::string& code) const {
  const int level = Level(code);
  if (!level || !Exists(code)) return {};
  std::string out = Name(ProvinceOf(code));
  if (level >= 2) {
    const std::string city = Name(CityOf(code));
    if (city != "市辖区" && city != "县") out += " / " + city;
  }
  if (level == 3) out += " / " + Name(code);
  return out;
}

std::vector<std::string> RegionDb::Provinces() const { return provinces_; }

std::vector<std::string> RegionDb::Children(const std::string& code) const {
  auto it = children_.find(code);
  return it == children_.end() ? std::vector<std::string>{} : it->second;
}

}  // namespace lw
