// text_file.cpp — see text_file.h.
#include "text_file.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace lw {

std::string ReadTextFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::filesystem::path> JsonFilesIn(const std::filesystem::path& dir, bool* ok) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec))
    if (e.path().extension() == ".json") files.push_back(e.path());
  if (ok) *ok = !ec;
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace lw
