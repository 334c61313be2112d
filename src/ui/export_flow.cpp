// export_flow.cpp — see export_flow.h.
#include "export_flow.h"

#include "file_name.h"
#include "imgui.h"
#include "item_registry.h"
#include "layout.h"
#include "rollup.h"
#include "submission_package.h"
#include "theme.h"

namespace lw::ui {

ExportSummary SummarizeForExport(AppContext& app, const std::vector<const Record*>& records) {
  ExportSummary s = SummarizeExport(app.ws, records, app.forms, [&](const Record& r) { return app.IssuesOf(r); });
  // Nominees already honoured in a past year: the coordinator above would send them back.
  for (const Record* r : records)
    if (const auto m = MatchPastWinner(app.PastWinners(), *r)) {
      const FormDef* f = app.forms.Find(r->form);
      s.warnings.push_back((f ? f->title : r->form) + " · " + app.TitleOf(*r) + "：" + m->message);
    }
  return s;
}

namespace {

// The bundle's canonical bytes, or nullopt (after saying why) when the summary refuses the export.
std::optional<std::string> BundleBytes(AppContext& app, const std::vector<const Record*>& records) {
  app.ws.Flush(app.now_ms, true);
  const ExportSummary summary = SummarizeForExport(app, records);
  if (const std::string why = summary.Refusal(); !why.empty()) {
    app.Toast(why, true);
    return std::nullopt;
  }
  app.ws.FillOrigins();  // records made before the profile was filled in leave with their unit
  Bundle b = MakeBundle(app.ws, records, "submission", app.ws.settings.campaign, &summary);
  AttachRoutes(b, app.imports);  // forwarded records carry their way up (roll-up)
  return WriteBundle(b, app.forms);
}

void MarkSent(AppContext& app, const std::vector<const Record*>& records) {
  std::vector<std::string> mine;
  for (const Record* r : records)
    if (app.ws.FindDraft(r->uuid)) mine.push_back(r->uuid);
  app.ws.MarkExported(mine);
}

}  // namespace

std::string SendBundle(AppContext& app, const std::vector<const Record*>& records, const std::string& suffix) {
  const std::optional<std::string> bytes = BundleBytes(app, records);
  if (!bytes) return {};
  const std::string name = BundleFileName(StringAt(app.ws.profile.values, "unit"), TodayLocal(), suffix);
  platform::SignBundle(
      *bytes, [name](std::string signed_bytes) { platform::Download(name, "application/json", signed_bytes); });
  MarkSent(app, records);
  // Old office PCs hide where a download went: say it plainly, with the name to look for.
  app.Toast("已导出 " + std::to_string(records.size()) + " 条记录，已下载到浏览器的下载文件夹：" + name);
  return name;
}

std::string SendSubmission(AppContext& app, const std::vector<const Record*>& records, const std::string& material) {
  const std::optional<std::string> bytes = BundleBytes(app, records);
  if (!bytes) return {};
  const std::string unit = StringAt(app.ws.profile.values, "unit"), date = TodayLocal();
  std::set<std::string> used;
  const std::string bundle_name = UniqueFileName(BundleFileName(unit, date), used);
  // Made now, from the records as they are; only the signature arrives later.
  std::vector<SubmissionFile> files = DocumentsAndPhotos(
      records, app.forms, app.regions, unit, date,
      [&](const std::string& sha) {
        std::string photo;
        app.ws.ReadPhoto(sha, photo);
        return photo;
      },
      used);
  const std::string name = SubmissionZipName(unit, material, date);
  const size_t count = files.size() + 1;  // with the bundle
  platform::SignBundle(*bytes, [=, files = std::move(files)](std::string signed_bytes) mutable {
    files.insert(files.begin(), {bundle_name, std::move(signed_bytes), "LearnWeek 数据包（上级导入用）"});
    platform::Download(name, "application/zip", BuildSubmissionZip(files, unit, material, date));
  });
  MarkSent(app, records);
  app.Toast("已生成报送包（" + std::to_string(records.size()) + " 份表格，" + std::to_string(count) +
            " 个文件和报送清单），已下载到浏览器的下载文件夹：" + name);
  return name;
}

std::vector<const Record*> ExportRecords(AppContext& app, bool with_imports) {
  std::vector<const Record*> recs;
  for (const Record& r : app.ws.drafts) recs.push_back(&r);
  if (with_imports)
    for (const Record* r : app.imports.records()) recs.push_back(r);
  return recs;
}

void ExportPanel::Ask(AppContext& app, bool with_imports) {
  app.ws.Flush(app.now_ms, true);
  pending_ = Pending{with_imports, {}, "", "", SummarizeForExport(app, ExportRecords(app, with_imports)), false, false};
}

void ExportPanel::AskSubmission(AppContext& app, const std::vector<std::string>& uuids, const std::string& material,
                                const std::string& where) {
  app.ws.Flush(app.now_ms, true);
  pending_ = Pending{false, uuids, material, where, {}, false, false};
  pending_->summary = SummarizeForExport(app, Records(app));
}

std::vector<const Record*> ExportPanel::Records(AppContext& app) const {
  if (pending_->material.empty()) return ExportRecords(app, pending_->with_imports);
  std::vector<const Record*> recs;
  for (const std::string& u : pending_->uuids)
    if (const Record* r = app.ws.FindDraft(u)) recs.push_back(r);
  return recs;
}

void ExportPanel::Draw(AppContext& app, const std::string& where) {
  if (!pending_ || pending_->where != where) return;
  const ExportSummary& s = pending_->summary;
  ImGui::Separator();
  if (!pending_->shown) {  // the summary may open at the foot of a long page: bring it to the top
    ImGui::SetScrollHereY(0.0f);
    pending_->shown = true;
  }
  SubHeading(
      (pending_->material.empty() ? std::string("导出前核对") : "生成报送包前核对：" + pending_->material).c_str());
  TextItem("共 " + std::to_string(s.records) + " 条记录" + (pending_->with_imports ? "（含下级单位的记录）" : ""),
           Colors().text);
  for (const ExportSummary::FormRow& f : s.forms)
    TextItem(f.title + "：已校验 " + std::to_string(f.valid) + " 份，草稿 " + std::to_string(f.draft) + " 份",
             Colors().text);
  const std::string unit = StringAt(app.ws.profile.values, "unit"), region = StringAt(app.ws.profile.values, "region");
  for (const std::string& w : s.warnings) WarningText(w);
  if (s.unit && s.region) TextItem("报送单位：" + unit + " · " + app.regions.FullName(region), Colors().text);
  const std::string refusal = s.Refusal();
  if (!refusal.empty()) {
    ErrorText(refusal);
    if (ImGui::Button("去填写单位信息")) {
      pending_.reset();
      app.Go(Screen::Profile);
      return;
    }
    ImGui::SameLine();
  } else if (s.NeedsConfirmation()) {
    ErrorText("还有 " + std::to_string(s.issues) + " 处需要修改（" + std::to_string(s.drafts) +
              " 份表格）。它们会标为“草稿”报送，上级不会计为已校验。");
    Check("我知道还有需要修改的地方，仍然导出###export.send_errors", &pending_->send_errors);
  } else {
    TextItem("全部表格已通过校验。", Colors().ok);
  }
  const bool can = refusal.empty() && (!s.NeedsConfirmation() || pending_->send_errors);
  ImGui::BeginDisabled(!can || !app.writable);
  bool send = false;
  if (refusal.empty())
    send = PrimaryButton(pending_->material.empty() ? "确认导出###export.confirm" : "确认生成报送包###export.confirm");
  ImGui::EndDisabled();
  if (refusal.empty()) ImGui::SameLine();
  const bool cancel = ImGui::Button("取消");
  if (send) {
    const std::vector<const Record*> records = Records(app);
    const bool with_imports = pending_->with_imports;
    const std::string material = pending_->material;
    pending_.reset();
    if (material.empty())
      SendBundle(app, records, with_imports ? "汇总" : "");
    else
      SendSubmission(app, records, material);
  } else if (cancel) {
    pending_.reset();
  }
}

}  // namespace lw::ui
