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

std::optional<std::vector<std::vector<std::string>>> ParseCsv(const std::string& text, std::vector<int>* rows_at) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string cell;
  bool quoted = false, any = false;  // any: the row has begun (a cell or a separator seen)
  int row_number = 1;                // in the spreadsheet: a line break inside quotes is no new row
  const auto end_row = [&] {
    if (any) {
      row.push_back(std::move(cell)), rows.push_back(std::move(row));
      if (rows_at) rows_at->push_back(row_number);
    }
    row.clear(), cell.clear(), any = false;
    ++row_number;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c != '"')
        cell += c;
      else if (i + 1 < text.size() && text[i + 1] == '"')
        cell += '"', ++i;
      else
        quoted = false;
    } else if (c == '"') {
      quoted = any = true;
    } else if (c == ',') {
      row.push_back(std::move(cell)), cell.clear(), any = true;
    } else if (c == '\n') {
      end_row();
    } else if (c != '\r') {
      cell += c, any = true;
    }
  }
  if (quoted) return std::nullopt;
  end_row();
  return rows;
}

std::string TrimCell(const std::string& cell) {
  static const std::string kIdeographicSpace = "\xE3\x80\x80";
  std::string t = cell;
  for (bool again = true; again;) {
    again = false;
    while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) t.erase(0, 1), again = true;
    while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.pop_back(), again = true;
    if (t.compare(0, 3, kIdeographicSpace) == 0) t.erase(0, 3), again = true;
    if (t.size() >= 3 && t.compare(t.size() - 3, 3, kIdeographicSpace) == 0) t.erase(t.size() - 3), again = true;
  }
  return t;
}

int ColumnOf(const std::vector<std::string>& header, std::string_view name) {
  for (size_t i = 0; i < header.size(); ++i)
    if (TrimCell(header[i]) == name) return static_cast<int>(i);
  return -1;
}

}  // namespace lw
