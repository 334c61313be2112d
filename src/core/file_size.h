// file_size.h — byte counts as people read them ("48 KB", "3.2 MB"), one rule for every screen.
#pragma once
#include <string>

namespace lw {

// Under 1 KB: "512 字节"; under 1 MB: whole KB ("48 KB", never "0.0 MB"); else MB with one decimal.
std::string HumanSize(double bytes);

}  // namespace lw
