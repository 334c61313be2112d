// screen_home.cpp — see screen_home.h.
#include "screen_home.h"

#include "imgui.h"
#include "item_registry.h"
#include "layout.h"
#include "screen_drafts.h"
#include "theme.h"

namespace lw::ui {

namespace {

void CampaignPicker(AppContext& app) {
  Settings& s = app.ws.settings;
  const Campaign* c = app.campaign();
  const Issuer* is = app.issuer();
  if (!c || !is) return;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("活动年份");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(Em() * 16);
  const ImGuiID year_id = ImGui::GetID("##活动年份");
  const bool year_open = ImGui::BeginCombo("##活动年份", c->title.c_str());
  MarkComboBox(year_id, "活动年份", c->title, year_open);
  if (year_open) {
    for (const Campaign& x : app.campaigns.campaigns)
      if (ListEntry(x.title.c_str(), &x == c)) {
        s.campaign = x.id;
        if (!x.FindIssuer(s.issuer)) s.issuer = "moe";
        app.SettingsChanged();
      }
    ImGui::EndCombo();
  }
  ImGui::SameLine(0, Em());
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("按谁的通知");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
  const std::string current = is->name + "（" + is->notice + "）";
  const ImGuiID issuer_id = ImGui::GetID("##发文单位");
  const bool issuer_open = ImGui::BeginCombo("##发文单位", current.c_str());
  MarkComboBox(issuer_id, "按谁的通知", current, issuer_open);
  if (issuer_open) {
    for (const Issuer& x : c->issuers) {
      const std::string label = x.name + "（" + x.notice + "）";
      if (ListEntry(label.c_str(), &x == is)) {
        s.issuer = x.id;
        app.SettingsChanged();
      }
    }
    ImGui::EndCombo();
  }
}

std::string DaysText(int days) {
  if (days > 0) return "还剩 " + std::to_string(days) + " 天";
  if (days == 0) return "今天截止";
  return "已逾期 " + std::to_string(-days) + " 天";
}

void Checklist(AppContext& app) {
  const Campaign* c = app.campaign();
  const Issuer* is = app.issuer();
  if (!c || !is) return;
  const auto today = ParseDate(TodayLocal());
  const auto rows = BuildChecklist(*is, app.ws.drafts, [&](const Record& r) { return app.StatusOf(r); },
                                   today.value_or(c->opening));
  const Palette& p = Colors();
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
  std::string create, open;
  if (ImGui::BeginTable("checklist", 5, flags)) {
    ImGui::TableSetupColumn("材料", ImGuiTableColumnFlags_WidthStretch, 2.4f);
    ImGui::TableSetupColumn("数量", ImGuiTableColumnFlags_WidthFixed, Em() * 4.5f);
    ImGui::TableSetupColumn("状态", ImGuiTableColumnFlags_WidthFixed, Em() * 4);
    ImGui::TableSetupColumn("截止", ImGuiTableColumnFlags_WidthFixed, Em() * 10);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, TouchButtonsWidth({"新建", "查看"}));
    ImGui::PushItemFlag(ImGuiItemFlags_NoTabStop, true);  // headers that do not sort are no Tab stop
    ImGui::TableHeadersRow();
    ImGui::PopItemFlag();
    for (const ChecklistRow& row : rows) {
      const Requirement& r = *row.requirement;
      ImGui::PushID(r.id.c_str());
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::AlignTextToFramePadding();
      ImGui::PushTextWrapPos(0);
      ImGui::TextUnformatted(r.title.c_str());
      ImGui::PopTextWrapPos();
      if (!r.note.empty()) ImGui::TextDisabled("%s", r.note.c_str());
      ImGui::TableNextColumn();
      ImGui::AlignTextToFramePadding();
      ImGui::TextColored(row.quota_met ? p.ok : p.text, "%s", row.QuotaText().c_str());
      RegisterText(r.title + " " + row.QuotaText(), ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y,
                   ImGui::GetItemRectMax().x, ImGui::GetItemRectMax().y);
      ImGui::TableNextColumn();
      ImGui::AlignTextToFramePadding();
      const ImVec4 sc = row.status == "已导出" ? p.accent : row.status == "已校验" ? p.ok
                        : row.status == "草稿" ? p.warn : p.text_muted;
      TextItem(row.status, sc);
      ImGui::TableNextColumn();
      ImGui::AlignTextToFramePadding();
      ImGui::Text("%d月%d日", r.due.month, r.due.day);
      ImGui::SameLine();
      const bool urgent = row.days_left <= 7 && row.status != "已导出";
      ImGui::TextColored(row.days_left < 0 ? p.text_muted : urgent ? p.error : p.text_muted, "%s",
                         DaysText(row.days_left).c_str());
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
    ImGui::EndTable();
  }
  if (!create.empty()) OpenNewDraft(app, create);
  if (!open.empty()) {
    for (const Record& d : app.ws.drafts)
      if (d.form == open) {
        app.Go(Screen::Form, d.uuid);
        break;
      }
  }
}

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
  const Campaign* c = app.campaign();
  Heading(c ? c->title.c_str() : "全民终身学习活动周");
  if (c) {
    TextItem("主题：" + c->theme, Colors().accent);
    Muted("全国总开幕式：%d年%d月%d日 · %s", c->opening.year, c->opening.month, c->opening.day, c->opening_place.c_str());
  }
  ImGui::Spacing();
  UnitCard(app);
  BeginCard("checklist");
  SubHeading("需要报送的材料");
  CampaignPicker(app);
  if (const Issuer* is = app.issuer()) {
    const DateWindow w = c->WindowFor(is);
    Muted("%s 发文对象：%s。活动周时间：%s 至 %s。", is->notice.c_str(), is->audience.c_str(),
          FormatDate(w.begin).c_str(), FormatDate(w.end).c_str());
  }
  ImGui::Spacing();
  Checklist(app);
  // The checklist is where a unit sees it is done: send from here too, no detour through 汇总.
  ImGui::Spacing();
  ImGui::BeginDisabled(!app.writable || app.ws.drafts.empty());
  if (TouchButton("导出本单位数据包")) export_.Ask(app, false);
  ImGui::EndDisabled();
  export_.Draw(app);
  EndCard();
}

}  // namespace lw::ui
