// base64.h — RFC 4648 base64, for photos embedded in bundles.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace lw {

std::string Base64Encode(std::string_view bytes);
// Strict: nullopt on any character outside the alphabet or bad padding.
std::optional<std::string> Base64Decode(std::string_view text);

}  // namespace lw
