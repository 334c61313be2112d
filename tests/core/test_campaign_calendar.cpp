// test_campaign_calendar.cpp — issue 12 item 4: the 首页 follows the calendar. Which campaigns are
// open at a given moment (Beijing time), in deadline order; past ones archived; deadlines shown
// with their year and time.
#include <catch2/catch.hpp>

#include "campaign_calendar.h"

using namespace lw;

namespace {

// UTC seconds of a Beijing wall-clock time.
long long Beijing(int y, int m, int d, int hh, int mm) {
  Requirement r;
  r.due = {y, m, d};
  r.due_minute = hh * 60 + mm;
  return DeadlineAt(r);
}

Campaign Parse(const std::string& text) {
  std::vector<std::string> errors;
  auto c = ParseCampaign(text, "test.json", errors);
  INFO((errors.empty() ? "" : errors.front()));
  REQUIRE(c);
  return *c;
}

// Two campaigns: 2021's (a Ministry notice and Shanxi's) and one ahead, with a timed deadline.
CampaignLibrary Library() {
  CampaignLibrary lib;
  lib.campaigns.push_back(Parse(R"({"id":"2021","year":2021,"title":"2021年全民终身学习活动周","theme":"t",
    "opening":{"date":"2021-10-25"},"window":{"begin":"2021-10-01","end":"2021-12-01"},
    "issuers":[{"id":"moe","name":"教育部办公厅","requirements":[
        {"id":"summary","title":"总结","form":"work_summary","due":"2021-12-20"},
        {"id":"stars","title":"百姓学习之星","form":"star_nomination","due":"2021-09-10"}]},
      {"id":"sx","name":"山西省教育厅","region":"140000","requirements":[
        {"id":"stats","title":"统计表","form":"shanxi_statistics","due":"2021-11-10 17:00"}]}]})"));
  lib.campaigns.push_back(Parse(R"({"id":"next","year":2027,"title":"下一届","theme":"t",
    "opening":{"date":"2027-10-25"},"window":{"begin":"2027-10-01","end":"2027-12-01"},
    "issuers":[{"id":"nmg","name":"内蒙古自治区教育厅","region":"150000","requirements":[
        {"id":"plan","title":"方案","form":"activity_plan","due":"2027-09-20 12:00"}]},
      {"id":"moe","name":"教育部办公厅","requirements":[
        {"id":"stars","title":"百姓学习之星","form":"star_nomination","due":"2027-09-25"}]}]})"));
  return lib;
}

}  // namespace

TEST_CASE("deadlines read with their year and time, in Beijing time", "[campaign_calendar]") {
  const CampaignLibrary lib = Library();
  const Requirement& stats = lib.campaigns[0].issuers[1].requirements[0];
  const Requirement& summary = lib.campaigns[0].issuers[0].requirements[0];
  CHECK(DeadlineText(stats) == "2021年11月10日 17:00");
  CHECK(DeadlineText(summary) == "2021年12月20日 24:00");  // a day only: the whole day counts
  // 17:00 in Beijing is 09:00 UTC.
  CHECK(DeadlineAt(stats) == Beijing(2021, 11, 10, 17, 0));
  CHECK(Beijing(2021, 11, 10, 17, 0) == 1636534800);
  CHECK_FALSE(DeadlinePassed(stats, Beijing(2021, 11, 10, 16, 59)));
  CHECK(DeadlinePassed(stats, Beijing(2021, 11, 10, 17, 0)));
  // 23:30 UTC on 19 December is already the 20th in Beijing: "今天截止", not "还剩 1 天".
  CHECK(BeijingDate(Beijing(2021, 12, 20, 7, 30)) == Date{2021, 12, 20});
  CHECK(DaysLeftText(summary, Beijing(2021, 12, 20, 7, 30)) == "今天截止");
  CHECK(DaysLeftText(summary, Beijing(2021, 12, 17, 9, 0)) == "还剩 3 天");
  CHECK(DaysLeftText(summary, Beijing(2026, 11, 23, 9, 0)) == "已截止");
  CHECK(ParseBeijingTime("2021-11-10 17:00") == std::optional<long long>(1636534800));
  CHECK(ParseBeijingTime("2021-11-10T17:00") == std::optional<long long>(1636534800));
  CHECK_FALSE(ParseBeijingTime("2021-11-10"));
  CHECK_FALSE(ParseBeijingTime("2021-13-10 17:00"));
  CHECK(BeijingDate(0) == Date{1970, 1, 1});
  CHECK(BeijingDate(-1) == Date{1970, 1, 1});  // 07:59:59 in Beijing
  std::vector<std::string> errors;
  CHECK_FALSE(ParseCampaign(
      R"({"id":"x","theme":"t","opening":{"date":"2021-10-25"},"window":{"begin":"2021-10-01","end":"2021-12-01"},
    "issuers":[{"id":"moe","requirements":[{"id":"a","form":"f","due":"2021-11-10 25:00"}]}]})",
      "x.json", errors));
}

TEST_CASE("open campaigns nearest deadline first; past ones archived, newest first", "[campaign_calendar]") {
  const CampaignLibrary lib = Library();
  SECTION("today (2026-11-23): nothing open, both archived") {
    const CampaignCalendar cal = SortCampaigns(lib, "", Beijing(2026, 11, 23, 10, 0));
    REQUIRE(cal.open.size() == 1);  // the campaign ahead
    CHECK(cal.open[0].campaign->id == "next");
    REQUIRE(cal.archived.size() == 1);
    CHECK(cal.archived[0].campaign->id == "2021");
    CHECK(cal.archived[0].last_deadline == Beijing(2021, 12, 21, 0, 0));
  }
  SECTION("during 2021's week: 2021 is open and comes before the campaign ahead") {
    const CampaignCalendar cal = SortCampaigns(lib, "", Beijing(2021, 11, 1, 10, 0));
    REQUIRE(cal.open.size() == 2);
    CHECK(cal.open[0].campaign->id == "2021");
    CHECK(cal.open[0].next_deadline == Beijing(2021, 11, 10, 17, 0));
    CHECK(cal.archived.empty());
  }
  SECTION("the last 2021 deadline passed: archived") {
    const CampaignCalendar cal = SortCampaigns(lib, "", Beijing(2021, 12, 21, 0, 0));
    REQUIRE(cal.archived.size() == 1);
    CHECK(cal.archived[0].campaign->id == "2021");
  }
  SECTION("issuers at or above the unit's region") {
    const CampaignCalendar taiyuan = SortCampaigns(lib, "140105", Beijing(2021, 11, 1, 10, 0));
    REQUIRE(taiyuan.open.size() == 2);
    CHECK(taiyuan.open[0].issuers.size() == 2);  // 教育部 and 山西
    REQUIRE(taiyuan.open[1].issuers.size() == 1);
    CHECK(taiyuan.open[1].issuers[0]->id == "moe");  // not Inner Mongolia's notice
    // After 17:00 on 10 November, a unit in Inner Mongolia has only the Ministry's 12-20 deadline.
    const CampaignCalendar baotou = SortCampaigns(lib, "150203", Beijing(2021, 11, 10, 18, 0));
    CHECK(baotou.open[0].next_deadline == Beijing(2021, 12, 21, 0, 0));
  }
  CHECK(IssuerReaches(lib.campaigns[0].issuers[1], "140000"));
  CHECK_FALSE(IssuerReaches(lib.campaigns[0].issuers[1], "150203"));
  CHECK(IssuerReaches(lib.campaigns[0].issuers[1], ""));
}

TEST_CASE("the checklist in deadline order, passed deadlines marked closed", "[campaign_calendar]") {
  const CampaignLibrary lib = Library();
  const Issuer& moe = lib.campaigns[0].issuers[0];
  std::vector<Record> drafts(1);
  drafts[0].form = "star_nomination";
  const auto rows = DatedChecklist(
      moe, drafts, [](const Record&) { return DraftStatus::Valid; }, Beijing(2021, 11, 1, 9, 0));
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].requirement->id == "stars");  // 09-10 before 12-20, though the notice lists it second
  CHECK(rows[0].closed);
  CHECK(rows[0].valid == 1);
  CHECK(rows[1].requirement->id == "summary");
  CHECK_FALSE(rows[1].closed);
  CHECK(rows[1].days_left == 49);
}

TEST_CASE("a notice's materials grouped by deadline, one 报送包 each, earliest first", "[campaign_calendar]") {
  const Campaign c = Parse(R"({"id":"2020","year":2020,"title":"t","theme":"t",
    "opening":{"date":"2020-10-25"},"window":{"begin":"2020-10-01","end":"2020-12-01"},
    "issuers":[{"id":"jl","name":"吉林省教育厅","region":"220000","requirements":[
        {"id":"summary","title":"总结","form":"work_summary","due":"2020-11-30"},
        {"id":"plan","title":"方案","form":"activity_plan","due":"2020-10-20"},
        {"id":"photos","title":"照片","form":"activity_photos","due":"2020-11-30"},
        {"id":"board","title":"展板","form":"exhibition_board","due":"2020-10-20 17:00"}]}]})");
  const auto groups = GroupByDeadline(c.issuers[0]);
  REQUIRE(groups.size() == 3);
  CHECK(groups[0].requirements.size() == 1);
  CHECK(groups[0].requirements[0]->id == "board");  // 17:00 closes before the end of the same day
  CHECK(groups[1].requirements[0]->id == "plan");
  REQUIRE(groups[2].requirements.size() == 2);
  CHECK(groups[2].requirements[0]->id == "summary");  // the notice's order within a deadline
  CHECK(groups[2].requirements[1]->id == "photos");
  CHECK(groups[0].at < groups[1].at);
}
