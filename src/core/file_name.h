// file_name.h — names of the files LearnWeek writes for people to hand on (bundles, Word
// documents): unit names and titles made safe as parts of a file name on every system.
#pragma once
#include <set>
#include <string>

namespace lw {

// Path separators, control characters and the characters Windows refuses (\ / : * ? " < > |)
// become "_"; everything else (Chinese included) is kept.
std::string FileNamePart(const std::string& s);

// A whole file name from a caption or title that people typed: FileNamePart, then what Windows and
// macOS also refuse or hide (leading dots, trailing dots and spaces, CON/PRN/AUX/NUL/COM1/LPT1…),
// at most max_chars characters before the extension; fallback when nothing is left.
std::string SafeFileName(const std::string& stem, const std::string& extension, const std::string& fallback,
                         size_t max_chars = 60);
// name, or "name (2).ext", "name (3).ext"… when `used` has it already (compared without case, as
// Windows and macOS compare names); the result is added to `used`.
std::string UniqueFileName(const std::string& name, std::set<std::string>& used);

}  // namespace lw
