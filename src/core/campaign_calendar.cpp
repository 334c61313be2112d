// campaign_calendar.cpp — see campaign_calendar.h.
#include "campaign_calendar.h"

#include <algorithm>
#include <climits>
#include <cstdio>

#include "region.h"

namespace lw {

namespace {

constexpr long long kDay = 24 * 3600;

// Days since 1970-01-01 ↔ civil date (Howard Hinnant's algorithms; proleptic Gregorian).
long long DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long long>(doe) - 719468;
}

Date CivilFromDays(long long z) {
  z += 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(yoe + era * 400 + (m <= 2)), m, d};
}

long long FloorDiv(long long a, long long b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

}  // namespace

Date BeijingDate(long long now) { return CivilFromDays(FloorDiv(now + kBeijingOffsetSeconds, kDay)); }

long long DeadlineAt(const Requirement& r) {
  return DaysFromCivil(r.due.year, r.due.month, std::max(1, r.due.day)) * kDay + r.due_minute * 60LL -
         kBeijingOffsetSeconds;
}

bool DeadlinePassed(const Requirement& r, long long now) { return now >= DeadlineAt(r); }

std::optional<long long> ParseBeijingTime(const std::string& s) {
  const auto due = ParseDue(s);
  if (!due || s.size() != 16) return std::nullopt;  // a moment, not a whole day
  Requirement r;
  r.due = due->first;
  r.due_minute = due->second;
  return DeadlineAt(r);
}

std::string DeadlineText(const Requirement& r) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%d年%d月%d日 %02d:%02d", r.due.year, r.due.month, r.due.day, r.due_minute / 60,
                r.due_minute % 60);
  return buf;
}

std::string DaysLeftText(const Requirement& r, long long now) {
  if (DeadlinePassed(r, now)) return "已截止";
  const int days = DaysBetween(BeijingDate(now), r.due);
  return days <= 0 ? "今天截止" : "还剩 " + std::to_string(days) + " 天";
}

bool IssuerReaches(const Issuer& issuer, const std::string& unit_region) {
  if (issuer.region.empty() || unit_region.empty()) return true;
  switch (RegionDb::Level(issuer.region)) {
    case 1: return RegionDb::ProvinceOf(unit_region) == issuer.region;
    case 2: return RegionDb::CityOf(unit_region) == issuer.region;
    case 3: return unit_region == issuer.region;
    default: return false;  // a malformed code reaches nobody rather than everybody
  }
}

CampaignCalendar SortCampaigns(const CampaignLibrary& lib, const std::string& unit_region, long long now) {
  CampaignCalendar cal;
  for (const Campaign& c : lib.campaigns) {
    CampaignEntry e{&c, {}, LLONG_MAX, LLONG_MIN};
    for (const Issuer& is : c.issuers) {
      if (!IssuerReaches(is, unit_region)) continue;
      e.issuers.push_back(&is);
      for (const Requirement& r : is.requirements) {
        const long long at = DeadlineAt(r);
        if (at > e.last_deadline) e.last_deadline = at, e.last = &r;
        if (at > now) e.next_deadline = std::min(e.next_deadline, at);
      }
    }
    if (e.issuers.empty()) continue;
    if (e.next_deadline != LLONG_MAX) cal.open.push_back(e);
    else cal.archived.push_back(e);
  }
  std::stable_sort(cal.open.begin(), cal.open.end(),
                   [](const CampaignEntry& a, const CampaignEntry& b) { return a.next_deadline < b.next_deadline; });
  std::stable_sort(cal.archived.begin(), cal.archived.end(),
                   [](const CampaignEntry& a, const CampaignEntry& b) { return a.last_deadline > b.last_deadline; });
  return cal;
}

std::vector<ChecklistRow> DatedChecklist(const Issuer& issuer, const std::vector<Record>& drafts,
                                         const std::function<DraftStatus(const Record&)>& status_of, long long now) {
  std::vector<ChecklistRow> rows = BuildChecklist(issuer, drafts, status_of, BeijingDate(now));
  for (ChecklistRow& row : rows) row.closed = DeadlinePassed(*row.requirement, now);
  std::stable_sort(rows.begin(), rows.end(), [](const ChecklistRow& a, const ChecklistRow& b) {
    return DeadlineAt(*a.requirement) < DeadlineAt(*b.requirement);
  });
  return rows;
}

}  // namespace lw
