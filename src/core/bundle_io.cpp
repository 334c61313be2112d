// bundle_io.cpp — see bundle_io.h.
#include "bundle_io.h"

#include <algorithm>
#include <set>

namespace lw {

using nlohmann::json;

std::string ExportSummary::Refusal() const {
  if (!unit || !region) return "请先在“单位信息”中填写填报单位和所在地区，上级单位要靠它们识别数据包";
  if (records == 0) return "没有可导出的记录";
  return {};
}

ExportSummary SummarizeExport(const Workspace& ws, const std::vector<const Record*>& records, const FormLibrary& forms,
                              const IssuesOf& issues_of) {
  ExportSummary s;
  s.unit = !StringAt(ws.profile.values, "unit").empty();
  s.region = !StringAt(ws.profile.values, "region").empty();
  for (const Record* r : records) {
    const size_t issues = issues_of(*r).size();
    auto row = std::find_if(s.forms.begin(), s.forms.end(), [&](const auto& f) { return f.form == r->form; });
    if (row == s.forms.end()) {
      const FormDef* f = forms.Find(r->form);
      row = s.forms.insert(s.forms.end(), {r->form, f ? f->short_title : r->form, 0, 0});
    }
    ++s.records;
    s.issues += static_cast<int>(issues);
    s.status[r->uuid] = issues ? kStatusDraft : kStatusValid;
    if (issues)
      ++row->draft, ++s.drafts;
    else
      ++row->valid;
  }
  return s;
}

Bundle MakeBundle(const Workspace& ws, const std::vector<const Record*>& records, const std::string& kind,
                  const std::string& campaign, const ExportSummary* summary) {
  Bundle b;
  b.kind = kind;
  b.created = NowIso();
  b.campaign = campaign;
  const json& p = ws.profile.values;
  for (const char* key : {"unit", "region", "leader", "filler", "phone", "email"})
    if (p.contains(key)) b.issuer[key] = p[key];
  std::set<std::string> refs;
  for (const Record* r : records) {
    b.records.push_back(*r);
    if (summary && summary->status.count(r->uuid)) b.records.back().status = summary->status.at(r->uuid);
    CollectPhotoRefs(r->Values(), refs);
  }
  // Photo entries in records carry the mime type; the bytes come from the photo store.
  std::map<std::string, std::string> mimes;
  for (const Record* r : records)
    for (const ValueView field : r->Values())
      for (const ValueView e : field)
        if (e["sha256"].is_string() && e["mime"].is_string()) mimes[e["sha256"].String()] = e["mime"].String();
  for (const std::string& sha : refs) {
    Photo ph{sha, mimes.count(sha) ? mimes[sha] : "image/jpeg", {}};
    if (ws.ReadPhoto(sha, ph.bytes)) b.photos.push_back(std::move(ph));
  }
  return b;
}

Bundle MakeBackup(const Workspace& ws, const std::string& campaign) {
  std::vector<const Record*> all;
  for (const Record& r : ws.drafts) all.push_back(&r);
  Bundle b = MakeBundle(ws, all, "backup", campaign);
  b.profile = ws.profile.ToJson();
  b.settings = ws.settings.ToJson();
  return b;
}

std::string RestoreReport::Summary() const {
  if (!error.empty()) return error;
  std::string s = "已从备份恢复 " + std::to_string(restored) + " 份表格";
  if (kept_newer) s += "，" + std::to_string(kept_newer) + " 份本机版本更新，已保留本机版本";
  if (profile) s += "，以及单位信息";
  return s;
}

RestoreReport RestoreBackup(Workspace& ws, const Bundle& backup) {
  RestoreReport rep;
  if (backup.kind != "backup") {
    rep.error = "这不是备份文件（是报送数据包）。导入报送数据包请到“汇总”页。";
    return rep;
  }
  for (const Photo& p : backup.photos)
    if (!ws.AddPhoto(p.bytes).empty()) ++rep.photos;
  for (const Record& r : backup.records) {
    const Record* local = ws.FindDraft(r.uuid);
    if (local && local->revision > r.revision) {
      ++rep.kept_newer;
      continue;
    }
    if (ws.PutRecord(r)) ++rep.restored;
  }
  Record profile;
  if (Record::FromJson(backup.profile, profile) && profile.revision >= ws.profile.revision) {
    profile.uuid = ws.profile.uuid;  // one profile per device
    ws.profile = profile;
    ws.Touch(ws.profile.uuid, 0);
    rep.profile = true;
  }
  if (backup.settings.is_object()) {
    const bool backup_done = ws.settings.backup_done;
    const std::string device = ws.settings.device_id;  // this device stays itself
    ws.settings = Settings::FromJson(backup.settings);
    ws.settings.backup_done = backup_done;
    ws.settings.device_id = device;
    ws.TouchSettings(0);
  }
  ws.Flush(0, true);
  return rep;
}

}  // namespace lw
