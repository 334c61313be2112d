// workspace.cpp — see workspace.h.
#include "workspace.h"

#include <algorithm>

namespace lw {

using nlohmann::json;

namespace {
constexpr const char* kSettingsFile = "settings.json";
constexpr const char* kProfileFile = "profile.json";
constexpr const char* kDraftDir = "drafts";
constexpr const char* kSettingsKey = "settings";

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
  std::string text;
  if (store_.Read(kSettingsFile, text)) settings = Settings::FromJson(json::parse(text, nullptr, false));
  if (!LoadRecordFile(kProfileFile, profile)) {
    profile = Record{};
    profile.uuid = NewUuid();
    profile.form = kProfileForm;
    profile.revision = 0;  // becomes 1 on the first save
    profile.created = profile.updated = NowIso();
  }
  drafts.clear();
  for (const std::string& name : store_.List(kDraftDir)) {
    if (name.size() < 6 || name.substr(name.size() - 5) != ".json") continue;
    Record r;
    if (LoadRecordFile(std::string(kDraftDir) + "/" + name, r)) drafts.push_back(std::move(r));
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
    if (!due) { ++it; continue; }
    bool ok = true;
    if (it->first == kSettingsKey) {
      std::string err;
      ok = store_.WriteAtomic(kSettingsFile, Dump(settings.ToJson()), &err);
      if (!ok) last_error_ = err;
    } else if (Record* r = FindRecord(it->first)) {
      ok = WriteRecord(*r, RelPathOf(r->uuid));
    }
    if (!ok) { ++it; continue; }  // stays pending: retried on the next flush
    ++written;
    it = pending_.erase(it);
  }
  if (written > 0) {
    last_error_.clear();
    if (on_written) on_written();
  }
  return written;
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
    if (name.size() > 5 && name.substr(name.size() - 5) == ".json") drafts_json.push_back(stored(std::string(kDraftDir) + "/" + name));
  state["drafts"] = drafts_json;
  return state.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace lw
