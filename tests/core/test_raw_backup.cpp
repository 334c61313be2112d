// test_raw_backup.cpp — the data folder saved from IndexedDB by the failure page, read back as a backup.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "base64.h"
#include "bundle_io.h"
#include "raw_backup.h"
#include "shipped_forms.h"
#include "temp_dir.h"
#include "workspace.h"

using namespace lw;
using lw::test::Forms;
using lw::test::TempDir;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// What web/lw-fallback.js writes: every file under the data folder, as IDBFS keeps it.
std::string RawBackupOf(const fs::path& root) {
  json files = json::array();
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (!e.is_regular_file()) continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    files.push_back({{"path", fs::relative(e.path(), root).generic_string()}, {"base64", Base64Encode(ss.str())}});
  }
  return json{{"format", kRawBackupFormat}, {"version", 1}, {"created", "2026-11-23T08:00:00Z"}, {"files", files}}
      .dump();
}

std::string WithFile(const std::string& path, const std::string& base64) {
  return json{{"format", kRawBackupFormat}, {"version", 1}, {"files", {{{"path", path}, {"base64", base64}}}}}.dump();
}
}  // namespace

TEST_CASE("a raw backup of the data folder restores drafts, photos and the unit profile", "[raw_backup]") {
  TempDir device;
  Workspace ws(device.path.string());
  ws.Load();
  ws.profile.values["unit"] = "包头市教育局";
  ws.Touch(ws.profile.uuid, 0);
  Record& d = ws.NewDraft(*Forms().Find("star_nomination"));
  d.values["name"] = "张喆";
  const std::string sha = ws.AddPhoto("\xFF\xD8\xFF photo");
  d.values["portrait"] = json::array({{{"sha256", sha}, {"mime", "image/jpeg"}}});
  ws.Touch(d.uuid, 0);
  ws.Flush(0, true);

  const std::string raw = RawBackupOf(device.path);
  CHECK(LooksLikeRawBackup(raw));
  const BundleReadResult read = ReadRawBackup(raw, Forms());
  REQUIRE(read.error.empty());
  REQUIRE(read.bundle);
  CHECK(read.bundle->kind == "backup");

  TempDir other;
  Workspace fresh(other.path.string());
  fresh.Load();
  const RestoreReport rep = RestoreBackup(fresh, *read.bundle);
  CHECK(rep.restored == 1);
  REQUIRE(fresh.drafts.size() == 1);
  CHECK(fresh.drafts[0].values["name"] == "张喆");
  CHECK(fresh.profile.values["unit"] == "包头市教育局");
  std::string photo;
  CHECK(fresh.ReadPhoto(sha, photo));
}

TEST_CASE("a raw backup is refused whole, with a reason, when it is not what the page writes", "[raw_backup]") {
  const auto refused = [&](const std::string& bytes) {
    const BundleReadResult r = ReadRawBackup(bytes, Forms());
    CHECK_FALSE(r.bundle);
    return r.error;
  };
  CHECK(refused("{\"format\":\"learnweek-raw-backup\"").find("损坏") != std::string::npos);
  CHECK(refused(json{{"format", "other"}}.dump()).find("不是") != std::string::npos);
  CHECK(refused(json{{"format", kRawBackupFormat}, {"version", 2}, {"files", json::array()}}.dump()).find("版本") !=
        std::string::npos);
  CHECK(refused(WithFile("../../etc/passwd", "eA==")).find("不合规") != std::string::npos);
  CHECK(refused(WithFile("/abs.json", "eA==")).find("不合规") != std::string::npos);
  CHECK(refused(WithFile("drafts/x.json", "***")).find("损坏") != std::string::npos);
  CHECK_FALSE(fs::exists(fs::temp_directory_path() / "etc" / "passwd.json"));
  CHECK_FALSE(LooksLikeRawBackup("{\"format\":\"learnweek-bundle\"}"));
}
