// campaign.h — a year's Activity Week: theme, dates, and for each issuing office (the Ministry
// or a province) what it asks for, how many, and by when. Data from assets/campaigns/*.json.
#pragma once
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "form_def.h"
#include "record.h"
#include "validate.h"

namespace lw {

// A notice that names only a day ("11月10日前") closes at the end of that day.
constexpr int kEndOfDay = 24 * 60;

struct Requirement {
  std::string id, title, form, note;
  int min = 1, max = 1;  // quota ("3–5 名")
  Date due;
  int due_minute = kEndOfDay;  // minute of the due day in Beijing time ("due": "2021-11-10 17:00")
  nlohmann::json rules;        // per-field rule overrides, e.g. {"body": {"minChars": 2000}}
};

struct Issuer {
  std::string id, name, notice, audience, region;
  std::string notice_no;  // 文号, e.g. 晋教职成函〔2026〕12号
  // 推荐条件 the filler must see, one per line (往届已获评者不得重复推荐; …).
  std::vector<std::string> conditions;
  Date issued;
  std::optional<DateWindow> window;  // overrides the campaign's window (e.g. 内蒙古 10/19–10/25)
  std::vector<Requirement> requirements;
  std::string package;  // id of the campaign package that issued it ("" = shipped with the app)
};

// 一省一周: which province holds its own activity week when (only what a published notice or
// report confirms; each row names its source).
struct HostWeek {
  std::string region;  // GB/T 2260 province code
  DateWindow days;     // begin = end for a one-day opening
  std::string place, source;
};

struct Campaign {
  std::string id, title, theme;
  int year = 0;
  Date opening;
  std::string opening_place;
  DateWindow window;
  std::vector<Issuer> issuers;
  std::vector<HostWeek> calendar;  // by date

  const Issuer* FindIssuer(const std::string& issuer_id) const;
  DateWindow WindowFor(const Issuer* issuer) const;
};

// The calendar row to highlight on `today`: the week under way, else the next to come, else the
// last one; -1 when the campaign has no calendar.
int CalendarFocus(const std::vector<HostWeek>& calendar, const Date& today);

struct CampaignLibrary {
  std::vector<Campaign> campaigns;
  std::vector<std::string> errors;
  const Campaign* Find(const std::string& id) const;
  // Whether the form is one province's own (山西's 情况统计表) and `region` lies in another: every
  // issuer asking for it is a provincial one elsewhere. A coordinator writing a package is not
  // offered such forms; the Ministry's, and those nobody asks for, stay. "" region: none is.
  bool OtherProvincesOnly(const std::string& form_id, const std::string& region) const;
};

// A requirement's "due": "2021-11-10" (the whole day, kEndOfDay) or "2021-11-10 17:00" (also with
// a T), Beijing time → the day and the minute of the day; nullopt when malformed.
std::optional<std::pair<Date, int>> ParseDue(const std::string& s);

// Errors are appended as "<file>：<problem>" (Chinese); a broken campaign is refused whole.
std::optional<Campaign> ParseCampaign(const std::string& json_text, const std::string& file,
                                      std::vector<std::string>& errors);
// The same on parsed JSON (never throws on any shape); messages start with `prefix`.
std::optional<Campaign> ParseCampaignJson(const nlohmann::json& j, const std::string& prefix,
                                          std::vector<std::string>& errors);
// A campaign as JSON, the shape ParseCampaign reads.
nlohmann::json CampaignToJson(const Campaign& c);
// What ParseCampaign cannot see alone: every requirement's form exists (form_of returns it, or
// nullptr), is not the unit profile, and its rule overrides name fields of that form.
std::vector<std::string> CheckCampaignForms(const Campaign& c,
                                            const std::function<const FormDef*(const std::string&)>& form_of);
CampaignLibrary LoadCampaigns(const std::string& dir);

// The definition with a requirement's rule overrides applied (e.g. Jilin's ≥2000 字 summary).
FormDef ApplyRules(const FormDef& form, const nlohmann::json& rules);
// The form as an issuer asks for it: the overrides of every requirement of `issuer` for this form.
FormDef FormForIssuer(const FormDef& form, const Issuer& issuer);

enum class DraftStatus { Draft, Valid, Exported };
const char* DraftStatusName(DraftStatus s);  // 草稿 / 已校验 / 已导出
// A local draft's status: exported while its last export is not older than its last edit and no
// edit waits to be saved; else valid when it passes every rule.
DraftStatus StatusOfDraft(const Record& r, bool valid, bool edit_pending);

// Where one requirement of the notice stands, over all its drafts.
enum class RequirementStatus { NotStarted, Draft, Valid, Exported };
const char* RequirementStatusName(RequirementStatus s);  // 未开始 / 草稿 / 已校验 / 已导出
// The draft status a started requirement reads as (its name and colour); none for NotStarted.
std::optional<DraftStatus> AsDraftStatus(RequirementStatus s);

// One line of the home screen's checklist.
struct ChecklistRow {
  const Requirement* requirement = nullptr;
  int drafts = 0, valid = 0, exported = 0;
  int days_left = 0;    // negative: overdue
  bool closed = false;  // its deadline has passed (DatedChecklist)
  RequirementStatus status = RequirementStatus::NotStarted;
  bool quota_met = false;         // valid (or exported) count within min..max
  std::string QuotaText() const;  // "2 / 3–5"
};

// status_of tells whether a record is a draft, valid or exported (the UI validates).
std::vector<ChecklistRow> BuildChecklist(const Issuer& issuer, const std::vector<Record>& drafts,
                                         const std::function<DraftStatus(const Record&)>& status_of, const Date& today);

// The ＋ 新建表格 menu: first the forms the chosen notice asks for, in the notice's order (each
// once), then every other form (the unit profile is never a new draft).
struct FormMenu {
  std::vector<const FormDef*> asked, others;
};
FormMenu BuildFormMenu(const Issuer* issuer, const FormLibrary& forms);

}  // namespace lw
