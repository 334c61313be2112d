// screen_editor.cpp — see screen_editor.h.
#include "screen_editor.h"

#include <cstdio>
#include <random>
#include <set>

#include "campaign_package.h"
#include "field_widgets.h"
#include "file_name.h"
#include "imgui.h"
#include "item_registry.h"
#include "layout.h"
#include "radio_group.h"
#include "text_widgets.h"
#include "theme.h"

namespace lw::ui {

using nlohmann::json;

namespace {

constexpr double kSaveAfterMs = 800;

std::string RandomHex() {
  std::random_device rd;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%06x", static_cast<unsigned>(rd()) & 0xffffffu);
  return buf;
}

std::string FormTitle(const Record& r, size_t i) {
  const std::string t = StringAt(r.values, "title");
  return t.empty() ? "表格 " + std::to_string(i + 1) : t;
}

void ErrorList(const char* title, const std::vector<std::string>& errors) {
  if (errors.empty()) return;
  BeginCard(title);
  SubHeading((std::string(title) + "（" + std::to_string(errors.size()) + " 处）").c_str());
  for (const std::string& e : errors) ErrorText(e);
  EndCard();
}

}  // namespace

void EditorScreen::Load(AppContext& app) {
  loaded_ = true;
  std::string text;
  PackageDraft d;
  if (app.ws.store().Read(kPackageDraftFile, text)) d = PackageDraftFromJson(json::parse(text, nullptr, false));
  if (d.campaign.empty()) {  // a first draft starts from this unit and this year
    const json& p = app.ws.profile.values;
    d.campaign = {{"issuer_unit", p.value("unit", "")},
                  {"issuer_region", p.value("region", "")},
                  {"year", 1970 + static_cast<int>(app.wall_now / 31556952)},
                  {"requirements", json::array()}};
  }
  Start(d);
}

void EditorScreen::Start(const PackageDraft& d) {
  campaign_ = Record{};
  campaign_.uuid = "editor-campaign";
  campaign_.form = "campaign_editor";
  campaign_.values = d.campaign;
  forms_.clear();
  bases_.clear();
  for (const FormDraft& f : d.forms) AddForm(f);
  tab_ = 0;
  editor_view_.Reset();
}

void EditorScreen::AddForm(FormDraft d) {
  Record r;
  r.uuid = d.id;  // the form's id: stable for the editor's messages and its draft file
  r.form = "form_editor";
  r.values = std::move(d.values);
  forms_.push_back(std::move(r));
  bases_.push_back(std::move(d.base));
}

PackageDraft EditorScreen::Draft() const {
  PackageDraft d;
  d.campaign = campaign_.values;
  for (size_t i = 0; i < forms_.size(); ++i) d.forms.push_back({forms_[i].uuid, forms_[i].values, bases_[i]});
  return d;
}

void EditorScreen::Edited(AppContext& app) {
  if (!dirty_) dirty_since_ = app.now_ms;
  dirty_ = true;
  build_errors_.clear();  // they were about the draft as it was
}

void EditorScreen::Flush(AppContext& app) {
  if (!dirty_ || !app.writable) return;
  std::string error;
  if (!app.ws.store().WriteAtomic(kPackageDraftFile, PackageDraftToJson(Draft()).dump(), &error)) {
    app.Toast("活动包草稿未能保存：" + error, true);
    return;
  }
  dirty_ = false;
  platform::PersistData();
}

void EditorScreen::RebuildPreview(size_t i) {
  const SheetRead read = FormFromEditor({forms_[i].uuid, forms_[i].values, bases_[i]});
  form_errors_ = read.errors;
  preview_ok_ = read.form.has_value();
  if (!read.form) return;
  preview_form_ = *read.form;
  if (preview_.form != preview_form_.id) {
    preview_ = Record{};
    preview_.uuid = "editor-preview";
    preview_.form = preview_form_.id;
    preview_view_.Reset();
  }
}

void EditorScreen::Open(size_t tab) {
  if (tab == tab_ || tab > forms_.size()) return;
  tab_ = tab;
  confirm_delete_ = false;
  editor_view_.Reset();
  if (tab_ > 0) RebuildPreview(tab_ - 1);
}

// 导出前需要修改: each problem is a link to the part it is in; the focus goes to that part's tab,
// with what needs changing right below it.
void EditorScreen::BuildErrorLinks() {
  if (build_errors_.empty()) return;
  BeginCard("build-errors");
  SubHeading(("导出前需要修改（" + std::to_string(build_errors_.size()) + " 处）").c_str());
  for (size_t k = 0; k < build_errors_.size(); ++k) {
    const BuildError& e = build_errors_[k];
    ImGui::PushID(static_cast<int>(k));
    if (ListEntry(e.text.c_str())) {
      Open(e.form < 0 ? 0 : static_cast<size_t>(e.form) + 1);
      focus_part_ = true;
    }
    Semantics& sem = LastItemSemantics();
    sem.role = Role::Link;
    sem.group_role = "list";
    sem.group = "导出前需要修改";
    ImGui::PopID();
  }
  EndCard();
}

// The parts of the package, one button each (one Tab stop; arrows move between them).
void EditorScreen::Parts(AppContext& app) {
  RadioGroup parts(static_cast<int>(tab_), "活动包的内容", RadioGroup::Look::Buttons);
  parts.Item("活动信息");
  for (size_t i = 0; i < forms_.size(); ++i) {
    ImGui::SameLine();
    parts.Item(("表格：" + FormTitle(forms_[i], i)).c_str());
  }
  if (const int k = parts.End(); k >= 0) Open(static_cast<size_t>(k));
  if (focus_part_) RequestFocus(parts.IdOf(static_cast<int>(tab_)));
  focus_part_ = false;
  AddButtons(app);
}

void EditorScreen::AddButtons(AppContext& app) {
  ImGui::BeginDisabled(!app.writable);
  if (TouchButton("＋ 新建表格###editor.new_form")) {
    AddForm(NewFormDraft(RandomHex()));
    tab_ = forms_.size();
    editor_view_.Reset();
    RebuildPreview(tab_ - 1);
    Edited(app);
  }
  ImGui::SameLine();
  std::vector<std::string> titles;
  std::vector<const FormDef*> library;
  for (const FormDef& f : app.forms.forms)
    if (f.kind != "profile") {
      titles.push_back(f.title);
      library.push_back(&f);
    }
  int picked = -1;
  if (Combo("##复制已有表格", picked, titles, "复制已有表格…", Em() * 16) && picked >= 0) {
    AddForm(CopyFormDraft(*library[picked], RandomHex()));
    tab_ = forms_.size();
    editor_view_.Reset();
    RebuildPreview(tab_ - 1);
    Edited(app);
  }
  ImGui::SameLine();
  if (TouchButton("从 Excel/WPS 读入表格…"))
    app.ChooseFiles({FileTarget::Kind::FormSheet, {}, {}},
                    ".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", false);
  ImGui::EndDisabled();
}

void EditorScreen::AddSheet(AppContext& app, const std::string& name, const std::string& bytes) {
  app.Go(Screen::Editor);
  if (!loaded_) Load(app);
  SheetFormInfo info;
  info.id = "f_" + RandomHex();
  info.title = name.substr(0, name.rfind('.'));
  SheetRead read = FormFromSpreadsheet(bytes, info);
  sheet_name_ = name;
  sheet_errors_ = read.errors;
  if (!read.form) {
    app.Toast("“" + name + "”未能读入：有 " + std::to_string(read.errors.size()) + " 处需要修改", true);
    return;
  }
  FormDraft d{info.id, FormEditorValues(*read.form), std::nullopt};
  AddForm(std::move(d));
  tab_ = forms_.size();
  editor_view_.Reset();
  RebuildPreview(tab_ - 1);
  Edited(app);
  app.Toast("已读入表格“" + info.title + "”：" + std::to_string(read.form->AllFields().size()) + " 个栏目");
}

void EditorScreen::DrawCampaign(AppContext& app, const FieldEnv& env) {
  // The forms a requirement may name: the ones being written (those still with problems too: a
  // choice must not vanish while it is fixed), then the app's own (not the profile).
  std::vector<std::string> titles;
  for (size_t i = 0; i < forms_.size(); ++i) titles.push_back(FormTitle(forms_[i], i));
  // Another province's own forms are not offered, unless a row already names one.
  std::set<std::string> chosen;
  if (const auto rows = campaign_.values.find("requirements"); rows != campaign_.values.end() && rows->is_array())
    for (const auto& row : *rows) chosen.insert(StringAt(row, "form"));
  const std::string region = StringAt(campaign_.values, "issuer_region");
  for (const FormDef& f : app.forms.forms)
    if (f.package.empty() && f.kind != "profile" &&
        (chosen.count(f.title) || !app.campaigns.OtherProvincesOnly(f.id, region)))
      titles.push_back(f.title);
  if (titles != choice_titles_ || campaign_form_.id.empty()) {
    campaign_form_ = CampaignEditorForm(titles);
    choice_titles_ = titles;
  }
  if (editor_view_.Draw(campaign_form_, campaign_, env)) Edited(app);
}

void EditorScreen::Preview(const FieldEnv& env) {
  BeginCard("preview-head");
  SubHeading("预览：单位看到的表格");
  Muted("可以在预览中试填，检查栏目和提示；试填的内容不保存。");
  EndCard();
  if (!preview_ok_ && preview_form_.id.empty()) {
    Muted("表格还有需要修改的地方，改好后这里显示预览。");
    return;
  }
  if (!preview_ok_) Muted("下面是上一次没有问题时的样子。");
  FieldEnv e = env;
  e.read_only = false;
  preview_view_.quiet_when_valid = true;  // an empty trial is not "全部填写正确"
  preview_view_.Draw(preview_form_, preview_, e);
}

void EditorScreen::DrawForm(AppContext& app, size_t i, const FieldEnv& env) {
  // On a very wide screen the preview stands beside the editor, which keeps the larger share for
  // its table of seven columns; on 1920 px at the default text size that table would be cramped
  // (measured: 必填 cut off), so the preview follows right below it.
  const bool side_by_side = ImGui::GetContentRegionAvail().x > Em() * 95;
  if (side_by_side) {
    ImGui::BeginTable("editor-split", 2, ImGuiTableFlags_SizingStretchProp);
    ImGui::TableSetupColumn("editor", ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn("preview", ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableNextColumn();
  }
  ErrorList("表格需要修改", form_errors_);
  editor_view_.quiet_when_valid = true;  // the form's own checks are the list above
  if (editor_view_.Draw(form_form_, forms_[i], env)) {
    RebuildPreview(i);
    Edited(app);
  }
  ImGui::BeginDisabled(!app.writable);
  // Two steps: a whole form is a lot to lose to one stray click.
  if (DangerButton(confirm_delete_ ? "确认删除此表格###delete-form" : "从活动包中删除此表格###delete-form")) {
    if (confirm_delete_) {
      const std::string title = FormTitle(forms_[i], i);
      forms_.erase(forms_.begin() + static_cast<long>(i));
      bases_.erase(bases_.begin() + static_cast<long>(i));
      tab_ = 0;
      editor_view_.Reset();
      Edited(app);
      app.Toast("已从活动包中删除表格“" + title + "”");
      confirm_delete_ = false;
      ImGui::EndDisabled();
      if (side_by_side) ImGui::EndTable();
      return;
    }
    confirm_delete_ = true;
  }
  if (confirm_delete_) {
    ImGui::SameLine();
    if (TouchButton("取消##delete-form")) confirm_delete_ = false;
    ImGui::SameLine();
    Muted("再按一次“确认删除此表格”删除；已导出的活动包不受影响。");
  }
  ImGui::EndDisabled();
  if (side_by_side) ImGui::TableNextColumn();
  Preview(env);
  if (side_by_side) ImGui::EndTable();
}

// A package installed on this device (its last version) as the draft of its next version: offered
// while nothing is written yet, so it never replaces a draft.
void EditorScreen::ContinueInstalled(AppContext& app) {
  if (!app.packages || !forms_.empty() || !campaign_.values.value("requirements", json::array()).empty()) return;
  const std::string region = app.ws.profile.values.value("region", "");
  for (const CampaignPackage& p : app.packages->packages()) {
    if (!region.empty() && p.issuer.region != region) continue;  // only this unit's own notices
    ImGui::PushID(p.id.c_str());
    ImGui::BeginDisabled(!app.writable);
    if (TouchButton(("继续编写“" + p.Title() + "”（第 " + std::to_string(p.version + 1) + " 版）").c_str())) {
      Start(DraftFromPackage(p));
      Edited(app);
      app.Toast("已打开第 " + std::to_string(p.version) + " 版，导出时为第 " + std::to_string(p.version + 1) + " 版");
    }
    ImGui::EndDisabled();
    ImGui::PopID();
  }
}

void EditorScreen::ExportCard(AppContext& app) {
  BuildErrorLinks();
  BeginCard("export");
  SubHeading("导出活动包");
  const std::string id = PackageIdFor(campaign_.values);
  const CampaignPackage* installed = app.packages ? app.packages->Find(id) : nullptr;
  Muted(
      "导出的活动包（.json）发给下级单位：他们在首页点“打开活动包…”，或把文件拖到页面上。本机同时安装此活动包，"
      "下级报回的数据包可直接导入汇总。%s",
      installed ? ("本机已有第 " + std::to_string(installed->version) + " 版，这次导出为第 " +
                   std::to_string(installed->version + 1) + " 版；已填的草稿会按新版逐项更新。")
                      .c_str()
                : "");
  ImGui::BeginDisabled(!app.writable);
  if (PrimaryButton("检查并导出活动包")) Export(app);
  ImGui::EndDisabled();
  EndCard();
}

void EditorScreen::Export(AppContext& app) {
  Flush(app);
  const std::string id = PackageIdFor(campaign_.values);
  const CampaignPackage* installed = app.packages ? app.packages->Find(id) : nullptr;
  PackageBuild b = BuildPackage(Draft(), app.forms, installed, NowIso());
  build_errors_ = std::move(b.errors);
  if (!b.package) {
    app.Toast("活动包还有 " + std::to_string(build_errors_.size()) + " 处需要修改，见“导出前需要修改”", true);
    return;
  }
  const json doc = json::parse(b.bytes);
  const std::string file =
      SafeFileName(b.package->Title() + "_活动包_第" + std::to_string(b.package->version) + "版", "json", "活动包");
  // Signed with this device's key, as bundles are: a unit that installed it refuses a later
  // version signed by another key.
  platform::SignBytes(CanonicalPackageBytes(doc), [this, &app, doc, file, unsigned_bytes = std::move(b.bytes)](
                                                      std::string key, std::string signature) {
    const std::string bytes = key.empty() ? unsigned_bytes : SignedPackageBytes(doc, key, signature);
    const InstallPlan plan = install ? install(app, bytes) : InstallPlan{};
    if (!plan.ok()) {
      build_errors_ = {{"本机未能安装：" + plan.error}};
      app.Toast("活动包未导出：" + plan.error, true);
      return;
    }
    platform::Download(file, "application/json", bytes);
    app.Toast("已导出活动包“" + file + "”" + (key.empty() ? "（此浏览器不能签名，未签名）" : "（已签名）"));
  });
}

void EditorScreen::Draw(AppContext& app) {
  if (!loaded_) Load(app);
  Heading("编写活动包");
  Muted(
      "上级单位（教育厅、教育局、社区教育指导中心）在这里编写本级活动周的通知和表格，导出活动包发给下级单位。"
      "草稿自动保存在本机。");
  ContinueInstalled(app);
  Parts(app);
  if (!sheet_errors_.empty()) {
    ErrorList(("“" + sheet_name_ + "”未能读入").c_str(), sheet_errors_);
    Muted("表格模板的列：%s。类型可用：%s", "字段标识、标题、类型、必填、字数上限、选项、说明、预填",
          SheetTypeNames().c_str());
  }
  FieldEnv env;
  env.regions = &app.regions;
  env.read_only = !app.writable;
  if (tab_ > forms_.size()) tab_ = 0;
  if (tab_ == 0)
    DrawCampaign(app, env);
  else
    DrawForm(app, tab_ - 1, env);
  ExportCard(app);
  if (dirty_ && app.now_ms - dirty_since_ > kSaveAfterMs) Flush(app);
}

}  // namespace lw::ui
