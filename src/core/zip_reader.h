// zip_reader.h — reads a ZIP archive through its central directory, as real unzippers do:
// stored and DEFLATE entries (what our ZipWriter, Windows, macOS, WPS and Excel write), CRC-32
// checked, with limits so a hostile archive is refused before it is unpacked.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace lw {

struct ZipEntry {
  // UTF-8: as flagged, else from the Info-ZIP Unicode Path field, else read as GBK (what Chinese
  // Windows writes)
  std::string name;
  std::string data;
};

struct ZipLimits {
  size_t max_entries = 2000;
  size_t max_entry_bytes = 50u * 1024 * 1024;
  size_t max_total_bytes = 200u * 1024 * 1024;
};

struct ZipReadResult {
  std::vector<ZipEntry> entries;  // in central-directory order; directories left out
  std::string error;              // Chinese, empty when the archive was read
};

ZipReadResult ReadZip(const std::string& bytes, const ZipLimits& limits = {});
// Whether the bytes start like a ZIP archive ("PK\3\4"), e.g. to tell a 报送包 from a bare bundle.
bool LooksLikeZip(const std::string& bytes);

}  // namespace lw
