// migrate.cpp — see migrate.h.
#include "migrate.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "bundle.h"
#include "utf8.h"

namespace lw {

using nlohmann::json;

namespace {

// A value as one line of text for a note ("书法", "统筹、新闻宣传", "12").
std::string ValueText(const json& v) {
  std::string s;
  if (v.is_string()) {
    s = v.get<std::string>();
  } else if (v.is_array() && std::all_of(v.begin(), v.end(), [](const json& x) { return x.is_string(); })) {
    for (const json& x : v) s += (s.empty() ? "" : "、") + x.get<std::string>();
  } else {
    s = v.dump(-1, ' ', false, json::error_handler_t::replace);
  }
  return utf8::CountChars(s) <= 40 ? s : s.substr(0, utf8::OffsetOfChar(s, 40)) + "…";
}

bool TextLike(FieldType t) {
  switch (t) {
    case FieldType::Integer:
    case FieldType::MultiChoice:
    case FieldType::Photos:
    case FieldType::Table:
    case FieldType::Matrix:
    case FieldType::Computed:
      return false;
    default:
      return true;
  }
}

// A value of another type that `f` can hold without losing anything, or nullopt.
std::optional<json> Converted(const FieldDef& f, const json& v) {
  const bool strings = v.is_array() && std::all_of(v.begin(), v.end(), [](const json& x) { return x.is_string(); });
  if (TextLike(f.type)) {
    if (v.is_number_integer()) return v.dump();
    if (strings && v.size() == 1) return v[0];
    if (strings && (f.type == FieldType::Text || f.type == FieldType::TextArea)) return ValueText(v);
  }
  if (f.type == FieldType::MultiChoice && v.is_string())
    return v.get<std::string>().empty() ? json::array() : json::array({v});
  return std::nullopt;
}

bool Offered(const FieldDef& f, const json& x) {
  return x.is_string() && std::find(f.options.begin(), f.options.end(), x.get<std::string>()) != f.options.end();
}

// Makes `v` fit `f` (a field, or a column of a table row). Returns false when the value is to be
// taken out: it is then kept aside in the report, with a note.
bool Fit(const FieldDef& f, json& v, const std::string& path, const std::string& label, json& report) {
  if (v.is_null()) return true;
  if (f.type == FieldType::Table && v.is_array()) {
    for (size_t i = 0; i < v.size(); ++i) {
      if (!v[i].is_object()) continue;
      for (auto cell = v[i].begin(); cell != v[i].end();) {
        const std::string at = path + "[" + std::to_string(i) + "]." + cell.key();
        const auto col =
            std::find_if(f.columns.begin(), f.columns.end(), [&](const FieldDef& c) { return c.id == cell.key(); });
        if (col == f.columns.end()) {
          report["unknown"][at] = *cell;
          cell = v[i].erase(cell);
        } else if (!Fit(*col, *cell, at, label + " 第" + std::to_string(i + 1) + "行 · " + col->label, report)) {
          cell = v[i].erase(cell);
        } else {
          ++cell;
        }
      }
    }
  }
  std::string why;
  if (!ValueShapeOk(f, v, &why)) {
    if (auto c = Converted(f, v)) {
      v = std::move(*c);
    } else {
      report["notes"].push_back("栏目“" + label + "”已改为" + FieldTypeTitle(f.type) + "，原内容已另存：" +
                                ValueText(v));
      report["retyped"][path] = v;
      return false;
    }
  }
  if (f.type == FieldType::Choice && v.is_string() && !v.get<std::string>().empty() && !Offered(f, v)) {
    report["notes"].push_back("栏目“" + label + "”不再有选项“" + v.get<std::string>() + "”，原选择已另存");
    report["options"][path] = v;
    return false;
  }
  if (f.type == FieldType::MultiChoice && v.is_array()) {
    json kept = json::array(), gone = json::array();
    for (json& x : v) (Offered(f, x) ? kept : gone).push_back(std::move(x));
    v = std::move(kept);
    if (!gone.empty()) {
      report["notes"].push_back("栏目“" + label + "”不再有选项“" + ValueText(gone) + "”，原选择已另存");
      report["options"][path] = std::move(gone);
    }
  }
  return true;
}

}  // namespace

bool MigrateRecord(const FormDef& form, Record& r) {
  if (r.form != form.id || r.form_version >= form.version) return false;
  json report = {{"from", r.form_version},    {"to", form.version},        {"notes", json::array()},
                 {"renamed", json::object()}, {"removed", json::object()}, {"unknown", json::object()},
                 {"retyped", json::object()}, {"options", json::object()}};
  for (int v = r.form_version; v < form.version; ++v) {
    const Migration* step = nullptr;
    for (const Migration& m : form.migrations)
      if (m.from == v) step = &m;
    if (!step) continue;  // no recorded changes for this version
    if (!step->note.empty()) report["notes"].push_back(step->note);
    for (const auto& [from, to] : step->renamed) {
      if (!r.values.contains(from)) continue;
      if (!r.values.contains(to)) r.values[to] = r.values[from];
      r.values.erase(from);
      report["renamed"][from] = to;
    }
    for (const std::string& gone : step->removed) {
      if (!r.values.contains(gone)) continue;
      report["removed"][gone] = r.values[gone];
      r.values.erase(gone);
    }
  }
  // Anything else the current definition does not know is kept aside too; what it knows is made
  // to fit its current type and options.
  for (auto it = r.values.begin(); it != r.values.end();) {
    const FieldDef* f = form.Find(it.key());
    if (!f) {
      report["unknown"][it.key()] = it.value();
      it = r.values.erase(it);
    } else if (!Fit(*f, it.value(), it.key(), f->label, report)) {
      it = r.values.erase(it);
    } else {
      ++it;
    }
  }
  r.form_version = form.version;
  r.migrated = report;
  return true;
}

// --- DiffForms ---------------------------------------------------------------------------------

namespace {

// A field or a column of a table or matrix, with its place in the form.
struct Flat {
  std::string path, label, parent;  // parent: the table's path, "" for a field of the form
  const FieldDef* def;
};

std::vector<Flat> Flatten(const FormDef* form) {
  std::vector<Flat> out;
  if (!form) return out;
  for (const FieldDef* f : form->AllFields()) {
    out.push_back({f->id, f->label, "", f});
    for (const FieldDef& c : f->columns) out.push_back({f->id + "." + c.id, f->label + " · " + c.label, f->id, &c});
  }
  return out;
}

// Old id → id in `after`, through every recorded step between the two versions.
std::map<std::string, std::string> Renames(const FormDef* before, const FormDef* after) {
  std::map<std::string, std::string> current;
  if (!before || !after) return current;
  for (const FieldDef* f : before->AllFields()) current[f->id] = f->id;
  for (int v = before->version; v < after->version; ++v)
    for (const Migration& m : after->migrations)
      if (m.from == v)
        for (const auto& [from, to] : m.renamed)
          for (auto& [old_id, now] : current)
            if (now == from) now = to;
  return current;
}

std::string Quoted(const std::string& s) { return "“" + s + "”"; }

std::string Limit(const std::optional<long long>& v) { return v ? std::to_string(*v) : "不限"; }

// "字数上限 1500 → 1000，必须填写的行数 0 → 1": every limit that changed.
std::string LimitChanges(const FieldDef& a, const FieldDef& b) {
  std::string out;
  const auto add = [&](const char* what, const std::optional<long long>& x, const std::optional<long long>& y) {
    if (x == y) return;
    out += (out.empty() ? "" : "，") + std::string(what) + " " + Limit(x) + " → " + Limit(y);
  };
  const auto opt = [](const std::optional<int>& v) { return v ? std::optional<long long>(*v) : std::nullopt; };
  add("最少字数", opt(a.min_chars), opt(b.min_chars));
  add("字数上限", opt(a.max_chars), opt(b.max_chars));
  add("最小值", a.min, b.min);
  add("最大值", a.max, b.max);
  add("最少行数", a.min_rows, b.min_rows);
  add("最多行数", a.max_rows, b.max_rows);
  if (a.pattern != b.pattern) out += (out.empty() ? "" : "，") + std::string("格式要求已改变");
  return out;
}

std::string JoinOptions(const std::vector<std::string>& v) {
  std::string s;
  for (const std::string& x : v) s += (s.empty() ? "" : "、") + Quoted(x);
  return s;
}

}  // namespace

FormChanges DiffForms(const FormDef* before, const FormDef* after) {
  FormChanges out;
  const FormDef* named = after ? after : before;
  if (!named) return out;
  out.form = named->id;
  out.title = named->title;
  out.from = before ? before->version : 0;
  out.to = after ? after->version : 0;
  if (!before || !after) return out;  // the whole form is new or gone: its fields are not listed

  const std::map<std::string, std::string> renames = Renames(before, after);
  std::map<std::string, std::string> origin;  // id in `after` → id in `before`
  for (const auto& [old_id, now] : renames) origin[now] = old_id;
  const std::vector<Flat> was = Flatten(before), now = Flatten(after);
  const auto find_was = [&](const std::string& path) -> const Flat* {
    for (const Flat& f : was)
      if (f.path == path) return &f;
    return nullptr;
  };
  std::set<std::string> matched, added;
  for (const Flat& a : now) {
    if (!a.parent.empty() && added.count(a.parent)) continue;  // a column of a new table
    // The path it had in `before`: its field's id before any rename.
    const std::string top = a.parent.empty() ? a.path : a.parent;
    const auto o = origin.find(top);
    const std::string old_top = o != origin.end() ? o->second : (renames.count(top) ? std::string() : top);
    const Flat* b = old_top.empty() ? nullptr : find_was(old_top + a.path.substr(top.size()));
    FieldChange base;
    base.field = a.path;
    base.label = a.label;
    base.type = a.def->type;
    if (!b) {
      if (a.parent.empty()) added.insert(a.path);
      base.kind = FieldChangeKind::Added;
      base.text = "新增栏目" + Quoted(a.label) + "（" + FieldTypeTitle(a.def->type) + "）";
      out.fields.push_back(base);
      continue;
    }
    matched.insert(b->path);
    base.old_field = b->path;
    base.old_label = b->label;
    base.old_type = b->def->type;
    const auto push = [&](FieldChangeKind kind, std::string text) {
      FieldChange c = base;
      c.kind = kind;
      c.text = std::move(text);
      out.fields.push_back(std::move(c));
    };
    if (b->path != a.path && b->label != a.label)
      push(FieldChangeKind::Renamed, "栏目" + Quoted(b->label) + "改为" + Quoted(a.label) + "，已填写的内容随之转移");
    else if (b->path != a.path)  // only the id: invisible on the form, but a draft's values move
      push(FieldChangeKind::Renamed,
           "栏目" + Quoted(a.label) + "的标识由 " + b->path + " 改为 " + a.path + "，已填写的内容随之转移");
    else if (b->def->label != a.def->label)
      push(FieldChangeKind::Relabeled, "栏目" + Quoted(b->label) + "改称" + Quoted(a.label));
    if (b->def->type != a.def->type)
      push(FieldChangeKind::Retyped,
           "栏目" + Quoted(a.label) + "由" + FieldTypeTitle(b->def->type) + "改为" + FieldTypeTitle(a.def->type));
    FieldChange opts = base;
    for (const std::string& x : a.def->options)
      if (std::find(b->def->options.begin(), b->def->options.end(), x) == b->def->options.end())
        opts.options_added.push_back(x);
    for (const std::string& x : b->def->options)
      if (std::find(a.def->options.begin(), a.def->options.end(), x) == a.def->options.end())
        opts.options_removed.push_back(x);
    if (!opts.options_added.empty() || !opts.options_removed.empty()) {
      opts.kind = FieldChangeKind::OptionsChanged;
      opts.text = "栏目" + Quoted(a.label) + "的选项：";
      if (!opts.options_added.empty()) opts.text += "新增" + JoinOptions(opts.options_added);
      if (!opts.options_removed.empty())
        opts.text += std::string(opts.options_added.empty() ? "" : "，") + "取消" + JoinOptions(opts.options_removed);
      out.fields.push_back(std::move(opts));
    }
    if (b->def->required != a.def->required)
      push(FieldChangeKind::RequiredChanged, "栏目" + Quoted(a.label) + (a.def->required ? "改为必填" : "改为选填"));
    if (const std::string limits = LimitChanges(*b->def, *a.def); !limits.empty())
      push(FieldChangeKind::LimitsChanged, "栏目" + Quoted(a.label) + "：" + limits);
  }
  for (const Flat& b : was) {
    if (matched.count(b.path) || (!b.parent.empty() && !matched.count(b.parent))) continue;
    FieldChange c;
    c.kind = FieldChangeKind::Removed;
    c.field = b.path;
    c.label = b.label;
    c.type = c.old_type = b.def->type;
    c.text = "取消栏目" + Quoted(b.label) + "（已填写的内容另存，不会丢失）";
    out.fields.push_back(std::move(c));
  }
  return out;
}

std::string FormChanges::Summary() const {
  const std::string head = "「" + title + "」";
  if (added()) return head + "：新增表格（第 " + std::to_string(to) + " 版）";
  if (removed()) return head + "：活动包不再提供此表格（已填写的草稿仍保留）";
  std::string out = head + "第 " + std::to_string(from) + " 版";
  if (to != from) out += " → 第 " + std::to_string(to) + " 版";
  static const std::pair<FieldChangeKind, const char*> kWords[] = {
      {FieldChangeKind::Added, "新增"},
      {FieldChangeKind::Removed, "取消"},
      {FieldChangeKind::Renamed, "改名"},
      {FieldChangeKind::Retyped, "改类型"},
      {FieldChangeKind::Relabeled, "改称"},
      {FieldChangeKind::OptionsChanged, "改选项"},
      {FieldChangeKind::RequiredChanged, "改必填"},
      {FieldChangeKind::LimitsChanged, "改限制"},
  };
  std::string counts;
  for (const auto& kw : kWords) {  // not a structured binding: clang 14 (em++) cannot capture one
    const auto n =
        std::count_if(fields.begin(), fields.end(), [&](const FieldChange& c) { return c.kind == kw.first; });
    if (n) counts += (counts.empty() ? "" : "，") + std::string(kw.second) + " " + std::to_string(n) + " 个栏目";
  }
  return out + "：" + (counts.empty() ? "栏目没有变化" : counts);
}

Migration MigrationBetween(const FormDef& before, const FormDef& after,
                           const std::vector<std::pair<std::string, std::string>>& renamed) {
  Migration step;
  step.from = before.version;
  step.to = before.version + 1;
  step.renamed = renamed;
  for (const FieldDef* f : before.AllFields()) {
    const bool moved = std::any_of(renamed.begin(), renamed.end(), [&](const auto& r) { return r.first == f->id; });
    if (!moved && !after.Find(f->id)) step.removed.push_back(f->id);
  }
  FormDef next = after;
  next.version = step.to;
  next.migrations.push_back(step);
  const FormChanges changes = DiffForms(&before, &next);
  for (size_t i = 0; i < changes.fields.size() && i < 5; ++i) step.note += (i ? "；" : "") + changes.fields[i].text;
  if (changes.fields.size() > 5) step.note += "；等 " + std::to_string(changes.fields.size()) + " 处变化";
  return step;
}

}  // namespace lw
