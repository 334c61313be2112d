// test_campaign_catalog.cpp — forms and campaigns at run time: a package opened on this device
// joins the shipped libraries (its new form can be filled, its notice is on the checklist), stays
// after a restart (read back from the workspace folder), and a broken file changes nothing.
#include <catch2/catch.hpp>

#include "campaign_catalog.h"
#include "shipped_forms.h"
#include "temp_dir.h"
#include "text_file.h"

using namespace lw;

namespace {
std::string ExamplePackage() {
  return ReadTextFile(std::string(LW_SOURCE_DIR) + "/assets/packages/example-2026-nmg.json");
}
CampaignLibrary ShippedCampaigns() { return LoadCampaigns(std::string(LW_SOURCE_DIR) + "/assets/campaigns"); }
}  // namespace

TEST_CASE("catalog: an installed package joins the shipped forms and campaigns, and stays", "[catalog]") {
  test::TempDir dir;
  FileStore store(dir.path.string());
  CampaignCatalog catalog;
  CHECK(catalog.Load(test::Forms(), ShippedCampaigns(), store).empty());
  CHECK_FALSE(catalog.forms().Find("reading_salon"));
  CHECK_FALSE(catalog.campaigns().Find("2026"));
  const size_t shipped = catalog.forms().forms.size();

  const std::string bytes = ExamplePackage();
  REQUIRE(LooksLikePackage(bytes));
  const InstallPlan plan = catalog.Install(bytes, store);
  INFO(plan.error);
  REQUIRE(plan.ok());
  CHECK(plan.Summary().rfind("已安装活动包「", 0) == 0);
  CHECK(catalog.forms().Find("reading_salon"));
  CHECK(catalog.forms().forms.size() == shipped + 1);
  const Campaign* c = catalog.campaigns().Find("2026");
  REQUIRE(c);
  REQUIRE(c->FindIssuer("nmg-example"));
  CHECK(catalog.packages().packages().size() == 1);

  // Opened again: the same version is refused, nothing changes.
  CHECK_FALSE(catalog.Install(bytes, store).ok());
  CHECK(catalog.forms().forms.size() == shipped + 1);

  // After a restart the package is read back from the workspace folder.
  CampaignCatalog again;
  CHECK(again.Load(test::Forms(), ShippedCampaigns(), store).empty());
  CHECK(again.forms().Find("reading_salon"));
  CHECK(again.campaigns().Find("2026"));
}

TEST_CASE("catalog: a broken or foreign file is refused in Chinese and changes nothing", "[catalog]") {
  test::TempDir dir;
  FileStore store(dir.path.string());
  CampaignCatalog catalog;
  catalog.Load(test::Forms(), ShippedCampaigns(), store);
  CHECK_FALSE(LooksLikePackage("{\"format\":\"learnweek-bundle\"}"));
  std::string tampered = ExamplePackage();
  tampered.replace(tampered.find("内蒙古自治区教育厅"), std::string("内蒙古自治区教育厅").size(), "某某市教育局");
  const InstallPlan plan = catalog.Install(tampered, store);
  CHECK_FALSE(plan.ok());
  CHECK_FALSE(plan.error.empty());
  CHECK(catalog.packages().packages().empty());
  CHECK_FALSE(catalog.Install("not json", store).ok());
  CHECK_FALSE(catalog.forms().Find("reading_salon"));
}

TEST_CASE("a package's coordinator is offered the Ministry's forms and its own province's, not others'", "[catalog]") {
  const CampaignLibrary lib = ShippedCampaigns();
  CHECK(lib.OtherProvincesOnly("shanxi_statistics", "610000"));        // 山西's table, to 陕西
  CHECK_FALSE(lib.OtherProvincesOnly("shanxi_statistics", "140100"));  // to 太原 (in 山西)
  CHECK(lib.OtherProvincesOnly("demo_activity_summary", "140000"));    // 吉林's, to 山西
  CHECK_FALSE(lib.OtherProvincesOnly("star_nomination", "610000"));    // the Ministry asks for it
  CHECK_FALSE(lib.OtherProvincesOnly("shanxi_statistics", ""));        // no region yet: all
  CHECK_FALSE(lib.OtherProvincesOnly("no_such_form", "610000"));       // nobody asks for it
}
