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

namespace {
bool ReservedOnWindows(const std::string& stem) {
  std::string upper;
  for (char c : stem) upper += static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
  for (const char* r : {"CON", "PRN", "AUX", "NUL"})
    if (upper == r) return true;
  return upper.size() == 4 && (upper.rfind("COM", 0) == 0 || upper.rfind("LPT", 0) == 0) && upper[3] >= '1' &&
         upper[3] <= '9';
}

std::string Lower(const std::string& s) {
  std::string out = s;
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}
}  // namespace

std::string SafeFileName(const std::string& stem, const std::string& extension, const std::string& fallback,
                         size_t max_chars) {
  std::string s;
  size_t chars = 0;
  const std::string clean = FileNamePart(stem);
  for (size_t i = 0; i < clean.size() && chars < max_chars; ++chars) {
    const char32_t cp = utf8::Next(clean, i);
    utf8::Append(s, cp);
  }
  const size_t first = s.find_first_not_of(" .");
  s = first == std::string::npos ? "" : s.substr(first);
  while (!s.empty() && (s.back() == ' ' || s.back() == '.')) s.pop_back();
  if (s.empty()) s = fallback;
  if (ReservedOnWindows(s)) s = "_" + s;
  return extension.empty() ? s : s + "." + extension;
}

std::string UniqueFileName(const std::string& name, std::set<std::string>& used) {
  const size_t dot = name.rfind('.');
  const std::string stem = dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
  const std::string ext = dot == std::string::npos || dot == 0 ? "" : name.substr(dot);
  std::string out = name;
  for (int n = 2; used.count(Lower(out)); ++n) out = stem + " (" + std::to_string(n) + ")" + ext;
  used.insert(Lower(out));
  return out;
}

}  // namespace lw
