// test_bundle.cpp — export → import round trips, deterministic bytes, every refusal, backup and
// restore, and merge by UUID with provenance.
#include <catch2/catch.hpp>
#include <filesystem>

#include "base64.h"
#include "bundle.h"
#include "bundle_io.h"
#include "import_store.h"
#include "sha256.h"
#include "shipped_forms.h"
#include "temp_dir.h"

using namespace lw;
using lw::test::Forms;
using lw::test::TempDir;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

Record Star(const std::string& name, int revision = 1) {
  Record r;
  r.uuid = NewUuid();
  r.form = "star_nomination";
  r.form_version = 2;
  r.revision = revision;
  r.created = r.updated = "2020-10-25T08:00:00Z";
  r.values = {{"name", name}, {"gender", "女"}, {"region", "150203"}};
  r.origin = {"包头市教育局", "150200", "dev-baotou"};
  r.status = kStatusDraft;  // incomplete: what the reader finds too
  return r;
}

Bundle CityBundle(const std::string& unit, std::vector<Record> records) {
  Bundle b;
  b.created = "2020-10-25T08:00:00Z";
  b.campaign = "2020";
  b.issuer = {{"unit", unit}, {"region", "150200"}};
  b.records = std::move(records);
  return b;
}
}  // namespace

TEST_CASE("SHA-256 and base64 match their standards", "[bundle]") {
  CHECK(Sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(Sha256Hex(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  CHECK(Base64Encode("学习") == "5a2m5Lmg");
  CHECK(Base64Decode("5a2m5Lmg") == std::optional<std::string>("学习"));
  CHECK_FALSE(Base64Decode("5a2m5Lm"));
  CHECK_FALSE(Base64Decode("5a2m5L!g"));
  CHECK(Base64Decode(Base64Encode(std::string("\0\1\2\3\xFF", 5))) ==
        std::optional<std::string>(std::string("\0\1\2\3\xFF", 5)));
}

TEST_CASE("export → import round trip keeps every record and photo, byte for byte", "[bundle]") {
  Bundle b = CityBundle("包头市教育局", {Star("张喆"), Star("王堃")});
  const std::string photo = std::string("\xFF\xD8\xFF\xE0", 4) + std::string(5000, '\x42');
  b.records[0].values["portrait"] =
      json::array({{{"sha256", Sha256Hex(photo)}, {"mime", "image/jpeg"}, {"caption", "近照"}}});
  b.photos.push_back({Sha256Hex(photo), "image/jpeg", photo});
  const std::string bytes = WriteBundle(b, Forms());
  CHECK(WriteBundle(b, Forms()) == bytes);  // same data, same bytes
  std::swap(b.records[0], b.records[1]);
  CHECK(WriteBundle(b, Forms()) == bytes);  // record order does not matter: sorted by UUID
  const auto res = ReadBundle(bytes, Forms());
  INFO(res.error);
  REQUIRE(res.bundle);
  CHECK(res.sha256 == Sha256Hex(bytes));
  REQUIRE(res.bundle->records.size() == 2);
  REQUIRE(res.bundle->photos.size() == 1);
  CHECK(res.bundle->photos[0].bytes == photo);
  CHECK(res.bundle->issuer["unit"] == "包头市教育局");
  const json j = json::parse(bytes);
  CHECK(j.dump() + "\n" == bytes);  // canonical: the compact, key-sorted dump of the document
  CHECK(j["format"] == "learnweek-bundle");
  CHECK(j["formatVersion"] == 1);  // no routes: still readable by older copies of the app
  CHECK(j["forms"][0]["id"] == "star_nomination");
  CHECK(j["forms"][0]["version"] == 2);
  CHECK(WriteBundle(*res.bundle, Forms()) == bytes);  // a read bundle writes back identically
}

TEST_CASE("the file's SHA-256 is the host's when it gave one, computed when not", "[bundle]") {
  const std::string bytes = WriteBundle(CityBundle("包头市教育局", {Star("张喆")}), Forms());
  const std::string real = Sha256Hex(bytes);
  // The browser's WebCrypto digest (web/lw-files.js) is taken as given: the page is the app's own.
  const std::string given = std::string(63, 'a') + "b";
  CHECK(ReadBundle(bytes, Forms(), {}, RecordValues::Packed, given).sha256 == given);
  // None (a page without WebCrypto) or not a digest at all: computed here.
  for (const std::string& not_given : {std::string(), std::string("abc"), std::string(64, 'A'), real + "0"})
    CHECK(ReadBundle(bytes, Forms(), {}, RecordValues::Packed, not_given).sha256 == real);
  CHECK(ReadBundle("{", Forms(), {}, RecordValues::Documents, given).sha256 == given);  // refused files too

  TempDir dir;
  Workspace ws(dir.path.string());
  ws.Load();
  ImportStore store(ws);
  const ImportPlan plan = store.Import("包头.json", bytes, Forms(), {}, real);
  REQUIRE(plan.refused.empty());
  CHECK(plan.sha256 == real);
  REQUIRE(store.bundles().size() == 1);
  CHECK(store.bundles()[0].sha256 == real);  // the provenance, and the store file's name
}

namespace {
std::string Refusal(const std::string& bytes) {
  const auto r = ReadBundle(bytes, Forms());
  return r.bundle ? std::string() : r.error;
}
std::string Valid() { return WriteBundle(CityBundle("包头市教育局", {Star("张喆")}), Forms()); }
}  // namespace

TEST_CASE("every bad bundle is refused with a Chinese reason", "[bundle]") {
  const std::string ok = Valid();
  REQUIRE(Refusal(ok).empty());
  CHECK(Refusal(ok.substr(0, ok.size() / 2)) == "文件内容不完整或不是有效的 JSON（可能下载或传输时被截断）");
  CHECK(Refusal("{not json") == "文件内容不完整或不是有效的 JSON（可能下载或传输时被截断）");
  CHECK(Refusal("") == "文件是空的");
  CHECK(Refusal("{\"format\":\"x\"}") == "这不是 LearnWeek 数据包");
  std::string bad_utf8 = ok;
  bad_utf8.insert(bad_utf8.find("张喆"), "\xC3\x28");
  CHECK(Refusal(bad_utf8).find("不是 UTF-8") != std::string::npos);
  json newer = json::parse(ok);
  newer["formatVersion"] = kBundleFormatVersion + 1;
  CHECK(Refusal(newer.dump()).find("较新版本的 LearnWeek") != std::string::npos);
  json dup = json::parse(ok);
  dup["records"].push_back(dup["records"][0]);
  CHECK(Refusal(dup.dump()).find("编号（UUID）重复") != std::string::npos);
  CHECK(Refusal(std::string(kMaxBundleBytes + 1, ' ')).find("文件过大") != std::string::npos);
  const std::string deep =
      "{\"format\":\"learnweek-bundle\",\"x\":" + std::string(10000, '[') + std::string(10000, ']') + "}";
  CHECK(Refusal(deep) == "文件结构嵌套过深，不是有效的数据包");
  json html = json::parse(ok);
  html["records"][0]["values"]["name"] = "<script>alert(1)</script>";
  CHECK(Refusal(html.dump()).find("含有网页代码或脚本") != std::string::npos);
  json unit_html = json::parse(ok);
  unit_html["issuer"]["unit"] = "<img src=x onerror=alert(1)>";
  CHECK(Refusal(unit_html.dump()).find("报送单位信息中含有网页代码或脚本") != std::string::npos);
  json js = json::parse(ok);
  js["records"][0]["values"]["name"] = "javascript:alert(1)";
  CHECK_FALSE(Refusal(js.dump()).empty());
  json unknown_form = json::parse(ok);
  unknown_form["records"][0]["form"] = "mystery";
  CHECK(Refusal(unknown_form.dump()).find("本机没有表单“mystery”") != std::string::npos);
  json wrong_shape = json::parse(ok);
  wrong_shape["records"][0]["values"]["gender"] = 1;
  CHECK(Refusal(wrong_shape.dump()).find("“性别”应为文字") != std::string::npos);
  json bad_uuid = json::parse(ok);
  bad_uuid["records"][0]["uuid"] = "123";
  CHECK(Refusal(bad_uuid.dump()).find("uuid") != std::string::npos);
}

TEST_CASE("photos: hash, size and encoding are checked", "[bundle]") {
  Bundle b = CityBundle("包头市教育局", {Star("张喆")});
  const std::string photo = "\x89PNG\r\n\x1A\n" + std::string(100, 'x');
  b.records[0].values["portrait"] = json::array({{{"sha256", Sha256Hex(photo)}, {"mime", "image/png"}}});
  b.photos.push_back({Sha256Hex(photo), "image/png", photo});
  const json good = json::parse(WriteBundle(b, Forms()));
  json tampered = good;
  tampered["photos"][0]["data"] = Base64Encode(photo + "!");
  tampered["photos"][0]["size"] = photo.size() + 1;
  CHECK(Refusal(tampered.dump()).find("校验值（SHA-256）不符") != std::string::npos);
  json short_photo = good;
  short_photo["photos"][0]["size"] = photo.size() + 5;
  CHECK(Refusal(short_photo.dump()).find("大小与记录不符") != std::string::npos);
  json garbage = good;
  garbage["photos"][0]["data"] = "!!!!";
  CHECK(Refusal(garbage.dump()).find("base64 无效") != std::string::npos);
  json missing = good;
  missing["photos"] = json::array();
  CHECK(Refusal(missing.dump()).find("不在数据包中") != std::string::npos);
  json exe = good;
  exe["photos"][0]["mime"] = "application/x-msdownload";
  CHECK(Refusal(exe.dump()).find("不支持的图片类型") != std::string::npos);
}

TEST_CASE("file names are made of the unit and the date, safe on every system", "[bundle]") {
  CHECK(BundleFileName("包头市教育局", "2020-10-25") == "学习周_包头市教育局_2020-10-25.json");
  CHECK(BundleFileName("a/b:c*?", "2020-10-25") == "学习周_a_b_c___2020-10-25.json");
  CHECK(BundleFileName("", "2020-10-25", "备份") == "学习周_未填单位_备份_2020-10-25.json");
}

TEST_CASE("merge by UUID: add, update, same bundle twice, older, conflict; provenance; remove", "[bundle]") {
  TempDir dir;
  Workspace ws(dir.path.string());
  ws.Load();
  ImportStore store(ws);
  store.Load();
  Record a = Star("张喆"), b = Star("王堃");
  const std::string v1 = WriteBundle(CityBundle("包头市教育局", {a, b}), Forms());
  ImportPlan p = store.Import("学习周_包头市教育局_2020-10-25.json", v1, Forms());
  CHECK(p.refused.empty());
  CHECK(p.Count(MergeAction::Added) == 2);
  CHECK(p.Summary() == "新增 2 条");
  REQUIRE(store.records().size() == 2);
  const Provenance* src = store.SourceOf(a.uuid);
  REQUIRE(src);
  CHECK(src->unit == "包头市教育局");
  CHECK(src->sha256 == Sha256Hex(v1));
  CHECK(src->file_name == "学习周_包头市教育局_2020-10-25.json");

  // The same bundle again changes nothing.
  p = store.Import("copy.json", v1, Forms());
  CHECK(p.already_imported);
  CHECK(p.Summary() == "此数据包已导入过，没有变化");
  CHECK(store.bundles().size() == 1);

  // A higher revision replaces a lower one; a lower one is kept out.
  Record a2 = a;
  a2.revision = 2;
  a2.values["name"] = "张喆（修改）";
  Record b0 = b;
  b0.revision = 0 + 1;  // same revision, same content: unchanged
  p = store.Import("v2.json", WriteBundle(CityBundle("包头市教育局", {a2, b0}), Forms()), Forms());
  CHECK(p.Count(MergeAction::Updated) == 1);
  CHECK(p.Count(MergeAction::Unchanged) == 1);
  for (const Record* r : store.records())
    if (r->uuid == a.uuid) CHECK(r->Values()["name"].String() == "张喆（修改）");
  p = store.Import("old.json", WriteBundle(CityBundle("包头市教育局", {a, Star("新人")}), Forms()), Forms());
  CHECK(p.Count(MergeAction::KeptNewer) == 1);
  CHECK(p.Count(MergeAction::Added) == 1);
  for (const Record* r : store.records())
    if (r->uuid == a.uuid) CHECK(r->revision == 2);

  // Two different edits of the same revision: a conflict for the user to decide.
  Record b_other = b;
  b_other.values["name"] = "王堃（另一版本）";
  p = store.Import("other.json", WriteBundle(CityBundle("鄂尔多斯市教育局", {b_other}), Forms()), Forms());
  CHECK(p.Count(MergeAction::Conflict) == 1);
  REQUIRE(store.conflicts().size() == 1);
  CHECK(store.conflicts()[0].existing.values["name"] == "王堃");
  CHECK(store.conflicts()[0].incoming.values["name"] == "王堃（另一版本）");
  store.Resolve(0, true);
  CHECK(store.conflicts().empty());
  for (const Record* r : store.records())
    if (r->uuid == b.uuid) CHECK(r->Values()["name"].String() == "王堃（另一版本）");

  // Everything survives a reload, including the choice made in the conflict.
  ImportStore again(ws);
  again.Load();
  CHECK(again.records().size() == 3);
  CHECK(again.bundles().size() == 4);
  CHECK(again.conflicts().empty());
  // One bundle's records can be taken out again.
  const std::string other_sha = Sha256Hex(WriteBundle(CityBundle("鄂尔多斯市教育局", {b_other}), Forms()));
  REQUIRE(again.Remove(other_sha));
  CHECK(again.bundles().size() == 3);

  // A refused bundle changes nothing at all.
  const size_t before = again.records().size();
  p = again.Import("broken.json", v1.substr(0, 100), Forms());
  CHECK_FALSE(p.refused.empty());
  CHECK(again.records().size() == before);
  CHECK(again.bundles().size() == 3);
}

TEST_CASE("backup holds everything and restores without deleting newer work", "[bundle]") {
  TempDir dir;
  Workspace ws(dir.path.string());
  ws.Load();
  ws.profile.values["unit"] = "包头市教育局";
  ws.Touch(ws.profile.uuid, 0);
  Record& d = ws.NewDraft(*Forms().Find("star_nomination"));
  d.values["name"] = "张喆";
  const std::string sha = ws.AddPhoto("\xFF\xD8\xFF photo");
  d.values["portrait"] = json::array({{{"sha256", sha}, {"mime", "image/jpeg"}}});
  ws.Touch(d.uuid, 0);
  ws.Flush(0, true);
  const std::string bytes = WriteBundle(MakeBackup(ws, "2020"), Forms());
  const auto read = ReadBundle(bytes, Forms());
  REQUIRE(read.bundle);
  CHECK(read.bundle->kind == "backup");
  const json whole = json::parse(bytes);
  CHECK(whole.contains("profile"));
  CHECK(whole.contains("settings"));
  CHECK(whole.dump() + "\n" == bytes);  // profile and settings in their sorted places

  TempDir other;
  Workspace fresh(other.path.string());
  fresh.Load();
  const RestoreReport rep = RestoreBackup(fresh, *read.bundle);
  CHECK(rep.error.empty());
  CHECK(rep.restored == 1);
  CHECK(rep.profile);
  REQUIRE(fresh.drafts.size() == 1);
  CHECK(fresh.drafts[0].values["name"] == "张喆");
  std::string back;
  CHECK(fresh.ReadPhoto(sha, back));
  CHECK(fresh.profile.values["unit"] == "包头市教育局");
  // A draft edited after the backup is not overwritten by restoring the older backup.
  fresh.drafts[0].values["name"] = "张喆（新）";
  fresh.Touch(fresh.drafts[0].uuid, 0);
  fresh.Flush(0, true);
  CHECK(RestoreBackup(fresh, *read.bundle).kept_newer == 1);
  CHECK(fresh.drafts[0].values["name"] == "张喆（新）");
}
