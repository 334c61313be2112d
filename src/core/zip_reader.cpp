// zip_reader.cpp — see zip_reader.h. Layout per PKWARE APPNOTE 6.3. The central directory is
// the truth (local headers may carry zero sizes when a data descriptor follows); ZIP64 and
// encryption are refused with a message, since no office tool writes them for files this size.
#include "zip_reader.h"

#include <cstdint>

#include "inflate.h"
#include "text_decode.h"
#include "zip_writer.h"

namespace lw {

namespace {

uint32_t Le(const std::string& z, size_t at, int bytes) {
  uint32_t v = 0;
  for (int i = bytes - 1; i >= 0; --i) v = v << 8 | static_cast<unsigned char>(z[at + i]);
  return v;
}

// `len` bytes from `at` lie inside z. In 64 bits: offsets come from the archive (up to 2^32 - 1),
// and `at + len` in a 32-bit size_t (WebAssembly) or in uint32_t would wrap and pass.
bool Fits(const std::string& z, uint64_t at, uint64_t len) { return at <= z.size() && len <= z.size() - at; }

constexpr uint32_t kEndSig = 0x06054b50, kCentralSig = 0x02014b50, kLocalSig = 0x04034b50;
constexpr uint32_t kEncrypted = 1u << 0, kUtf8Names = 1u << 11;

// The end record sits in the last 22 bytes plus a comment of up to 65535 bytes.
std::optional<size_t> FindEnd(const std::string& z) {
  if (z.size() < 22) return std::nullopt;
  const size_t lowest = z.size() > 22 + 0xFFFF ? z.size() - 22 - 0xFFFF : 0;
  for (size_t at = z.size() - 22;; --at) {
    if (Le(z, at, 4) == kEndSig) return at;
    if (at == lowest) return std::nullopt;
  }
}

// The UTF-8 name from an Info-ZIP Unicode Path field (0x7075), when it belongs to this raw name.
std::optional<std::string> UnicodePath(const std::string& extra, const std::string& raw) {
  for (size_t at = 0; at + 4 <= extra.size();) {
    const uint32_t id = Le(extra, at, 2), len = Le(extra, at + 2, 2);
    if (at + 4 + len > extra.size()) break;
    if (id == 0x7075 && len > 5 && extra[at + 4] == 1 && Le(extra, at + 5, 4) == Crc32(raw))
      return extra.substr(at + 9, len - 5);
    at += 4 + len;
  }
  return std::nullopt;
}

std::string NameOf(const std::string& raw, const std::string& extra, uint32_t flags) {
  if (flags & kUtf8Names) return raw;
  if (auto unicode = UnicodePath(extra, raw)) return *unicode;
  return DecodeOfficeText(raw).value_or(raw);
}

struct Central {
  uint32_t flags, method, crc, packed, size, local;
  std::string name;
};

std::string Unpack(const std::string& z, const Central& c, const ZipLimits& limits, std::string& data) {
  if (c.flags & kEncrypted) return "「" + c.name + "」有密码，请解压后重新压缩（不加密码）再导入";
  if (c.packed == 0xFFFFFFFFu || c.size == 0xFFFFFFFFu) return "压缩包使用了 ZIP64 格式，暂不支持";
  if (c.size > limits.max_entry_bytes) return "「" + c.name + "」解压后过大";
  if (!Fits(z, c.local, 30) || Le(z, c.local, 4) != kLocalSig) return "压缩包已损坏（文件头不完整）";
  const uint64_t start = uint64_t{c.local} + 30 + Le(z, c.local + 26, 2) + Le(z, c.local + 28, 2);
  if (!Fits(z, start, c.packed)) return "压缩包已损坏（内容不完整）";
  if (c.method == 0) {
    data = z.substr(start, c.packed);
  } else if (c.method == 8) {
    std::optional<std::string> out = Inflate(z.substr(start, c.packed), c.size);
    if (!out) return "压缩包已损坏（「" + c.name + "」无法解压）";
    data = std::move(*out);
  } else {
    return "「" + c.name + "」的压缩方式不支持，请用“存储”或“标准”压缩";
  }
  if (data.size() != c.size || Crc32(data) != c.crc) return "压缩包已损坏（「" + c.name + "」校验不符）";
  return "";
}

}  // namespace

bool LooksLikeZip(const std::string& bytes) { return bytes.size() >= 4 && Le(bytes, 0, 4) == kLocalSig; }

ZipReadResult ReadZip(const std::string& z, const ZipLimits& limits) {
  ZipReadResult result;
  const std::optional<size_t> end = FindEnd(z);
  if (!end) return {{}, "不是有效的压缩包（找不到目录）"};
  const size_t count = Le(z, *end + 10, 2);
  if (count > limits.max_entries) return {{}, "压缩包里的文件太多"};
  size_t at = Le(z, *end + 16, 4), total = 0;
  for (size_t n = 0; n < count; ++n) {
    if (!Fits(z, at, 46) || Le(z, at, 4) != kCentralSig) return {{}, "压缩包已损坏（目录不完整）"};
    Central c{Le(z, at + 8, 2),
              Le(z, at + 10, 2),
              Le(z, at + 16, 4),
              Le(z, at + 20, 4),
              Le(z, at + 24, 4),
              Le(z, at + 42, 4),
              ""};
    const size_t name_len = Le(z, at + 28, 2), extra_len = Le(z, at + 30, 2);
    if (!Fits(z, uint64_t{at} + 46, uint64_t{name_len} + extra_len)) return {{}, "压缩包已损坏（目录不完整）"};
    c.name = NameOf(z.substr(at + 46, name_len), z.substr(at + 46 + name_len, extra_len), c.flags);
    at += 46 + name_len + extra_len + Le(z, at + 32, 2);
    if (!c.name.empty() && c.name.back() == '/') continue;  // a folder
    total += c.size;
    if (total > limits.max_total_bytes) return {{}, "压缩包解压后过大"};
    ZipEntry e{c.name, ""};
    if (std::string error = Unpack(z, c, limits, e.data); !error.empty()) return {{}, error};
    result.entries.push_back(std::move(e));
  }
  return result;
}

}  // namespace lw
