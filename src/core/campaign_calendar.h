// campaign_calendar.h — which campaigns are still open at a given moment, and how their deadlines
// read. Notices are issued in China: every deadline is a day (and sometimes a time) in Beijing
// time (UTC+8, no summer time), whatever time zone the browser is in. "Now" is always passed in
// (UTC seconds since 1970), so the rules are the same in a test as on the 首页.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "campaign.h"

namespace lw {

constexpr long long kBeijingOffsetSeconds = 8 * 3600;

// The calendar day in Beijing at `now` (UTC seconds).
Date BeijingDate(long long now);
// The instant (UTC seconds) a requirement closes: its due time in Beijing, or the end of its due
// day when the notice names only a day ("11月10日前报送" means the 10th still counts).
long long DeadlineAt(const Requirement& r);
bool DeadlinePassed(const Requirement& r, long long now);
// "2021-09-05 09:00" (or with a T) read as Beijing time → UTC seconds; nullopt when malformed.
std::optional<long long> ParseBeijingTime(const std::string& s);
// "2021年11月10日 17:00"; "2021年11月10日 24:00" when the notice names only the day.
std::string DeadlineText(const Requirement& r);
// Beside an open deadline: "还剩 3 天" / "今天截止"; once passed "已截止" (a past campaign is not
// "overdue by 1,800 days": nobody can hand it in any more).
std::string DaysLeftText(const Requirement& r, long long now);

// Does a unit in `unit_region` answer this issuer? The Ministry's notice (no region) reaches
// everyone; a province's notice reaches the units inside that province (likewise a city's). A
// unit with no region yet sees every issuer.
bool IssuerReaches(const Issuer& issuer, const std::string& unit_region);

// A campaign as the 首页 lists it: the issuers that reach the unit and the deadline that orders it.
struct CampaignEntry {
  const Campaign* campaign = nullptr;
  std::vector<const Issuer*> issuers;  // reaching the unit, in the campaign's order
  long long next_deadline = 0;         // open: the nearest deadline still ahead
  long long last_deadline = 0;         // the latest deadline of all
  const Requirement* last = nullptr;   // the requirement due last (its DeadlineText for the archive)
};

struct CampaignCalendar {
  std::vector<CampaignEntry> open;      // a deadline still ahead; nearest deadline first
  std::vector<CampaignEntry> archived;  // every deadline passed (往年活动); newest first
};

// Campaigns with no issuer reaching the unit are left out of both lists.
CampaignCalendar SortCampaigns(const CampaignLibrary& lib, const std::string& unit_region, long long now);

// The checklist for one issuer at `now`: BuildChecklist's rows (days left counted from the
// Beijing day), ordered by deadline (a notice's order among equal deadlines).
std::vector<ChecklistRow> DatedChecklist(const Issuer& issuer, const std::vector<Record>& drafts,
                                         const std::function<DraftStatus(const Record&)>& status_of, long long now);

// One deadline of a notice and what is due by it: one 报送包 each (Jilin's 10月20日 batch, then
// its 11月30日 batch), in deadline order; a notice's order among the materials of one deadline.
struct DeadlineGroup {
  long long at = 0;  // DeadlineAt of its requirements
  std::vector<const Requirement*> requirements;
};
std::vector<DeadlineGroup> GroupByDeadline(const Issuer& issuer);

}  // namespace lw
