// raw_backup.h — a copy of this device's data folder, saved by the page's failure screen straight
// from IndexedDB when the app itself cannot start (web/lw-fallback.js): the one way to get drafts
// out of a browser where the WebAssembly never ran. Restoring it goes the way of every backup: the
// files are loaded as a workspace in a scratch folder, written as a backup bundle and read back
// with every check a bundle gets (ReadBundle), then restored (RestoreBackup).
#pragma once
#include <string>

#include "bundle.h"

namespace lw {

constexpr const char* kRawBackupFormat = "learnweek-raw-backup";

// True when the file announces itself as a raw backup (a cheap look at its start and end).
bool LooksLikeRawBackup(const std::string& bytes);

// Unpacks the raw backup into a scratch folder (removed afterwards) and reads it back as a backup
// bundle. On failure the result carries a Chinese reason and no bundle.
BundleReadResult ReadRawBackup(const std::string& bytes, const FormLibrary& forms);

}  // namespace lw
