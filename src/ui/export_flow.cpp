// export_flow.cpp — see export_flow.h.
#include "export_flow.h"

#include "imgui.h"
#include "item_registry.h"
#include "layout.h"
#include "rollup.h"
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

std::string SendBundle(AppContext& app, const std::vector<const Record*>& records, const std::string& suffix) {
  app.ws.Flush(app.now_ms, true);
  const ExportSummary summary = SummarizeForExport(app, records);
  if (const std::string why = summary.Refusal(); !why.empty()) {
    app.Toast(why, true);
    return {};
  }
  app.ws.FillOrigins();  // records made before the profile was filled in leave with their unit
  Bundle b = MakeBundle(app.ws, records, "submission", app.ws.settings.campaign, &summary);
  AttachRoutes(b, app.imports);  // forwarded records carry their way up (roll-up)
  const std::string name = BundleFileName(StringAt(app.ws.profile.values, "unit"), TodayLocal(), suffix);
  platform::DownloadSignedBundle(name, WriteBundle(b, app.forms));
  std::vector<std::string> mine;
  for (const Record* r : records)
    if (app.ws.FindDraft(r->uuid)) mine.push_back(r->uuid);
  app.ws.MarkExported(mine);
  // Old office PCs hide where a download went: say it plainly, with the name to look for.
  app.Toast("已导出 " + std::to_string(records.size()) + " 条记录，已下载到浏览器的下载文件夹：" + name);
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
  pending_ = Pending{with_imports, SummarizeForExport(app, ExportRecords(app, with_imports)), false, false};
}

void ExportPanel::Draw(AppContext& app) {
  if (!pending_) return;
  const ExportSummary& s = pending_->summary;
  ImGui::Separator();
  if (!pending_->shown) {  // the summary may open at the foot of a long page: bring it to the top
    ImGui::SetScrollHereY(0.0f);
    pending_->shown = true;
  }
  SubHeading("导出前核对");
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
    Check("我知道还有需要修改的地方，仍然导出", &pending_->send_errors);
  } else {
    TextItem("全部表格已通过校验。", Colors().ok);
  }
  const bool can = refusal.empty() && (!s.NeedsConfirmation() || pending_->send_errors);
  ImGui::BeginDisabled(!can || !app.writable);
  bool send = false;
  if (refusal.empty()) send = PrimaryButton("确认导出");
  ImGui::EndDisabled();
  if (refusal.empty()) ImGui::SameLine();
  const bool cancel = ImGui::Button("取消");
  if (send) {
    const bool with_imports = pending_->with_imports;
    pending_.reset();
    SendBundle(app, ExportRecords(app, with_imports), with_imports ? "汇总" : "");
  } else if (cancel) {
    pending_.reset();
  }
}

}  // namespace lw::ui
