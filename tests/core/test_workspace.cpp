// test_workspace.cpp — autosave timing, crash safety (atomic replace, leftovers), drafts with
// prefill, duplicate, delete and restore, photos, and what state() reports.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "temp_dir.h"
#include "workspace.h"

using namespace lw;
using lw::test::TempDir;
namespace fs = std::filesystem;

namespace {
FormDef ProfileForm() {
  auto r = ParseFormDef(R"({"id":"star","version":1,"title":"星","kind":"person","follows":"x","sections":[
    {"title":"s","fields":[{"id":"name","label":"姓名","type":"text"},
                           {"id":"recommender","label":"推荐单位","type":"text","prefill":"profile.unit"}]}]})",
                        "s.json");
  REQUIRE(r.form);
  return *r.form;
}
}  // namespace

TEST_CASE("edits are written after the debounce, and never later than the cap", "[workspace]") {
  TempDir dir;
  Workspace ws(dir.path.string());
  ws.Load();
  int synced = 0;
  ws.on_written = [&] { ++synced; };
  ws.profile.values["unit"] = "包头市教育局";
  ws.Touch(ws.profile.uuid, 1000);
  CHECK(ws.NextDeadline() == Approx(1300));
  CHECK(ws.Flush(1200, false) == 0);
  ws.Touch(ws.profile.uuid, 1250);  // still typing
  ws.Touch(ws.profile.uuid, 1500);
  ws.Touch(ws.profile.uuid, 1700);
  CHECK(ws.NextDeadline() == Approx(1800));  // capped: first edit at 1000 + 800
  CHECK(ws.Flush(1800, false) == 1);
  CHECK(synced == 1);
  CHECK_FALSE(ws.HasPending());
  Workspace again(dir.path.string());
  again.Load();
  CHECK(again.profile.values["unit"] == "包头市教育局");
  CHECK(again.profile.revision == 1);
}

TEST_CASE("a write interrupted before the rename leaves the old version intact", "[workspace]") {
  TempDir dir;
  {
    Workspace ws(dir.path.string());
    ws.Load();
    ws.profile.values["unit"] = "旧单位";
    ws.Touch(ws.profile.uuid, 0);
    ws.Flush(0, true);
  }
  // Simulate a tab killed half-way through the next save: a partial temp file, no rename.
  std::ofstream(dir.path / "profile.json.tmp") << "{\"uuid\":\"trunc";
  Workspace ws(dir.path.string());
  ws.Load();
  CHECK(ws.profile.values["unit"] == "旧单位");
  CHECK_FALSE(fs::exists(dir.path / "profile.json.tmp"));  // leftover cleaned up
}

TEST_CASE("a corrupt file is set aside, not deleted, and reported", "[workspace]") {
  TempDir dir;
  fs::create_directories(dir.path / "drafts");
  std::ofstream(dir.path / "drafts" / "x.json") << "{broken";
  Workspace ws(dir.path.string());
  ws.Load();
  CHECK(ws.drafts.empty());
  CHECK(fs::exists(dir.path / "drafts" / "x.json.broken"));
  REQUIRE(ws.load_warnings().size() == 1);
}

TEST_CASE("new drafts are prefilled from the profile; duplicate, delete and restore", "[workspace]") {
  TempDir dir;
  Workspace ws(dir.path.string());
  ws.Load();
  ws.profile.values["unit"] = "包头市教育局";
  const FormDef form = ProfileForm();
  Record& d = ws.NewDraft(form);
  CHECK(d.values["recommender"] == "包头市教育局");
  CHECK(IsUuid(d.uuid));
  const std::string uuid = d.uuid;
  d.values["name"] = "张喆";
  ws.Touch(uuid, 0);
  ws.Flush(0, true);
  Record* copy = ws.Duplicate(uuid);
  REQUIRE(copy);
  CHECK(copy->uuid != uuid);
  CHECK(copy->values["name"] == "张喆");
  REQUIRE(ws.Delete(uuid));
  CHECK(ws.drafts.size() == 1);
  REQUIRE(ws.Trash().size() == 1);
  CHECK(ws.Trash()[0].values["name"] == "张喆");
  REQUIRE(ws.Restore(uuid));
  CHECK(ws.Trash().empty());
  Workspace again(dir.path.string());
  again.Load();
  CHECK(again.drafts.size() == 2);
}

TEST_CASE("photos are stored once by content hash and collected when unused", "[workspace]") {
  TempDir dir;
  Workspace ws(dir.path.string());
  ws.Load();
  const std::string sha = ws.AddPhoto("\xFF\xD8\xFF fake jpeg bytes");
  CHECK(sha.size() == 64);
  CHECK(ws.AddPhoto("\xFF\xD8\xFF fake jpeg bytes") == sha);
  std::string back;
  REQUIRE(ws.ReadPhoto(sha, back));
  CHECK(back == "\xFF\xD8\xFF fake jpeg bytes");
  Record& d = ws.NewDraft(ProfileForm());
  d.values["photos"] = nlohmann::json::array({{{"sha256", sha}, {"caption", "开幕式"}}});
  ws.Touch(d.uuid, 0);
  ws.Flush(0, true);
  ws.AddPhoto("unused");
  CHECK(ws.CollectUnusedPhotos() == 1);
  CHECK(ws.ReadPhoto(sha, back));
}

TEST_CASE("state() reports exactly what is stored", "[workspace]") {
  TempDir dir;
  Workspace ws(dir.path.string());
  ws.Load();
  ws.profile.values["leader"] = "张喆";
  auto state = nlohmann::json::parse(ws.StoredStateJson());
  CHECK(state["profile"].is_null());  // typed but not yet saved
  ws.Touch(ws.profile.uuid, 0);
  ws.Flush(0, true);
  state = nlohmann::json::parse(ws.StoredStateJson());
  CHECK(state["profile"]["values"]["leader"] == "张喆");
}

TEST_CASE("clearing local data removes every stored file", "[workspace]") {
  TempDir dir;
  Workspace ws(dir.path.string());
  ws.Load();
  ws.profile.values["unit"] = "包头市教育局";
  ws.Touch(ws.profile.uuid, 0);
  ws.settings.backup_done = true;
  ws.TouchSettings(0);
  ws.NewDraft(ProfileForm());
  ws.AddPhoto("photo");
  ws.Flush(0, true);
  ws.ClearAll();
  const auto state = nlohmann::json::parse(ws.StoredStateJson());
  CHECK(state["profile"].is_null());
  CHECK(state["settings"].is_null());
  CHECK(state["drafts"].empty());
  CHECK(ws.drafts.empty());
  CHECK(ws.profile.values.empty());
}

TEST_CASE("Record::Dump writes exactly what ToJson().dump() would", "[workspace]") {
  Record r;
  r.uuid = NewUuid();
  r.form = "star_nomination";
  r.form_version = 2;
  r.revision = 7;
  r.created = "2020-10-25T08:00:00Z";
  r.updated = "2020-10-26T08:00:00Z";
  r.values = {{"name", "张喆\"<>"}, {"n", 3}, {"rows", nlohmann::json::array({{{"a", 1}}})}};
  CHECK(r.Dump() == r.ToJson().dump());
  r.exported = "2020-10-27T08:00:00Z";
  r.migrated = {{"from", 1}, {"to", 2}};
  CHECK(r.Dump() == r.ToJson().dump());
}
