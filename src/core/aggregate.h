// aggregate.h — the summary tables the notices ask coordinators for (汇总表), built from local
// and imported records, and per-region activity figures for the map.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "campaign.h"
#include "form_def.h"
#include "record.h"
#include "region.h"

namespace lw {

// A record and who submitted it (the local unit, or an imported bundle's issuer).
struct SourceRecord {
  const Record* record = nullptr;
  std::string unit;    // 报送单位
  std::string region;  // GB/T 2260 code of the submitting unit
  bool draft = false;  // incomplete (草稿): listed and marked, never counted as 已校验
};

struct Cell {
  std::string text;
  double number = 0;  // numeric: the value; a region's name: its GB/T 2260 code (no extra string per cell)
  bool numeric = false;
};
inline Cell TextCell(std::string t) { return {std::move(t), 0, false}; }
Cell NumberCell(double n);
// A region's name that sorts in GB/T 2260 code order (北京 11, 上海 31, 云南 53), as official tables do.
Cell RegionCell(const RegionDb& regions, const std::string& code, bool full_name);
// Sort order of a column: numbers by value, regions by code (before cells without one), text by bytes.
bool CellLess(const Cell& x, const Cell& y);

struct SummaryTable {
  std::string id, title, note;
  std::vector<std::string> headers;
  std::vector<std::vector<Cell>> rows;
  std::vector<std::string> row_regions;  // region code of each row (for filtering by region)
  std::vector<Cell> totals;              // empty: no totals row
};

// The cells' text, for documents that show a table as text (print view, .docx).
std::vector<std::string> CellTexts(const std::vector<Cell>& cells);

std::vector<SummaryTable> BuildSummaryTables(const std::vector<SourceRecord>& records, const RegionDb& regions,
                                             const Campaign* campaign);

// Figures per region, for the map and the statistics table.
struct RegionFigures {
  long long activities = 0, participants = 0, volunteers = 0, stars = 0, projects = 0;
  RegionFigures& operator+=(const RegionFigures& o) {
    activities += o.activities, participants += o.participants, volunteers += o.volunteers;
    stars += o.stars, projects += o.projects;
    return *this;
  }
};
// What one record adds to its region's figures (activities of the statistics and 示范活动 tables,
// stars, projects); false when its form adds nothing. `day` as below.
bool FiguresOf(const Record& r, const std::string& day, RegionFigures& f);
// Keyed by province ("140000"), city ("140100") and county code ("110105": the districts the map
// shows for the four municipalities). `day` (YYYY-MM-DD, optional)
// keeps only activities dated on or before that day (the map's day slider).
std::map<std::string, RegionFigures> FiguresByRegion(const std::vector<SourceRecord>& records,
                                                     const std::string& day = {});

// Where a record belongs on the map: its own region field, else its submitter's.
std::string RegionOf(const SourceRecord& s);

}  // namespace lw
