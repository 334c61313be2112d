// test_rollup.cpp — issue 11, roll-up across levels: units → counties → city → province →
// Ministry, each level importing the bundles below and exporting one bundle upward. Every record
// keeps its origin, its provenance is a chain of bundles with their SHA-256, the same record by
// two paths counts once, and a route table that lies is refused.
#include <catch2/catch.hpp>
#include <filesystem>

#include "bundle.h"
#include "bundle_io.h"
#include "import_store.h"
#include "rollup.h"
#include "sha256.h"
#include "shipped_forms.h"

using namespace lw;
using lw::test::Forms;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

Record Star(const std::string& name, const Origin& origin) {
  Record r;
  r.uuid = NewUuid();
  r.form = "star_nomination";
  r.form_version = 2;
  r.created = r.updated = "2020-10-25T08:00:00Z";
  r.origin = origin;
  r.values = {{"name", name}, {"gender", "女"}, {"region", origin.region}};
  return r;
}

// One coordinator (or unit) with its own device folder and desk.
struct Level {
  fs::path dir = fs::temp_directory_path() / ("lw-rollup-" + NewUuid());
  Origin me;
  Workspace ws{dir.string()};
  ImportStore store{ws};
  explicit Level(Origin o) : me(std::move(o)) {
    fs::create_directories(dir);
    ws.Load();
    store.Load();
    ws.profile.values = {{"unit", me.unit}, {"region", me.region}};
  }
  ~Level() { fs::remove_all(dir); }

  void Own(const std::string& name) { ws.drafts.push_back(Star(name, me)); }
  void Receive(const std::string& file, const std::string& bytes) {
    const ImportPlan p = store.Import(file, bytes, Forms());
    INFO(file << ": " << p.refused);
    REQUIRE(p.refused.empty());
  }
  // Its own drafts and everything it imported, in one bundle for the level above.
  std::string Export() const {
    std::vector<const Record*> recs;
    for (const Record& r : ws.drafts) recs.push_back(&r);
    for (const Record* r : store.records()) recs.push_back(r);
    Bundle b = MakeBundle(ws, recs, "submission", "2020");
    AttachRoutes(b, store);
    return WriteBundle(b, Forms());
  }
  const Record* Find(const std::string& uuid) const {
    for (const Record* r : store.records())
      if (r->uuid == uuid) return r;
    return nullptr;
  }
};

const Origin kUnitA{"昆都仑区第一小学", "150203", "dev-a"};
const Origin kUnitB{"昆都仑区社区学院", "150203", "dev-b"};
const Origin kUnitC{"青山区老年大学", "150204", "dev-c"};
const Origin kCountyK{"昆都仑区教育局", "150203", "dev-k"};
const Origin kCountyQ{"青山区教育局", "150204", "dev-q"};
const Origin kCity{"包头市教育局", "150200", "dev-city"};
const Origin kProvince{"内蒙古自治区教育厅", "150000", "dev-prov"};
const Origin kMinistry{"教育部职业教育与成人教育司", "", "dev-moe"};

Hop H(const Origin& o, const std::string& bytes) { return {o.unit, o.region, Sha256Hex(bytes)}; }
}  // namespace

TEST_CASE("four levels: totals equal, origins kept, provenance is a chain of SHA-256", "[rollup]") {
  Level a(kUnitA), b(kUnitB), c(kUnitC);
  a.Own("张喆"), a.Own("李玥"), b.Own("王堃"), c.Own("赵敏");
  const std::string from_a = a.Export(), from_b = b.Export(), from_c = c.Export();
  CHECK(json::parse(from_a)["formatVersion"] == 1);  // nothing forwarded: readable by older apps
  CHECK_FALSE(json::parse(from_a).contains("routes"));

  Level k(kCountyK), q(kCountyQ);
  k.Own("县级推荐人");
  k.Receive("a.json", from_a), k.Receive("b.json", from_b);
  q.Receive("c.json", from_c);
  CHECK(k.store.records().size() == 3);
  const std::string from_k = k.Export(), from_q = q.Export();
  CHECK(json::parse(from_k)["formatVersion"] == 2);

  Level city(kCity);
  city.Receive("k.json", from_k), city.Receive("q.json", from_q);
  // Unit A also sent its bundle straight to the city: the second path counts once.
  const ImportPlan twice = city.store.Import("a-direct.json", from_a, Forms());
  CHECK(twice.Count(MergeAction::Unchanged) == 2);
  CHECK(city.store.conflicts().empty());
  CHECK(city.store.records().size() == 5);

  const std::string from_city = city.Export();
  Level province(kProvince);
  province.Receive("city.json", from_city);
  CHECK(province.store.records().size() == 5);
  const std::string from_province = province.Export();

  Level moe(kMinistry);
  moe.Receive("province.json", from_province);
  REQUIRE(moe.store.records().size() == 5);

  const Record* zhang = moe.Find(a.ws.drafts[0].uuid);
  REQUIRE(zhang);
  CHECK(zhang->origin == kUnitA);
  CHECK(zhang->Values()["name"].String() == "张喆");
  CHECK(ChainOf(moe.store, *zhang) ==
        std::vector<Hop>{H(kUnitA, from_a), H(kCountyK, from_k), H(kCity, from_city), H(kProvince, from_province)});
  // The county's own record starts its chain at the county.
  const Record* county_own = moe.Find(k.ws.drafts[0].uuid);
  REQUIRE(county_own);
  CHECK(county_own->origin == kCountyK);
  CHECK(ChainOf(moe.store, *county_own) ==
        std::vector<Hop>{H(kCountyK, from_k), H(kCity, from_city), H(kProvince, from_province)});
  // The chain survives a reload of the desk (kept in imports/<sha256>.json).
  ImportStore again(moe.ws);
  again.Load();
  const Record* reloaded = nullptr;
  for (const Record* r : again.records())
    if (r->uuid == zhang->uuid) reloaded = r;
  REQUIRE(reloaded);
  CHECK(ChainOf(again, *reloaded).size() == 4);
}

TEST_CASE("a route table that lies is refused whole", "[rollup]") {
  Level a(kUnitA);
  a.Own("张喆");
  Level k(kCountyK);
  k.Receive("a.json", a.Export());
  const json good = json::parse(k.Export());
  REQUIRE(good["routes"].size() == 1);
  REQUIRE(good["records"][0]["via"] == 0);
  Level moe(kMinistry);
  const auto refused = [&](json j) { return moe.store.Plan("x.json", j.dump(), Forms()).refused; };

  json out_of_range = good;
  out_of_range["records"][0]["via"] = 7;
  CHECK(refused(out_of_range).find("转报路径") != std::string::npos);
  json cycle = good;
  cycle["routes"][0]["via"] = 0;  // an entry pointing at itself
  CHECK(refused(cycle).find("转报路径第 1 项指向的上一段路径无效") != std::string::npos);
  json bad_sha = good;
  bad_sha["routes"][0]["sha256"] = "1234";
  CHECK(refused(bad_sha).find("SHA-256") != std::string::npos);
  json markup = good;
  markup["routes"][0]["unit"] = "<img src=x onerror=alert(1)>";
  CHECK(refused(markup).find("网页代码") != std::string::npos);
  json negative = good;
  negative["records"][0]["via"] = -1;
  CHECK(refused(negative).find("via") != std::string::npos);
  CHECK(refused(good).empty());
}
