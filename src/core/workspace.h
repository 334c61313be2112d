// workspace.h — everything the user has on this device: settings, the unit profile and drafts,
// with debounced, crash-safe saving. The UI edits records in memory and calls Touch(); Flush()
// writes what is due. Timing is passed in (milliseconds) so tests can drive it.
#pragma once
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "file_store.h"
#include "form_def.h"
#include "record.h"
#include "settings.h"

namespace lw {

class Workspace {
 public:
  static constexpr const char* kProfileForm = "unit_profile";
  static constexpr double kDebounceMs = 300;  // save this long after the last keystroke
  static constexpr double kMaxDelayMs = 800;  // ...but never later than this after the first one

  explicit Workspace(std::string data_dir) : store_(std::move(data_dir)) {}

  // Reads everything stored. Broken files are set aside (renamed *.broken), never deleted.
  void Load();

  Settings settings;
  Record profile;
  std::vector<Record> drafts;

  // Called after each edit of a record (by uuid; the profile's uuid works too) or of settings.
  void Touch(const std::string& uuid, double now_ms);
  void TouchSettings(double now_ms);
  bool HasPending() const { return !pending_.empty(); }
  bool HasPendingFor(const std::string& uuid) const { return pending_.count(uuid) != 0; }
  // Time at which Flush() has work to do, or nullopt when nothing is pending.
  std::optional<double> NextDeadline() const;
  // Writes every record whose debounce expired (all of them when force). Returns the number
  // written; errors are kept in last_error(). After a successful write, on_written is called
  // (the browser uses it to sync IndexedDB).
  int Flush(double now_ms, bool force);
  const std::string& last_error() const { return last_error_; }
  std::function<void()> on_written;

  // --- Drafts -----------------------------------------------------------------------------------
  // A new draft of `form`, prefilled from the unit profile ("prefill": "profile.unit"), saved now.
  Record& NewDraft(const FormDef& form);
  Record* Duplicate(const std::string& uuid);
  // Moves a draft to the recycle bin (trash/), from where Restore() brings it back.
  bool Delete(const std::string& uuid);
  bool Restore(const std::string& uuid);
  std::vector<Record> Trash() const;
  // Brings drafts made with older definitions up to date (see migrate.h); returns how many.
  int MigrateDrafts(const FormLibrary& forms);
  // Marks records as exported now (status 已导出) without changing their content or revision.
  void MarkExported(const std::vector<std::string>& uuids);
  // Replaces a draft with an incoming version (restore from backup; never an import); saved now.
  bool PutRecord(const Record& r);

  // --- Origin -----------------------------------------------------------------------------------
  // This device as the origin of what it creates: the profile's unit and region, the device id.
  Origin OwnOrigin() const;
  // Fills a unit or region left empty in the origin of drafts made here (created before the
  // profile was filled in), so no record leaves the device without its unit. Returns how many.
  int FillOrigins();

  // Deletes everything stored on this device (after a backup; the UI insists on one).
  void ClearAll();

  // --- Photos: content-addressed files photos/<sha256> ------------------------------------------
  std::string AddPhoto(const std::string& bytes);  // returns the SHA-256, "" on failure
  bool ReadPhoto(const std::string& sha256, std::string& out) const;
  const FileStore& store() const { return store_; }
  int CollectUnusedPhotos();

  Record* FindDraft(const std::string& uuid);
  Record* FindRecord(const std::string& uuid);  // profile or draft

  // The stored state as JSON: exactly what is on disk, for window.learnweek.state().
  std::string StoredStateJson() const;

  FileStore& store() { return store_; }
  const std::vector<std::string>& load_warnings() const { return load_warnings_; }

 private:
  struct Pending {
    double first = 0, last = 0;
  };
  bool WriteRecord(Record& r, const std::string& rel);
  std::string RelPathOf(const std::string& uuid) const;
  bool LoadRecordFile(const std::string& rel, Record& out);
  bool WriteNow(const Record& r, const std::string& rel);

  FileStore store_;
  std::map<std::string, Pending> pending_;  // key: uuid or "settings"
  std::string last_error_;
  std::vector<std::string> load_warnings_;
};

}  // namespace lw
