// sha256.h — SHA-256 (FIPS 180-4), for photo and bundle fingerprints.
#pragma once
#include <string>
#include <string_view>

namespace lw {

std::string Sha256Hex(std::string_view data);  // 64 lower-case hex digits

}  // namespace lw
