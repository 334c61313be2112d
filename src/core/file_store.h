// file_store.h — crash-safe file writes under the data folder. In the browser the folder is an
// IDBFS mount; writes land in memory first and reach IndexedDB on the next sync, so a file is
// only ever seen whole: written to "name.tmp", then renamed over "name".
#pragma once
#include <functional>
#include <string>
#include <vector>

namespace lw {

class FileStore {
 public:
  explicit FileStore(std::string root) : root_(std::move(root)) {}
  const std::string& root() const { return root_; }

  bool Read(const std::string& rel, std::string& out) const;
  // Atomic replace. Returns false (and leaves the old file untouched) on any error.
  bool WriteAtomic(const std::string& rel, const std::string& data, std::string* error = nullptr);
  // Same, with the content produced piece by piece (large files never held whole in memory):
  // write(put) calls put(chunk) as often as it likes and returns false to abandon the write.
  using Put = std::function<bool(const std::string&)>;
  bool WriteAtomicStreamed(const std::string& rel, const std::function<bool(const Put&)>& write,
                           std::string* error = nullptr);
  bool Remove(const std::string& rel);
  bool Rename(const std::string& from_rel, const std::string& to_rel);
  bool Exists(const std::string& rel) const;
  // File names (not paths) in a sub-folder, sorted; leftovers "*.tmp" of a killed write are skipped.
  std::vector<std::string> List(const std::string& rel_dir) const;
  // Deletes "*.tmp" leftovers of writes interrupted by a crash (the real file is intact).
  int CleanupTemporaries(const std::string& rel_dir);

 private:
  std::string Path(const std::string& rel) const { return root_ + "/" + rel; }
  std::string root_;
};

}  // namespace lw
