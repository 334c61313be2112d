// import_store.h — the coordinator's side: bundles received from other units, kept with their
// provenance (which unit, which file, its SHA-256, when) in imports/<sha256>.json, merged by
// record UUID. Planning is separate from applying, so a report can be shown and a bundle is
// applied all-or-nothing.
#pragma once
#include <algorithm>
#include <iterator>
#include <map>
#include <unordered_map>
#include <string>
#include <vector>

#include "bundle.h"
#include "workspace.h"

namespace lw {

struct Provenance {
  std::string file_name, sha256, unit, region, created, imported, campaign;
  size_t records = 0;
};

enum class MergeAction { Added, Updated, Unchanged, KeptNewer, Conflict };
const char* MergeActionName(MergeAction a);  // 新增 / 更新 / 无变化 / 保留较新 / 冲突

struct MergeItem {
  std::string uuid, form, title;
  MergeAction action;
  int incoming_revision = 0, existing_revision = 0;
};

struct ImportPlan {
  std::string file_name, sha256, refused;  // refused: why nothing was imported ("" = accepted)
  bool already_imported = false;           // the same bytes were imported before: nothing changes
  static constexpr size_t kMaxItems = 500;  // details kept for display; counts cover everything
  std::vector<MergeItem> items;
  int counts[5] = {};
  void Add(MergeItem item);
  void Clear() { items.clear(); std::fill(std::begin(counts), std::end(counts), 0); }
  int Count(MergeAction a) const;
  std::string Summary() const;  // "新增 3 条，更新 1 条，无变化 2 条"
};

// Two different versions of one record at the same revision, shown side by side.
struct Conflict {
  Record existing, incoming;
  std::string incoming_sha;  // bundle the incoming version came from
};

class ImportStore {
 public:
  explicit ImportStore(Workspace& ws) : ws_(ws) {}
  void Load();

  // Checks a file completely and says what importing it would do. Changes nothing.
  ImportPlan Plan(const std::string& file_name, const std::string& bytes, const FormLibrary& forms) const;
  // Applies a file (checked again). Returns the plan as carried out.
  ImportPlan Import(const std::string& file_name, const std::string& bytes, const FormLibrary& forms);

  // Every record from every imported bundle, merged by UUID (highest revision wins). The
  // pointers stay valid until the next Import, Remove, Resolve or Load.
  const std::vector<const Record*>& records() const { return merged_; }
  const std::vector<Provenance>& bundles() const { return bundles_; }
  const std::vector<Conflict>& conflicts() const { return conflicts_; }
  // Provenance of the bundle a merged record came from (nullptr for none).
  const Provenance* SourceOf(const std::string& uuid) const;

  // Takes one bundle's records out again.
  bool Remove(const std::string& sha256);
  // Resolves a conflict by keeping `incoming` (true) or the existing version (false).
  void Resolve(size_t index, bool take_incoming);

 private:
  struct Stored {
    Provenance prov;
    std::vector<Record> records;
  };
  void Rebuild();
  bool Write(const Stored& s);
  const Record* Existing(const std::string& uuid) const;
  ImportPlan PlanRead(const std::string& file_name, const BundleReadResult& res) const;

  Workspace& ws_;
  std::vector<Stored> stored_;
  std::vector<Provenance> bundles_;
  std::vector<const Record*> merged_;
  std::unordered_map<std::string, size_t> source_;  // uuid → index in stored_/bundles_
  std::unordered_map<std::string, size_t> index_;  // uuid → position in merged_
  std::vector<Conflict> conflicts_;
  std::map<std::string, Record> resolved_;     // uuid → chosen version (overrides the merge)
};

}  // namespace lw
