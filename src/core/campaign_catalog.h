// campaign_catalog.h — the forms and campaigns the app runs with: the ones it ships (assets/)
// merged with the campaign packages installed on this device (package_library.h). "Forms are
// data" at run time: a package a coordinator hands down is read by the same checks as the build's
// files, kept in the workspace folder, and its forms and notices join the shipped ones.
#pragma once
#include <string>
#include <vector>

#include "campaign.h"
#include "file_store.h"
#include "form_def.h"
#include "package_library.h"

namespace lw {

class CampaignCatalog {
 public:
  // The shipped libraries, then the packages stored in `store` (a damaged one is named in
  // warnings and left where it is).
  std::vector<std::string> Load(FormLibrary builtin_forms, CampaignLibrary builtin_campaigns, const FileStore& store);
  // Reads the packages of `store` again (another tab installed one).
  std::vector<std::string> Reload(const FileStore& store);

  // Checks a package file completely and installs it (stored byte for byte); the merged
  // libraries then include it. The plan says what changed, or why nothing was installed.
  InstallPlan Install(const std::string& bytes, FileStore& store);

  const FormLibrary& forms() const { return forms_; }
  const CampaignLibrary& campaigns() const { return campaigns_; }
  const PackageLibrary& packages() const { return packages_; }
  const FormLibrary& builtin_forms() const { return builtin_forms_; }

 private:
  void Merge();
  FormLibrary builtin_forms_, forms_;
  CampaignLibrary builtin_campaigns_, campaigns_;
  PackageLibrary packages_;
};

// Whether a file is a campaign package (its format tag near the start), so a dropped file can go
// to the catalog rather than the import desk.
bool LooksLikePackage(const std::string& bytes);

}  // namespace lw
