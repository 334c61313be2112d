// region.h — GB/T 2260 administrative divisions (province → city → county), keyed by 6-digit
// code. Data is joined by code, never by name (内蒙古 vs 内蒙古自治区).
#pragma once
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace lw {

class RegionDb {
 public:
  // Parses {"regions": [[code, name], ...]}; returns false (and stays empty) on bad input.
  bool LoadJson(std::string_view json_text);
  bool empty() const { return names_.empty(); }
  size_t size() const { return names_.size(); }

  bool Exists(const std::string& code) const { return names_.count(code) != 0; }
  std::string Name(const std::string& code) const;
  // "山西省 / 太原市 / 小店区"; a municipality's "市辖区" level is skipped.
  std::string FullName(const std::string& code) const;
  std::vector<std::string> Provinces() const;
  std::vector<std::string> Children(const std::string& code) const;

  static int Level(const std::string& code);  // 1 province, 2 city, 3 county, 0 invalid
  static std::string ProvinceOf(const std::string& code);
  static std::string CityOf(const std::string& code);  // "" for a province code
  // `inner` lies inside `outer` or is it (a county within its city or province); false when
  // `outer` is malformed, so a bad code contains nothing rather than everything.
  static bool Within(const std::string& inner, const std::string& outer);

 private:
  std::unordered_map<std::string, std::string> names_;
  std::unordered_map<std::string, std::vector<std::string>> children_;
  std::vector<std::string> provinces_;
};

}  // namespace lw
