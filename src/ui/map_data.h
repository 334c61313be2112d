// map_data.h — what the map shows: figures per region from every record on this device (local
// and imported), the chosen measure, class breaks and colours, recomputed only when data or
// the day changes.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "aggregate.h"
#include "app_context.h"
#include "imgui.h"
#include "map_view.h"

namespace lw::ui {

enum class Measure { Activities, Participants, Volunteers, Stars, Projects };
const char* MeasureName(Measure m);  // 活动数 …
long long ValueOf(const RegionFigures& f, Measure m);

class MapData {
 public:
  // Refreshes figures if records changed (or the day moved). day = "" means the whole week;
  // include_example = false leaves the example dataset (示例数据) out (开幕式大屏 setting).
  void Update(AppContext& app, const std::string& day, bool include_example = true);
  const RegionFigures* Find(const std::string& code) const;
  long long Value(const std::string& code, Measure m) const;
  // Class breaks over the shown regions and a colour for each of them.
  void Colorize(const MapView& view, const std::vector<int>& regions, Measure m, bool dark);
  const std::vector<ImU32>& colors() const { return colors_; }
  const std::vector<double>& breaks() const { return breaks_; }
  static ImU32 ClassColor(int k, int classes, bool dark);
  static ImU32 NoDataColor(bool dark);
  RegionFigures Totals() const;  // whole country (sum over provinces)
  unsigned version() const { return version_; }

 private:
  std::map<std::string, RegionFigures> figures_;
  unsigned data_version_ = ~0u, version_ = 0;
  std::string day_ = "?";
  bool include_example_ = true;
  std::vector<double> breaks_;
  std::vector<ImU32> colors_;
  struct ColorKey {
    unsigned version = ~0u;
    int measure = -1;
    bool dark = false;
    std::vector<int> regions;
    bool operator==(const ColorKey&) const = default;
  };
  ColorKey colored_;
};

// Tooltip text for a region: "山西：活动 12 项，参与 3,400 人次，…".
std::string DescribeRegion(const std::string& name, const RegionFigures* f);
std::string Thousands(long long v);  // 12,345

}  // namespace lw::ui
