// xlsx.cpp — see xlsx.h. The minimal part set Excel requires: [Content_Types].xml, _rels/.rels,
// xl/workbook.xml (+ rels), xl/styles.xml and one xl/worksheets/sheetN.xml per table.
#include "xlsx.h"

#include <algorithm>
#include <set>

#include "utf8.h"
#include "zip_writer.h"

namespace lw {

namespace {

std::string ColumnName(size_t i) {
  std::string s;
  for (size_t n = i + 1; n > 0; n = (n - 1) / 26) s.insert(s.begin(), static_cast<char>('A' + (n - 1) % 26));
  return s;
}

// Sheet names: ≤31 characters, none of []:*?/\ , unique.
std::string SheetName(const std::string& title, std::set<std::string>& used) {
  std::string clean;
  size_t n = 0;
  for (size_t i = 0; i < title.size() && n < 28;) {
    const char32_t cp = utf8::Next(title, i);
    if (std::u32string_view(U"[]:*?/\\").find(cp) != std::u32string_view::npos) continue;
    utf8::Append(clean, cp);
    ++n;
  }
  std::string name = clean.empty() ? "Sheet" : clean;
  for (int k = 2; used.count(name); ++k) name = clean + std::to_string(k);
  used.insert(name);
  return name;
}

std::string CellXml(const Cell& c, const std::string& ref, bool bold) {
  const std::string style = bold ? " s=\"1\"" : "";
  if (c.numeric) return "<c r=\"" + ref + "\"" + style + "><v>" + c.text + "</v></c>";
  return "<c r=\"" + ref + "\" t=\"inlineStr\"" + style + "><is><t xml:space=\"preserve\">" + XmlEscape(c.text) +
         "</t></is></c>";
}

// Each column as wide as its longest cell (header, rows, totals) plus a margin, within sane bounds,
// so "山西省 / 太原市" is readable without widening the column by hand.
std::vector<size_t> ColumnWidths(const SummaryTable& t) {
  constexpr size_t kMin = 6, kMax = 60, kMargin = 2;
  std::vector<size_t> w(t.headers.size(), kMin);
  const auto fit = [&](size_t i, const std::string& text) {
    if (i < w.size()) w[i] = std::max(w[i], std::min(kMax, utf8::DisplayWidth(text) + kMargin));
  };
  for (size_t i = 0; i < t.headers.size(); ++i) fit(i, t.headers[i]);
  for (const auto& cells : t.rows)
    for (size_t i = 0; i < cells.size(); ++i) fit(i, cells[i].text);
  for (size_t i = 0; i < t.totals.size(); ++i) fit(i, t.totals[i].text);
  return w;
}

std::string SheetXml(const SummaryTable& t) {
  std::string x =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
      "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" state=\"frozen\"/>"
      "</sheetView></sheetViews><cols>";
  const std::vector<size_t> widths = ColumnWidths(t);
  for (size_t i = 0; i < widths.size(); ++i)
    x += "<col min=\"" + std::to_string(i + 1) + "\" max=\"" + std::to_string(i + 1) + "\" width=\"" +
         std::to_string(widths[i]) + "\" customWidth=\"1\"/>";
  x += "</cols><sheetData>";
  size_t r = 1;
  const auto row = [&](const std::vector<Cell>& cells, bool bold) {
    x += "<row r=\"" + std::to_string(r) + "\">";
    for (size_t i = 0; i < cells.size(); ++i) x += CellXml(cells[i], ColumnName(i) + std::to_string(r), bold);
    x += "</row>";
    ++r;
  };
  std::vector<Cell> header;
  for (const std::string& h : t.headers) header.push_back(TextCell(h));
  row(header, true);
  for (const auto& cells : t.rows) row(cells, false);
  if (!t.totals.empty()) row(t.totals, true);
  return x + "</sheetData></worksheet>";
}

}  // namespace

std::string XmlEscape(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    const size_t start = i;
    const char32_t cp = utf8::Next(s, i);
    switch (cp) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        // XML 1.0 forbids most control characters; drop them rather than emit an invalid file.
        if (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') break;
        out.append(s, start, i - start);
    }
  }
  return out;
}

std::string ToXlsx(const std::vector<const SummaryTable*>& tables) {
  ZipWriter zip;
  std::string types =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      "<Override PartName=\"/xl/workbook.xml\" "
      "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
      "<Override PartName=\"/xl/styles.xml\" "
      "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>";
  std::string sheets, rels;
  std::set<std::string> used;
  for (size_t i = 0; i < tables.size(); ++i) {
    const std::string n = std::to_string(i + 1);
    types += "<Override PartName=\"/xl/worksheets/sheet" + n +
             ".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>";
    sheets += "<sheet name=\"" + XmlEscape(SheetName(tables[i]->title, used)) + "\" sheetId=\"" + n + "\" r:id=\"rId" +
              n + "\"/>";
    rels += "<Relationship Id=\"rId" + n +
            "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
            "Target=\"worksheets/sheet" +
            n + ".xml\"/>";
  }
  const std::string styles_id = "rId" + std::to_string(tables.size() + 1);
  rels +=
      "<Relationship Id=\"" + styles_id +
      "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>";
  zip.Add("[Content_Types].xml", types + "</Types>");
  zip.Add("_rels/.rels",
          "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
          "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
          "<Relationship Id=\"rId1\" "
          "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
          "Target=\"xl/workbook.xml\"/></Relationships>");
  zip.Add("xl/workbook.xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
          "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
          "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>" +
              sheets + "</sheets></workbook>");
  zip.Add("xl/_rels/workbook.xml.rels",
          "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
          "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
              rels + "</Relationships>");
  zip.Add("xl/styles.xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
          "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
          "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"等线\"/></font>"
          "<font><b/><sz val=\"11\"/><name val=\"等线\"/></font></fonts>"
          "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill "
          "patternType=\"gray125\"/></fill></fills>"
          "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
          "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
          "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
          "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/></cellXfs>"
          "</styleSheet>");
  for (size_t i = 0; i < tables.size(); ++i)
    zip.Add("xl/worksheets/sheet" + std::to_string(i + 1) + ".xml", SheetXml(*tables[i]));
  return zip.Finish();
}

}  // namespace lw
