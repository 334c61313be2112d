// import_store.h — the coordinator's side: bundles received from other units, kept with their
// provenance (which unit, which file, its SHA-256, when) in imports/<sha256>.json, merged by
// record UUID. Planning is separate from applying, so a report can be shown and a bundle is
// applied all-or-nothing.
//
// Merge rules (ownership): a version replaces a stored one silently only when both have the same
// origin (unit, region, device) and it has a higher revision; the same version arriving by two
// paths (a county's bundle and a city's forwarding it) counts once. A version from another
// origin is a conflict, shown side by side until the user picks one. This device's own drafts
// are never replaced by an import: a different incoming version is a suggestion, taken over
// field by field or dismissed.
#pragma once
#include <algorithm>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "bundle.h"
#include "workspace.h"

namespace lw {

struct Provenance {
  std::string file_name, sha256, unit, region, created, imported, campaign;
  size_t records = 0;
  std::string key;      // fingerprint of the key that signed it ("" = unsigned)
  std::string warning;  // what was wrong with its signature against the unit's pinned key
};

enum class MergeAction { Added, Updated, Unchanged, KeptNewer, Conflict, Suggested };
// 新增 / 更新 / 无变化 / 保留较新 / 冲突 / 本机记录的修改建议
const char* MergeActionName(MergeAction a);

struct MergeItem {
  std::string uuid, form, title;
  MergeAction action;
  int incoming_revision = 0, existing_revision = 0;
};

struct ImportPlan {
  std::string file_name, sha256, refused;  // refused: why nothing was imported ("" = accepted)
  std::string key;                         // signing key's fingerprint ("" = unsigned)
  std::string warning;            // unsigned or another key than the one pinned for this unit (imported all the same)
  bool already_imported = false;  // the same bytes were imported before: nothing changes
  static constexpr size_t kMaxItems = 500;  // details kept for display; counts cover everything
  std::vector<MergeItem> items;
  int counts[6] = {};
  void Add(MergeItem item);
  bool Full() const { return items.size() >= kMaxItems; }  // further items are only counted
  void Tally(MergeAction a) { ++counts[static_cast<int>(a)]; }
  void Clear() {
    items.clear();
    std::fill(std::begin(counts), std::end(counts), 0);
  }
  int Count(MergeAction a) const;
  std::string Summary() const;  // "新增 3 条，更新 1 条，无变化 2 条"
};

// Two versions of one record that the rules cannot order (other origins, or one origin's two
// different edits of the same revision), shown side by side with both origins.
struct Conflict {
  Record existing, incoming;  // existing: the version the tables use until the user decides
  std::string incoming_sha;   // bundle the incoming version came from
};

// An imported version of one of this device's own drafts that differs from it.
struct Suggestion {
  Record incoming;
  std::string sha, unit;  // bundle it came from, and that bundle's issuer
};

// Same origin: same unit, region and device (records from before origins carry no device).
inline bool SameOrigin(const Record& a, const Record& b) { return a.origin == b.origin; }

class ImportStore {
 public:
  explicit ImportStore(Workspace& ws) : ws_(ws) {}
  void Load();

  // Checks a file completely (values with the form's rules under ctx) and says what importing it
  // would do. Changes nothing. sha256: the file's digest if the host computed it (see ReadBundle).
  ImportPlan Plan(const std::string& file_name, const std::string& bytes, const FormLibrary& forms,
                  const ValidationContext& ctx = {}, std::string_view sha256 = {}) const;
  // Applies a file (checked again). Returns the plan as carried out.
  ImportPlan Import(const std::string& file_name, const std::string& bytes, const FormLibrary& forms,
                    const ValidationContext& ctx = {}, std::string_view sha256 = {});

  // Every record from every imported bundle, merged by UUID with the rules above (this device's
  // own drafts left out). The pointers stay valid until the next Import, Remove, Resolve,
  // Dismiss or Load.
  const std::vector<const Record*>& records() const { return merged_; }
  const std::vector<Provenance>& bundles() const { return bundles_; }
  const std::vector<Conflict>& conflicts() const { return conflicts_; }
  const std::vector<Suggestion>& suggestions() const { return suggestions_; }
  // Provenance of the bundle a merged record came from (nullptr for none).
  const Provenance* SourceOf(const std::string& uuid) const;
  // That bundle's route table (what its records' via points into; nullptr for none).
  const std::vector<Route>* RoutesOf(const std::string& uuid) const;

  // Takes one bundle's records out again.
  bool Remove(const std::string& sha256);
  // Resolves a conflict by keeping `incoming` (true) or the existing version (false). Later
  // versions from the chosen origin then follow silently; the rejected one never returns.
  void Resolve(size_t index, bool take_incoming);
  // The user is done with a suggestion (what was wanted has been taken over into the draft).
  void Dismiss(size_t index);

  // The key pinned for a unit (the first signed bundle seen from it), "" when none.
  std::string PinnedKey(const std::string& unit, const std::string& region) const;

  // A version's identity for decisions: origin, revision and values.
  static std::string Fingerprint(const Record& r);

 private:
  struct Stored {
    Provenance prov;
    std::vector<Route> routes;
    std::vector<Record> records;
  };
  struct Decision {
    std::string chosen;             // fingerprint of the version kept
    Origin origin;                  // ...and its origin, whose later versions follow
    std::set<std::string> decided;  // fingerprints already seen side by side
    nlohmann::json legacy;          // older app: the values chosen; every version then decided
  };
  struct Version {
    const Record* record;
    size_t bundle;  // index in stored_
  };
  void Rebuild();
  // Of several versions of one UUID (import order), the one the tables use; the others that
  // still need a decision go to conflicts_.
  const Version* Merge(const std::string& uuid, const std::vector<Version>& versions);
  // Versions of one of this device's own drafts that differ from it go to suggestions_.
  void Suggest(const Record& local, const std::vector<Version>& versions);
  size_t Find(std::string_view uuid) const;  // position in merged_, merged_.size() when absent
  void SaveDecisions();
  bool Write(const Stored& s);
  const Record* Existing(const std::string& uuid) const;
  ImportPlan PlanRead(const std::string& file_name, const BundleReadResult& res) const;

  Workspace& ws_;
  std::vector<Stored> stored_;
  std::vector<Provenance> bundles_;
  std::vector<const Record*> merged_;  // sorted by uuid
  std::vector<size_t> merged_bundle_;  // index in stored_/bundles_ of each of merged_
  std::vector<Conflict> conflicts_;
  std::vector<Suggestion> suggestions_;
  std::map<std::string, Decision> decisions_;  // uuid → the user's choice in a conflict
  std::set<std::string> dismissed_;            // fingerprints of suggestions dealt with
  std::map<std::string, std::string> pins_;    // "unit|region" → key fingerprint
};

}  // namespace lw
