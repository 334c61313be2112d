// screen_form.cpp — see screen_form.h.
#include "screen_form.h"

#include "imgui.h"
#include "item_registry.h"
#include "layout.h"
#include "screen_drafts.h"
#include "text_widgets.h"
#include "theme.h"

namespace lw::ui {

using nlohmann::json;

void FormScreen::Toolbar(AppContext& app, Record& r) {
  if (ImGui::Button("← 返回列表###form.back")) app.Go(Screen::Drafts);
  ImGui::SameLine();
  const DraftStatus s = app.StatusOf(r);
  ImGui::AlignTextToFramePadding();
  TextItem(std::string("状态：") + DraftStatusName(s), s == DraftStatus::Draft   ? Colors().warn
                                                       : s == DraftStatus::Valid ? Colors().ok
                                                                                 : Colors().accent);
  ImGui::SameLine(0, Em() * 1.5f);
  ImGui::BeginDisabled(!app.writable);
  if (on_export && ImGui::Button("导出此表")) {
    view_.ShowAll();
    on_export(app, r);
  }
  ImGui::SameLine();
  if (on_print && ImGui::Button("打印")) on_print(app, r);  // every form: shown first, printed from the preview
  ImGui::SameLine();
  if (on_word && ImGui::Button("导出 Word")) on_word(app, r);  // every form: the notices want .docx files
  ImGui::SameLine();
  if (ImGui::Button("复制")) {
    if (Record* copy = app.ws.Duplicate(r.uuid)) {
      app.Changed();
      app.Go(Screen::Form, copy->uuid);
    }
  }
  ImGui::SameLine();
  if (DangerButton("删除")) {
    const std::string uuid = r.uuid;
    app.Go(Screen::Drafts);
    DeleteDraft(app, uuid);
  }
  ImGui::EndDisabled();
}

void FormScreen::MigrationNotice(AppContext& app, Record& r) {
  if (r.migrated.is_null()) return;
  BeginCard("migrated");
  SubHeading("表格格式已更新");
  Muted("此草稿按旧版表格（第 %d 版）填写，已自动转换为第 %d 版。已填写的内容都已保留：", r.migrated.value("from", 0),
        r.migrated.value("to", 0));
  for (const json& n : r.migrated.value("notes", json::array()))
    if (n.is_string()) Paragraph("· " + n.get<std::string>());
  for (const auto& [from, to] : r.migrated.value("renamed", json::object()).items())
    Paragraph("· 栏目“" + from + "”的内容已移到“" + to.get<std::string>() + "”");
  for (const char* key : {"removed", "unknown"})
    for (const auto& [field, value] : r.migrated.value(key, json::object()).items())
      Paragraph("· 已取消的栏目“" + field + "”原内容：" + (value.is_string() ? value.get<std::string>() : value.dump()),
                0, U32(Colors().warn));
  if (ImGui::Button("知道了") && app.writable) {
    r.migrated = nullptr;
    app.Edited(r.uuid);
  }
  EndCard();
}

void FormScreen::Draw(AppContext& app) {
  Record* r = app.ws.FindDraft(app.open_uuid);
  if (!r) {
    app.Go(Screen::Drafts);
    return;
  }
  const FormDef* form = app.EffectiveForm(r->form);
  if (!form) {
    ErrorText("本机没有表单“" + r->form + "”的定义，无法打开。请更新 LearnWeek。");
    return;
  }
  Toolbar(app, *r);
  // 删除 left the screen and 复制 may have moved the drafts: never draw a record that is gone.
  r = app.ws.FindDraft(app.open_uuid);
  if (app.screen != Screen::Form || !r) return;
  MigrationNotice(app, *r);
  FieldEnv env;
  env.regions = &app.regions;
  const ValidationContext vctx = app.Validation();
  env.validation = &vctx;
  env.read_only = !app.writable;
  const std::string uuid = r->uuid;
  view_.draw_photos = [&](const FieldDef& f, json& v, const FieldEnv& e) {
    return PhotosInput(f, v, e, app, photos_, uuid);
  };
  // A nominee on 往年获评名单: said beside the matching field, never an error (saving goes on).
  view_.warnings.clear();
  if (const auto m = MatchPastWinner(app.PastWinners(), *r)) view_.warnings[m->field] = m->message;
  if (view_.Draw(*form, *r, env)) app.Edited(uuid);
}

}  // namespace lw::ui
