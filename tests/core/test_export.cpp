// test_export.cpp — issue 11: export says what it sends. The summary counts records by form and
// status with the shared validator, refuses without a unit and region, asks for confirmation
// while errors are left, and the bundle carries each record's status.
#include <catch2/catch.hpp>
#include <filesystem>

#include "bundle.h"
#include "bundle_io.h"
#include "shipped_forms.h"
#include "temp_dir.h"

using namespace lw;
using lw::test::Forms;
using lw::test::TempDir;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {
std::vector<Issue> Check(const Record& r) { return ValidateRecord(*Forms().Find(r.form), r.values, {}); }
}  // namespace

TEST_CASE("export summary: by form and status, errors left, unit profile, statuses in the bundle", "[export]") {
  TempDir dir;
  Workspace ws(dir.path.string());
  ws.Load();
  ws.NewDraft(*Forms().Find("star_nomination")).values["name"] = "张喆";
  const std::string draft_uuid = ws.drafts[0].uuid;
  ws.NewDraft(*Forms().Find("contacts")).values = {
      {"unit", "包头市教育局"},
      {"people",
       json::array({{{"name", "李玥"}, {"mobile", "13800000000"}}, {{"name", "王堃"}, {"mobile", "13900000000"}}})}};
  std::vector<const Record*> recs = {&ws.drafts[0], &ws.drafts[1]};

  // No unit profile yet: nothing can go.
  ExportSummary s = SummarizeExport(ws, recs, Forms(), Check);
  CHECK(s.Refusal().find("请先在“单位信息”中填写填报单位和所在地区") == 0);
  ws.profile.values = {{"unit", "包头市教育局"}};
  CHECK_FALSE(SummarizeExport(ws, recs, Forms(), Check).Refusal().empty());  // the region too
  ws.profile.values["region"] = "150200";
  s = SummarizeExport(ws, recs, Forms(), Check);
  CHECK(s.Refusal().empty());
  CHECK(s.records == 2);
  REQUIRE(s.forms.size() == 2);
  CHECK(s.forms[0].title == "百姓学习之星");
  CHECK(s.forms[0].draft == 1);
  CHECK(s.forms[1].valid == 1);
  CHECK(s.drafts == 1);
  CHECK(s.issues == static_cast<int>(Check(ws.drafts[0]).size()));
  CHECK(s.NeedsConfirmation());

  // Each record's status is written; origins get the unit filled in before leaving.
  CHECK(ws.drafts[0].origin.unit.empty());  // made before the profile was filled in
  CHECK(ws.FillOrigins() == 2);
  CHECK(ws.drafts[0].origin.unit == "包头市教育局");
  CHECK(ws.drafts[0].origin.device == ws.settings.device_id);
  const json j = json::parse(WriteBundle(MakeBundle(ws, recs, "submission", "2020", &s), Forms()));
  for (const json& r : j["records"]) {
    CHECK(r["status"] == (r["uuid"] == draft_uuid ? "draft" : "valid"));
    CHECK(r["origin"]["unit"] == "包头市教育局");
  }
  // Only drafts with no errors at all need no confirmation.
  CHECK_FALSE(SummarizeExport(ws, {&ws.drafts[1]}, Forms(), Check).NeedsConfirmation());
}
