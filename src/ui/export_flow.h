// export_flow.h — sending a bundle upwards: the summary shown before writing (the one shared
// validator decides each record's status) and the export itself, for 汇总, 填报, 首页 and the form.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "app_context.h"
#include "bundle_io.h"

namespace lw::ui {

// What exporting these records would send (by form and status, errors left, unit profile).
ExportSummary SummarizeForExport(AppContext& app, const std::vector<const Record*>& records);

// Writes and downloads the bundle, signed with this device's key: this device's drafts get their unit filled into their
// origin first, every record carries its status, and the drafts are marked 已导出. Refuses (toast) without a unit and
// region. Returns the file name, "" when nothing was written.
std::string SendBundle(AppContext& app, const std::vector<const Record*>& records, const std::string& suffix);

// The 报送包 of one deadline: the same bundle (signed, statuses, drafts marked 已导出), with every
// record as Word, the photos named from their captions and the 报送清单, as <单位>_<材料>_<日期>.zip.
std::string SendSubmission(AppContext& app, const std::vector<const Record*>& records, const std::string& material);

// This device's drafts, and with_imports everything imported too (a county's bundle upwards).
std::vector<const Record*> ExportRecords(AppContext& app, bool with_imports);

// 导出本单位数据包 wherever it is offered: Ask() opens 导出前核对 (what goes, what is left to
// correct, whether the unit is named), Draw() shows it in place until 确认导出 or 取消.
class ExportPanel {
 public:
  void Ask(AppContext& app, bool with_imports);
  // A 报送包 of these drafts (by uuid), named for `material`; drawn where Draw(app, where) is called
  // with the same `where` (the deadline's row on 首页).
  void AskSubmission(AppContext& app, const std::vector<std::string>& uuids, const std::string& material,
                     const std::string& where);
  bool open() const { return pending_.has_value(); }
  void Draw(AppContext& app, const std::string& where = "");

 private:
  struct Pending {
    bool with_imports = false;
    std::vector<std::string> uuids;  // a 报送包: these drafts only
    std::string material, where;     // a 报送包's name for its materials; where it is drawn
    ExportSummary summary;
    bool send_errors = false;  // the explicit confirmation that drafts with errors may go
    bool shown = false;        // scrolled into view once (it may open below a long table)
  };
  std::vector<const Record*> Records(AppContext& app) const;
  std::optional<Pending> pending_;
};

}  // namespace lw::ui
