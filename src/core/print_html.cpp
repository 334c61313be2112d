// print_html.cpp — see print_html.h.
#include "print_html.h"

#include "base64.h"
#include "validate.h"
#include "xlsx.h"

namespace lw {

using nlohmann::json;

namespace {

const char* kStyle = R"(<style>
@page { size: A4; margin: 18mm 16mm; }
* { box-sizing: border-box; }
body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 12pt; color: #000; margin: 0; }
h1 { font-size: 18pt; text-align: center; margin: 0 0 4mm; letter-spacing: 1pt; }
.meta { display: flex; justify-content: space-between; margin-bottom: 2mm; }
table { width: 100%; border-collapse: collapse; page-break-inside: auto; }
th, td { border: 1px solid #000; padding: 2mm 2.5mm; vertical-align: top; }
th { width: 28mm; font-weight: normal; text-align: center; vertical-align: middle; }
td.long { height: 60mm; white-space: pre-wrap; line-height: 1.6; }
td.opinion { height: 42mm; white-space: pre-wrap; position: relative; }
.seal { position: absolute; right: 8mm; bottom: 4mm; text-align: right; line-height: 2; }
table.inner th, table.inner td { font-size: 10pt; padding: 1mm 1.5mm; }
img { max-width: 60mm; max-height: 60mm; display: block; margin: 1mm 0; }
.cap { font-size: 10pt; }
tr { page-break-inside: avoid; }
</style>)";

std::string Esc(const std::string& s) { return XmlEscape(s); }

std::string InnerTable(const std::vector<FieldDef>& cols, const json& rows, const RegionDb& regions) {
  std::string h = "<table class=\"inner\"><tr>";
  for (const FieldDef& c : cols) h += "<th>" + Esc(c.label) + "</th>";
  h += "</tr>";
  for (const json& r : rows) {
    h += "<tr>";
    for (const FieldDef& c : cols)
      h += "<td>" + Esc(DisplayValue(c, r.is_object() ? r.value(c.id, json()) : json(), regions)) + "</td>";
    h += "</tr>";
  }
  return h + "</table>";
}

std::string MatrixHtml(const FieldDef& f, const json& v, const RegionDb& regions) {
  const json cols = v.is_object() ? v.value("columns", json::array()) : json::array();
  std::string h = "<table class=\"inner\"><tr><th>活动主题</th>";
  for (const json& c : cols) h += "<th>" + Esc(StringAt(c, "theme")) + "</th>";
  h += "</tr>";
  for (const FieldDef& row : f.columns) {
    h += "<tr><th>" + Esc(row.label) + "</th>";
    for (const json& c : cols)
      h += "<td>" + Esc(DisplayValue(row, c.value("cells", json::object()).value(row.id, json()), regions)) + "</td>";
    h += "</tr>";
  }
  return h + "</table>";
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
      return v.is_number_integer() ? std::to_string(v.get<long long>()) : v.is_string() ? v.get<std::string>() : "";
    default:
      return v.is_string() ? v.get<std::string>() : "";
  }
}

bool HasSealLine(const FieldDef& f) { return f.id.find("opinion") != std::string::npos; }

std::string PrintHtml(const FormDef& form, const Record& r, const RegionDb& regions, const std::string& unit,
                      const std::function<std::string(const std::string&)>& photo) {
  std::string h = "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" + Esc(form.title) +
                  "</title>" + kStyle + "</head><body>";
  h += "<h1>" + Esc(form.title) + "</h1>";
  h += "<div class=\"meta\"><span>填报单位：" + Esc(unit) + "</span><span>编号：" + Esc(r.uuid.substr(0, 8)) +
       "</span></div>";
  h += "<table>";
  for (const FieldDef* f : form.AllFields()) {
    const json v = r.values.value(f->id, json());
    const bool opinion = HasSealLine(*f);
    h += "<tr><th>" + Esc(f->label) + "</th>";
    if (f->type == FieldType::Table)
      h += "<td>" + InnerTable(f->columns, v.is_array() ? v : json::array(), regions) + "</td>";
    else if (f->type == FieldType::Matrix)
      h += "<td>" + MatrixHtml(*f, v, regions) + "</td>";
    else if (f->type == FieldType::Photos)
      h += "<td>" + PhotosHtml(v, photo) + "</td>";
    else if (opinion)
      h += "<td class=\"opinion\">" + Esc(DisplayValue(*f, v, regions)) +
           "<div class=\"seal\">（盖章）<br>年　　月　　日</div></td>";
    else if (f->type == FieldType::TextArea)
      h += "<td class=\"long\">" + Esc(DisplayValue(*f, v, regions)) + "</td>";
    else
      h += "<td>" + Esc(DisplayValue(*f, v, regions)) + "</td>";
    h += "</tr>";
  }
  return h + "</table></body></html>";
}

}  // namespace lw
