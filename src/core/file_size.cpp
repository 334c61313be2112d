// file_size.cpp — see file_size.h.
#include "file_size.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace lw {

std::string HumanSize(double bytes) {
  constexpr double kKB = 1024.0, kMB = 1024.0 * 1024.0;
  char buf[32];
  if (bytes < kKB)
    snprintf(buf, sizeof buf, "%.0f 字节", std::max(0.0, bytes));
  else if (bytes < kMB)
    snprintf(buf, sizeof buf, "%.0f KB", std::min(1023.0, std::round(bytes / kKB)));
  else
    snprintf(buf, sizeof buf, "%.1f MB", bytes / kMB);
  return buf;
}

}  // namespace lw
