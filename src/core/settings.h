// settings.h — user preferences, remembered across visits.
#pragma once
#include <nlohmann/json.hpp>
#include <string>

namespace lw {

struct Settings {
  int text_scale = 125;                // percent, 100–200 (older users often want 150 or more)
  bool dark = false;                   // a light, calm theme by default
  bool large_mode = false;             // 大字模式 (适老化): body text ≥ 24 px, targets ≥ 60×60 px
  std::string campaign = "2020";       // chosen campaign id (assets/campaigns)
  std::string issuer = "moe";          // whose notice the checklist follows
  bool backup_done = false;            // a backup file was saved since the last change of data
  bool example_loaded = false;         // the example dataset (示例数据) was imported on first run
  std::string feed_url;                // live data source for the map ("" = none)
  std::string map_approval;            // 审图号 printed under the map, for a unit using an approved base map
  bool ceremony_hide_example = false;  // 开幕式大屏 counts only real data (示例数据 left out)
  std::string device_id;               // random, made once per device: the origin of records made here

  static constexpr int kMinScale = 100, kMaxScale = 200;

  nlohmann::json ToJson() const;
  static Settings FromJson(const nlohmann::json& j);  // tolerant: bad values fall back to defaults
};

}  // namespace lw
