// aggregate.cpp — see aggregate.h.
#include "aggregate.h"

#include <cstdio>

namespace lw {

namespace {

// Values are read through ValueView: imported records keep theirs packed (record.h).
std::string S(const Record& r, const char* key) { return r.Values()[key].String(); }

Cell StatusCell(const SourceRecord& s) { return TextCell(s.draft ? "草稿" : "已校验"); }

struct Column {
  const char* header;
  std::string (*get)(const Record&);
};

SummaryTable ListTable(const char* id, const char* title, const char* form, const std::vector<std::string>& headers,
                       const std::vector<const char*>& keys, const std::vector<SourceRecord>& records,
                       const RegionDb& regions) {
  SummaryTable t{id, title, {}, {"序号"}, {}, {}, {}};
  for (const auto& h : headers) t.headers.push_back(h);
  t.headers.push_back("所在地区");
  t.headers.push_back("报送单位");
  t.headers.push_back("状态");
  for (const SourceRecord& s : records) {
    if (s.record->form != form) continue;
    std::vector<Cell> row{NumberCell(static_cast<double>(t.rows.size() + 1))};
    for (const char* k : keys) row.push_back(TextCell(S(*s.record, k)));
    const std::string region = RegionOf(s);
    row.push_back(RegionCell(regions, region, true));
    row.push_back(TextCell(s.unit));
    row.push_back(StatusCell(s));
    t.rows.push_back(std::move(row));
    t.row_regions.push_back(region);
  }
  return t;
}

SummaryTable DemoTable(const std::vector<SourceRecord>& records, const RegionDb& regions) {
  SummaryTable t{"demo",
                 "示范活动汇总表",
                 "吉教职成〔2020〕30号 附件5",
                 {"序号", "活动名称", "主办单位", "活动时间", "活动地点", "活动形式", "参与人次", "报送单位", "状态"},
                 {},
                 {},
                 {}};
  long long total = 0;
  for (const SourceRecord& s : records) {
    if (s.record->form != "demo_activity_summary") continue;
    for (const ValueView row : s.record->Values()["activities"]) {
      if (!row.is_object()) continue;
      const long long n = row["participants"].Int();
      total += n;
      t.rows.push_back({NumberCell(static_cast<double>(t.rows.size() + 1)), TextCell(row["name"].String()),
                        TextCell(row["organizer"].String()), TextCell(row["date"].String()),
                        TextCell(row["place"].String()), TextCell(row["form"].String()),
                        NumberCell(static_cast<double>(n)), TextCell(s.unit), StatusCell(s)});
      t.row_regions.push_back(RegionOf(s));
    }
  }
  (void)regions;
  t.totals = {TextCell("合计"),
              TextCell(""),
              TextCell(""),
              TextCell(""),
              TextCell(""),
              TextCell(""),
              NumberCell(static_cast<double>(total)),
              TextCell(""),
              TextCell("")};
  return t;
}

SummaryTable QuotaTable(const std::vector<SourceRecord>& records, const RegionDb& regions, const Campaign* campaign) {
  int lo = 3, hi = 5;  // 教育部：每省3—5名、3—5个
  if (campaign)
    if (const Issuer* moe = campaign->FindIssuer("moe"))
      for (const Requirement& r : moe->requirements)
        if (r.id == "stars") lo = r.min, hi = r.max;
  std::map<std::string, std::pair<int, int>> counts;
  for (const SourceRecord& s : records) {
    const std::string p = RegionDb::ProvinceOf(RegionOf(s));
    if (p.empty()) continue;
    if (s.record->form == "star_nomination") ++counts[p].first;
    if (s.record->form == "brand_project") ++counts[p].second;
  }
  char req[32];
  snprintf(req, sizeof req, "%d–%d", lo, hi);
  SummaryTable t{"quota",
                 "推荐名额核对",
                 "教育部通知：每省3—5名“百姓学习之星”、3—5个“终身学习品牌项目”",
                 {"省份", "百姓学习之星", "品牌项目", "要求", "核对结果"},
                 {},
                 {},
                 {}};
  const auto verdict = [&](int n) { return n < lo ? "不足" : n > hi ? "超出" : "符合"; };
  for (const auto& [p, c] : counts) {
    const std::string v = std::string("学习之星") + verdict(c.first) + "，品牌项目" + verdict(c.second);
    t.rows.push_back(
        {RegionCell(regions, p, false), NumberCell(c.first), NumberCell(c.second), TextCell(req), TextCell(v)});
    t.row_regions.push_back(p);
  }
  return t;
}

// Activities per region and theme, from the statistics tables and the organizers' summaries.
SummaryTable StatsTable(const std::vector<SourceRecord>& records, const RegionDb& regions) {
  std::map<std::pair<std::string, std::string>, RegionFigures> by;
  for (const SourceRecord& s : records) {
    const std::string region = RegionOf(s);
    if (s.record->form == "shanxi_statistics") {
      for (const ValueView c : s.record->Values()["stats"]["columns"]) {
        const ValueView cells = c["cells"];
        if (cells.empty()) continue;
        RegionFigures& f = by[{region, c["theme"].String()}];
        f.activities += 1;
        f.participants += cells["participants"].Int();
        f.volunteers += cells["volunteers"].Int();
      }
    } else if (s.record->form == "demo_activity_summary") {
      for (const ValueView row : s.record->Values()["activities"]) {
        if (!row.is_object()) continue;
        RegionFigures& f = by[{region, "示范活动"}];
        f.activities += 1;
        f.participants += row["participants"].Int();
      }
    } else if (s.record->form == "organizer_summary") {
      RegionFigures& f = by[{region, "举办单位总结（各主题合计）"}];
      const ValueView v = s.record->Values();
      f.activities += v["activity_count"].Int();
      f.participants += v["participants"].Int();
      f.volunteers += v["volunteers"].Int();
    }
  }
  SummaryTable t{"stats",
                 "活动周情况统计（按地区、主题）",
                 "由各单位“活动周情况统计表”“示范活动汇总表”“举办单位总结表”汇总",
                 {"地区", "活动主题", "活动数", "参与人次", "志愿者人次"},
                 {},
                 {},
                 {}};
  RegionFigures total;
  for (const auto& [key, f] : by) {
    Cell where = RegionCell(regions, key.first, true);
    if (where.text.empty()) where = TextCell("（未填地区）");
    t.rows.push_back({std::move(where), TextCell(key.second), NumberCell(static_cast<double>(f.activities)),
                      NumberCell(static_cast<double>(f.participants)), NumberCell(static_cast<double>(f.volunteers))});
    t.row_regions.push_back(key.first);
    total.activities += f.activities;
    total.participants += f.participants;
    total.volunteers += f.volunteers;
  }
  t.totals = {TextCell("合计"), TextCell(""), NumberCell(static_cast<double>(total.activities)),
              NumberCell(static_cast<double>(total.participants)), NumberCell(static_cast<double>(total.volunteers))};
  return t;
}

}  // namespace

Cell NumberCell(double n) {
  char buf[32];
  snprintf(buf, sizeof buf, "%.0f", n);
  return {buf, n, true};
}

Cell RegionCell(const RegionDb& regions, const std::string& code, bool full_name) {
  const std::string name = full_name ? regions.FullName(code) : regions.Name(code);
  return {name, name.empty() || !RegionDb::Level(code) ? 0.0 : std::stod(code), false};
}

std::vector<std::string> CellTexts(const std::vector<Cell>& cells) {
  std::vector<std::string> out;
  out.reserve(cells.size());
  for (const Cell& c : cells) out.push_back(c.text);
  return out;
}

bool CellLess(const Cell& x, const Cell& y) {
  if (x.numeric && y.numeric) return x.number < y.number;
  const bool xc = !x.numeric && x.number > 0, yc = !y.numeric && y.number > 0;
  if (xc != yc) return xc;
  if (xc && x.number != y.number) return x.number < y.number;
  return x.text < y.text;
}

std::string RegionOf(const SourceRecord& s) {
  const std::string own = S(*s.record, "region");
  return RegionDb::Level(own) ? own : s.region;
}

std::vector<SummaryTable> BuildSummaryTables(const std::vector<SourceRecord>& records, const RegionDb& regions,
                                             const Campaign* campaign) {
  std::vector<SummaryTable> out;
  out.push_back(StatsTable(records, regions));
  out.push_back(ListTable("stars", "“百姓学习之星”推荐名单", "star_nomination",
                          {"姓名", "性别", "民族", "出生年月", "工作单位及职务"},
                          {"name", "gender", "ethnicity", "birth", "employer"}, records, regions));
  out.push_back(ListTable("projects", "“终身学习品牌项目”推荐名单", "brand_project",
                          {"项目名称", "申报单位", "项目类型", "负责人"}, {"name", "applicant", "category", "leader"},
                          records, regions));
  out.push_back(QuotaTable(records, regions, campaign));
  out.push_back(ListTable("adv_units", "先进单位汇总表", "advanced_unit",
                          {"单位名称", "单位类别", "单位负责人", "联系人", "联系电话"},
                          {"name", "unit_type", "leader", "contact", "phone"}, records, regions));
  out.push_back(ListTable("adv_people", "先进个人汇总表", "advanced_person",
                          {"姓名", "性别", "出生年月", "政治面貌", "工作单位及职务", "联系电话"},
                          {"name", "gender", "birth", "political", "employer", "phone"}, records, regions));
  out.push_back(DemoTable(records, regions));
  out[4].note = "吉教职成〔2020〕30号 附件3";
  out[5].note = "吉教职成〔2020〕30号 附件4";
  return out;
}

bool FiguresOf(const Record& r, const std::string& day, RegionFigures& f) {
  if (r.form == "shanxi_statistics") {
    const std::string date = S(r, "date");
    if (!day.empty() && !date.empty() && date > day) return false;
    for (const ValueView c : r.Values()["stats"]["columns"]) {
      const ValueView cells = c["cells"];
      if (cells.empty()) continue;
      ++f.activities;
      f.participants += cells["participants"].Int();
      f.volunteers += cells["volunteers"].Int();
    }
  } else if (r.form == "demo_activity_summary") {
    for (const ValueView row : r.Values()["activities"]) {
      if (!row.is_object()) continue;
      if (!day.empty() && row["date"].String() > day) continue;
      ++f.activities;
      f.participants += row["participants"].Int();
    }
  } else if (r.form == "star_nomination") {
    f.stars = 1;
  } else if (r.form == "brand_project") {
    f.projects = 1;
  } else {
    return false;
  }
  return true;
}

std::map<std::string, RegionFigures> FiguresByRegion(const std::vector<SourceRecord>& records, const std::string& day) {
  std::map<std::string, RegionFigures> out;
  const auto add = [&](const std::string& region, const RegionFigures& f) {
    const std::string county = RegionDb::Level(region) == 3 ? region : std::string();
    for (const std::string& key : {RegionDb::ProvinceOf(region), RegionDb::CityOf(region), county})
      if (!key.empty()) out[key] += f;
  };
  for (const SourceRecord& s : records) {
    const std::string region = RegionOf(s);
    RegionFigures f;
    if (RegionDb::Level(region) && FiguresOf(*s.record, day, f)) add(region, f);
  }
  return out;
}

}  // namespace lw
