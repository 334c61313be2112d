// csv.cpp — see csv.h.
#include "csv.h"

namespace lw {

std::string CsvCell(const std::string& raw) {
  std::string text = raw;
  if (!text.empty() && std::string("=+-@\t\r").find(text[0]) != std::string::npos) text = "'" + text;
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string ToCsv(const SummaryTable& t) {
  std::string out = "\xEF\xBB\xBF";  // BOM: Excel on Windows then reads UTF-8, not GBK
  const auto line = [&](const std::vector<std::string>& cells) {
    for (size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + CsvCell(cells[i]);
    out += "\r\n";
  };
  line(t.headers);
  for (const auto& row : t.rows) {
    std::vector<std::string> cells;
    for (const Cell& c : row) cells.push_back(c.text);
    line(cells);
  }
  if (!t.totals.empty()) {
    std::vector<std::string> cells;
    for (const Cell& c : t.totals) cells.push_back(c.text);
    line(cells);
  }
  return out;
}

}  // namespace lw
