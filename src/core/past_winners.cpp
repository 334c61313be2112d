// past_winners.cpp — see past_winners.h.
#include "past_winners.h"

#include <algorithm>
#include <map>

#include "csv.h"
#include "text_decode.h"
#include "validate.h"

namespace lw {

namespace {

// Spaces inside region names (TrimCell takes those around a cell).
std::string Squeeze(const std::string& s) {  // "山西省 / 太原市" → "山西省太原市"
  std::string out;
  for (char c : TrimCell(s))
    if (c != ' ' && c != '/') out += c;
  return out;
}

// Every region's full name (and a province's own name) → its code, for lists that name regions.
std::map<std::string, std::string> RegionNames(const RegionDb& db) {
  std::map<std::string, std::string> out;
  std::vector<std::string> todo = db.Provinces();
  while (!todo.empty()) {
    const std::string code = todo.back();
    todo.pop_back();
    out.emplace(Squeeze(db.FullName(code)), code);
    for (const std::string& c : db.Children(code)) todo.push_back(c);
  }
  return out;
}

std::string NormalizeId(std::string s) {
  s = TrimCell(s);
  std::transform(s.begin(), s.end(), s.begin(), [](char c) { return c == 'x' ? 'X' : c; });
  return s;
}

// One region inside the other (or the same): a list may name only the province or the city.
bool RegionsOverlap(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return false;
  return RegionDb::Within(a, b) || RegionDb::Within(b, a);
}

}  // namespace

PastWinnersRead ReadPastWinners(const std::string& bytes, const RegionDb& regions) {
  const auto text = DecodeOfficeText(bytes);
  if (!text) return {{}, "文件不是文本格式的 CSV（请在 WPS 或 Excel 中“另存为 CSV”）"};
  std::vector<int> row_numbers;
  const auto rows = ParseCsv(*text, &row_numbers);
  if (!rows) return {{}, "CSV 文件中有未闭合的引号，文件可能不完整"};
  if (rows->empty()) return {{}, "文件是空的"};
  const std::vector<std::string>& head = rows->front();
  const int year_col = ColumnOf(head, "年份"), region_col = ColumnOf(head, "地区");
  const int person_col = ColumnOf(head, "姓名"), project_col = ColumnOf(head, "项目名称");
  const int id_col = ColumnOf(head, "身份证号码"), unit_col = ColumnOf(head, "申报单位");
  if (year_col < 0 || region_col < 0 || (person_col < 0 && project_col < 0))
    return {{}, "第 1 行应为表头，并包含“年份”“姓名”（或“项目名称”）“地区”等列"};
  std::map<std::string, std::string> names;  // built only when a row names its region in words
  PastWinnersRead out;
  for (size_t i = 1; i < rows->size(); ++i) {
    const std::vector<std::string>& row = (*rows)[i];
    const auto cell = [&](int c) {
      return c >= 0 && c < static_cast<int>(row.size()) ? TrimCell(row[c]) : std::string();
    };
    if (std::all_of(row.begin(), row.end(), [](const std::string& c) { return TrimCell(c).empty(); })) continue;
    const std::string at = "第 " + std::to_string(row_numbers[i]) + " 行";
    PastWinner w;
    w.name = cell(person_col);
    if (w.name.empty()) {
      w.kind = PastWinner::Kind::Project;
      w.name = cell(project_col);
    }
    if (w.name.empty()) return {{}, at + "缺少姓名或项目名称"};
    const std::string who = at + "（" + w.name + "）";
    const std::string year = cell(year_col);
    if (year.size() != 4 || !std::all_of(year.begin(), year.end(), ::isdigit) || year < "2000" || year > "2100")
      return {{}, who + "的年份“" + year + "”不是四位年份（如 2021）"};
    w.year = std::stoi(year);
    if (w.kind == PastWinner::Kind::Star) {
      w.id_number = NormalizeId(cell(id_col));
      if (!w.id_number.empty())
        if (const std::string why = CheckIdCard(w.id_number); !why.empty()) return {{}, who + "的" + why};
    } else {
      w.unit = cell(unit_col);
    }
    const std::string region = cell(region_col);
    if (RegionDb::Level(region)) {
      w.region = region;
    } else {
      if (names.empty()) names = RegionNames(regions);
      const auto it = names.find(Squeeze(region));
      if (it == names.end()) return {{}, who + "的地区“" + region + "”既不是 6 位行政区划代码，也不是可识别的地区名称"};
      w.region = it->second;
    }
    out.winners.push_back(std::move(w));
  }
  return out;
}

std::optional<PastWinnerMatch> MatchPastWinner(const std::vector<PastWinner>& list, const Record& r) {
  const bool star = r.form == "star_nomination", project = r.form == "brand_project";
  if (!star && !project) return std::nullopt;
  const ValueView v = r.Values();  // a forwarded (imported) record keeps its values packed
  const std::string name = TrimCell(v["name"].String()), region = v["region"].String();
  const std::string id = NormalizeId(v["id_number"].String());
  const std::string unit = TrimCell(v["applicant"].String());
  for (const PastWinner& w : list) {
    const std::string year = std::to_string(w.year);
    if (star && w.kind == PastWinner::Kind::Star) {
      if (!id.empty() && id == w.id_number)
        return PastWinnerMatch{&w, "id_number", "此人已于" + year + "年获评百姓学习之星，按通知不得重复推荐。"};
      const bool ids_differ = !id.empty() && !w.id_number.empty();
      if (!ids_differ && !name.empty() && name == w.name && RegionsOverlap(region, w.region))
        return PastWinnerMatch{&w, "name",
                               "往年获评名单中，" + year + "年的百姓学习之星有同地区的“" + w.name +
                                   "”。如是同一人，按通知不得重复推荐；请核对身份证号码。"};
    }
    if (project && w.kind == PastWinner::Kind::Project && !name.empty() && name == w.name &&
        (RegionsOverlap(region, w.region) || (!unit.empty() && unit == w.unit)))
      return PastWinnerMatch{&w, "name", "该项目已于" + year + "年获评终身学习品牌项目，按通知不得重复推荐。"};
  }
  return std::nullopt;
}

}  // namespace lw
