// bundle.cpp — see bundle.h.
#include "bundle.h"

#include <algorithm>
#include <set>
#include <unordered_set>

#include "base64.h"
#include "file_name.h"
#include "migrate.h"
#include "records_reader.h"
#include "sha256.h"
#include "signature.h"
#include "utf8.h"

namespace lw {

using nlohmann::json;

namespace {

const std::set<std::string> kPhotoMimes = {"image/jpeg", "image/png", "image/webp", "image/gif"};

bool IsSha256Hex(std::string_view s) {
  return s.size() == 64 &&
         std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// The file's SHA-256: the host's when it gave one (see ReadBundle), else computed.
std::string DigestOf(const std::string& bytes, std::string_view known) {
  return IsSha256Hex(known) ? std::string(known) : Sha256Hex(bytes);
}

// The value a validation issue's path points at ("activities[2].participants",
// "stats.columns[0].participants"), or null.
json ValueAtPath(const json& values, const std::string& path) {
  const json* v = &values;
  size_t i = 0;
  while (i < path.size() && v) {
    if (path[i] == '.' && ++i == path.size()) break;
    if (path[i] == '[') {
      const size_t end = path.find(']', i);
      const size_t n = std::stoul(path.substr(i + 1, end - i - 1));
      v = v->is_array() && n < v->size() ? &(*v)[n] : nullptr;
      i = end + 1;
      continue;
    }
    const size_t end = path.find_first_of(".[", i);
    const std::string key = path.substr(i, end == std::string::npos ? std::string::npos : end - i);
    v = v->is_object() && v->contains(key) ? &(*v)[key] : nullptr;
    i = end == std::string::npos ? path.size() : end;
  }
  return v ? *v : json();
}

// "：请填写整数（现为“很多”）" — what is wrong and, for a short scalar, what was sent.
std::string Shown(const json& v) {
  if (v.is_string()) {
    const std::string s = v.get<std::string>();
    return utf8::CountChars(s) <= 40 ? "（现为“" + s + "”）" : "";
  }
  return v.is_number() || v.is_boolean() ? "（现为 " + v.dump() + "）" : "";
}

// The first value of a record that breaks its form's rules, as a Chinese message; "" when none
// (missing values only make it a draft). Sets the record's status.
std::string CheckValues(const FormDef& form, Record& r, const ValidationContext& ctx) {
  bool incomplete = false;
  const std::vector<Issue> issues = RecordErrors(form, r.values, ctx, &incomplete);
  const auto bad = std::find_if(issues.begin(), issues.end(), [](const Issue& i) { return !i.incomplete; });
  r.status = issues.empty() && !incomplete ? kStatusValid : kStatusDraft;
  if (bad == issues.end()) return {};
  return "（" + form.short_title + "）的“" + bad->label + "”：" + bad->message +
         Shown(ValueAtPath(r.values, bad->path));
}

bool HasMarkup(const json& v) {
  if (v.is_string()) return LooksLikeMarkup(v.get_ref<const std::string&>());
  if (v.is_structured())
    for (const json& x : v)
      if (HasMarkup(x)) return true;
  return false;
}

// Where the first markup is ("activities[2].name"). The path is only built once markup was
// found: 100,000 clean records must not pay for a string per value.
bool AnyMarkup(const json& v, std::string* where, const std::string& path) {
  if (!HasMarkup(v)) return false;
  if (v.is_object()) {
    for (const auto& [k, x] : v.items())
      if (AnyMarkup(x, where, path.empty() ? k : path + "." + k)) return true;
  } else if (v.is_array()) {
    for (size_t i = 0; i < v.size(); ++i)
      if (AnyMarkup(v[i], where, path + "[" + std::to_string(i) + "]")) return true;
  }
  *where = path;
  return true;
}

bool RowsShapeOk(const std::vector<FieldDef>& cols, const json& row, std::string* why) {
  if (!row.is_object()) {
    *why = "表格行不是对象";
    return false;
  }
  for (auto cell = row.begin(); cell != row.end(); ++cell) {
    const std::string& key = cell.key();
    const auto it = std::find_if(cols.begin(), cols.end(), [&](const FieldDef& c) { return c.id == key; });
    if (it == cols.end()) {
      *why = "表格中有未知的列“" + key + "”";
      return false;
    }
    if (!ValueShapeOk(*it, cell.value(), why)) return false;
  }
  return true;
}

// What is checked of each record's values as soon as it is read, before the next one is (its
// values can then be packed at once). The first failure of each kind is kept with its record's
// place: the bundle's own checks, which need the whole document, then report them in record order.
class ValueChecks {
 public:
  ValueChecks(const FormLibrary& forms, const ValidationContext& ctx, bool pack)
      : forms_(forms), ctx_(ctx), pack_(pack) {}
  static constexpr size_t kNone = static_cast<size_t>(-1);
  size_t shape_at = kNone;  // a value of the wrong kind, an unknown field or markup: always refused
  std::string shape_error;
  size_t rule_at = kNone;  // a value the form's rules refuse: refused in a submission
  std::string rule_error;
  std::set<std::string> photos;  // every photo a record refers to

  // values_text: what r's values were read from.
  void Take(Record& r, size_t i, std::string_view values_text) {
    const FormDef* form = forms_.Find(r.form);
    bool as_read = true;
    // A record of an unknown or newer form is refused by the bundle's checks, with its package.
    if (shape_at == kNone && form && r.form_version <= form->version) {
      as_read = !MigrateRecord(*form, r);
      r.migrated = nullptr;
      if (shape_error = ShapeError(*form, r); !shape_error.empty()) shape_at = i;
      if (shape_at == kNone && rule_at == kNone)
        if (rule_error = CheckValues(*form, r, ctx_); !rule_error.empty()) rule_at = i;
    }
    if (pack_) as_read ? r.PackFrom(values_text) : r.Pack();
    // Any {"sha256": …} must name a photo the bundle carries, wherever it is: forwarded on, it is
    // looked for everywhere. Packed text is walked only when it has such a key at all.
    if (shape_at == kNone && (!pack_ || r.packed.find("\"sha256\"") != std::string::npos))
      CollectPhotoRefs(r.Values(), photos);
  }

 private:
  static std::string ShapeError(const FormDef& form, const Record& r) {
    std::string why;
    for (const auto& [k, v] : r.values.items()) {
      const FieldDef* f = form.Find(k);
      if (!f) return "：“" + form.short_title + "”中没有栏目“" + k + "”";
      if (!ValueShapeOk(*f, v, &why)) return "：" + why;
    }
    if (AnyMarkup(r.values, &why, "")) return "（" + form.short_title + "）的“" + why + "”中含有网页代码或脚本，已拒绝";
    return {};
  }

  const FormLibrary& forms_;
  const ValidationContext& ctx_;
  const bool pack_;
};

// Whether a record's UUID came before in the same bundle. Bundles list their records sorted by
// UUID (WriteBundle), so while they come in order only the one before can be the same; a set
// is built only for a bundle out of order (100,000 records: no hash per record).
class UuidsSeen {
 public:
  explicit UuidsSeen(const std::vector<Record>& records) : records_(records) {}
  bool Repeated(size_t i) {
    const std::string& uuid = records_[i].uuid;
    if (set_.empty()) {
      if (i == 0 || records_[i - 1].uuid < uuid) return false;
      if (records_[i - 1].uuid == uuid) return true;
      for (size_t k = 0; k < i; ++k) set_.insert(records_[k].uuid);
    }
    return !set_.insert(uuid).second;
  }

 private:
  const std::vector<Record>& records_;
  std::unordered_set<std::string_view> set_;  // views of the records' own uuids: no copies
};

std::string Fail(BundleReadResult& r, std::string why) {
  r.bundle.reset();
  r.error = std::move(why);
  return r.error;
}

json PackagesToJson(const std::vector<PackageRef>& refs) {
  json out = json::array();
  for (const PackageRef& p : refs)
    out.push_back({{"fingerprint", p.fingerprint}, {"id", p.id}, {"title", p.title}, {"version", p.version}});
  return out;
}

// The bundle's table of packages; a Chinese reason when it is malformed ("" = read).
std::string PackagesFromJson(const json& j, std::vector<PackageRef>& out) {
  if (!j.is_array()) return "活动包列表（packages）不是列表";
  for (size_t i = 0; i < j.size(); ++i) {
    const json& e = j[i];
    const std::string at = "活动包列表第 " + std::to_string(i + 1) + " 项";
    PackageRef p{StringAt(e, "id"), static_cast<int>(IntAt(e, "version", 0)), StringAt(e, "fingerprint"),
                 StringAt(e, "title")};
    if (p.id.empty() || p.version < 1 || !IsSha256Hex(p.fingerprint))
      return at + "不完整（需要 id、version 和 fingerprint）";
    if (LooksLikeMarkup(p.id) || LooksLikeMarkup(p.title)) return at + "中含有网页代码或脚本，已拒绝";
    out.push_back(std::move(p));
  }
  return {};
}

// Whether `forms` holds the package as the bundle names it (that version or a later one).
bool HasPackage(const FormLibrary& forms, const PackageRef& need) {
  const PackageRef* have = forms.FindPackage(need.id);
  return have &&
         (have->version > need.version || (have->version == need.version && have->fingerprint == need.fingerprint));
}

}  // namespace

json RoutesToJson(const std::vector<Route>& routes) {
  json out = json::array();
  for (const Route& r : routes) {
    json j = {{"region", r.hop.region}, {"sha256", r.hop.sha256}, {"unit", r.hop.unit}};
    if (r.via >= 0) j["via"] = r.via;
    out.push_back(std::move(j));
  }
  return out;
}

std::string RoutesFromJson(const json& j, std::vector<Route>& out) {
  if (!j.is_array()) return "转报路径（routes）不是列表";
  for (size_t i = 0; i < j.size(); ++i) {
    const json& e = j[i];
    const std::string at = "转报路径第 " + std::to_string(i + 1) + " 项";
    if (!e.is_object()) return at + "不是对象";
    Route r{{StringAt(e, "unit"), StringAt(e, "region"), StringAt(e, "sha256")}, -1};
    if (!IsSha256Hex(r.hop.sha256)) return at + "缺少有效的 SHA-256";
    if (LooksLikeMarkup(r.hop.unit) || LooksLikeMarkup(r.hop.region)) return at + "中含有网页代码或脚本，已拒绝";
    if (e.contains("via")) {
      if (!e["via"].is_number_unsigned() || e["via"].get<unsigned long long>() >= i) return at + "指向的上一段路径无效";
      r.via = e["via"].get<int>();
    }
    out.push_back(std::move(r));
  }
  return {};
}

bool LooksLikeMarkup(const std::string& s) {
  for (size_t i = s.find('<'); i != std::string::npos && i + 1 < s.size(); i = s.find('<', i + 1)) {
    const char c = s[i + 1];
    if (std::isalpha(static_cast<unsigned char>(c)) || c == '/' || c == '!' || c == '?') return true;
  }
  // "javascript:" in any case, looked for only where a j or J is (every text of an import).
  static constexpr std::string_view kScheme = "javascript:";
  const auto at = [&](size_t i) {
    return std::equal(kScheme.begin(), kScheme.end(), s.begin() + i,
                      [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); });
  };
  for (size_t i = 0; i + kScheme.size() <= s.size(); ++i)
    if ((s[i] | 0x20) == 'j' && at(i)) return true;
  return false;
}

bool ValueShapeOk(const FieldDef& f, const json& v, std::string* why) {
  if (v.is_null()) return true;
  const auto bad = [&](const char* expect) {
    *why = "“" + f.label + "”应为" + expect;
    return false;
  };
  switch (f.type) {
    case FieldType::Integer:
      return v.is_number_integer() || v.is_string() ? true : bad("整数");
    case FieldType::MultiChoice:
      if (!v.is_array()) return bad("选项列表");
      for (const json& x : v)
        if (!x.is_string()) return bad("选项列表");
      return true;
    case FieldType::Photos:
      if (!v.is_array()) return bad("照片列表");
      for (const json& p : v) {
        if (!p.is_object() || !p.contains("sha256") || !p["sha256"].is_string()) return bad("照片列表");
        for (const char* key : {"caption", "name", "mime"})
          if (p.contains(key) && !p[key].is_string()) return bad("照片列表");
        if (p.contains("size") && !p["size"].is_number_unsigned()) return bad("照片列表");
      }
      return true;
    case FieldType::Table:
      if (!v.is_array()) return bad("表格");
      for (const json& row : v)
        if (!RowsShapeOk(f.columns, row, why)) return false;
      return true;
    case FieldType::Matrix:
      if (!v.is_object() || !v.contains("columns") || !v["columns"].is_array()) return bad("统计表");
      for (const json& c : v["columns"])
        if (!c.is_object() || !c.contains("theme") || !c["theme"].is_string() || !c.contains("cells") ||
            !c["cells"].is_object())
          return bad("统计表");
      if (v.contains("extraRows")) {
        if (!v["extraRows"].is_array()) return bad("统计表");
        for (const json& x : v["extraRows"])
          if (!x.is_object() || StringAt(x, "id").empty() || !x.contains("label") || !x["label"].is_string())
            return bad("统计表");
      }
      return true;
    case FieldType::Computed:
      return true;
    default:
      return v.is_string() ? true : bad("文字");
  }
}

std::string BundleFileName(const std::string& unit, const std::string& date, const std::string& suffix) {
  std::string safe = FileNamePart(unit);
  if (safe.empty()) safe = "未填单位";
  return "学习周_" + safe + (suffix.empty() ? "" : "_" + suffix) + "_" + date + ".json";
}

// The bundle is written as nlohmann's compact dump of the whole document would be (keys sorted,
// so the same data gives the same bytes), but record by record: a copy of 100,000 records as one
// json tree would cost several hundred MB in the browser.
std::string WriteBundle(const Bundle& b, const FormLibrary& forms) {
  const auto dump = [](const json& v) { return v.dump(-1, ' ', false, json::error_handler_t::strict); };
  std::vector<const Record*> records;
  for (const Record& r : b.records) records.push_back(&r);
  std::sort(records.begin(), records.end(), [](const Record* a, const Record* c) { return a->uuid < c->uuid; });
  std::map<std::string, json> form_entries;  // by id: {"id", "version"[, "package"]}
  std::map<std::string, PackageRef> packages;
  for (const PackageRef& p : b.packages)
    if (!packages.count(p.id) || packages[p.id].version < p.version) packages[p.id] = p;
  for (const Record* r : records) {
    if (form_entries.count(r->form)) continue;
    const FormDef* f = forms.Find(r->form);
    json entry = {{"id", r->form}, {"version", f ? f->version : r->form_version}};
    if (const PackageRef* p = f && !f->package.empty() ? forms.FindPackage(f->package) : nullptr) {
      entry["package"] = p->id;
      if (!packages.count(p->id) || packages[p->id].version < p->version) packages[p->id] = *p;
    }
    form_entries[r->form] = std::move(entry);
  }
  json fv = json::array();
  for (auto& [id, entry] : form_entries) fv.push_back(std::move(entry));
  std::vector<PackageRef> used;
  for (const auto& [id, p] : packages) used.push_back(p);
  std::vector<const Photo*> photos;
  for (const Photo& p : b.photos) photos.push_back(&p);
  std::sort(photos.begin(), photos.end(), [](const Photo* a, const Photo* c) { return a->sha256 < c->sha256; });
  json ph = json::array();
  for (const Photo* p : photos)
    ph.push_back(
        {{"sha256", p->sha256}, {"mime", p->mime}, {"size", p->bytes.size()}, {"data", Base64Encode(p->bytes)}});

  std::string out = "{";
  const auto key = [&](const char* k) {
    if (out.size() > 1) out += ',';
    out += dump(k);
    out += ':';
  };
  const auto field = [&](const char* k, const json& v) { key(k), out += dump(v); };
  // In the order of nlohmann's sorted object keys.
  field("appVersion", b.app_version);
  field("campaign", b.campaign);
  field("created", b.created);
  field("format", "learnweek-bundle");
  field("formatVersion", b.routes.empty() ? 1 : kBundleFormatVersion);
  field("forms", fv);
  field("issuer", b.issuer);
  field("kind", b.kind);
  if (!used.empty()) field("packages", PackagesToJson(used));
  field("photos", ph);
  if (!b.profile.is_null()) field("profile", b.profile);
  key("records");
  out += '[';
  for (size_t k = 0; k < records.size(); ++k) {
    if (k) out += ',';
    records[k]->DumpTo(out, false);
  }
  out += ']';
  if (!b.routes.empty()) field("routes", RoutesToJson(b.routes));
  if (!b.settings.is_null()) field("settings", b.settings);
  out += "}\n";  // compact: 100,000 records stay under 50 MB
  return out;
}

std::string PackageNeeded(const PackageRef& need, const FormLibrary& forms) {
  const PackageRef* have = forms.FindPackage(need.id);
  const std::string name = need.title.empty() ? need.id : need.title;
  std::string local;
  if (have && have->version < need.version) local = "（本机为第 " + std::to_string(have->version) + " 版）";
  if (have && have->version == need.version) local = "（本机的第 " + std::to_string(have->version) + " 版内容不同）";
  return "此数据包用到活动包「" + name + "」第 " + std::to_string(need.version) + " 版" + local + "，请先打开该活动包";
}

std::string TooLargeMessage(double bytes) {
  return "文件过大（" + std::to_string(static_cast<long long>(bytes / 1048576)) + " MB），不能超过 " +
         std::to_string(kMaxBundleBytes / 1048576) + " MB";
}

namespace {
BundleReadResult ReadBundleChecked(const std::string& bytes, const FormLibrary& forms, const ValidationContext& ctx,
                                   bool pack, std::string_view sha256);
}  // namespace

BundleReadResult ReadBundle(const std::string& bytes, const FormLibrary& forms, const ValidationContext& ctx,
                            RecordValues kept, std::string_view sha256) {
  const bool pack = kept == RecordValues::Packed;
#ifdef LW_FUZZING
  return ReadBundleChecked(bytes, forms, ctx, pack, sha256);  // the fuzzer must see any exception: wasm aborts on one
#else
  // Every access below checks types first; this is the native safety net (Emscripten builds
  // without exception catching, so the checks themselves are what protects the browser).
  try {
    return ReadBundleChecked(bytes, forms, ctx, pack, sha256);
  } catch (const std::exception&) {
    BundleReadResult res;
    res.sha256 = DigestOf(bytes, sha256);
    res.error = "数据包结构有误，无法读取";
    return res;
  }
#endif
}

namespace {
BundleReadResult ReadBundleChecked(const std::string& bytes, const FormLibrary& forms, const ValidationContext& ctx,
                                   bool pack, std::string_view sha256) {
  BundleReadResult res;
  if (bytes.size() > kMaxBundleBytes) {
    Fail(res, TooLargeMessage(static_cast<double>(bytes.size())));
    return res;
  }
  res.sha256 = DigestOf(bytes, sha256);
  if (bytes.empty()) return Fail(res, "文件是空的"), res;
  // The parser rejects ill-formed UTF-8 and lone surrogates itself: the encoding is looked at
  // only to say why a file was not read (one pass less over 50 MB).
  RecordsDocument read;
  ValueChecks checks(forms, ctx, pack);
  if (!ReadRecordsDocument(bytes, read, kMaxJsonDepth,
                           [&](Record& r, size_t i, std::string_view text) { checks.Take(r, i, text); })) {
    if (!utf8::IsValid(bytes))
      return Fail(res, "文件不是 UTF-8 编码的文本（可能已损坏，或不是 LearnWeek 数据包）"), res;
    if (read.too_deep) return Fail(res, "文件结构嵌套过深，不是有效的数据包"), res;
    return Fail(res, "文件内容不完整或不是有效的 JSON（可能下载或传输时被截断）"), res;
  }
  const json& j = read.doc;
  std::vector<Record>& parsed_records = read.records;
  const std::string& record_error = read.record_error;  // why record number parsed_records.size() + 1 is not one
  const bool non_object_record = read.non_object_record;
  if (!j.is_object() || StringAt(j, "format") != "learnweek-bundle") return Fail(res, "这不是 LearnWeek 数据包"), res;
  if (!j.contains("formatVersion") || !j["formatVersion"].is_number_integer())
    return Fail(res, "数据包缺少格式版本"), res;
  const int version = j["formatVersion"].get<int>();
  if (version > kBundleFormatVersion)
    return Fail(res, "数据包由较新版本的 LearnWeek 生成（格式版本 " + std::to_string(version) + "），请先更新本程序"),
           res;
  if (version < 1) return Fail(res, "数据包格式版本无效"), res;
  for (const char* key : {"created", "campaign", "kind"})
    if (!j.contains(key) || !j[key].is_string()) return Fail(res, std::string("数据包缺少“") + key + "”"), res;
  if (!j.contains("issuer") || !j["issuer"].is_object()) return Fail(res, "数据包缺少报送单位信息"), res;
  if (!j.contains("records") || !j["records"].is_array()) return Fail(res, "数据包缺少记录列表"), res;
  if (!j.contains("photos") || !j["photos"].is_array()) return Fail(res, "数据包缺少照片列表"), res;

  Bundle b;
  b.kind = j["kind"].get<std::string>();
  if (b.kind != "submission" && b.kind != "backup") return Fail(res, "未知的数据包类型“" + b.kind + "”"), res;
  b.app_version = StringAt(j, "appVersion");
  b.created = j["created"].get<std::string>();
  b.campaign = j["campaign"].get<std::string>();
  b.issuer = j["issuer"];
  if (j.contains("profile")) b.profile = j["profile"];
  if (j.contains("settings")) b.settings = j["settings"];
  const SignatureCheck sig = CheckSignature(bytes, j.contains("signature") ? j["signature"] : json());
  if (sig.present && !sig.valid) return Fail(res, sig.error), res;
  b.signer_key = sig.public_key;
  std::string where;
  if (AnyMarkup(b.issuer, &where, "issuer"))
    return Fail(res, "报送单位信息中含有网页代码或脚本（" + where + "），已拒绝"), res;
  if (j.contains("routes"))
    if (const std::string why = RoutesFromJson(j["routes"], b.routes); !why.empty()) return Fail(res, why), res;
  if (j.contains("packages"))
    if (const std::string why = PackagesFromJson(j["packages"], b.packages); !why.empty()) return Fail(res, why), res;
  std::vector<PackageRef> missing;
  for (const PackageRef& p : b.packages)
    if (!HasPackage(forms, p)) missing.push_back(p);
  // Which package each form came from, by the bundle's own forms table: a record whose form this
  // device lacks (or has older) names the package to open, not just "update the app".
  const auto needed_for = [&](const std::string& form_id) -> const PackageRef* {
    std::string package;
    if (j.contains("forms") && j["forms"].is_array())
      for (const json& f : j["forms"])
        if (StringAt(f, "id") == form_id) package = StringAt(f, "package");
    for (const PackageRef& p : missing)
      if (p.id == package || package.empty()) return &p;  // unnamed: the first one missing
    return nullptr;
  };

  if (non_object_record) return Fail(res, "数据包中有不是对象的记录"), res;
  const Origin issuer_origin{StringAt(b.issuer, "unit"), StringAt(b.issuer, "region"), {}};
  UuidsSeen uuids(parsed_records);
  for (size_t i = 0; i <= parsed_records.size(); ++i) {
    const auto at = [i] { return "第 " + std::to_string(i + 1) + " 条记录"; };  // only for a refusal
    if (i == parsed_records.size()) {
      if (!record_error.empty()) return Fail(res, at() + "：" + record_error), res;
      break;
    }
    Record& r = parsed_records[i];
    if (r.via >= static_cast<int>(b.routes.size())) return Fail(res, at() + "：转报路径（via）指向不存在的数据包"), res;
    if (uuids.Repeated(i)) return Fail(res, at() + "：编号（UUID）重复 " + r.uuid), res;
    const FormDef* form = forms.Find(r.form);
    if (!form || r.form_version > form->version)
      if (const PackageRef* need = needed_for(r.form)) return Fail(res, PackageNeeded(*need, forms)), res;
    if (!form) return Fail(res, at() + "：本机没有表单“" + r.form + "”，请先更新 LearnWeek"), res;
    if (r.form_version > form->version)
      return Fail(res, at() + "：“" + form->short_title + "”的表单版本比本机新，请先更新 LearnWeek"), res;
    if (i == checks.shape_at) return Fail(res, at() + checks.shape_error), res;
    if (LooksLikeMarkup(r.origin.unit) || LooksLikeMarkup(r.origin.region) || LooksLikeMarkup(r.origin.device))
      return Fail(res, at() + "的来源信息中含有网页代码或脚本，已拒绝"), res;
    if (r.origin.empty()) r.origin = issuer_origin;
    if (b.kind != "submission")
      r.status.clear();
    else if (i == checks.rule_at)
      return Fail(res, at() + checks.rule_error + "。数据包未导入，请报送单位改正后重新导出"), res;
  }
  b.records = std::move(parsed_records);

  std::set<std::string> hashes;
  for (size_t i = 0; i < j["photos"].size(); ++i) {
    const json& p = j["photos"][i];
    const std::string at = "第 " + std::to_string(i + 1) + " 张照片";
    if (!p.is_object() || StringAt(p, "sha256").empty() || !p.contains("data") || !p["data"].is_string() ||
        StringAt(p, "mime").empty() || !p.contains("size") || !p["size"].is_number_unsigned())
      return Fail(res, at + "：信息不完整"), res;
    Photo ph{p["sha256"].get<std::string>(), p["mime"].get<std::string>(), {}};
    if (!kPhotoMimes.count(ph.mime)) return Fail(res, at + "：不支持的图片类型 " + ph.mime), res;
    if (p["size"].get<size_t>() > kMaxPhotoBytes) return Fail(res, at + "：超过 20 MB"), res;
    auto data = Base64Decode(p["data"].get<std::string>());
    if (!data) return Fail(res, at + "：数据已损坏（base64 无效）"), res;
    if (data->size() != p["size"].get<size_t>()) return Fail(res, at + "：大小与记录不符，文件可能不完整"), res;
    if (Sha256Hex(*data) != ph.sha256) return Fail(res, at + "：校验值（SHA-256）不符，数据已被改动或损坏"), res;
    ph.bytes = std::move(*data);
    hashes.insert(ph.sha256);
    b.photos.push_back(std::move(ph));
  }
  for (const std::string& h : checks.photos)
    if (!hashes.count(h)) return Fail(res, "记录引用的照片 " + h.substr(0, 12) + "… 不在数据包中，数据包不完整"), res;
  res.bundle = std::move(b);
  res.missing_packages = std::move(missing);
  return res;
}
}  // namespace

}  // namespace lw
