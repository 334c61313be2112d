// campaign_calendar.cpp — see campaign_calendar.h.
#include "campaign_calendar.h"

#include <algorithm>
#include <climits>
#include <cstdio>

#include "region.h"

namespace lw {

namespace {

constexpr long long kDay = 24 * 3600;

long long FloorDiv(long long a, long long b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

}  // namespace

Date BeijingDate(long long now) { return DateFromDays(FloorDiv(now + kBeijingOffsetSeconds, kDay)); }

long long DeadlineAt(const Requirement& r) {
  return DaysSinceEpoch(r.due) * kDay + r.due_minute * 60LL - kBeijingOffsetSeconds;
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
  return RegionDb::Within(unit_region, issuer.region);  // a malformed code reaches nobody rather than everybody
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
    if (e.next_deadline != LLONG_MAX)
      cal.open.push_back(e);
    else
      cal.archived.push_back(e);
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

std::vector<DeadlineGroup> GroupByDeadline(const Issuer& issuer) {
  std::vector<DeadlineGroup> groups;
  for (const Requirement& r : issuer.requirements) {
    const long long at = DeadlineAt(r);
    auto g = std::find_if(groups.begin(), groups.end(), [&](const DeadlineGroup& x) { return x.at == at; });
    if (g == groups.end()) g = groups.insert(groups.end(), DeadlineGroup{at, {}});
    g->requirements.push_back(&r);
  }
  std::stable_sort(groups.begin(), groups.end(),
                   [](const DeadlineGroup& a, const DeadlineGroup& b) { return a.at < b.at; });
  return groups;
}

}  // namespace lw
