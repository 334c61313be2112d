// map_data.cpp — see map_data.h.
#include "map_data.h"

#include "example_data.h"
#include "map_geometry.h"
#include "region.h"

namespace lw::ui {

const char* MeasureName(Measure m) {
  switch (m) {
    case Measure::Activities:
      return "活动数";
    case Measure::Participants:
      return "参与人次";
    case Measure::Volunteers:
      return "志愿者人次";
    case Measure::Stars:
      return "百姓学习之星";
    case Measure::Projects:
      return "品牌项目";
  }
  return "";
}

long long ValueOf(const RegionFigures& f, Measure m) {
  switch (m) {
    case Measure::Activities:
      return f.activities;
    case Measure::Participants:
      return f.participants;
    case Measure::Volunteers:
      return f.volunteers;
    case Measure::Stars:
      return f.stars;
    case Measure::Projects:
      return f.projects;
  }
  return 0;
}

std::string Thousands(long long v) {
  std::string s = std::to_string(v < 0 ? -v : v);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<size_t>(i), ",");
  return v < 0 ? "-" + s : s;
}

std::string DescribeRegion(const std::string& name, const RegionFigures* f) {
  if (!f) return name + "：暂无数据";
  return name + "：活动 " + Thousands(f->activities) + " 项，参与 " + Thousands(f->participants) + " 人次，志愿者 " +
         Thousands(f->volunteers) + " 人次，百姓学习之星 " + std::to_string(f->stars) + " 名，品牌项目 " +
         std::to_string(f->projects) + " 个";
}

void MapData::Update(AppContext& app, const std::string& day, bool include_example) {
  if (data_version_ == app.data_version && day_ == day && include_example_ == include_example) return;
  std::vector<SourceRecord> records = app.AllRecords();
  if (!include_example) std::erase_if(records, [](const SourceRecord& s) { return s.unit == kExampleUnit; });
  figures_ = FiguresByRegion(records, day);
  data_version_ = app.data_version;
  day_ = day;
  include_example_ = include_example;
  ++version_;
}

const RegionFigures* MapData::Find(const std::string& code) const {
  const auto it = figures_.find(code);
  return it == figures_.end() ? nullptr : &it->second;
}

long long MapData::Value(const std::string& code, Measure m) const {
  const RegionFigures* f = Find(code);
  return f ? ValueOf(*f, m) : 0;
}

RegionFigures MapData::Totals() const {
  RegionFigures t;
  for (const auto& [code, f] : figures_)
    if (RegionDb::Level(code) == 1) t += f;
  return t;
}

ImU32 MapData::ClassColor(int k, int classes, bool dark) {
  // A sequential blue ramp (light = few, dark = many); 5 steps read well for most people.
  static const ImU32 kLight[] = {IM_COL32(222, 235, 247, 255), IM_COL32(175, 205, 234, 255),
                                 IM_COL32(115, 166, 214, 255), IM_COL32(55, 118, 186, 255), IM_COL32(20, 66, 140, 255)};
  static const ImU32 kDark[] = {IM_COL32(40, 60, 90, 255), IM_COL32(45, 90, 150, 255), IM_COL32(60, 130, 200, 255),
                                IM_COL32(120, 180, 235, 255), IM_COL32(200, 230, 255, 255)};
  const int i = classes <= 1 ? 4 : k * 4 / (classes - 1);
  return dark ? kDark[i] : kLight[i];
}

ImU32 MapData::NoDataColor(bool dark) { return dark ? IM_COL32(50, 56, 66, 255) : IM_COL32(236, 238, 242, 255); }

void MapData::Colorize(const MapView& view, const std::vector<int>& regions, Measure m, bool dark) {
  // Breaks are an O(k·n²) optimisation: compute them only when something they depend on changed.
  const ColorKey key{version_, static_cast<int>(m), dark, regions};
  if (key == colored_) return;
  colored_ = key;
  std::vector<double> values;
  for (int r : regions) {
    const long long v = Value(view.asset().regions[r].code, m);
    if (v > 0) values.push_back(static_cast<double>(v));
  }
  breaks_ = map::JenksBreaks(values, 5);
  colors_.clear();
  for (int r : regions) {
    const long long v = Value(view.asset().regions[r].code, m);
    colors_.push_back(
        v > 0 ? ClassColor(map::ClassOf(breaks_, static_cast<double>(v)), static_cast<int>(breaks_.size()), dark)
              : NoDataColor(dark));
  }
}

}  // namespace lw::ui
