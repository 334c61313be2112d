// text_file.h — reading the small data files the app ships (definitions, campaigns, assets).
#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace lw {

// The whole file ("" when it cannot be read).
std::string ReadTextFile(const std::filesystem::path& path);
// The *.json files of a folder, sorted by name; `ok` is false when the folder cannot be read.
std::vector<std::filesystem::path> JsonFilesIn(const std::filesystem::path& dir, bool* ok = nullptr);

}  // namespace lw
