// campaign_catalog.cpp — see campaign_catalog.h.
#include "campaign_catalog.h"

#include "campaign_package.h"

namespace lw {

std::vector<std::string> CampaignCatalog::Load(FormLibrary builtin_forms, CampaignLibrary builtin_campaigns,
                                               const FileStore& store) {
  builtin_forms_ = std::move(builtin_forms);
  builtin_campaigns_ = std::move(builtin_campaigns);
  return Reload(store);
}

std::vector<std::string> CampaignCatalog::Reload(const FileStore& store) {
  packages_ = PackageLibrary();
  std::vector<std::string> warnings = packages_.Load(store, builtin_forms_);
  Merge();
  return warnings;
}

InstallPlan CampaignCatalog::Install(const std::string& bytes, FileStore& store) {
  PackageRead read = ParsePackage(bytes, builtin_forms_);
  if (!read.package) {
    InstallPlan refused;
    refused.error = read.errors.empty() ? "这不是有效的活动包" : read.errors.front();
    return refused;
  }
  InstallPlan plan = packages_.Install(std::move(*read.package), builtin_forms_, &store);
  if (plan.ok()) Merge();
  return plan;
}

void CampaignCatalog::Merge() {
  forms_ = MergeForms(builtin_forms_, packages_);
  campaigns_ = MergeCampaigns(builtin_campaigns_, packages_);
}

bool LooksLikePackage(const std::string& bytes) {
  return bytes.substr(0, 4096).find(std::string("\"") + kPackageFormat + "\"") != std::string::npos;
}

}  // namespace lw
