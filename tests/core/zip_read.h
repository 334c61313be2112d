// zip_read.h — reads back the stored (uncompressed) entries our ZipWriter makes, through the
// central directory as real unzippers do, so tests can look inside .xlsx and .docx files.
#pragma once
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <map>
#include <string>

#include "temp_dir.h"

namespace lw::test {

inline uint32_t Le(const std::string& z, size_t at, int bytes) {
  uint32_t v = 0;
  for (int i = bytes - 1; i >= 0; --i) v = v << 8 | static_cast<unsigned char>(z.at(at + i));
  return v;
}

// name → bytes; empty when the archive is malformed (no end record, an entry out of bounds).
inline std::map<std::string, std::string> ReadStoredZip(const std::string& z) {
  std::map<std::string, std::string> out;
  if (z.size() < 22 || Le(z, z.size() - 22, 4) != 0x06054b50) return {};
  const size_t count = Le(z, z.size() - 12, 2);
  size_t at = Le(z, z.size() - 6, 4);
  for (size_t n = 0; n < count; ++n) {
    if (at + 46 > z.size() || Le(z, at, 4) != 0x02014b50 || Le(z, at + 10, 2) != 0) return {};
    const size_t size = Le(z, at + 24, 4), name_len = Le(z, at + 28, 2), local = Le(z, at + 42, 4);
    const std::string name = z.substr(at + 46, name_len);
    if (local + 30 > z.size() || Le(z, local, 4) != 0x04034b50) return {};
    const size_t data = local + 30 + Le(z, local + 26, 2) + Le(z, local + 28, 2);
    if (data + size > z.size()) return {};
    out[name] = z.substr(data, size);
    at += 46 + name_len + Le(z, at + 30, 2) + Le(z, at + 32, 2);
  }
  return out;
}

#ifndef __EMSCRIPTEN__  // node's sandbox runs no programs; the native run checks with a real unzipper
// Whether Info-ZIP's `unzip -t` (installed by tools/setup) finds no error in the archive.
inline bool UnzipAccepts(const std::string& bytes, const std::string& file_name) {
  TempDir dir;
  const std::string path = (dir.path / file_name).string();
  std::ofstream(path, std::ios::binary) << bytes;
  return std::system(("unzip -tqq '" + path + "' >/dev/null").c_str()) == 0;
}
#endif

}  // namespace lw::test
