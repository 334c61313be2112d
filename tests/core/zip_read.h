// zip_read.h — the entries of an archive our writers made, by name, through the core's reader
// (the central directory, as real unzippers read it), so tests can look inside .xlsx and .docx.
#pragma once
#include <cstdlib>
#include <fstream>
#include <map>
#include <string>

#include "temp_dir.h"
#include "zip_reader.h"

namespace lw::test {

// name → bytes; empty when the archive is malformed.
inline std::map<std::string, std::string> ReadStoredZip(const std::string& z) {
  ZipReadResult r = ReadZip(z);
  std::map<std::string, std::string> out;
  if (!r.error.empty()) return out;
  for (ZipEntry& e : r.entries) out[e.name] = std::move(e.data);
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
