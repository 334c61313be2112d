// file_store.cpp — see file_store.h.
#include "file_store.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace lw {

namespace fs = std::filesystem;

bool FileStore::Read(const std::string& rel, std::string& out) const {
  std::ifstream in(Path(rel), std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return true;
}

bool FileStore::WriteAtomic(const std::string& rel, const std::string& data, std::string* error) {
  return WriteAtomicStreamed(
      rel, [&](const Put& put) { return put(data); }, error);
}

bool FileStore::WriteAtomicStreamed(const std::string& rel, const std::function<bool(const Put&)>& write,
                                    std::string* error) {
  const std::string path = Path(rel);
  const std::string tmp = path + ".tmp";
  std::error_code ec;
  fs::create_directories(fs::path(path).parent_path(), ec);
  FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) {
    if (error) *error = "无法创建文件 " + rel;
    return false;
  }
  const bool ok =
      write([f](const std::string& chunk) { return std::fwrite(chunk.data(), 1, chunk.size(), f) == chunk.size(); }) &&
      std::fflush(f) == 0;
  const bool closed = std::fclose(f) == 0;
  if (!ok || !closed) {
    std::remove(tmp.c_str());
    if (error) *error = "写入失败（磁盘空间不足？）" + rel;
    return false;
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    if (error) *error = "无法替换文件 " + rel;
    return false;
  }
  return true;
}

bool FileStore::Remove(const std::string& rel) {
  std::error_code ec;
  return fs::remove(Path(rel), ec);
}

bool FileStore::Rename(const std::string& from_rel, const std::string& to_rel) {
  std::error_code ec;
  fs::create_directories(fs::path(Path(to_rel)).parent_path(), ec);
  return std::rename(Path(from_rel).c_str(), Path(to_rel).c_str()) == 0;
}

bool FileStore::Exists(const std::string& rel) const {
  std::error_code ec;
  return fs::exists(Path(rel), ec);
}

std::vector<std::string> FileStore::List(const std::string& rel_dir) const {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(Path(rel_dir), ec)) {
    const std::string name = e.path().filename().string();
    if (e.is_regular_file(ec) && !(name.size() > 4 && name.compare(name.size() - 4, 4, ".tmp") == 0))
      out.push_back(name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

int FileStore::CleanupTemporaries(const std::string& rel_dir) {
  int n = 0;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(Path(rel_dir), ec)) {
    const std::string name = e.path().filename().string();
    if (name.size() > 4 && name.compare(name.size() - 4, 4, ".tmp") == 0 && fs::remove(e.path(), ec)) ++n;
  }
  return n;
}

}  // namespace lw
