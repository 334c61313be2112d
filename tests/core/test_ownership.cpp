// test_ownership.cpp — issue 11: records owned by their origin. Same origin updates silently,
// another origin is a conflict, this device's own drafts are never replaced (suggestions), a
// county's record forwarded in a city's bundle keeps its origin, and the same record reaching the
// coordinator by two paths counts once. Older data without origins is migrated.
#include <catch2/catch.hpp>
#include <filesystem>

#include "aggregate.h"
#include "bundle.h"
#include "bundle_io.h"
#include "import_store.h"
#include "sha256.h"
#include "shipped_forms.h"
#include "source_records.h"
#include "temp_dir.h"

using namespace lw;
using lw::test::Forms;
using lw::test::TempDir;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const Origin kCounty{"昆都仑区教育局", "150203", "dev-county"};
const Origin kCity{"包头市教育局", "150200", "dev-city"};
const Origin kOther{"鄂尔多斯市教育局", "150600", "dev-other"};

Record Star(const std::string& name, const Origin& origin, int revision = 1) {
  Record r;
  r.uuid = NewUuid();
  r.form = "star_nomination";
  r.form_version = 2;
  r.revision = revision;
  r.created = r.updated = "2020-10-25T08:00:00Z";
  r.origin = origin;
  r.values = {{"name", name}, {"gender", "女"}, {"region", "150203"}};
  return r;
}

Record Version(Record r, int revision, const std::string& name) {
  r.revision = revision;
  r.values["name"] = name;
  return r;
}

std::string BundleOf(const Origin& issuer, std::vector<Record> records,
                     const std::string& created = "2020-10-25T08:00:00Z") {
  Bundle b;
  b.created = created;
  b.campaign = "2020";
  b.issuer = {{"unit", issuer.unit}, {"region", issuer.region}};
  b.records = std::move(records);
  return WriteBundle(b, Forms());
}

const Record* Merged(const ImportStore& s, const std::string& uuid) {
  for (const Record* r : s.records())
    if (r->uuid == uuid) return r;
  return nullptr;
}
}  // namespace

TEST_CASE("same origin: a higher revision replaces the stored one silently", "[ownership]") {
  TempDir dir;
  Workspace ws(dir.path.string());
  ws.Load();
  ImportStore store(ws);
  store.Load();
  const Record a = Star("张喆", kCounty);
  REQUIRE(store.Import("v1.json", BundleOf(kCounty, {a}), Forms()).refused.empty());
  const ImportPlan p = store.Import("v2.json", BundleOf(kCounty, {Version(a, 2, "张喆（修改）")}), Forms());
  CHECK(p.Count(MergeAction::Updated) == 1);
  CHECK(store.conflicts().empty());
  REQUIRE(Merged(store, a.uuid));
  CHECK(Merged(store, a.uuid)->Values()["name"].String() == "张喆（修改）");
  CHECK(Merged(store, a.uuid)->origin == kCounty);
  // An older version from the same origin is kept out.
  CHECK(
      store.Import("v0.json", BundleOf(kCounty, {a}, "2020-10-20T08:00:00Z"), Forms()).Count(MergeAction::KeptNewer) ==
      1);
  CHECK(Merged(store, a.uuid)->revision == 2);
}

TEST_CASE("other origin: a third unit's version is a conflict, never a silent update", "[ownership]") {
  TempDir dir;
  Workspace ws(dir.path.string());
  ws.Load();
  ImportStore store(ws);
  store.Load();
  const Record a = Star("张喆", kCounty);
  const std::string county = BundleOf(kCounty, {a});
  REQUIRE(store.Import("county.json", county, Forms()).refused.empty());
  // The issue's case: a third unit reuses the UUID with a higher revision and other figures.
  Record hijack = Version(a, 9, "李四");
  hijack.origin = kOther;
  const ImportPlan p = store.Import("other.json", BundleOf(kOther, {hijack}), Forms());
  CHECK(p.Count(MergeAction::Conflict) == 1);
  CHECK(p.Count(MergeAction::Updated) == 0);
  // The tables keep the owner's version and its provenance until the user decides.
  CHECK(Merged(store, a.uuid)->Values()["name"].String() == "张喆");
  CHECK(store.SourceOf(a.uuid)->sha256 == Sha256Hex(county));
  REQUIRE(store.conflicts().size() == 1);
  CHECK(store.conflicts()[0].existing.origin == kCounty);
  CHECK(store.conflicts()[0].incoming.origin == kOther);
  // Keeping the existing version: the rejected one never comes back, not after a reload either.
  store.Resolve(0, false);
  CHECK(store.conflicts().empty());
  ImportStore again(ws);
  again.Load();
  CHECK(again.conflicts().empty());
  CHECK(Merged(again, a.uuid)->Values()["name"].String() == "张喆");
  // The owner's later edits still follow silently.
  again.Import("county2.json", BundleOf(kCounty, {Version(a, 2, "张喆（二）")}), Forms());
  CHECK(again.conflicts().empty());
  CHECK(Merged(again, a.uuid)->Values()["name"].String() == "张喆（二）");
  // A new version from the other origin is a new question.
  Record hijack2 = Version(a, 10, "王五");
  hijack2.origin = kOther;
  again.Import("other2.json", BundleOf(kOther, {hijack2}), Forms());
  REQUIRE(again.conflicts().size() == 1);
  // Taking it: from then on that origin's versions follow.
  again.Resolve(0, true);
  CHECK(again.conflicts().empty());
  CHECK(Merged(again, a.uuid)->Values()["name"].String() == "王五");
  CHECK(again.SourceOf(a.uuid)->unit == "鄂尔多斯市教育局");
}

TEST_CASE("one origin's two different edits of the same revision are a conflict too", "[ownership]") {
  TempDir dir;
  Workspace ws(dir.path.string());
  ws.Load();
  ImportStore store(ws);
  store.Load();
  const Record a = Star("张喆", kCounty);
  store.Import("a.json", BundleOf(kCounty, {Version(a, 2, "甲")}), Forms());
  CHECK(store.Import("b.json", BundleOf(kCounty, {Version(a, 2, "乙")}), Forms()).Count(MergeAction::Conflict) == 1);
  CHECK(store.conflicts().size() == 1);
}

TEST_CASE("own record: an import never replaces this device's draft, it suggests", "[ownership]") {
  TempDir dir;
  Workspace ws(dir.path.string());
  ws.Load();
  ws.profile.values = {{"unit", "包头市教育局"}, {"region", "150200"}};
  Record& mine = ws.NewDraft(*Forms().Find("star_nomination"));
  CHECK(mine.origin.device == ws.settings.device_id);
  CHECK(mine.origin.unit == "包头市教育局");
  mine.values["name"] = "张喆";
  mine.values["gender"] = "女";
  ws.Touch(mine.uuid, 0);
  ws.Flush(0, true);
  const std::string uuid = mine.uuid;
  const int revision = mine.revision;
  ImportStore store(ws);
  store.Load();
  // The issue's case: another unit's bundle carries this draft's UUID with a higher revision.
  Record theirs = mine;
  theirs.revision = revision + 5;
  theirs.origin = kOther;
  theirs.values["name"] = "李四";
  const ImportPlan p = store.Import("other.json", BundleOf(kOther, {theirs}), Forms());
  CHECK(p.Count(MergeAction::Suggested) == 1);
  CHECK(p.Summary() == "本机记录的修改建议 1 条");
  CHECK(ws.FindDraft(uuid)->values["name"] == "张喆");
  CHECK(ws.FindDraft(uuid)->revision == revision);
  Workspace reread(dir.path.string());  // on disk too
  reread.Load();
  CHECK(reread.FindDraft(uuid)->values["name"] == "张喆");
  CHECK_FALSE(Merged(store, uuid));  // the tables count the draft itself, once
  REQUIRE(store.suggestions().size() == 1);
  CHECK(store.suggestions()[0].incoming.values["name"] == "李四");
  CHECK(store.suggestions()[0].unit == "鄂尔多斯市教育局");
  // The same content coming back (its own export re-imported) is no suggestion.
  Record same = *ws.FindDraft(uuid);
  CHECK(store.Plan("own.json", BundleOf(kCity, {same}), Forms()).Count(MergeAction::Unchanged) == 1);
  // Dismissed once, gone for good.
  store.Dismiss(0);
  CHECK(store.suggestions().empty());
  ImportStore again(ws);
  again.Load();
  CHECK(again.suggestions().empty());
}

TEST_CASE("forwarded records keep their origin; two paths count once", "[ownership]") {
  TempDir dir;
  Workspace ws(dir.path.string());
  ws.Load();
  ImportStore store(ws);
  store.Load();
  const Record county_rec = Star("张喆", kCounty);
  const Record city_rec = Star("王堃", kCity);
  // The city forwards its county's record beside its own.
  const std::string city = BundleOf(kCity, {county_rec, city_rec});
  CHECK(store.Import("city.json", city, Forms()).Count(MergeAction::Added) == 2);
  CHECK(Merged(store, county_rec.uuid)->origin == kCounty);
  CHECK(Merged(store, city_rec.uuid)->origin == kCity);
  // The county's own bundle with the same version: the second path changes nothing.
  const ImportPlan p = store.Import("county.json", BundleOf(kCounty, {county_rec}, "2020-10-24T08:00:00Z"), Forms());
  CHECK(p.Count(MergeAction::Unchanged) == 1);
  CHECK(store.conflicts().empty());
  CHECK(store.records().size() == 2);
  std::vector<SourceRecord> src;
  for (const Record* r : store.records())
    src.push_back({r, r->origin.unit, r->origin.region, r->status != kStatusValid});
  RegionDb db;
  REQUIRE(db.LoadJson(R"({"regions":[["150000","内蒙古自治区"],["150200","包头市"],["150203","昆都仑区"]]})"));
  for (const SummaryTable& t : BuildSummaryTables(src, db, nullptr))
    if (t.id == "stars") {
      CHECK(t.rows.size() == 2);
      CHECK(t.rows[0].back().text == "草稿");  // incomplete records are marked, not counted as checked
    }
  // A newer version from the county, by either path, follows silently: it is the same origin.
  CHECK(store.Import("city2.json", BundleOf(kCity, {Version(county_rec, 2, "张喆（更正）")}), Forms())
            .Count(MergeAction::Updated) == 1);
  CHECK(Merged(store, county_rec.uuid)->Values()["name"].String() == "张喆（更正）");
  CHECK(store.conflicts().empty());
}

TEST_CASE("older data: bundles, imports and drafts without origins are migrated", "[ownership]") {
  TempDir dir;
  // A bundle written before origins: each record takes its issuer as origin (device unknown).
  json old = json::parse(BundleOf(kCity, {Star("张喆", {})}));
  REQUIRE_FALSE(old["records"][0].contains("origin"));
  const auto read = ReadBundle(old.dump(), Forms());
  REQUIRE(read.bundle);
  CHECK(read.bundle->records[0].origin == Origin{"包头市教育局", "150200", ""});
  // A draft stored before origins belongs to this device.
  fs::create_directories(dir.path / "drafts");
  Record legacy = Star("王堃", {});
  std::FILE* f = std::fopen((dir.path / "drafts" / (legacy.uuid + ".json")).string().c_str(), "wb");
  const std::string text = legacy.ToJson().dump();
  std::fwrite(text.data(), 1, text.size(), f);
  std::fclose(f);
  Workspace ws(dir.path.string());
  ws.Load();
  REQUIRE(ws.drafts.size() == 1);
  CHECK(ws.drafts[0].origin.device == ws.settings.device_id);
  CHECK_FALSE(ws.settings.device_id.empty());
  // The device id is made once and kept with the settings.
  ws.Flush(0, true);
  Workspace again(dir.path.string());
  again.Load();
  CHECK(again.settings.device_id == ws.settings.device_id);
  CHECK(again.drafts[0].origin == ws.drafts[0].origin);
}

TEST_CASE("the records counted: own drafts by the profile's unit, imports by their origin", "[ownership]") {
  TempDir dir;
  Workspace ws(dir.path.string());
  ws.Load();
  ImportStore store(ws);
  store.Load();
  Record county = Star("张喆", kCounty);
  county.status = kStatusValid;
  REQUIRE(store.Import("county.json", BundleOf(kCounty, {county}), Forms()).refused.empty());
  std::vector<Record> drafts = {Star("李四", Origin{}), Star("王五", Origin{})};
  const json profile = {{"unit", kCity.unit}, {"region", kCity.region}};
  const auto all = CollectRecords(drafts, profile, store, [](const Record& r) { return r.values["name"] == "王五"; });
  REQUIRE(all.size() == 3);
  CHECK(all[0].record == &drafts[0]);
  CHECK(all[0].unit == kCity.unit);
  CHECK(all[0].region == kCity.region);
  CHECK_FALSE(all[0].draft);
  CHECK(all[1].draft);
  CHECK(all[2].record->uuid == county.uuid);
  CHECK(all[2].unit == kCounty.unit);
  CHECK(all[2].region == kCounty.region);
}
