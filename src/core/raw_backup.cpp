// raw_backup.cpp — see raw_backup.h. Layout: {"format":"learnweek-raw-backup","version":1,
// "created":"…","files":[{"path":"drafts/<uuid>.json","base64":"…"}, …]}, paths relative to the
// data folder (/data), as IDBFS stores them.
#include "raw_backup.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "base64.h"
#include "bundle_io.h"
#include "file_store.h"
#include "workspace.h"

namespace lw {
namespace {

// Only what a workspace writes, and nothing that could climb out of the scratch folder.
bool SafeRelativePath(const std::string& p) {
  if (p.empty() || p.size() > 200 || p.front() == '/' || p.find("..") != std::string::npos ||
      p.find('\\') != std::string::npos)
    return false;
  for (unsigned char c : p)
    if (!(std::isalnum(c) || c == '/' || c == '.' || c == '_' || c == '-')) return false;
  return true;
}

std::string Unpack(const nlohmann::json& j, FileStore& scratch) {
  if (!j.is_object() || j.value("format", "") != kRawBackupFormat) return "不是 LearnWeek 的原始备份文件";
  if (j.value("version", 0) != 1) return "原始备份的版本不受支持，请更新 LearnWeek 后再试";
  const auto files = j.find("files");
  if (files == j.end() || !files->is_array()) return "原始备份中没有文件列表";
  for (const nlohmann::json& f : *files) {
    if (!f.is_object() || !f.contains("path") || !f["path"].is_string() || !f.contains("base64") ||
        !f["base64"].is_string())
      return "原始备份中有一项格式不对";
    const std::string path = f["path"].get<std::string>();
    if (!SafeRelativePath(path)) return "原始备份中的文件名“" + path + "”不合规";
    const std::optional<std::string> bytes = Base64Decode(f["base64"].get<std::string>());
    if (!bytes) return "原始备份中的文件“" + path + "”已损坏";
    if (!scratch.WriteAtomic(path, *bytes)) return "无法读取原始备份（临时空间不足）";
  }
  return "";
}

}  // namespace

bool LooksLikeRawBackup(const std::string& bytes) {
  // The page writes "format" first; a tool that sorts keys puts it just before "version", last.
  const size_t n = std::min<size_t>(bytes.size(), 256);
  return bytes.compare(0, 1, "{") == 0 && (bytes.substr(0, n).find(kRawBackupFormat) != std::string::npos ||
                                           bytes.substr(bytes.size() - n).find(kRawBackupFormat) != std::string::npos);
}

BundleReadResult ReadRawBackup(const std::string& bytes, const FormLibrary& forms) {
  BundleReadResult res;
  if (bytes.size() > kMaxBundleBytes) return res.error = TooLargeMessage(static_cast<double>(bytes.size())), res;
  const nlohmann::json j = nlohmann::json::parse(bytes, nullptr, false);
  if (j.is_discarded()) return res.error = "原始备份文件已损坏（不是完整的 JSON）", res;
  std::error_code ec;
  const std::filesystem::path scratch_dir = std::filesystem::temp_directory_path(ec) / ("lw-raw-" + NewUuid());
  FileStore scratch(scratch_dir.string());
  res.error = Unpack(j, scratch);
  if (res.error.empty()) {
    Workspace ws(scratch_dir.string());
    ws.Load();
    res = ReadBundle(WriteBundle(MakeBackup(ws, ws.settings.campaign), forms), forms);
  }
  std::filesystem::remove_all(scratch_dir, ec);
  return res;
}

}  // namespace lw
