// screen_home.cpp — see screen_home.h. Which campaigns are open or past, their order and how
// deadlines read come from src/core/campaign_calendar.*; this file only draws them.
#include "screen_home.h"

#include <algorithm>

#include "campaign_calendar.h"
#include "imgui.h"
#include "item_registry.h"
#include "layout.h"
#include "screen_drafts.h"
#include "submission_package.h"
#include "text_widgets.h"
#include "theme.h"

namespace lw::ui {

namespace {

// The forms follow the notice whose row was used last: 新建/查看 on a row chooses its campaign
// and issuer, so the new draft is checked by that notice's rules (e.g. 吉林: 总结不少于 2000 字).
void Follow(AppContext& app, const Campaign& c, const Issuer& is) {
  Settings& s = app.ws.settings;
  if (s.campaign == c.id && s.issuer == is.id) return;
  s.campaign = c.id;
  s.issuer = is.id;
  app.SettingsChanged();
}

void Checklist(AppContext& app, const Campaign& c, const Issuer& is, bool archived) {
  const auto rows = DatedChecklist(
      is, app.ws.drafts, [&](const Record& r) { return app.StatusOf(r); }, app.wall_now);
  const Palette& p = Colors();
  const ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
  std::string create, open;
  if (!ImGui::BeginTable("checklist", 5, flags)) return;
  ImGui::TableSetupColumn("材料", ImGuiTableColumnFlags_WidthStretch, 2.4f);
  ImGui::TableSetupColumn("数量", ImGuiTableColumnFlags_WidthFixed, Em() * 4.5f);
  ImGui::TableSetupColumn("状态", ImGuiTableColumnFlags_WidthFixed, Em() * 4);
  ImGui::TableSetupColumn("截止时间", ImGuiTableColumnFlags_WidthFixed, Em() * 10.5f);
  ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, TouchButtonsWidth({"新建", "查看"}));
  BeginTableSemantics(archived ? "往年材料清单" : "材料清单", static_cast<int>(rows.size()) + 1);
  TallHeadersRow();
  for (const ChecklistRow& row : rows) {
    const Requirement& r = *row.requirement;
    ImGui::PushID(r.id.c_str());
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(r.title.c_str());
    RegisterText(r.title, ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y, ImGui::GetItemRectMax().x,
                 ImGui::GetItemRectMax().y);
    ImGui::PopTextWrapPos();
    if (!r.note.empty()) TextItem(r.note, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    TextItem(row.QuotaText(), row.quota_met ? p.ok : p.text);
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    TextItem(RequirementStatusName(row.status), StatusColor(row.status));
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    TextItem(DeadlineText(r), row.closed ? p.text_muted : p.text);
    // Red only for what can still be done and is close: a past deadline is a fact, not an alarm.
    const bool urgent = !row.closed && row.days_left <= 7 && row.status != RequirementStatus::Exported;
    // A past campaign says 已结束 once, above its notices: no "已截止" on every row.
    if (!archived) TextItem(DaysLeftText(r, app.wall_now), urgent ? p.error : p.text_muted);
    ImGui::TableNextColumn();
    ImGui::BeginDisabled(!app.writable);
    if (row.drafts < r.max && TouchButton("新建")) create = r.form;
    if (row.drafts < r.max) LastItemSemantics().name = "新建：" + r.title;  // five 新建 buttons: which one
    ImGui::EndDisabled();
    if (row.drafts > 0) {
      ImGui::SameLine();
      if (TouchButton("查看")) open = r.form;
      LastItemSemantics().name = "查看：" + r.title;
    }
    ImGui::PopID();
  }
  EndTableSemantics();
  ImGui::EndTable();
  if (!create.empty()) {
    Follow(app, c, is);
    OpenNewDraft(app, create);
  }
  if (!open.empty()) {
    Follow(app, c, is);
    for (const Record& d : app.ws.drafts)
      if (d.form == open) {
        app.Go(Screen::Form, d.uuid);
        break;
      }
  }
}

// One 报送包 per deadline of the notice, from the drafts of the forms due by it: checked first
// (导出前核对, in place), then written as one .zip.
void SubmissionRows(AppContext& app, const Campaign& c, const Issuer& is, ExportPanel& panel) {
  for (const DeadlineGroup& g : GroupByDeadline(is)) {
    std::vector<std::string> titles, uuids;
    for (const Requirement* r : g.requirements) {
      titles.push_back(r->title);
      for (const Record& d : app.ws.drafts)
        if (d.form == r->form && std::find(uuids.begin(), uuids.end(), d.uuid) == uuids.end()) uuids.push_back(d.uuid);
    }
    if (uuids.empty()) continue;  // nothing to hand in for this deadline yet
    const std::string where = c.id + "/" + is.id + "/" + std::to_string(g.at);
    const std::string due = DeadlineText(*g.requirements.front());
    ImGui::PushID(where.c_str());
    ImGui::AlignTextToFramePadding();
    TextItem("截止 " + due + " 的材料（" + std::to_string(uuids.size()) + " 份表格）", Colors().text);
    ImGui::SameLine();
    ImGui::BeginDisabled(!app.writable);
    if (TouchButton("生成报送包")) {
      Follow(app, c, is);
      panel.AskSubmission(app, uuids, MaterialLabel(titles), where);
    }
    LastItemSemantics().name = "生成报送包：截止 " + due + " 的材料";
    ImGui::EndDisabled();
    panel.Draw(app, where);
    ImGui::PopID();
  }
}

// One notice: who issued it, to whom, the activity week it sets, and what it asks for.
void IssuerBlock(AppContext& app, const Campaign& c, const Issuer& is, bool archived, ExportPanel& panel) {
  ImGui::PushID(is.id.c_str());
  ImGui::Spacing();
  TextItem(is.name + (is.notice.empty() ? "" : "（" + is.notice + "）"), Colors().accent);
  const DateWindow w = c.WindowFor(&is);
  if (is.audience.empty())
    Muted("活动周时间：%s 至 %s。", FormatDate(w.begin).c_str(), FormatDate(w.end).c_str());
  else
    Muted("发文对象：%s。活动周时间：%s 至 %s。", is.audience.c_str(), FormatDate(w.begin).c_str(),
          FormatDate(w.end).c_str());
  if (!is.notice_no.empty()) Muted("文号：%s", is.notice_no.c_str());
  if (!is.conditions.empty()) {
    TextItem("推荐条件：", Colors().text);
    for (const std::string& rule : is.conditions) Paragraph("· " + rule);
  }
  Checklist(app, c, is, archived);
  SubmissionRows(app, c, is, panel);
  ImGui::PopID();
}

void CampaignBlock(AppContext& app, const CampaignEntry& e, bool archived, ExportPanel& panel) {
  ImGui::PushID(e.campaign->id.c_str());
  SubHeading(e.campaign->title.c_str());
  const std::string place = e.campaign->opening_place.empty() ? "" : " · " + e.campaign->opening_place;
  // A province's own week (一省一周, from its package) opens with its own ceremony, not the nation's.
  const bool national = std::any_of(e.campaign->issuers.begin(), e.campaign->issuers.end(),
                                    [](const Issuer& is) { return is.region.empty() || is.region == kNationalRegion; });
  Muted("主题：%s　%s：%d年%d月%d日%s", e.campaign->theme.c_str(), national ? "全国总开幕式" : "开幕式",
        e.campaign->opening.year, e.campaign->opening.month, e.campaign->opening.day, place.c_str());
  if (archived && e.last) Muted("已结束：最后一项截止于 %s。", DeadlineText(*e.last).c_str());
  for (const Issuer* is : e.issuers) IssuerBlock(app, *e.campaign, *is, archived, panel);
  ImGui::PopID();
}

}  // namespace

// 打开活动包…: the notice a coordinator hands down as a file (e-mail, QQ, U盘) or publishes at a
// web address joins the checklist. Once installed it is on the device, offline too.
void HomeScreen::PackagesRow(AppContext& app) {
  ImGui::BeginDisabled(!app.writable);
  if (TouchButton("打开活动包…")) app.ChooseFiles({FileTarget::Kind::Package, {}, {}}, ".json,application/json", true);
  ImGui::SameLine();
  Muted("上级发来的活动包（.json）也可以直接拖到此页面。");
  LineInput("##活动包网址", package_url_, "或填写上级公布的活动包网址，如 https://jyt.example.gov.cn/活动包.json", 0,
            Em() * 30);
  ImGui::SameLine();
  ImGui::BeginDisabled(package_url_.empty());
  if (TouchButton("从网址打开")) {
    app.file_requests[platform::FetchFile(package_url_)] = {FileTarget::Kind::Package, {}, {}};
    app.Toast("正在读取活动包……");
  }
  ImGui::EndDisabled();
  ImGui::EndDisabled();
  if (app.packages)
    for (const CampaignPackage& p : app.packages->packages())
      Muted("已安装：%s · 第 %d 版 · 指纹 %s", p.Title().c_str(), p.version, p.fingerprint.substr(0, 16).c_str());
  if (TouchButton("编写活动包（上级单位用）")) app.Go(Screen::Editor);
}

// After a newer version of a package: what changed, form by form and field by field, until read.
void HomeScreen::PackageChanges(AppContext& app) {
  if (app.package_changes.empty()) return;
  TextItem("活动包的新版本改动了以下表格，已填写的草稿已逐项更新（不再使用的内容单独保留，不会丢失）：", Colors().text);
  for (const std::string& line : app.package_changes) Paragraph(line);
  if (TouchButton("知道了##package-changes")) app.package_changes.clear();
}

namespace {

void UnitCard(AppContext& app) {
  BeginCard("unit");
  SubHeading("填报单位");
  const nlohmann::json& v = app.ws.profile.values;
  const std::string unit = v.value("unit", "");
  if (unit.empty()) {
    Muted("尚未填写单位信息。请先填写，之后新建的表格会自动带出。");
    if (PrimaryButton("填写单位信息")) app.Go(Screen::Profile);
  } else {
    TextItem(unit, Colors().text);
    const std::string region = app.regions.FullName(v.value("region", ""));
    if (!region.empty()) Muted("%s", region.c_str());
    Muted("负责人：%s　填报人：%s　电话：%s", v.value("leader", "").c_str(), v.value("filler", "").c_str(),
          v.value("phone", "").c_str());
    if (ImGui::Button("修改单位信息")) app.Go(Screen::Profile);
  }
  EndCard();
}

}  // namespace

void HomeScreen::Draw(AppContext& app) {
  const std::string region = StringAt(app.ws.profile.values, "region");
  const CampaignCalendar cal = SortCampaigns(app.campaigns, region, app.wall_now);
  Heading("全民终身学习活动周");
  ImGui::Spacing();
  UnitCard(app);

  BeginCard("open");
  SubHeading("进行中的活动");
  if (cal.open.empty()) {
    // Said plainly: no red "已逾期" wall for campaigns nobody can hand anything in to any more.
    Paragraph("目前没有进行中的活动。上级发布新一年的通知后，请打开上级发来的活动包。往年活动见下方。");
  }
  PackagesRow(app);
  PackageChanges(app);
  for (size_t i = 0; i < cal.open.size(); ++i) {
    if (i > 0) ImGui::Separator();
    CampaignBlock(app, cal.open[i], false, export_);
  }
  // The checklist is where a unit sees it is done: send from here too, no detour through 汇总.
  ImGui::Spacing();
  ImGui::BeginDisabled(!app.writable || app.ws.drafts.empty());
  if (TouchButton("导出本单位数据包###export.bundle")) export_.Ask(app, false);
  ImGui::EndDisabled();
  export_.Draw(app);
  EndCard();

  if (cal.archived.empty()) return;
  BeginCard("archive");
  SubHeading("往年活动");
  // Collapsed by default: past checklists, drafts and records stay one press away (and on 填报,
  // 汇总 and 地图 as always), without filling the page.
  const std::string label = std::string(archive_open_ ? "收起往年活动" : "展开往年活动") + "（" +
                            std::to_string(cal.archived.size()) + " 届）###archive_toggle";
  if (TouchButton(label.c_str())) archive_open_ = !archive_open_;
  LastItemSemantics().expanded = archive_open_ ? 1 : 0;
  if (!archive_open_) {
    std::string years;
    for (const CampaignEntry& e : cal.archived)
      years += (years.empty() ? "" : "、") + std::to_string(e.campaign->year) + "年";
    Muted("%s的通知、清单和已填的表格都还在，展开即可查看。", years.c_str());
  }
  for (size_t i = 0; archive_open_ && i < cal.archived.size(); ++i) {
    ImGui::Separator();
    CampaignBlock(app, cal.archived[i], true, export_);
  }
  EndCard();
}

}  // namespace lw::ui
