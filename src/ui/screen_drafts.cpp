// screen_drafts.cpp — see screen_drafts.h.
#include "screen_drafts.h"

#include <algorithm>

#include "imgui.h"
#include "item_registry.h"
#include "layout.h"
#include "theme.h"

namespace lw::ui {

void OpenNewDraft(AppContext& app, const std::string& form_id) {
  const FormDef* f = app.forms.Find(form_id);
  if (!f) return;
  Record& r = app.ws.NewDraft(*f);
  app.Changed();
  app.Go(Screen::Form, r.uuid);
}

void DeleteDraft(AppContext& app, const std::string& uuid) {
  Record* r = app.ws.FindDraft(uuid);
  if (!r) return;
  const std::string title = app.TitleOf(*r);
  if (app.ws.Delete(uuid)) {
    app.Changed();
    app.Toast("已删除“" + title + "”，可在“最近删除”中恢复");
    app.undo_uuid = uuid;
    app.toast_until = app.now_ms + 12000;  // time to reach 撤销 by Tab (it stays while focused)
  }
}

void DraftsScreen::NewDraftMenu(AppContext& app) {
  if (PrimaryButton("＋ 新建表格###drafts.new")) ImGui::OpenPopup("new-draft");
  MarkMenuButton("new-draft");
  if (ImGui::BeginPopup("new-draft")) {
    const Issuer* issuer = app.issuer();
    const FormMenu menu = BuildFormMenu(issuer, app.forms);
    // Each part is its own menu named by its title: a menu holds menu items only, so the title is
    // text (not a heading the arrow keys would stop on) and names the items' menu instead.
    const auto entries = [&](const std::vector<const FormDef*>& forms, const std::string& part) {
      if (!part.empty()) TextItem(part, Colors().accent);
      for (const FormDef* f : forms) {
        if (ListEntry(f->title.c_str())) OpenNewDraft(app, f->id);
        MarkMenuItem(part.empty() ? "新建表格" : part.c_str());
      }
    };
    if (!menu.asked.empty()) entries(menu.asked, issuer->name + "通知要求的材料");
    entries(menu.others, menu.asked.empty() ? "" : "其他表格");
    ImGui::EndPopup();
  }
}

void DraftsScreen::TrashCard(AppContext& app) {
  const std::vector<Record> trash = app.ws.Trash();
  if (trash.empty()) return;
  BeginCard("trash");
  SubHeading("最近删除");
  Muted("删除的表格先放在这里，可以恢复。");
  for (const Record& r : trash) {
    ImGui::PushID(r.uuid.c_str());
    const FormDef* f = app.forms.Find(r.form);
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%s · %s", f ? f->short_title.c_str() : r.form.c_str(), app.TitleOf(r).c_str());
    ImGui::SameLine(ImGui::GetContentRegionAvail().x - Em() * 3);
    ImGui::BeginDisabled(!app.writable);
    if (TouchButton("恢复") && app.ws.Restore(r.uuid)) {
      app.Changed();
      app.Toast("已恢复“" + app.TitleOf(r) + "”");
    }
    ImGui::EndDisabled();
    ImGui::PopID();
  }
  EndCard();
}

void DraftsScreen::Draw(AppContext& app) {
  Heading("填报");
  Muted("本机保存的全部表格。每次修改都会自动保存。");
  ImGui::BeginDisabled(!app.writable);
  NewDraftMenu(app);
  ImGui::SameLine();
  ImGui::BeginDisabled(app.ws.drafts.empty());
  if (TouchButton("导出本单位数据包###export.bundle")) export_.Ask(app, false);  // sent from where the drafts are
  ImGui::EndDisabled();
  ImGui::EndDisabled();
  if (export_.open()) {
    BeginCard("export");
    export_.Draw(app);
    EndCard();
  }
  ImGui::Spacing();
  std::vector<Record*> drafts;
  for (Record& r : app.ws.drafts) drafts.push_back(&r);
  std::sort(drafts.begin(), drafts.end(), [](const Record* a, const Record* b) { return a->updated > b->updated; });
  BeginCard("drafts");
  if (drafts.empty()) Muted("还没有表格。点击“新建表格”，或在首页的材料清单中开始填写。");
  std::string open, dup, del;
  const ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
  if (!drafts.empty() && ImGui::BeginTable("list", 5, flags)) {
    ImGui::TableSetupColumn("表格", ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn("名称", ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableSetupColumn("状态", ImGuiTableColumnFlags_WidthFixed, Em() * 4.5f);
    ImGui::TableSetupColumn("修改时间", ImGuiTableColumnFlags_WidthFixed, Em() * 8.5f);
    ImGui::TableSetupColumn("操作", ImGuiTableColumnFlags_WidthFixed, TouchButtonsWidth({"打开", "复制", "删除"}));
    BeginTableSemantics("本机的表格", static_cast<int>(drafts.size()) + 1, 0);
    TallHeadersRow();
    for (Record* r : drafts) {
      ImGui::PushID(r->uuid.c_str());
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      const FormDef* f = app.forms.Find(r->form);
      const std::string title = app.TitleOf(*r);
      ImGui::AlignTextToFramePadding();
      TextItem(f ? f->short_title : r->form, Colors().text);
      ImGui::TableNextColumn();
      ImGui::AlignTextToFramePadding();
      TextItem(title, Colors().text);
      ImGui::TableNextColumn();
      const DraftStatus s = app.StatusOf(*r);
      ImGui::AlignTextToFramePadding();
      TextItem(DraftStatusName(s), StatusColor(s));
      ImGui::TableNextColumn();
      ImGui::AlignTextToFramePadding();
      TextItem(LocalMinute(r->updated), Colors().text_muted);  // listed for the mirror and the tests too
      ImGui::TableNextColumn();
      // Every row has these three: the screen reader's name says which table each one is for.
      if (TouchButton("打开")) open = r->uuid;
      LastItemSemantics().name = "打开：" + title;
      ImGui::SameLine();
      ImGui::BeginDisabled(!app.writable);
      if (TouchButton("复制")) dup = r->uuid;
      LastItemSemantics().name = "复制：" + title;
      ImGui::SameLine();
      if (TouchButton("删除")) del = r->uuid;
      LastItemSemantics().name = "删除：" + title;
      ImGui::EndDisabled();
      ImGui::PopID();
    }
    EndTableSemantics();
    ImGui::EndTable();
  }
  EndCard();
  if (!open.empty()) app.Go(Screen::Form, open);
  if (!dup.empty())
    if (Record* copy = app.ws.Duplicate(dup)) {
      app.Changed();
      app.Toast("已复制为新表格“" + app.TitleOf(*copy) + "”");
    }
  if (!del.empty()) DeleteDraft(app, del);
  TrashCard(app);
}

}  // namespace lw::ui
