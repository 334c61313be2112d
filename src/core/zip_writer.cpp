// zip_writer.cpp — see zip_writer.h. Layout per PKWARE APPNOTE 6.3: local headers, then the
// central directory, then the end record. Entries are stored (method 0): Excel and LibreOffice
// accept that, and it keeps the writer dependency-free.
// Chinese names: Windows' own 解压 (Explorer) before Windows 10 ignores the UTF-8 flag and reads
// names in the code page, GBK on a Chinese system; macOS, Linux, 7-Zip, WinRAR and Bandizip read
// the Info-ZIP Unicode Path field (0x7075). So a name is written in GBK with that field beside
// it, and flagged UTF-8 only when GBK cannot hold it.
#include "zip_writer.h"

#include "text_decode.h"

namespace lw {

namespace {
void U16(std::string& s, uint32_t v) {
  s += static_cast<char>(v & 0xFF);
  s += static_cast<char>((v >> 8) & 0xFF);
}
void U32(std::string& s, uint32_t v) {
  U16(s, v & 0xFFFF);
  U16(s, v >> 16);
}
constexpr uint32_t kDosTime = 0;
uint32_t DosDate(int year, int month, int day) { return static_cast<uint32_t>((year - 1980) << 9 | month << 5 | day); }
constexpr uint32_t kUtf8Names = 1u << 11;
}  // namespace

uint32_t Crc32(const std::string& data) {
  static uint32_t table[256];
  static bool init = false;
  if (!init) {
    for (uint32_t i = 0; i < 256; ++i) {
      uint32_t c = i;
      for (int k = 0; k < 8; ++k) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      table[i] = c;
    }
    init = true;
  }
  uint32_t crc = 0xFFFFFFFFu;
  for (unsigned char b : data) crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8);
  return crc ^ 0xFFFFFFFFu;
}

void ZipWriter::SetDate(int year, int month, int day) {
  if (year >= 1980 && year <= 2107) dos_date_ = DosDate(year, month, day);
}

namespace {
bool Ascii(const std::string& s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}
}  // namespace

void ZipWriter::Add(const std::string& name, const std::string& data) {
  Entry e{name, Crc32(data), static_cast<uint32_t>(data.size()), static_cast<uint32_t>(out_.size()), 0, ""};
  if (!Ascii(name)) {
    if (const auto gbk = EncodeGbk(name)) {
      e.name = *gbk;
      U16(e.extra, 0x7075);
      U16(e.extra, static_cast<uint32_t>(5 + name.size()));
      e.extra += '\x01';
      U32(e.extra, Crc32(e.name));
      e.extra += name;
    } else {
      e.flags = kUtf8Names;
    }
  }
  U32(out_, 0x04034b50);
  U16(out_, 20);
  U16(out_, e.flags);
  U16(out_, 0);  // stored
  U16(out_, kDosTime);
  U16(out_, dos_date_);
  U32(out_, e.crc);
  U32(out_, e.size);
  U32(out_, e.size);
  U16(out_, static_cast<uint32_t>(e.name.size()));
  U16(out_, static_cast<uint32_t>(e.extra.size()));
  out_ += e.name;
  out_ += e.extra;
  out_ += data;
  entries_.push_back(e);
}

std::string ZipWriter::Finish() {
  const uint32_t cd_start = static_cast<uint32_t>(out_.size());
  for (const Entry& e : entries_) {
    U32(out_, 0x02014b50);
    U16(out_, 20);
    U16(out_, 20);
    U16(out_, e.flags);
    U16(out_, 0);
    U16(out_, kDosTime);
    U16(out_, dos_date_);
    U32(out_, e.crc);
    U32(out_, e.size);
    U32(out_, e.size);
    U16(out_, static_cast<uint32_t>(e.name.size()));
    U16(out_, static_cast<uint32_t>(e.extra.size()));
    U16(out_, 0);
    U16(out_, 0);
    U16(out_, 0);
    U32(out_, 0);
    U32(out_, e.offset);
    out_ += e.name;
    out_ += e.extra;
  }
  const uint32_t cd_size = static_cast<uint32_t>(out_.size()) - cd_start;
  U32(out_, 0x06054b50);
  U16(out_, 0);
  U16(out_, 0);
  U16(out_, static_cast<uint32_t>(entries_.size()));
  U16(out_, static_cast<uint32_t>(entries_.size()));
  U32(out_, cd_size);
  U32(out_, cd_start);
  U16(out_, 0);
  return std::move(out_);
}

}  // namespace lw
