// package_library.h — the campaign packages installed on this device, several issuers' side by
// side (教育部, a province, a city), keyed by package id and kept as packages/<id>.json in the
// workspace folder (IndexedDB in the browser; written crash-safely through FileStore). The app's
// form and campaign libraries are the shipped ones merged with these.
//
// Installing: a package id not seen before is added; a higher version of an installed one
// replaces it and says, form by form, what changed (the drafts then migrate field by field,
// migrate.h). Refused: an equal or lower version; the same id from an issuer of another region
// (or, once a package was installed signed, unsigned or signed by another key); a form id that a
// shipped form or another package's form already has; a notice id that another package already
// uses in the same campaign; a form whose content changed while its version did not.
#pragma once
#include <string>
#include <vector>

#include "campaign_package.h"
#include "file_store.h"
#include "migrate.h"

namespace lw {

constexpr const char* kPackagesDir = "packages";  // in the workspace folder

// What installing a package would do, or why it cannot be installed.
struct InstallPlan {
  std::string error;    // Chinese; "" = it can be installed
  std::string title;    // the package's title (CampaignPackage::Title)
  int version = 0;      // the version being installed
  int old_version = 0;  // the installed version it replaces; 0 = a new package
  // Form by form, in the new package's order, then the forms it no longer has: only forms added,
  // taken away, or changed (version or fields).
  std::vector<FormChanges> changes;
  int migrated_drafts = 0;  // set by whoever then migrates the drafts (Workspace::MigrateDrafts)
  bool ok() const { return error.empty(); }
  // "已安装活动包「…」第 1 版（新增 1 张表格）" or "活动包「…」第 1 版 → 第 2 版：1 张表格有变化",
  // then "；2 份草稿已按新版表格更新".
  std::string Summary() const;
  // What changed, for the unit to read before it goes on filling: each form's summary, then its
  // fields' changes ("「…」第 1 版 → 第 2 版：新增 1 个栏目", "　新增栏目「联系电话」").
  std::vector<std::string> ChangeLines() const;
};

class PackageLibrary {
 public:
  // Installed packages, by id.
  const std::vector<CampaignPackage>& packages() const { return packages_; }
  const CampaignPackage* Find(const std::string& id) const;

  // Checks `p` (as ParsePackage returned it) against what is installed and the shipped forms.
  // Changes nothing.
  InstallPlan Plan(const CampaignPackage& p, const FormLibrary& builtin) const;
  // Plan, then (when it can be installed) stores the file as read, byte for byte, in
  // packages/<id>.json of `store` (when given; a failed write refuses) and puts it in the library.
  InstallPlan Install(CampaignPackage p, const FormLibrary& builtin, FileStore* store = nullptr);
  // Takes a package out (and its file). Drafts of its forms stay on the device.
  bool Remove(const std::string& id, FileStore* store = nullptr);

  // Reads every packages/*.json of `store` again (each through ParsePackage). A file that does
  // not read (damaged, or refused by this build) stays where it is and is named in the returned
  // warnings; the others are loaded as they were installed.
  std::vector<std::string> Load(const FileStore& store, const FormLibrary& builtin);

 private:
  void Put(CampaignPackage p);
  std::vector<CampaignPackage> packages_;  // sorted by id
};

// The shipped forms with every installed package's forms (each FormDef's `package` says which);
// `packages` lists every installed package. A form id already taken (a shipped form added in a
// later release, say) keeps the first and names the other in `errors`.
FormLibrary MergeForms(const FormLibrary& builtin, const PackageLibrary& packages);

// The shipped campaigns with every installed package's campaign. Packages naming the same
// campaign id make one campaign with all their notices (教育部's and the provinces' for 2026):
// the title, theme, dates and window come from the shipped campaign, else from the package of
// the widest region (the Ministry's before a province's before a city's); calendar rows are
// joined. A package's notice replaces a shipped notice with the same id (a correction sent down);
// one already given by another package is left out and named in `errors`.
CampaignLibrary MergeCampaigns(const CampaignLibrary& builtin, const PackageLibrary& packages);

}  // namespace lw
