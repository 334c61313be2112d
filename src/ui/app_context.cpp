// app_context.cpp — see app_context.h.
#include "app_context.h"

#include "platform.h"
#include "source_records.h"

namespace lw::ui {

void AppContext::Edited(const std::string& uuid) {
  ws.Touch(uuid, now_ms);
  Changed();
  ++edit_serial_[uuid];
  if (ws.settings.backup_done) {  // the last backup no longer holds everything
    ws.settings.backup_done = false;
    ws.TouchSettings(now_ms);
  }
  if (auto due = ws.NextDeadline()) platform::ScheduleFlush(*due - now_ms);
}

std::vector<SourceRecord> AppContext::AllRecords() {
  return CollectRecords(ws.drafts, ws.profile.values, imports,
                        [&](const Record& r) { return StatusOf(r) == DraftStatus::Draft; });
}

void AppContext::SettingsChanged() {
  ws.TouchSettings(now_ms);
  theme_dirty = true;
  if (auto due = ws.NextDeadline()) platform::ScheduleFlush(*due - now_ms);
}

void AppContext::Go(Screen s, std::string uuid) {
  screen = s;
  open_uuid = std::move(uuid);
}

const Campaign* AppContext::campaign() const {
  if (const Campaign* c = campaigns.Find(ws.settings.campaign)) return c;
  return campaigns.campaigns.empty() ? nullptr : &campaigns.campaigns.front();
}

const Issuer* AppContext::issuer() const {
  const Campaign* c = campaign();
  if (!c) return nullptr;
  if (const Issuer* i = c->FindIssuer(ws.settings.issuer)) return i;
  return c->issuers.empty() ? nullptr : &c->issuers.front();
}

void AppContext::LibrariesChanged() {
  effective_.clear();
  status_cache_.clear();
  Changed();
}

const FormDef* AppContext::EffectiveForm(const std::string& form_id) {
  const FormDef* base = forms.Find(form_id);
  const Issuer* is = issuer();
  if (!base || !is) return base;
  const std::string key = (campaign() ? campaign()->id : "") + "/" + is->id + "/" + form_id;
  auto it = effective_.find(key);
  if (it != effective_.end()) return &it->second;
  return &effective_.emplace(key, FormForIssuer(*base, *is)).first->second;
}

ValidationContext AppContext::Validation() const {
  ValidationContext v;
  v.regions = &regions;
  if (const Campaign* c = campaign()) v.window = c->WindowFor(issuer());
  return v;
}

ValidationContext AppContext::ImportValidation() const {
  ValidationContext v;
  v.regions = &regions;
  return v;
}

std::vector<Issue> AppContext::IssuesOf(const Record& r) {
  const FormDef* f = EffectiveForm(r.form);
  if (!f) return {};
  if (!r.packed.empty()) return ValidateRecord(*f, r.Values().ToJson(), Validation());  // a forwarded import
  return ValidateRecord(*f, r.values, Validation());
}

DraftStatus AppContext::StatusOf(const Record& r) {
  StatusCache& c = status_cache_[r.uuid];
  const std::string issuer_key = (campaign() ? campaign()->id : "") + "/" + (issuer() ? issuer()->id : "");
  const unsigned serial = edit_serial_[r.uuid];
  if (c.serial == serial && c.exported == r.exported && c.updated == r.updated && c.issuer == issuer_key)
    return c.status;
  c = {serial, r.exported, r.updated, issuer_key, DraftStatus::Draft};
  const bool valid = EffectiveForm(r.form) && IssuesOf(r).empty();
  return c.status = StatusOfDraft(r, valid, ws.HasPendingFor(r.uuid));
}

std::string AppContext::TitleOf(const Record& r) const {
  const std::string title = RecordTitle(r);
  return title.empty() ? "（未命名）" : title;
}

const std::vector<PastWinner>& AppContext::PastWinners() {
  if (past_winners_version_ == data_version) return past_winners_;
  past_winners_version_ = data_version;
  std::string bytes;
  past_winners_ =
      ws.store().Read(kPastWinnersFile, bytes) ? ReadPastWinners(bytes, regions).winners : std::vector<PastWinner>{};
  return past_winners_;
}

void AppContext::KeepChosenList(const std::string& name, const std::string& bytes, const char* file,
                                const std::string& what, const std::string& error, const std::string& summary) {
  if (!error.empty()) {
    Toast("“" + name + "”无法作为" + what + "：" + error, true);
    return;
  }
  if (!ws.store().WriteAtomic(file, bytes)) {
    Toast(what + "无法保存（磁盘空间不足？）", true);
    return;
  }
  if (ws.on_written) ws.on_written();
  Changed();
  Toast("已导入" + what + "：" + summary);
}

void AppContext::Toast(std::string text, bool error) {
  toast = std::move(text);
  toast_error = error;
  toast_until = now_ms + 5000;
  undo_uuid.clear();
  platform::RequestRedraw();
}

}  // namespace lw::ui
