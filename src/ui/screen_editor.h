// screen_editor.h — 编写活动包: a coordinator (教育厅, 教育局, 社区教育指导中心) writes the year's
// notice and the forms it asks for, sees each form as the units will, and exports the campaign
// package handed down to them. The editors are forms themselves (package_editor.h), so they are
// checked as you type, reachable by keyboard and read by screen readers like every other form.
// The draft is kept in the data folder and survives a reload.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app_context.h"
#include "form_view.h"
#include "package_editor.h"

namespace lw::ui {

class EditorScreen {
 public:
  void Draw(AppContext& app);
  // A form read from a spreadsheet (Excel or WPS .xlsx, or CSV) joins the package being written.
  void AddSheet(AppContext& app, const std::string& name, const std::string& bytes);
  // Writes the draft when it changed (also before the page goes away).
  void Flush(AppContext& app);
  // Installs a package on this device (the coordinator reads what comes back up with its forms).
  std::function<InstallPlan(AppContext&, const std::string& bytes)> install;

 private:
  void Load(AppContext& app);
  void Start(const PackageDraft& d);
  PackageDraft Draft() const;
  void Parts(AppContext& app);
  void Open(size_t tab);  // 0: 活动信息, i + 1: form i
  void BuildErrorLinks();
  void AddButtons(AppContext& app);
  void DrawCampaign(AppContext& app, const FieldEnv& env);
  void DrawForm(AppContext& app, size_t i, const FieldEnv& env);
  void Preview(const FieldEnv& env);
  void RebuildPreview(size_t i);
  void ContinueInstalled(AppContext& app);
  void ExportCard(AppContext& app);
  void Export(AppContext& app);
  void AddForm(FormDraft d);
  void Edited(AppContext& app);

  bool loaded_ = false;
  Record campaign_;
  std::vector<Record> forms_;  // one per form draft: values are the form editor's
  std::vector<std::optional<FormDef>> bases_;
  size_t tab_ = 0;  // 0: 活动信息, i + 1: form i
  FormDef campaign_form_, form_form_ = FormEditorForm();
  std::vector<std::string> choice_titles_;  // what campaign_form_ offers, to rebuild it when they change
  FormView editor_view_, preview_view_;
  FormDef preview_form_;
  Record preview_;
  bool preview_ok_ = false;
  std::vector<std::string> form_errors_, sheet_errors_;
  std::vector<BuildError> build_errors_;
  bool focus_part_ = false;  // a link in 导出前需要修改 was followed: its part's tab takes the focus
  std::string sheet_name_;
  bool confirm_delete_ = false;  // 从活动包中删除此表格 pressed once
  bool dirty_ = false;
  double dirty_since_ = 0;
};

}  // namespace lw::ui
