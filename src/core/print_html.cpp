// print_html.cpp — see print_html.h.
#include "print_html.h"

#include "base64.h"
#include "validate.h"
#include "xlsx.h"

namespace lw {

using nlohmann::json;

namespace {

// Printed: A4 with the official margins, the page number in the footer (Chromium's page-margin
// boxes; Firefox and Safari print their own page footer). On screen the same document shows as
// sheets of paper on a grey desk, so the preview is what comes out of the printer.
std::string Style(bool landscape) {
  const std::string size = landscape ? "A4 landscape" : "A4";
  const std::string width = landscape ? "297mm" : "210mm";
  return R"(<style>
@page { size: )" +
         size + R"(; margin: 18mm 16mm 20mm;
  @bottom-center { content: "第 " counter(page) " 页 共 " counter(pages) " 页"; font-size: 10pt; } }
* { box-sizing: border-box; }
body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 12pt; color: #000; margin: 0; }
@media screen {
  html { background: #6b7280; }
  body { width: )" +
         width +
         R"(; min-height: 100vh; margin: 6mm auto; padding: 18mm 16mm; background: #fff; box-shadow: 0 1mm 4mm rgba(0,0,0,.4); }
}
h1 { font-size: 18pt; text-align: center; margin: 0 0 4mm; letter-spacing: 1pt; font-family: "SimHei", "Heiti SC", "Noto Sans CJK SC", sans-serif; }
h2 { font-size: 12pt; margin: 4mm 0 1.5mm; font-family: "SimHei", "Heiti SC", "Noto Sans CJK SC", sans-serif; break-after: avoid; }
.meta { display: flex; justify-content: space-between; margin-bottom: 2mm; }
.note { font-size: 10.5pt; margin: 2mm 0; }
table { width: 100%; border-collapse: collapse; }
thead { display: table-header-group; }
th, td { border: 1px solid #000; padding: 2mm 2.5mm; vertical-align: top; }
th { font-weight: normal; text-align: center; vertical-align: middle; }
table.form > tbody > tr > th { width: 28mm; }
td.long { height: 60mm; white-space: pre-wrap; line-height: 1.6; }
td.opinion { height: 42mm; white-space: pre-wrap; position: relative; }
.seal { position: absolute; right: 8mm; bottom: 4mm; text-align: right; line-height: 2; }
table.data th, table.data td { font-size: 10.5pt; padding: 1mm 1.5mm; }
table.data thead th { font-weight: bold; }
td.num { text-align: right; }
tr.total td { font-weight: bold; }
img { max-width: 60mm; max-height: 60mm; display: block; margin: 1mm 0; }
.cap { font-size: 10pt; }
tr { break-inside: avoid; }
td.long, td.prose { break-inside: auto; }
</style>)";
}

std::string Esc(const std::string& s) { return XmlEscape(s); }

// A table with its header in <thead>, which browsers repeat at the top of every printed page.
std::string DataTableHtml(const std::vector<std::string>& headers, const std::vector<std::vector<std::string>>& rows,
                          const std::vector<bool>& numeric = {}, const std::vector<std::string>& totals = {}) {
  std::string h = "<table class=\"data\"><thead><tr>";
  for (const std::string& c : headers) h += "<th>" + Esc(c) + "</th>";
  h += "</tr></thead><tbody>";
  const auto row = [&](const std::vector<std::string>& cells, const char* cls) {
    h += std::string("<tr") + cls + ">";
    for (size_t i = 0; i < headers.size(); ++i)
      h += std::string(i < numeric.size() && numeric[i] ? "<td class=\"num\">" : "<td>") +
           Esc(i < cells.size() ? cells[i] : "") + "</td>";
    h += "</tr>";
  };
  for (const auto& r : rows) row(r, "");
  if (rows.empty()) row({}, "");  // an empty row to fill in by hand
  if (!totals.empty()) row(totals, " class=\"total\"");
  return h + "</tbody></table>";
}

}  // namespace

void FieldTable(const FieldDef& f, const json& v, const RegionDb& regions, std::vector<std::string>& headers,
                std::vector<std::vector<std::string>>& rows) {
  if (f.type == FieldType::Table) {
    headers = {"序号"};
    for (const FieldDef& c : f.columns) headers.push_back(c.label);
    for (const json& r : v.is_array() ? v : json::array()) {
      rows.push_back({std::to_string(rows.size() + 1)});
      for (const FieldDef& c : f.columns)
        rows.back().push_back(DisplayValue(c, r.is_object() ? r.value(c.id, json()) : json(), regions));
    }
    return;
  }
  const json cols = v.is_object() ? v.value("columns", json::array()) : json::array();
  headers = {"活动主题"};
  for (const json& c : cols) headers.push_back(StringAt(c, "theme"));
  for (const FieldDef& row : f.columns) {
    rows.push_back({row.label});
    for (const json& c : cols) {
      const json cells = c.is_object() ? c.value("cells", json::object()) : json::object();
      rows.back().push_back(DisplayValue(row, cells.is_object() ? cells.value(row.id, json()) : json(), regions));
    }
  }
}

namespace {

std::string Page(const std::string& title, bool landscape, const std::string& body) {
  return "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" + Esc(title) + "</title>" +
         Style(landscape) + "</head><body><h1>" + Esc(title) + "</h1>" + body + "</body></html>";
}

std::string MetaLine(const std::string& unit, const std::string& date) {
  return "<div class=\"meta\"><span>填报单位：" + Esc(unit) + "</span><span>填报日期：" + Esc(ChineseDate(date)) +
         "</span></div>";
}

std::string PhotosHtml(const json& v, const std::function<std::string(const std::string&)>& photo) {
  std::string h;
  for (const json& p : v.is_array() ? v : json::array()) {
    const std::string bytes = photo(StringAt(p, "sha256"));
    const std::string mime = StringAt(p, "mime");
    if (!bytes.empty() && (mime == "image/jpeg" || mime == "image/png" || mime == "image/webp" || mime == "image/gif"))
      h += "<img src=\"data:" + mime + ";base64," + Base64Encode(bytes) + "\" alt=\"\">";
    h += "<div class=\"cap\">" + Esc(StringAt(p, "caption")) + "</div>";
  }
  return h;
}

}  // namespace

namespace {
// "名称 草原读书会，参与人次 120": the filled cells of one row (or one matrix column).
std::string CellsText(const std::vector<FieldDef>& cols, const json& cells, const RegionDb& regions) {
  std::string s;
  for (const FieldDef& c : cols) {
    const std::string t = DisplayValue(c, cells.is_object() ? cells.value(c.id, json()) : json(), regions);
    if (!t.empty()) s += (s.empty() ? "" : "，") + c.label + " " + t;
  }
  return s;
}

std::string LinesText(const FieldDef& f, const json& v, const RegionDb& regions) {
  std::string s;
  if (f.type == FieldType::Table) {
    int n = 0;
    for (const json& row : v.is_array() ? v : json::array())
      s += (s.empty() ? "" : "\n") + ("第 " + std::to_string(++n) + " 行：") + CellsText(f.columns, row, regions);
  } else {  // Matrix: one line per theme column
    for (const json& c : v.is_object() ? v.value("columns", json::array()) : json::array())
      s += (s.empty() ? "" : "\n") + StringAt(c, "theme") + "：" +
           CellsText(f.columns, c.value("cells", json::object()), regions);
  }
  return s;
}
}  // namespace

std::string DisplayValue(const FieldDef& f, const json& v, const RegionDb& regions) {
  if (v.is_null()) return "";
  switch (f.type) {
    case FieldType::Table:
    case FieldType::Matrix:
      return LinesText(f, v, regions);
    case FieldType::Photos: {
      std::string captions;
      for (const json& p : v.is_array() ? v : json::array())
        captions += (captions.empty() ? "：" : "、") + StringAt(p, "caption");
      return std::to_string(v.is_array() ? v.size() : 0) + " 张照片" + captions;
    }
    case FieldType::Region:
      return v.is_string() ? regions.FullName(v.get<std::string>()) : "";
    case FieldType::Date: {
      const std::string s = v.is_string() ? v.get<std::string>() : "";
      if (auto d = ParseDate(s, f.precision == "month"))
        return std::to_string(d->year) + "年" + std::to_string(d->month) + "月" +
               (d->day ? std::to_string(d->day) + "日" : "");
      return s;
    }
    case FieldType::MultiChoice: {
      std::string s;
      for (const json& x : v)
        if (x.is_string()) s += (s.empty() ? "" : "、") + x.get<std::string>();
      return s;
    }
    case FieldType::Integer:
    case FieldType::Computed:
      return v.is_number_integer() ? std::to_string(v.get<long long>()) : v.is_string() ? v.get<std::string>() : "";
    default:
      return v.is_string() ? v.get<std::string>() : "";
  }
}

json ShownValue(const FormDef& form, const Record& r, const FieldDef& f) {
  if (f.type == FieldType::Computed) return SumOf(form, r.values, f.sum_of);
  return r.values.value(f.id, json());
}

bool HasSealLine(const FieldDef& f) { return f.id.find("opinion") != std::string::npos; }

std::string ChineseDate(const std::string& date) {
  const auto d = ParseDate(date);
  return d ? std::to_string(d->year) + "年" + std::to_string(d->month) + "月" + std::to_string(d->day) + "日" : date;
}

bool WantsLandscape(const FormDef& form, const Record& r) {
  for (const FieldDef* f : form.AllFields()) {
    if (f->type == FieldType::Table && f->columns.size() + 1 > kLandscapeColumns) return true;
    if (f->type == FieldType::Matrix) {
      const json v = r.values.value(f->id, json());
      const size_t n = v.is_object() && v.value("columns", json()).is_array() ? v["columns"].size() : f->themes.size();
      if (n + 1 > kLandscapeColumns) return true;
    }
  }
  return false;
}

std::string PrintHtml(const FormDef& form, const Record& r, const RegionDb& regions, const std::string& unit,
                      const std::string& date, const std::function<std::string(const std::string&)>& photo) {
  std::string body = MetaLine(unit, date);
  bool open = false;  // inside the label | value table
  const auto close = [&] {
    if (open) body += "</tbody></table>";
    open = false;
  };
  for (const FieldDef* f : form.AllFields()) {
    const json v = ShownValue(form, r, *f);
    if (f->type == FieldType::Table || f->type == FieldType::Matrix) {  // a table of its own: its header repeats
      close();
      std::vector<std::string> headers;
      std::vector<std::vector<std::string>> rows;
      FieldTable(*f, v, regions, headers, rows);
      body += "<h2>" + Esc(f->label) + "</h2>" + DataTableHtml(headers, rows);
      continue;
    }
    if (!open) body += "<table class=\"form\"><tbody>";
    open = true;
    body += "<tr><th>" + Esc(f->label) + "</th>";
    if (f->type == FieldType::Photos)
      body += "<td>" + PhotosHtml(v, photo) + "</td>";
    else if (HasSealLine(*f))
      body += "<td class=\"opinion\">" + Esc(DisplayValue(*f, v, regions)) +
              "<div class=\"seal\">（盖章）<br>年　　月　　日</div></td>";
    else if (f->type == FieldType::TextArea)
      body += "<td class=\"long\">" + Esc(DisplayValue(*f, v, regions)) + "</td>";
    else
      body += "<td>" + Esc(DisplayValue(*f, v, regions)) + "</td>";
    body += "</tr>";
  }
  close();
  return Page(form.title, WantsLandscape(form, r), body);
}

std::string PrintTableHtml(const SummaryTable& t, const std::string& unit, const std::string& date) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& r : t.rows) rows.push_back(CellTexts(r));
  std::vector<bool> numeric(t.headers.size(), false);
  for (const auto& r : t.rows)
    for (size_t i = 0; i < r.size() && i < numeric.size(); ++i) numeric[i] = numeric[i] || r[i].numeric;
  std::string body = MetaLine(unit, date);
  if (!t.note.empty()) body += "<p class=\"note\">" + Esc(t.note) + "</p>";
  body += DataTableHtml(t.headers, rows, numeric, CellTexts(t.totals));
  return Page(t.title, t.headers.size() > kLandscapeColumns, body);
}

}  // namespace lw
