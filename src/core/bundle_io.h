// bundle_io.h — between bundles and the workspace: what goes into an export or a backup, and
// how a backup is restored. (Imports from other units go to the coordinator's desk instead.)
#pragma once
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "bundle.h"
#include "workspace.h"

namespace lw {

// What an export is about to send, shown before the file is written: records by form and status,
// what is left to correct, whether the unit profile names the unit and its region.
struct ExportSummary {
  struct FormRow {
    std::string form, title;
    int valid = 0, draft = 0;
  };
  std::vector<FormRow> forms;  // in the order the records come
  int records = 0, drafts = 0;
  int issues = 0;  // messages the validator still shows in those drafts
  bool unit = false, region = false;
  std::map<std::string, std::string> status;
  std::vector<std::string> warnings;  // said before export, never a reason to refuse (往年获评名单)  // uuid →
                                      // kStatusValid / kStatusDraft, written into the bundle

  // Why nothing can be exported (Chinese), "" when it can.
  std::string Refusal() const;
  // Drafts with errors go out only after the user said so explicitly.
  bool NeedsConfirmation() const { return issues > 0; }
};
// issues_of is the form's own validator (the one the form shows while typing).
using IssuesOf = std::function<std::vector<Issue>(const Record&)>;
ExportSummary SummarizeExport(const Workspace& ws, const std::vector<const Record*>& records, const FormLibrary& forms,
                              const IssuesOf& issues_of);

// A bundle of the given records with every photo they refer to, issued by the unit profile.
// With a summary, each record carries its status from it.
Bundle MakeBundle(const Workspace& ws, const std::vector<const Record*>& records, const std::string& kind,
                  const std::string& campaign, const ExportSummary* summary = nullptr);
// Everything on this device: profile, settings, drafts and their photos.
Bundle MakeBackup(const Workspace& ws, const std::string& campaign);

struct RestoreReport {
  int restored = 0, kept_newer = 0, photos = 0;
  bool profile = false;
  std::string error;
  std::string Summary() const;  // Chinese, for a toast
};
// Brings back what a backup holds. Never deletes: a local draft with a higher revision is kept.
RestoreReport RestoreBackup(Workspace& ws, const Bundle& backup);

}  // namespace lw
