// import_store.cpp — see import_store.h.
#include "import_store.h"

#include <algorithm>

namespace lw {

using nlohmann::json;

namespace {
constexpr const char* kDir = "imports";
constexpr const char* kResolutions = "resolutions.json";  // the user's choices in conflicts

std::string TitleOf(const Record& r) {
  for (const char* key : {"name", "title", "unit", "organizer"})
    if (r.values.contains(key) && r.values[key].is_string()) return r.values[key].get<std::string>();
  return {};
}

json ProvJson(const Provenance& p) {
  return {{"file", p.file_name}, {"sha256", p.sha256}, {"unit", p.unit},         {"region", p.region},
          {"created", p.created}, {"imported", p.imported}, {"campaign", p.campaign}};
}
}  // namespace

const char* MergeActionName(MergeAction a) {
  switch (a) {
    case MergeAction::Added: return "新增";
    case MergeAction::Updated: return "更新";
    case MergeAction::Unchanged: return "无变化";
    case MergeAction::KeptNewer: return "保留较新";
    case MergeAction::Conflict: return "冲突";
  }
  return "";
}

int ImportPlan::Count(MergeAction a) const { return counts[static_cast<int>(a)]; }

void ImportPlan::Add(MergeItem item) {
  ++counts[static_cast<int>(item.action)];
  if (items.size() < kMaxItems) items.push_back(std::move(item));
}

std::string ImportPlan::Summary() const {
  if (!refused.empty()) return "已拒绝：" + refused;
  if (already_imported) return "此数据包已导入过，没有变化";
  std::string s;
  for (MergeAction a : {MergeAction::Added, MergeAction::Updated, MergeAction::Unchanged, MergeAction::KeptNewer,
                        MergeAction::Conflict}) {
    const int n = Count(a);
    if (!n) continue;
    if (!s.empty()) s += "，";
    s += std::string(MergeActionName(a)) + " " + std::to_string(n) + " 条";
  }
  return s.empty() ? "数据包中没有记录" : s;
}

void ImportStore::Load() {
  stored_.clear();
  resolved_.clear();
  std::string text;
  if (ws_.store().Read(std::string(kDir) + "/" + kResolutions, text)) {
    const json j = json::parse(text, nullptr, false);
    if (j.is_object())
      for (const auto& [uuid, rj] : j.items()) {
        Record r;
        if (Record::FromJson(rj, r)) resolved_[uuid] = r;
      }
  }
  for (const std::string& name : ws_.store().List(kDir)) {
    if (name == kResolutions || !ws_.store().Read(std::string(kDir) + "/" + name, text)) continue;
    json j = json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.contains("provenance") || !j.contains("records")) continue;
    Stored s;
    const json& p = j["provenance"];
    s.prov = {StringAt(p, "file"), StringAt(p, "sha256"), StringAt(p, "unit"), StringAt(p, "region"),
              StringAt(p, "created"), StringAt(p, "imported"), StringAt(p, "campaign")};
    for (json& rj : j["records"]) {
      Record r;
      if (Record::FromJson(std::move(rj), r)) s.records.push_back(std::move(r));
    }
    s.prov.records = s.records.size();
    stored_.push_back(std::move(s));
  }
  std::sort(stored_.begin(), stored_.end(), [](const Stored& a, const Stored& b) { return a.prov.imported < b.prov.imported; });
  Rebuild();
}

void ImportStore::Rebuild() {
  std::map<std::string, const Record*> best;
  std::unordered_map<std::string, size_t> source;
  conflicts_.clear();
  for (size_t k = 0; k < stored_.size(); ++k) {
    const Stored& s = stored_[k];
    for (const Record& r : s.records) {
      auto it = best.find(r.uuid);
      if (it == best.end() || r.revision > it->second->revision) {
        best[r.uuid] = &r;
        source[r.uuid] = k;
      } else if (r.revision == it->second->revision && r.values != it->second->values && !resolved_.count(r.uuid)) {
        conflicts_.push_back({*it->second, r, s.prov.sha256});
      }
    }
  }
  merged_.clear();
  index_.clear();
  merged_.reserve(best.size());
  for (const auto& [uuid, r] : best) {
    index_[uuid] = merged_.size();
    const auto chosen = resolved_.find(uuid);
    merged_.push_back(chosen != resolved_.end() ? &chosen->second : r);
  }
  source_ = std::move(source);
  bundles_.clear();
  for (const Stored& s : stored_) bundles_.push_back(s.prov);
}

const Record* ImportStore::Existing(const std::string& uuid) const {
  if (const Record* local = const_cast<Workspace&>(ws_).FindDraft(uuid)) return local;
  const auto it = index_.find(uuid);
  return it == index_.end() ? nullptr : merged_[it->second];
}

const Provenance* ImportStore::SourceOf(const std::string& uuid) const {
  const auto it = source_.find(uuid);
  return it == source_.end() || it->second >= bundles_.size() ? nullptr : &bundles_[it->second];
}

ImportPlan ImportStore::Plan(const std::string& file_name, const std::string& bytes, const FormLibrary& forms) const {
  return PlanRead(file_name, ReadBundle(bytes, forms));
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
  plan.already_imported = std::any_of(stored_.begin(), stored_.end(), [&](const Stored& s) { return s.prov.sha256 == res.sha256; });
  for (const Record& r : res.bundle->records) {
    MergeItem item{r.uuid, r.form, TitleOf(r), MergeAction::Added, r.revision, 0};
    if (const Record* e = Existing(r.uuid)) {
      item.existing_revision = e->revision;
      if (r.revision > e->revision) item.action = MergeAction::Updated;
      else if (r.revision < e->revision) item.action = MergeAction::KeptNewer;
      else item.action = r.values == e->values ? MergeAction::Unchanged : MergeAction::Conflict;
    }
    if (plan.already_imported) item.action = MergeAction::Unchanged;
    plan.Add(std::move(item));
  }
  return plan;
}

bool ImportStore::Write(const Stored& s) {
  // Streamed record by record: 100,000 records are never held a second time as one JSON text.
  const auto write = [&](const FileStore::Put& put) {
    if (!put("{\"provenance\":" + ProvJson(s.prov).dump() + ",\"records\":[")) return false;
    for (size_t i = 0; i < s.records.size(); ++i)
      if (!put((i ? "," : "") + s.records[i].Dump())) return false;
    return put("]}");
  };
  std::string err;
  const bool ok = ws_.store().WriteAtomicStreamed(std::string(kDir) + "/" + s.prov.sha256 + ".json", write, &err);
  if (ok && ws_.on_written) ws_.on_written();
  return ok;
}

ImportPlan ImportStore::Import(const std::string& file_name, const std::string& bytes, const FormLibrary& forms) {
  BundleReadResult res = ReadBundle(bytes, forms);
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
            b.records.size()};
  // A newer version of one of this device's own drafts updates that draft.
  for (const Record& r : b.records)
    if (const Record* local = ws_.FindDraft(r.uuid); local && r.revision > local->revision) ws_.PutRecord(r);
  s.records = std::move(b.records);
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
  resolved_[c.existing.uuid] = take_incoming ? c.incoming : c.existing;
  json j = json::object();
  for (const auto& [uuid, r] : resolved_) j[uuid] = r.ToJson();
  if (ws_.store().WriteAtomic(std::string(kDir) + "/" + kResolutions, j.dump()) && ws_.on_written) ws_.on_written();
  Rebuild();
}

}  // namespace lw
