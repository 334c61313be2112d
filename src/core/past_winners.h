// past_winners.h — 往年获评名单: people named 百姓学习之星 and projects named 终身学习品牌项目 in
// earlier years. The notices say nobody may be nominated twice, so a coordinator loads the list
// (a CSV as WPS or Excel save it: GBK, or UTF-8 with a BOM; columns 年份, 姓名 or 项目名称,
// 身份证号码 or 申报单位, 地区) and a nomination that matches it carries a warning. A warning only:
// the list may be wrong or the person may be nominated for something else, so saving and
// exporting are never blocked.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "record.h"
#include "region.h"

namespace lw {

struct PastWinner {
  enum class Kind { Star, Project } kind = Kind::Star;
  int year = 0;           // 年份
  std::string name;       // 姓名 (star) or 项目名称 (project)
  std::string id_number;  // 身份证号码, upper-case X; stars only, may be ""
  std::string unit;       // 申报单位; projects only, may be ""
  std::string region;     // GB/T 2260 code, 6 digits
};

struct PastWinnersRead {
  std::vector<PastWinner> winners;
  std::string error;  // Chinese, naming the line; "" when read
};

// Reads the list; refuses it whole (naming the line) when a column is missing, a year is not a
// year, an ID number is malformed, or a region is neither a 6-digit code nor a region name that
// `regions` knows ("山西省太原市", "山西省 / 太原市"). Blank lines are skipped.
PastWinnersRead ReadPastWinners(const std::string& bytes, const RegionDb& regions);

// Where a nomination matches the list and what to say about it.
struct PastWinnerMatch {
  const PastWinner* winner = nullptr;
  std::string field;    // the field the warning goes beside: "id_number" or "name"
  std::string message;  // "此人已于2021年获评百姓学习之星，按通知不得重复推荐"
};

// Stars (form star_nomination) match by ID number; without an ID on either side, by name and
// region (one region inside the other: a list may name only the province). Two different ID
// numbers are two people even with one name. Projects (form brand_project) match by 项目名称
// and region, or 项目名称 and 申报单位. Other forms never match. nullopt: no match.
std::optional<PastWinnerMatch> MatchPastWinner(const std::vector<PastWinner>& list, const Record& r);

}  // namespace lw
