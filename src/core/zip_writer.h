// zip_writer.h — a minimal ZIP archive writer (stored entries, CRC-32), enough for .xlsx files.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace lw {

uint32_t Crc32(const std::string& data);

class ZipWriter {
 public:
  void Add(const std::string& name, const std::string& data);
  std::string Finish();  // the archive's bytes

 private:
  struct Entry {
    std::string name;
    uint32_t crc, size, offset;
  };
  std::string out_;
  std::vector<Entry> entries_;
};

}  // namespace lw
