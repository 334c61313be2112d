// inflate.h — DEFLATE decompression (RFC 1951), for ZIP entries that other programs compressed:
// a 报送包 re-zipped by Windows' 发送到压缩文件夹, or an .xlsx saved by Excel or WPS.
#pragma once
#include <cstddef>
#include <optional>
#include <string>

namespace lw {

// The inflated bytes; nullopt when the data is not valid DEFLATE or would grow past max_out
// bytes (a small archive that unpacks to gigabytes is refused, not unpacked).
std::optional<std::string> Inflate(const std::string& in, size_t max_out);

}  // namespace lw
