// import_store.cpp — see import_store.h.
#include "import_store.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "records_reader.h"
#include "sha256.h"
#include "signature.h"

namespace lw {

using nlohmann::json;

namespace {
constexpr const char* kDir = "imports";
constexpr const char* kResolutions = "resolutions.json";  // the user's choices in conflicts
constexpr const char* kDismissed = "dismissed.json";      // suggestions the user is done with
constexpr const char* kKeys = "keys.json";                // each unit's pinned signing key

std::string PinName(const std::string& unit, const std::string& region) { return unit + "|" + region; }

// Why a bundle's signature does not match what this desk knows of its unit ("" when it does).
std::string KeyWarning(const std::string& unit, const std::string& pinned, const std::string& key) {
  if (pinned.empty() || key == pinned) return {};
  const std::string who = unit.empty() ? "（未填单位）" : unit;
  if (key.empty())
    return "警告：" + who + " 以前的数据包都有签名（密钥指纹 " + pinned + "），这个没有签名。请先向报送单位核实。";
  return "警告：签名密钥与 " + who + " 以前使用的不同（以前 " + pinned + "，这次 " + key +
         "）。可能是他人冒名制作，也可能是对方换了电脑，请先电话核实。";
}

json ProvJson(const Provenance& p) {
  return {{"file", p.file_name},    {"sha256", p.sha256},   {"unit", p.unit},
          {"region", p.region},     {"created", p.created}, {"imported", p.imported},
          {"campaign", p.campaign}, {"key", p.key},         {"warning", p.warning}};
}
}  // namespace

const char* MergeActionName(MergeAction a) {
  switch (a) {
    case MergeAction::Added:
      return "新增";
    case MergeAction::Updated:
      return "更新";
    case MergeAction::Unchanged:
      return "无变化";
    case MergeAction::KeptNewer:
      return "保留较新";
    case MergeAction::Conflict:
      return "冲突";
    case MergeAction::Suggested:
      return "本机记录的修改建议";
  }
  return "";
}

int ImportPlan::Count(MergeAction a) const { return counts[static_cast<int>(a)]; }

void ImportPlan::Add(MergeItem item) {
  Tally(item.action);
  if (items.size() < kMaxItems) items.push_back(std::move(item));
}

std::string ImportPlan::Summary() const {
  if (!refused.empty()) return "已拒绝：" + refused;
  if (already_imported) return "此数据包已导入过，没有变化";
  std::string s;
  for (MergeAction a : {MergeAction::Added, MergeAction::Updated, MergeAction::Unchanged, MergeAction::KeptNewer,
                        MergeAction::Conflict, MergeAction::Suggested}) {
    const int n = Count(a);
    if (!n) continue;
    if (!s.empty()) s += "，";
    s += std::string(MergeActionName(a)) + " " + std::to_string(n) + " 条";
  }
  return s.empty() ? "数据包中没有记录" : s;
}

std::string ImportStore::Fingerprint(const Record& r) {
  return Sha256Hex(r.origin.ToJson().dump() + "#" + std::to_string(r.revision) + "#" + r.ValuesText());
}

void ImportStore::Load() {
  stored_.clear();
  decisions_.clear();
  dismissed_.clear();
  std::string text;
  if (ws_.store().Read(std::string(kDir) + "/" + kResolutions, text)) {
    const json j = json::parse(text, nullptr, false);
    if (j.is_object())
      for (const auto& [uuid, d] : j.items()) {
        Decision dec;
        if (d.contains("uuid") && d.contains("values")) {  // an older app kept the chosen record itself
          dec.legacy = d["values"];
        } else {
          dec.chosen = StringAt(d, "chosen");
          if (d.contains("origin")) Origin::FromJson(d["origin"], dec.origin);
          if (d.contains("decided") && d["decided"].is_array())
            for (const json& f : d["decided"])
              if (f.is_string()) dec.decided.insert(f.get<std::string>());
        }
        decisions_[uuid] = std::move(dec);
      }
  }
  pins_.clear();
  if (ws_.store().Read(std::string(kDir) + "/" + kKeys, text)) {
    const json j = json::parse(text, nullptr, false);
    if (j.is_object())
      for (const auto& [unit, key] : j.items())
        if (key.is_string()) pins_[unit] = key.get<std::string>();
  }
  if (ws_.store().Read(std::string(kDir) + "/" + kDismissed, text)) {
    const json j = json::parse(text, nullptr, false);
    if (j.is_array())
      for (const json& f : j)
        if (f.is_string()) dismissed_.insert(f.get<std::string>());
  }
  for (const std::string& name : ws_.store().List(kDir)) {
    if (name == kResolutions || name == kDismissed || name == kKeys ||
        !ws_.store().Read(std::string(kDir) + "/" + name, text))
      continue;
    // Read as a bundle is: record by record, each packed at once (a 100,000-record import must
    // not be held as a document when the app starts).
    RecordsDocument read;
    if (!ReadRecordsDocument(text, read, kMaxJsonDepth,
                             [](Record& r, size_t, std::string_view text) { r.PackFrom(text); }))
      continue;
    text.clear();
    const json& j = read.doc;
    if (!j.is_object() || !j.contains("provenance") || !j.contains("records")) continue;
    Stored s;
    const json& p = j["provenance"];
    s.prov = {StringAt(p, "file"),    StringAt(p, "sha256"),   StringAt(p, "unit"),     StringAt(p, "region"),
              StringAt(p, "created"), StringAt(p, "imported"), StringAt(p, "campaign"), 0,
              StringAt(p, "key"),     StringAt(p, "warning")};
    if (j.contains("routes") && !RoutesFromJson(j["routes"], s.routes).empty()) s.routes.clear();
    for (Record& r : read.records) {
      if (r.via >= static_cast<int>(s.routes.size())) r.via = -1;
      if (r.origin.empty()) r.origin = {s.prov.unit, s.prov.region, {}};  // imported before origins
      s.records.push_back(std::move(r));
    }
    s.prov.records = s.records.size();
    stored_.push_back(std::move(s));
  }
  std::sort(stored_.begin(), stored_.end(),
            [](const Stored& a, const Stored& b) { return a.prov.imported < b.prov.imported; });
  Rebuild();
}

const ImportStore::Version* ImportStore::Merge(const std::string& uuid, const std::vector<Version>& versions) {
  // Per origin, its highest revision (one origin's differing edits of that revision all kept).
  std::vector<const Version*> tops;
  for (const Version& v : versions) {
    const auto same = [&](const Version* t) { return SameOrigin(*t->record, *v.record); };
    const auto first = std::find_if(tops.begin(), tops.end(), same);
    if (first == tops.end()) {
      tops.push_back(&v);
    } else if (v.record->revision > (*first)->record->revision) {
      *first = &v;  // in place: the origin keeps the position its first version had
      tops.erase(std::remove_if(first + 1, tops.end(), same), tops.end());
    } else if (v.record->revision == (*first)->record->revision &&
               std::none_of(tops.begin(), tops.end(),
                            [&](const Version* t) { return same(t) && SameValues(*t->record, *v.record); })) {
      tops.push_back(&v);  // the same version by a second path is not pushed: it counts once
    }
  }
  if (tops.size() == 1) return tops[0];
  const Version* winner = tops[0];  // the version that arrived first stays until the user decides
  const auto d = decisions_.find(uuid);
  const Decision* dec = d == decisions_.end() ? nullptr : &d->second;
  if (dec) {
    const auto chosen = std::find_if(tops.begin(), tops.end(), [&](const Version* t) {
      return dec->legacy.is_null() ? Fingerprint(*t->record) == dec->chosen
                                   : t->record->Values().ToJson() == dec->legacy;
    });
    const auto follows =
        std::find_if(tops.begin(), tops.end(), [&](const Version* t) { return t->record->origin == dec->origin; });
    if (chosen != tops.end())
      winner = *chosen;
    else if (dec->legacy.is_null() && follows != tops.end())
      winner = *follows;
  }
  for (const Version* t : tops) {
    if (t == winner) continue;
    if (dec && (!dec->legacy.is_null() || dec->decided.count(Fingerprint(*t->record)))) continue;
    Conflict& c = conflicts_.emplace_back(Conflict{*winner->record, *t->record, stored_[t->bundle].prov.sha256});
    c.existing.Unpack();  // shown field by field
    c.incoming.Unpack();
  }
  return winner;
}

void ImportStore::Rebuild() {
  // Every stored version ordered by UUID, then import order (bundle, place in it): the versions
  // of one UUID lie side by side, and merged_ comes out sorted for lookups. A bundle's records
  // are sorted already (WriteBundle), so one bundle needs no sort.
  std::vector<Version> all;
  size_t total = 0;
  for (const Stored& s : stored_) total += s.records.size();
  all.reserve(total);
  for (size_t k = 0; k < stored_.size(); ++k)
    for (const Record& r : stored_[k].records) all.push_back({&r, k});
  const auto before = [](const Version& a, const Version& b) {
    if (const int c = a.record->uuid.compare(b.record->uuid)) return c < 0;
    return a.bundle != b.bundle ? a.bundle < b.bundle : a.record < b.record;
  };
  if (!std::is_sorted(all.begin(), all.end(), before)) std::sort(all.begin(), all.end(), before);
  std::unordered_set<std::string_view> own;
  for (const Record& r : ws_.drafts) own.insert(r.uuid);
  conflicts_.clear();
  suggestions_.clear();
  merged_.clear();
  merged_bundle_.clear();
  for (auto run = all.begin(); run != all.end();) {
    const std::string& uuid = run->record->uuid;
    const auto end = std::find_if(run + 1, all.end(), [&](const Version& v) { return v.record->uuid != uuid; });
    if (!own.empty() && own.count(uuid)) {
      Suggest(*ws_.FindDraft(uuid), {run, end});
    } else {  // the common case: one version, nothing to decide
      const Version best = end - run == 1 ? *run : *Merge(uuid, {run, end});
      merged_.push_back(best.record);
      merged_bundle_.push_back(best.bundle);
    }
    run = end;
  }
  merged_.shrink_to_fit();
  merged_bundle_.shrink_to_fit();
  bundles_.clear();
  for (const Stored& s : stored_) bundles_.push_back(s.prov);
}

void ImportStore::Suggest(const Record& local, const std::vector<Version>& versions) {
  std::set<std::string> seen;
  for (const Version& v : versions) {
    const std::string fp = Fingerprint(*v.record);
    if (SameValues(*v.record, local) || dismissed_.count(fp) || !seen.insert(fp).second) continue;
    suggestions_.push_back({*v.record, stored_[v.bundle].prov.sha256, stored_[v.bundle].prov.unit});
    suggestions_.back().incoming.Unpack();  // taken over field by field
  }
}

std::string ImportStore::PinnedKey(const std::string& unit, const std::string& region) const {
  const auto it = pins_.find(PinName(unit, region));
  return it == pins_.end() ? std::string() : it->second;
}

size_t ImportStore::Find(std::string_view uuid) const {
  const auto it = std::lower_bound(merged_.begin(), merged_.end(), uuid,
                                   [](const Record* r, std::string_view u) { return r->uuid < u; });
  return it != merged_.end() && (*it)->uuid == uuid ? static_cast<size_t>(it - merged_.begin()) : merged_.size();
}

const Record* ImportStore::Existing(const std::string& uuid) const {
  const size_t i = Find(uuid);
  return i < merged_.size() ? merged_[i] : nullptr;
}

const Provenance* ImportStore::SourceOf(const std::string& uuid) const {
  const size_t i = Find(uuid);
  return i < merged_.size() && merged_bundle_[i] < bundles_.size() ? &bundles_[merged_bundle_[i]] : nullptr;
}

const std::vector<Route>* ImportStore::RoutesOf(const std::string& uuid) const {
  const size_t i = Find(uuid);
  return i < merged_.size() && merged_bundle_[i] < stored_.size() ? &stored_[merged_bundle_[i]].routes : nullptr;
}

ImportPlan ImportStore::Plan(const std::string& file_name, const std::string& bytes, const FormLibrary& forms,
                             const ValidationContext& ctx, std::string_view sha256) const {
  return PlanRead(file_name, ReadBundle(bytes, forms, ctx, RecordValues::Packed, sha256));
}

ImportPlan ImportStore::PlanRead(const std::string& file_name, const BundleReadResult& res) const {
  ImportPlan plan;
  plan.file_name = file_name;
  plan.sha256 = res.sha256;
  if (!res.bundle) {
    plan.refused = res.error;
    return plan;
  }
  if (res.bundle->kind == "backup") {
    plan.refused = "这是备份文件，请在“设置 → 从备份文件恢复”中使用";
    return plan;
  }
  plan.already_imported =
      std::any_of(stored_.begin(), stored_.end(), [&](const Stored& s) { return s.prov.sha256 == res.sha256; });
  const Bundle& b = *res.bundle;
  plan.key = b.signer_key.empty() ? std::string() : KeyFingerprint(b.signer_key);
  plan.warning = KeyWarning(StringAt(b.issuer, "unit"),
                            PinnedKey(StringAt(b.issuer, "unit"), StringAt(b.issuer, "region")), plan.key);
  std::unordered_map<std::string_view, const Record*> own;  // one look-up per record, not a walk over the drafts
  for (const Record& d : ws_.drafts) own.emplace(d.uuid, &d);
  for (const Record& r : res.bundle->records) {
    MergeItem item{{}, {}, {}, MergeAction::Added, r.revision, 0};
    const auto mine = own.empty() ? own.end() : own.find(r.uuid);
    if (const Record* local = mine == own.end() ? nullptr : mine->second) {
      item.existing_revision = local->revision;
      item.action = SameValues(r, *local) ? MergeAction::Unchanged : MergeAction::Suggested;
    } else if (const Record* e = Existing(r.uuid)) {
      item.existing_revision = e->revision;
      if (!SameOrigin(r, *e))
        item.action = MergeAction::Conflict;
      else if (r.revision > e->revision)
        item.action = MergeAction::Updated;
      else if (r.revision < e->revision)
        item.action = MergeAction::KeptNewer;
      else
        item.action = SameValues(r, *e) ? MergeAction::Unchanged : MergeAction::Conflict;
    }
    if (plan.already_imported) item.action = MergeAction::Unchanged;
    if (plan.Full()) {
      plan.Tally(item.action);
      continue;
    }
    item.uuid = r.uuid, item.form = r.form, item.title = RecordTitle(r);
    plan.Add(std::move(item));
  }
  return plan;
}

bool ImportStore::Write(const Stored& s) {
  // Streamed in chunks of about kChunk bytes: 100,000 records are never held a second time as
  // one JSON text, and the file system is not called once per record.
  constexpr size_t kChunk = 1 << 20;
  const auto write = [&](const FileStore::Put& put) {
    std::string chunk = "{\"provenance\":" + ProvJson(s.prov).dump() + ",\"routes\":" + RoutesToJson(s.routes).dump() +
                        ",\"records\":[";
    chunk.reserve(kChunk + 64 * 1024);
    for (size_t i = 0; i < s.records.size(); ++i) {
      if (i) chunk += ',';
      s.records[i].DumpTo(chunk);
      if (chunk.size() < kChunk) continue;
      if (!put(chunk)) return false;
      chunk.clear();
    }
    chunk += "]}";
    return put(chunk);
  };
  std::string err;
  const bool ok = ws_.store().WriteAtomicStreamed(std::string(kDir) + "/" + s.prov.sha256 + ".json", write, &err);
  if (ok && ws_.on_written) ws_.on_written();
  return ok;
}

ImportPlan ImportStore::Import(const std::string& file_name, const std::string& bytes, const FormLibrary& forms,
                               const ValidationContext& ctx, std::string_view sha256) {
  BundleReadResult res = ReadBundle(bytes, forms, ctx, RecordValues::Packed, sha256);
  ImportPlan plan = PlanRead(file_name, res);
  if (!plan.refused.empty() || plan.already_imported) return plan;
  Bundle& b = *res.bundle;
  // Photos first: a record is never stored without the pictures it refers to.
  for (const Photo& p : b.photos)
    if (ws_.AddPhoto(p.bytes).empty()) {
      plan.refused = "照片无法保存（磁盘空间不足？）" + ws_.last_error();
      plan.Clear();
      return plan;
    }
  Stored s;
  s.prov = {file_name,
            res.sha256,
            StringAt(b.issuer, "unit"),
            StringAt(b.issuer, "region"),
            b.created,
            NowIso(),
            b.campaign,
            b.records.size(),
            plan.key,
            plan.warning};
  // The first signed bundle of a unit pins its key: later ones are compared with it.
  const std::string pin = PinName(s.prov.unit, s.prov.region);
  if (!plan.key.empty() && !pins_.count(pin)) {
    pins_[pin] = plan.key;
    json keys = json::object();
    for (const auto& [unit, key] : pins_) keys[unit] = key;
    ws_.store().WriteAtomic(std::string(kDir) + "/" + kKeys, keys.dump());
  }
  s.records = std::move(b.records);
  s.routes = std::move(b.routes);
  if (!Write(s)) {
    plan.refused = "无法保存导入的数据（磁盘空间不足？）";
    plan.Clear();
    return plan;
  }
  stored_.push_back(std::move(s));
  Rebuild();
  return plan;
}

bool ImportStore::Remove(const std::string& sha256) {
  auto it = std::find_if(stored_.begin(), stored_.end(), [&](const Stored& s) { return s.prov.sha256 == sha256; });
  if (it == stored_.end()) return false;
  if (!ws_.store().Remove(std::string(kDir) + "/" + sha256 + ".json")) return false;
  stored_.erase(it);
  if (ws_.on_written) ws_.on_written();
  Rebuild();
  return true;
}

void ImportStore::Resolve(size_t index, bool take_incoming) {
  if (index >= conflicts_.size()) return;
  const Conflict& c = conflicts_[index];
  const Record& kept = take_incoming ? c.incoming : c.existing;
  Decision& d = decisions_[c.existing.uuid];
  d.legacy = nullptr;
  d.chosen = Fingerprint(kept);
  d.origin = kept.origin;
  d.decided.insert(Fingerprint(c.existing));
  d.decided.insert(Fingerprint(c.incoming));
  SaveDecisions();
  Rebuild();
}

void ImportStore::Dismiss(size_t index) {
  if (index >= suggestions_.size()) return;
  dismissed_.insert(Fingerprint(suggestions_[index].incoming));
  json j = json::array();
  for (const std::string& f : dismissed_) j.push_back(f);
  if (ws_.store().WriteAtomic(std::string(kDir) + "/" + kDismissed, j.dump()) && ws_.on_written) ws_.on_written();
  Rebuild();
}

void ImportStore::SaveDecisions() {
  json j = json::object();
  for (const auto& [uuid, d] : decisions_) {
    if (!d.legacy.is_null()) {
      j[uuid] = {{"uuid", uuid}, {"values", d.legacy}};
      continue;
    }
    j[uuid] = {{"chosen", d.chosen}, {"origin", d.origin.ToJson()}, {"decided", d.decided}};
  }
  if (ws_.store().WriteAtomic(std::string(kDir) + "/" + kResolutions, j.dump()) && ws_.on_written) ws_.on_written();
}

}  // namespace lw
