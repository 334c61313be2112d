// file_name.cpp — see file_name.h.
#include "file_name.h"

#include <string_view>

#include "utf8.h"

namespace lw {

std::string FileNamePart(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    const char32_t cp = utf8::Next(s, i);
    if (cp < 0x20 || std::u32string_view(U"\\/:*?\"<>|").find(cp) != std::u32string_view::npos)
      out += '_';
    else
      utf8::Append(out, cp);
  }
  return out;
}

}  // namespace lw
