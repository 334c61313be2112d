// test_ceremony.cpp — the 开幕式大屏's plain parts: rolling digits, the 16:9 and 32:9 layouts from
// 1920×1080 to 7680×2160, and the 一省一周 calendar read from the campaign data.
#include <catch2/catch.hpp>

#include "campaign.h"
#include "ceremony_layout.h"
#include "odometer.h"

using namespace lw;

namespace {
std::string Shown(const std::vector<RollingDigit>& d) {
  std::string s;
  for (const RollingDigit& r : d) s += static_cast<char>('0' + (r.roll >= 0.5 ? r.to : r.from));
  return s;
}
bool Disjoint(const map::Box& a, const map::Box& b) {
  return a.x1 <= b.x0 || b.x1 <= a.x0 || a.y1 <= b.y0 || b.y1 <= a.y0;
}
bool Inside(const map::Box& a, const map::Box& b) {
  return a.x0 >= b.x0 && a.y0 >= b.y0 && a.x1 <= b.x1 && a.y1 <= b.y1;
}
}  // namespace

TEST_CASE("rolling digits: whole numbers stand still, a digit turns only on a carry", "[ceremony]") {
  auto d = OdometerDigits(720291, 6);
  CHECK(Shown(d) == "720291");
  for (const RollingDigit& r : d) CHECK(r.roll == 0);
  CHECK(Shown(OdometerDigits(42, 6)) == "000042");  // fixed width while counting up
  d = OdometerDigits(1299.5, 4);
  REQUIRE(d.size() == 4);
  CHECK(d[3].from == 9);
  CHECK(d[3].roll == Approx(0.5));  // ones: 9 → 0
  CHECK(d[2].roll == Approx(0.5));  // tens: 9 → 0 with it
  CHECK(d[1].from == 2);
  CHECK(d[1].to == 3);
  CHECK(d[1].roll == Approx(0.5));  // hundreds: 2 → 3 as the carry arrives
  CHECK(d[0].roll == 0);            // thousands: no carry
  d = OdometerDigits(1234.25, 4);
  CHECK(d[3].roll == Approx(0.25));
  CHECK(d[2].roll == 0);
  d = OdometerDigits(99.5, 2);  // a new leading digit rolls in
  REQUIRE(d.size() == 3);
  CHECK(d[0].from == 0);
  CHECK(d[0].to == 1);
  CHECK(Shown(OdometerDigits(-5, 1)) == "0");
  CHECK(CountUpEase(0) == 0);
  CHECK(CountUpEase(1) == 1);
  CHECK(CountUpEase(2) == 1);
  CHECK(CountUpEase(0.5) > 0.5);  // fast start, gentle landing
}

TEST_CASE("ceremony layouts: 16:9 and 32:9 walls, nothing overlaps or leaves the screen", "[ceremony]") {
  const std::pair<double, double> walls[] = {{1920, 1080}, {2560, 1440}, {3840, 2160}, {5120, 1440},
                                             {7680, 2160}, {3840, 1080}, {1366, 768}};
  for (auto [w, h] : walls) {
    INFO(w << "×" << h);
    const CeremonyLayout l = LayoutCeremony(w, h);
    CHECK(l.wide == (w / h > 2.4));
    const map::Box screen{0, 0, w, h};
    const map::Box parts[] = {l.title, l.badge, l.updated, l.map, l.totals, l.ranking, l.calendar, l.ticker};
    for (size_t i = 0; i < std::size(parts); ++i) {
      CHECK(Inside(parts[i], screen));
      CHECK(parts[i].x1 - parts[i].x0 > 0);
      for (size_t j = i + 1; j < std::size(parts); ++j) {
        INFO("parts " << i << " and " << j);
        CHECK(Disjoint(parts[i], parts[j]));
      }
    }
    CHECK(Inside(l.legend, l.map));  // the legend is drawn over the map's empty south-west corner
    CHECK(l.text_px >= h * 0.015);   // readable from the back of a hall
    CHECK(l.text_px <= h * 0.03);
    // The map keeps most of the height on every wall.
    CHECK(l.map.y1 - l.map.y0 > 0.7 * h);
  }
  // 32:9 puts the figures on both sides of the map.
  const CeremonyLayout wide = LayoutCeremony(7680, 2160);
  CHECK(wide.totals.x1 <= wide.map.x0);
  CHECK(wide.ranking.x0 >= wide.map.x1);
  const CeremonyLayout std169 = LayoutCeremony(3840, 2160);
  CHECK(std169.totals.x0 >= std169.map.x1);
}

TEST_CASE("the 一省一周 calendar is read from the campaign, sorted, and today's week is found", "[ceremony]") {
  std::vector<std::string> errors;
  const auto c = ParseCampaign(R"({"id":"t","year":2020,"title":"t","theme":"t","opening":{"date":"2020-11-01"},
    "window":{"begin":"2020-10-01","end":"2020-12-01"},"issuers":[],
    "calendar":[{"region":"330000","begin":"2020-11-06","place":"衢州","source":"s"},
                {"region":"150000","begin":"2020-10-19","end":"2020-10-25","source":"s"}]})",
                               "t.json", errors);
  REQUIRE(c);
  REQUIRE(c->calendar.size() == 2);
  CHECK(c->calendar[0].region == "150000");                          // by date
  CHECK(c->calendar[1].days.end == c->calendar[1].days.begin);       // a one-day opening
  CHECK(CalendarFocus(c->calendar, *ParseDate("2020-10-20")) == 0);  // under way
  CHECK(CalendarFocus(c->calendar, *ParseDate("2020-10-27")) == 1);  // next to come
  CHECK(CalendarFocus(c->calendar, *ParseDate("2026-01-01")) == 1);  // all past: the last one
  CHECK(CalendarFocus({}, *ParseDate("2020-10-20")) == -1);
  // A row without its source is refused: the calendar holds only what can be checked.
  CHECK_FALSE(ParseCampaign(R"({"id":"t","year":2020,"title":"t","theme":"t","opening":{"date":"2020-11-01"},
    "window":{"begin":"2020-10-01","end":"2020-12-01"},"issuers":[],
    "calendar":[{"region":"330000","begin":"2020-11-06"}]})",
                            "t.json", errors));
  // The shipped campaigns carry one, each row with its source.
  const CampaignLibrary lib = LoadCampaigns(std::string(LW_SOURCE_DIR) + "/assets/campaigns");
  REQUIRE(lib.Find("2020"));
  CHECK(lib.Find("2020")->calendar.size() >= 3);
  for (const Campaign& k : lib.campaigns)
    for (const HostWeek& w : k.calendar) CHECK_FALSE(w.source.empty());
}
