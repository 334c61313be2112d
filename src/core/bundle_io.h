// bundle_io.h — between bundles and the workspace: what goes into an export or a backup, and
// how a backup is restored. (Imports from other units go to the coordinator's desk instead.)
#pragma once
#include <string>
#include <vector>

#include "bundle.h"
#include "workspace.h"

namespace lw {

// A bundle of the given records with every photo they refer to, issued by the unit profile.
Bundle MakeBundle(const Workspace& ws, const std::vector<const Record*>& records, const std::string& kind,
                  const std::string& campaign);
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
