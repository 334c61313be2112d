// form_table.cpp — see form_table.h.
#include "form_table.h"

namespace lw {

namespace {

// What a summary can show in one cell: not photos, nested tables or section-wide statistics.
bool Listable(const FieldDef& f) {
  return f.type != FieldType::Photos && f.type != FieldType::Table && f.type != FieldType::Matrix;
}

Cell CellOf(const FieldDef& f, ValueView v, const RegionDb& regions) {
  if (v.is_number_integer()) return NumberCell(static_cast<double>(v.Int()));
  if (f.type == FieldType::Region && v.is_string()) return RegionCell(regions, v.String(), true);
  if (v.is_array()) {  // 多选
    std::string joined;
    for (const ValueView o : v)
      if (o.is_string()) joined += (joined.empty() ? "" : "、") + o.String();
    return TextCell(joined);
  }
  return TextCell(v.String());
}

struct Layout {
  std::vector<const FieldDef*> fields;  // the record's own fields, in form order
  const FieldDef* rows = nullptr;       // the one table whose rows become the summary's rows
};

Layout LayoutOf(const FormDef& form) {
  Layout l;
  int tables = 0;
  for (const SectionDef& s : form.sections)
    for (const FieldDef& f : s.fields) {
      if (f.type == FieldType::Table) ++tables, l.rows = &f;
      if (Listable(f)) l.fields.push_back(&f);
    }
  if (tables != 1) l.rows = nullptr;  // several tables: one row per record, their rows not listed
  return l;
}

void AddTotals(SummaryTable& t) {
  std::vector<Cell> totals(t.headers.size(), TextCell(""));
  bool any = false;
  for (size_t c = 1; c < t.headers.size(); ++c) {
    double sum = 0;
    size_t numbers = 0, blanks = 0;
    for (const auto& row : t.rows) {
      numbers += row[c].numeric;
      blanks += !row[c].numeric && row[c].text.empty();
    }
    if (!numbers || numbers + blanks != t.rows.size()) continue;  // a column of numbers (some unfilled)
    for (const auto& row : t.rows) sum += row[c].number;
    totals[c] = NumberCell(sum);
    any = true;
  }
  if (!any) return;
  totals[0] = TextCell("合计");
  t.totals = std::move(totals);
}

}  // namespace

SummaryTable FormSummaryTable(const FormDef& form, const std::vector<SourceRecord>& records, const RegionDb& regions) {
  const Layout l = LayoutOf(form);
  SummaryTable t{"form:" + form.id, form.title, form.follows, {"序号"}, {}, {}, {}};
  for (const FieldDef* f : l.fields) t.headers.push_back(f->label);
  if (l.rows)
    for (const FieldDef& c : l.rows->columns) t.headers.push_back(l.rows->label + " · " + c.label);
  for (const char* h : {"所在地区", "报送单位", "状态"}) t.headers.emplace_back(h);

  for (const SourceRecord& s : records) {
    if (s.record->form != form.id) continue;
    std::vector<Cell> own;
    const ValueView values = s.record->Values();  // imported records keep theirs packed (record.h)
    for (const FieldDef* f : l.fields) own.push_back(CellOf(*f, values[f->id], regions));
    const std::string region = RegionOf(s);
    const auto add = [&](const ValueView* table_row) {
      std::vector<Cell> row{NumberCell(static_cast<double>(t.rows.size() + 1))};
      row.insert(row.end(), own.begin(), own.end());
      if (l.rows)
        for (const FieldDef& c : l.rows->columns)
          row.push_back(table_row ? CellOf(c, (*table_row)[c.id], regions) : TextCell(""));
      row.push_back(RegionCell(regions, region, true));
      row.push_back(TextCell(s.unit));
      row.push_back(TextCell(s.draft ? "草稿" : "已校验"));
      t.rows.push_back(std::move(row));
      t.row_regions.push_back(region);
    };
    size_t listed = 0;
    if (l.rows)
      for (const ValueView r : values[l.rows->id])
        if (r.is_object()) add(&r), ++listed;
    if (!listed) add(nullptr);  // a record without rows still shows who sent it
  }
  AddTotals(t);
  return t;
}

std::vector<SummaryTable> PackageFormTables(const FormLibrary& library, const std::vector<SourceRecord>& records,
                                            const RegionDb& regions) {
  std::vector<SummaryTable> out;
  for (const FormDef& f : library.forms)
    if (!f.package.empty() && f.kind != "profile") out.push_back(FormSummaryTable(f, records, regions));
  return out;
}

}  // namespace lw
