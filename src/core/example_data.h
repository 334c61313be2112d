// example_data.h — 示例数据: a deterministic example dataset covering every province, so the map
// and the summary tables are alive on first run. It arrives as an ordinary imported bundle from
// the unit "示例数据", so it is clearly marked and removed like any other bundle.
#pragma once
#include <string>

#include "bundle.h"
#include "region.h"

namespace lw {

constexpr const char* kExampleUnit = "示例数据（演示用，可删除）";
constexpr const char* kExampleFile = "示例数据.json";

// The same bundle on every machine and every run (fixed seed; created time fixed too).
Bundle MakeExampleBundle(const RegionDb& regions, const std::string& campaign, const std::string& window_begin,
                         int window_days);

}  // namespace lw
