// app_context.h — what every screen may use: the user's data, the shipped definitions, and a
// few app-wide actions. Screens never talk to the host directly except through platform.h.
#pragma once
#include <map>
#include <string>

#include "aggregate.h"
#include "campaign.h"
#include "form_def.h"
#include "import_store.h"
#include "package_library.h"
#include "past_winners.h"
#include "platform.h"
#include "region.h"
#include "validate.h"
#include "workspace.h"

namespace lw::ui {

enum class Screen { Home, Profile, Drafts, Form, Desk, Map, Ceremony, Settings, Editor };

// A file the user chose or dropped, as the browser read it. sha256: its digest from WebCrypto
// (hex), "" where the page has none (plain http off localhost): then whoever needs it computes it.
struct OpenedFile {
  std::string name, bytes, sha256;
};

// Where the files chosen for one request of the file chooser should go.
struct FileTarget {
  enum class Kind { Import, Photos, Restore, ExpectedUnits, PastWinners, Package, FormSheet } kind = Kind::Import;
  std::string uuid, field;  // for Photos
};

class AppContext {
 public:
  AppContext(Workspace& ws, ImportStore& imports, const FormLibrary& forms, const RegionDb& regions,
             const CampaignLibrary& campaigns)
      : ws(ws), imports(imports), forms(forms), regions(regions), campaigns(campaigns) {}
  Workspace& ws;
  ImportStore& imports;
  const FormLibrary& forms;
  const RegionDb& regions;
  const CampaignLibrary& campaigns;
  const PackageLibrary* packages = nullptr;  // the campaign packages installed on this device

  double now_ms = 0;       // monotonic: timers, toasts, autosave
  long long wall_now = 0;  // UTC seconds by the device's clock: the calendar (which campaigns are open)
  bool writable = true;    // false while another tab owns the data
  Screen screen = Screen::Home;
  std::string open_uuid;  // the draft shown by Screen::Form
  // Open file-chooser requests by id: each answer goes where its own request wanted it; a
  // cancelled chooser leaves an entry that nothing ever matches.
  std::map<int, FileTarget> file_requests;
  void ChooseFiles(FileTarget target, const std::string& accept, bool multiple) {
    file_requests[platform::OpenFilePicker(accept, multiple)] = std::move(target);
  }

  // Call after changing a record: saves it within a second.
  void Edited(const std::string& uuid);
  // Anything that changes which records exist (import, delete, restore): summaries rebuild.
  void Changed() { ++data_version; }
  // The forms or campaigns changed (a campaign package installed): cached forms and statuses go.
  void LibrariesChanged();
  unsigned data_version = 0;
  // Local drafts and imported records together, each with the unit that made it (its origin)
  // and whether it is still a draft.
  std::vector<SourceRecord> AllRecords();
  std::vector<ImportPlan> last_imports;  // report of the last batch of imported files
  std::string feed_updated;              // local time ("14:05:09") the live feed was last read, "" before

  void SettingsChanged();
  void Go(Screen s, std::string uuid = {});

  // The chosen campaign and issuer (settings), with fall-backs.
  const Campaign* campaign() const;
  const Issuer* issuer() const;
  // The form as the chosen issuer asks for it (its rule overrides applied), or nullptr.
  const FormDef* EffectiveForm(const std::string& form_id);
  ValidationContext Validation() const;
  // The rules an import checks values with: the form's own, with the region list. (The activity
  // window is left out: the sender answered its own issuer's notice, which may set other dates.)
  ValidationContext ImportValidation() const;
  // The messages the form would show for a record (the one shared validator).
  std::vector<Issue> IssuesOf(const Record& r);
  DraftStatus StatusOf(const Record& r);
  std::string TitleOf(const Record& r) const;  // a human name for a draft: its name/title field
  // 往年获评名单 as last imported (kept as past_winners.csv in the data folder), read again
  // after anything changed; empty when none was imported.
  static constexpr const char* kPastWinnersFile = "past_winners.csv";
  const std::vector<PastWinner>& PastWinners();

  // A list the coordinator chose (应报单位名单, 往年获评名单): refused with its reader's reason
  // (error), else kept as `file` byte for byte — read again with the same rules on start — and
  // announced with what it holds (summary, e.g. "12 个单位").
  void KeepChosenList(const std::string& name, const std::string& bytes, const char* file, const std::string& what,
                      const std::string& error, const std::string& summary);

  // A short message at the bottom of the window, e.g. "已导出".
  void Toast(std::string text, bool error = false);
  // A campaign package's newer version just installed: what changed in its forms, shown on 首页
  // until read (a toast is too brief for a list of changed fields).
  std::vector<std::string> package_changes;
  std::string toast;
  bool toast_error = false;
  double toast_until = 0;
  std::string undo_uuid;  // a draft just deleted: the toast offers 撤销
  bool theme_dirty = true;
  std::string signing_key;  // this device's public key (raw P-256 point), once the host has it

 private:
  struct StatusCache {
    unsigned serial = ~0u;
    std::string exported, updated, issuer;
    DraftStatus status = DraftStatus::Draft;
  };
  std::map<std::string, unsigned> edit_serial_;
  std::map<std::string, StatusCache> status_cache_;
  std::map<std::string, FormDef> effective_;
  std::vector<PastWinner> past_winners_;
  unsigned past_winners_version_ = ~0u;  // key: issuer key + form id
};

}  // namespace lw::ui
