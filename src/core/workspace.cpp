// workspace.cpp — see workspace.h.
#include "workspace.h"

#include <algorithm>
#include <set>

#include "migrate.h"
#include "sha256.h"

namespace lw {

using nlohmann::json;

namespace {
constexpr const char* kSettingsFile = "settings.json";
constexpr const char* kProfileFile = "profile.json";
constexpr const char* kDraftDir = "drafts";
constexpr const char* kSettingsKey = "settings";
constexpr const char* kTrashDir = "trash";
constexpr const char* kPhotoDir = "photos";

std::string Dump(const json& j) { return j.dump(1, '\t', false, json::error_handler_t::replace); }
}  // namespace

bool Workspace::LoadRecordFile(const std::string& rel, Record& out) {
  std::string text;
  if (!store_.Read(rel, text)) return false;
  const json j = json::parse(text, nullptr, false);
  std::string why;
  if (!j.is_discarded() && Record::FromJson(j, out, &why)) return true;
  // Keep the bytes: a person may still recover them from a backup or by hand.
  store_.Rename(rel, rel + ".broken");
  load_warnings_.push_back("文件 " + rel + " 已损坏，已另存为 " + rel + ".broken");
  return false;
}

void Workspace::Load() {
  load_warnings_.clear();
  store_.CleanupTemporaries("");
  store_.CleanupTemporaries(kDraftDir);
  store_.CleanupTemporaries(kPhotoDir);
  std::string text;
  if (store_.Read(kSettingsFile, text)) settings = Settings::FromJson(json::parse(text, nullptr, false));
  if (!LoadRecordFile(kProfileFile, profile)) {
    profile = Record{};
    profile.uuid = NewUuid();
    profile.form = kProfileForm;
    profile.revision = 0;  // becomes 1 on the first save
    profile.created = profile.updated = NowIso();
  }
  if (settings.device_id.empty()) {  // made once per device, kept with the settings from now on
    settings.device_id = NewUuid();
    store_.WriteAtomic(kSettingsFile, Dump(settings.ToJson()));
  }
  drafts.clear();
  for (const std::string& name : store_.List(kDraftDir)) {
    if (name.size() < 6 || name.substr(name.size() - 5) != ".json") continue;
    Record r;
    if (!LoadRecordFile(std::string(kDraftDir) + "/" + name, r)) continue;
    // Drafts from before origins existed were made on this device: they become its own, once.
    if (r.origin.empty()) {
      r.origin = OwnOrigin();
      WriteNow(r, RelPathOf(r.uuid));
    }
    drafts.push_back(std::move(r));
  }
  std::sort(drafts.begin(), drafts.end(), [](const Record& a, const Record& b) { return a.created < b.created; });
}

void Workspace::Touch(const std::string& uuid, double now_ms) {
  auto [it, inserted] = pending_.try_emplace(uuid, Pending{now_ms, now_ms});
  it->second.last = now_ms;
}

void Workspace::TouchSettings(double now_ms) { Touch(kSettingsKey, now_ms); }

std::optional<double> Workspace::NextDeadline() const {
  std::optional<double> best;
  for (const auto& [key, p] : pending_) {
    const double due = std::min(p.last + kDebounceMs, p.first + kMaxDelayMs);
    if (!best || due < *best) best = due;
  }
  return best;
}

std::string Workspace::RelPathOf(const std::string& uuid) const {
  if (uuid == profile.uuid) return kProfileFile;
  return std::string(kDraftDir) + "/" + uuid + ".json";
}

bool Workspace::WriteRecord(Record& r, const std::string& rel) {
  Record next = r;
  next.revision = r.revision + 1;
  next.updated = NowIso();
  std::string err;
  if (!store_.WriteAtomic(rel, Dump(next.ToJson()), &err)) {
    last_error_ = err;
    return false;
  }
  r.revision = next.revision;
  r.updated = next.updated;
  return true;
}

int Workspace::Flush(double now_ms, bool force) {
  int written = 0;
  for (auto it = pending_.begin(); it != pending_.end();) {
    const Pending& p = it->second;
    const bool due = force || now_ms >= std::min(p.last + kDebounceMs, p.first + kMaxDelayMs);
    if (!due) {
      ++it;
      continue;
    }
    bool ok = true;
    if (it->first == kSettingsKey) {
      std::string err;
      ok = store_.WriteAtomic(kSettingsFile, Dump(settings.ToJson()), &err);
      if (!ok) last_error_ = err;
    } else if (Record* r = FindRecord(it->first)) {
      ok = WriteRecord(*r, RelPathOf(r->uuid));
    }
    if (!ok) {
      ++it;
      continue;
    }  // stays pending: retried on the next flush
    ++written;
    it = pending_.erase(it);
  }
  if (written > 0) {
    last_error_.clear();
    if (on_written) on_written();
  }
  return written;
}

bool Workspace::WriteNow(const Record& r, const std::string& rel) {
  std::string err;
  if (!store_.WriteAtomic(rel, Dump(r.ToJson()), &err)) {
    last_error_ = err;
    return false;
  }
  if (on_written) on_written();
  return true;
}

Record& Workspace::NewDraft(const FormDef& form) {
  Record r;
  r.uuid = NewUuid();
  r.form = form.id;
  r.form_version = form.version;
  r.created = r.updated = NowIso();
  r.origin = OwnOrigin();
  for (const FieldDef* f : form.AllFields()) {
    if (f->prefill.rfind("profile.", 0) != 0) continue;
    const std::string key = f->prefill.substr(8);
    if (profile.values.contains(key)) r.values[f->id] = profile.values[key];
  }
  WriteNow(r, RelPathOf(r.uuid));
  drafts.push_back(std::move(r));
  return drafts.back();
}

Record* Workspace::Duplicate(const std::string& uuid) {
  const Record* src = FindDraft(uuid);
  if (!src) return nullptr;
  Record r = *src;
  r.uuid = NewUuid();
  r.revision = 1;
  r.created = r.updated = NowIso();
  r.exported.clear();
  r.migrated = nullptr;
  r.origin = OwnOrigin();  // a copy is a new record of this device
  WriteNow(r, RelPathOf(r.uuid));
  drafts.push_back(std::move(r));
  return &drafts.back();
}

bool Workspace::Delete(const std::string& uuid) {
  auto it = std::find_if(drafts.begin(), drafts.end(), [&](const Record& r) { return r.uuid == uuid; });
  if (it == drafts.end()) return false;
  Flush(0, true);  // nothing pending may be written after the move
  if (!store_.Rename(RelPathOf(uuid), std::string(kTrashDir) + "/" + uuid + ".json")) return false;
  drafts.erase(it);
  if (on_written) on_written();
  return true;
}

bool Workspace::Restore(const std::string& uuid) {
  const std::string rel = std::string(kTrashDir) + "/" + uuid + ".json";
  Record r;
  if (!LoadRecordFile(rel, r) || !store_.Rename(rel, RelPathOf(uuid))) return false;
  drafts.push_back(std::move(r));
  if (on_written) on_written();
  return true;
}

std::vector<Record> Workspace::Trash() const {
  std::vector<Record> out;
  std::string text;
  for (const std::string& name : store_.List(kTrashDir)) {
    Record r;
    if (store_.Read(std::string(kTrashDir) + "/" + name, text)) {
      const json j = json::parse(text, nullptr, false);
      if (!j.is_discarded() && Record::FromJson(j, r)) out.push_back(std::move(r));
    }
  }
  return out;
}

int Workspace::MigrateDrafts(const FormLibrary& forms) {
  int n = 0;
  for (Record& r : drafts) {
    const FormDef* f = forms.Find(r.form);
    if (f && MigrateRecord(*f, r) && WriteNow(r, RelPathOf(r.uuid))) ++n;
  }
  return n;
}

void Workspace::MarkExported(const std::vector<std::string>& uuids) {
  const std::string now = NowIso();
  for (const std::string& u : uuids)
    if (Record* r = FindRecord(u)) {
      Flush(0, true);
      r->exported = now < r->updated ? r->updated : now;
      WriteNow(*r, RelPathOf(r->uuid));
    }
}

bool Workspace::PutRecord(const Record& incoming) {
  if (incoming.uuid == profile.uuid || incoming.form == kProfileForm) return false;
  pending_.erase(incoming.uuid);
  if (!WriteNow(incoming, RelPathOf(incoming.uuid))) return false;
  if (Record* r = FindDraft(incoming.uuid))
    *r = incoming;
  else
    drafts.push_back(incoming);
  return true;
}

Origin Workspace::OwnOrigin() const {
  return {StringAt(profile.values, "unit"), StringAt(profile.values, "region"), settings.device_id};
}

int Workspace::FillOrigins() {
  const Origin own = OwnOrigin();
  int n = 0;
  for (Record& r : drafts) {
    if (r.origin.device != own.device || (!r.origin.unit.empty() && !r.origin.region.empty())) continue;
    Flush(0, true);  // nothing pending may overwrite the filled-in origin
    if (r.origin.unit.empty()) r.origin.unit = own.unit;
    if (r.origin.region.empty()) r.origin.region = own.region;
    if (WriteNow(r, RelPathOf(r.uuid))) ++n;
  }
  return n;
}

void Workspace::ClearAll() {
  pending_.clear();
  for (const char* dir : {kDraftDir, kTrashDir, kPhotoDir, "imports"})
    for (const std::string& name : store_.List(dir)) store_.Remove(std::string(dir) + "/" + name);
  for (const char* file : {kSettingsFile, kProfileFile}) store_.Remove(file);
  Load();
  if (on_written) on_written();
}

std::string Workspace::AddPhoto(const std::string& bytes) {
  const std::string sha = Sha256Hex(bytes);
  const std::string rel = std::string(kPhotoDir) + "/" + sha;
  if (store_.Exists(rel)) return sha;
  std::string err;
  if (!store_.WriteAtomic(rel, bytes, &err)) {
    last_error_ = err;
    return {};
  }
  if (on_written) on_written();
  return sha;
}

bool Workspace::ReadPhoto(const std::string& sha256, std::string& out) const {
  return sha256.size() == 64 && store_.Read(std::string(kPhotoDir) + "/" + sha256, out);
}

int Workspace::CollectUnusedPhotos() {
  std::set<std::string> used;
  for (const Record& r : drafts) CollectPhotoRefs(r.Values(), used);
  for (const Record& r : Trash()) CollectPhotoRefs(r.Values(), used);
  int n = 0;
  for (const std::string& name : store_.List(kPhotoDir))
    if (!used.count(name) && store_.Remove(std::string(kPhotoDir) + "/" + name)) ++n;
  return n;
}

Record* Workspace::FindDraft(const std::string& uuid) {
  for (Record& r : drafts)
    if (r.uuid == uuid) return &r;
  return nullptr;
}

Record* Workspace::FindRecord(const std::string& uuid) {
  if (uuid == profile.uuid) return &profile;
  return FindDraft(uuid);
}

std::string Workspace::StoredStateJson() const {
  json state = json::object();
  std::string text;
  const auto stored = [&](const std::string& rel) {
    if (!store_.Read(rel, text)) return json();
    json j = json::parse(text, nullptr, false);
    return j.is_discarded() ? json() : j;
  };
  state["settings"] = stored(kSettingsFile);
  state["profile"] = stored(kProfileFile);
  json drafts_json = json::array();
  for (const std::string& name : store_.List(kDraftDir))
    if (name.size() > 5 && name.substr(name.size() - 5) == ".json")
      drafts_json.push_back(stored(std::string(kDraftDir) + "/" + name));
  state["drafts"] = drafts_json;
  return state.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace lw
