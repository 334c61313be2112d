// example_data.cpp — see example_data.h.
#include "example_data.h"

#include <cmath>
#include <cstdint>
#include <cstdio>

#include "validate.h"

namespace lw {

using nlohmann::json;

namespace {

// xorshift64*: small, fast, and the same sequence everywhere.
class Rng {
 public:
  explicit Rng(uint64_t seed) : s_(seed ? seed : 1) {}
  uint64_t Next() {
    s_ ^= s_ >> 12;
    s_ ^= s_ << 25;
    s_ ^= s_ >> 27;
    return s_ * 2685821657736338717ULL;
  }
  int Int(int lo, int hi) { return lo + static_cast<int>(Next() % static_cast<uint64_t>(hi - lo + 1)); }
  // Skewed counts, like real participation: most activities small, a few very large.
  int Skewed(int median) { return std::max(5, static_cast<int>(median * std::exp((Int(0, 1000) - 500) / 220.0))); }

 private:
  uint64_t s_;
};

std::string Uuid(Rng& rng) {
  const uint64_t a = rng.Next(), b = rng.Next();
  char buf[40];
  snprintf(buf, sizeof buf, "%08x-%04x-4%03x-%04x-%012llx", static_cast<unsigned>(a >> 32),
           static_cast<unsigned>(a & 0xFFFF), static_cast<unsigned>((a >> 16) & 0xFFF),
           static_cast<unsigned>(0x8000 | (b & 0x3FFF)), static_cast<unsigned long long>(b >> 16));
  return buf;
}

const char* kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴",
                           "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高"};
const char* kGiven[] = {"秀英", "建国", "玉兰", "志强", "桂芳", "红梅", "国华", "淑珍",
                        "德明", "春燕", "海涛", "丽娟", "永刚", "晓东", "喆",   "堃"};
const char* kActivities[] = {"社区智能手机课堂", "老年大学开放日", "全民阅读分享会", "终身学习大讲堂",
                             "乡村振兴技能培训", "书香家庭读书会", "非遗传承体验课", "健康生活讲座",
                             "家庭教育沙龙",     "职工技能比武",   "学习型社区展示", "“智慧助老”志愿服务",
                             "红色经典诵读",     "社区学习成果展"};
const char* kForms[] = {"讲座", "培训", "观摩", "座谈", "体验", "线上活动"};
const char* kThemes[] = {"终身学习",   "开放学习资源", "强化社区教育和老年教育资源共享", "全民阅读",
                         "“智慧助老”", "乡村振兴",     "学习型城市（乡村、社区）建设"};
const char* kProjects[] = {"社区学院“银龄课堂”", "“网上老年大学”", "乡村夜校",
                           "职工书屋",           "家门口的学习圈", "市民终身学习护照"};

template <class T, size_t N>
const T& Pick(Rng& rng, const T (&arr)[N]) {
  return arr[rng.Int(0, static_cast<int>(N) - 1)];
}

std::string DayAfter(const std::string& begin, int days) {
  return FormatDate(AddDays(ParseDate(begin).value_or(Date{2020, 10, 19}), days));
}

Record NewRecord(Rng& rng, const char* form, int version) {
  Record r;
  r.uuid = Uuid(rng);
  r.form = form;
  r.form_version = version;
  r.revision = 1;
  r.created = r.updated = "2020-10-25T00:00:00Z";
  return r;
}

}  // namespace

Bundle MakeExampleBundle(const RegionDb& regions, const std::string& campaign, const std::string& window_begin,
                         int window_days) {
  Rng rng(20201101);
  Bundle b;
  b.created = "2020-10-25T00:00:00Z";
  b.campaign = campaign;
  b.issuer = {{"unit", kExampleUnit}, {"region", ""}};
  for (const std::string& province : regions.Provinces()) {
    std::vector<std::string> cities = regions.Children(province);
    if (cities.empty()) cities = {province};
    const int weight = rng.Int(1, 6);  // some provinces far more active than others
    // Activities per city, dated across the activity week.
    for (size_t c = 0; c < cities.size(); ++c) {
      if (cities.size() > 4 && rng.Int(0, 3) == 0) continue;  // not every city reports
      Record r = NewRecord(rng, "demo_activity_summary", 1);
      json rows = json::array();
      const int n = rng.Int(1, 2 + weight);
      for (int k = 0; k < n; ++k)
        rows.push_back({{"name", Pick(rng, kActivities)},
                        {"organizer", regions.Name(cities[c]) + "社区教育学院"},
                        {"date", DayAfter(window_begin, rng.Int(0, std::max(0, window_days - 1)))},
                        {"form", Pick(rng, kForms)},
                        {"participants", rng.Skewed(80 * weight)}});
      r.values = {{"activities", rows}, {"unit", regions.Name(cities[c]) + "教育局"}, {"region", cities[c]}};
      b.records.push_back(std::move(r));
      if (rng.Int(0, 2) == 0) {  // a statistics table with volunteers, by theme
        Record s = NewRecord(rng, "shanxi_statistics", 1);
        json cols = json::array();
        for (int k = 0; k < 3; ++k)
          cols.push_back({{"theme", Pick(rng, kThemes)},
                          {"cells",
                           {{"name", Pick(rng, kActivities)},
                            {"form", Pick(rng, kForms)},
                            {"participants", rng.Skewed(60 * weight)},
                            {"volunteers", rng.Int(2, 40)}}}});
        s.values = {{"stats", {{"columns", cols}, {"extraRows", json::array()}}},
                    {"region", cities[c]},
                    {"unit", regions.Name(cities[c]) + "教育局"},
                    {"date", DayAfter(window_begin, rng.Int(0, std::max(0, window_days - 1)))}};
        b.records.push_back(std::move(s));
      }
    }
    // 3–5 learning stars and brand projects per province, as the Ministry asks.
    for (int k = rng.Int(3, 5); k > 0; --k) {
      Record r = NewRecord(rng, "star_nomination", 2);
      r.values = {{"name", std::string(Pick(rng, kSurnames)) + Pick(rng, kGiven)},
                  {"gender", rng.Int(0, 1) ? "女" : "男"},
                  {"region", cities[rng.Int(0, static_cast<int>(cities.size()) - 1)]},
                  {"employer", "社区居民"}};
      b.records.push_back(std::move(r));
    }
    for (int k = rng.Int(3, 5); k > 0; --k) {
      Record r = NewRecord(rng, "brand_project", 1);
      r.values = {{"name", regions.Name(province) + Pick(rng, kProjects)},
                  {"region", cities[rng.Int(0, static_cast<int>(cities.size()) - 1)]},
                  {"category", "社区教育"}};
      b.records.push_back(std::move(r));
    }
  }
  return b;
}

}  // namespace lw
