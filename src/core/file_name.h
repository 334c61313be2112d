// file_name.h — names of the files LearnWeek writes for people to hand on (bundles, Word
// documents): unit names and titles made safe as parts of a file name on every system.
#pragma once
#include <string>

namespace lw {

// Path separators, control characters and the characters Windows refuses (\ / : * ? " < > |)
// become "_"; everything else (Chinese included) is kept.
std::string FileNamePart(const std::string& s);

}  // namespace lw
