// temp_dir.h — a fresh folder under the system's temp directory for one test, removed after it.
#pragma once
#include <filesystem>
#include <string>

#include "record.h"

namespace lw::test {

struct TempDir {
  std::filesystem::path path;
  explicit TempDir(const std::string& prefix = "lw-test-")
      : path(std::filesystem::temp_directory_path() / (prefix + NewUuid())) {
    std::filesystem::create_directories(path);
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
};

}  // namespace lw::test
