// zip_writer.h — a minimal ZIP archive writer (stored entries, CRC-32): .xlsx, .docx, 报送包.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace lw {

uint32_t Crc32(const std::string& data);

class ZipWriter {
 public:
  // Entries are dated 2020-01-01 unless told otherwise: the same data gives the same bytes.
  void SetDate(int year, int month, int day);
  void Add(const std::string& name, const std::string& data);
  std::string Finish();  // the archive's bytes

 private:
  struct Entry {
    std::string name;  // as stored (GBK for a Chinese name)
    uint32_t crc, size, offset, flags;
    std::string extra;  // the Unicode Path field beside a GBK name
  };
  uint32_t dos_date_ = (2020 - 1980) << 9 | 1 << 5 | 1;
  std::string out_;
  std::vector<Entry> entries_;
};

}  // namespace lw
