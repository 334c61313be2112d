// campaign.cpp — see campaign.h.
#include "campaign.h"

#include <algorithm>
#include <cstdio>

#include "text_file.h"

namespace lw {

using nlohmann::json;

namespace {

std::optional<Date> DateAt(const json& j, const char* key) {
  if (!j.contains(key) || !j[key].is_string()) return std::nullopt;
  return ParseDate(j[key].get<std::string>());
}

std::optional<DateWindow> WindowAt(const json& j) {
  if (!j.contains("window") || !j["window"].is_object()) return std::nullopt;
  auto b = DateAt(j["window"], "begin"), e = DateAt(j["window"], "end");
  if (!b || !e) return std::nullopt;
  return DateWindow{*b, *e};
}

std::optional<std::pair<Date, int>> DueAt(const json& j) {
  if (!j.contains("due") || !j["due"].is_string()) return std::nullopt;
  return ParseDue(j["due"].get<std::string>());
}

}  // namespace

std::optional<std::pair<Date, int>> ParseDue(const std::string& s) {
  const auto day = ParseDate(s.substr(0, 10));
  if (!day) return std::nullopt;
  if (s.size() == 10) return std::pair{*day, kEndOfDay};
  int h = 0, m = 0;
  char sep = 0, colon = 0, end = 0;
  if (s.size() != 16 || std::sscanf(s.c_str() + 10, "%c%2d%c%2d%c", &sep, &h, &colon, &m, &end) != 4 ||
      (sep != ' ' && sep != 'T') || colon != ':' || h < 0 || m < 0 || m > 59 || h * 60 + m > kEndOfDay)
    return std::nullopt;
  return std::pair{*day, h * 60 + m};
}

const Issuer* Campaign::FindIssuer(const std::string& issuer_id) const {
  for (const Issuer& i : issuers)
    if (i.id == issuer_id) return &i;
  return nullptr;
}

DateWindow Campaign::WindowFor(const Issuer* issuer) const {
  return issuer && issuer->window ? *issuer->window : window;
}

const Campaign* CampaignLibrary::Find(const std::string& id) const {
  for (const Campaign& c : campaigns)
    if (c.id == id) return &c;
  return nullptr;
}

std::optional<Campaign> ParseCampaign(const std::string& text, const std::string& file,
                                      std::vector<std::string>& errors) {
  const json j = json::parse(text, nullptr, false);
  const auto fail = [&](const std::string& what) {
    errors.push_back(file + ": " + what);
    return std::nullopt;
  };
  if (j.is_discarded() || !j.is_object()) return fail("不是有效的 JSON");
  Campaign c;
  c.id = StringAt(j, "id");
  c.title = StringAt(j, "title");
  c.theme = StringAt(j, "theme");
  c.year = static_cast<int>(IntAt(j, "year", 0));
  if (c.id.empty() || c.theme.empty()) return fail("缺少 id 或 theme");
  const auto opening = j.contains("opening") ? DateAt(j["opening"], "date") : std::nullopt;
  const auto window = WindowAt(j);
  if (!opening || !window) return fail("缺少开幕日期或活动时间窗口");
  c.opening = *opening;
  c.opening_place = StringAt(j["opening"], "place");
  c.window = *window;
  for (const json& ij : j.value("issuers", json::array())) {
    Issuer is;
    is.id = StringAt(ij, "id");
    is.name = StringAt(ij, "name");
    is.notice = StringAt(ij, "notice");
    is.audience = StringAt(ij, "audience");
    is.region = StringAt(ij, "region");
    is.issued = DateAt(ij, "issued").value_or(Date{});
    is.window = WindowAt(ij);
    for (const json& rj : ij.value("requirements", json::array())) {
      Requirement r;
      r.id = StringAt(rj, "id");
      r.title = StringAt(rj, "title");
      r.form = StringAt(rj, "form");
      r.note = StringAt(rj, "note");
      r.min = static_cast<int>(IntAt(rj, "min", 1));
      r.max = static_cast<int>(IntAt(rj, "max", 1));
      r.rules = rj.value("rules", json::object());
      const auto due = DueAt(rj);
      if (r.id.empty() || r.form.empty() || !due || r.min > r.max)
        return fail("发文单位 " + is.id + " 的要求 \"" + r.id + "\" 不完整（需要 id、form、due，且 min ≤ max）");
      r.due = due->first;
      r.due_minute = due->second;
      is.requirements.push_back(std::move(r));
    }
    c.issuers.push_back(std::move(is));
  }
  for (const json& hj : j.value("calendar", json::array())) {
    const auto begin = DateAt(hj, "begin");
    HostWeek h{StringAt(hj, "region"), {}, StringAt(hj, "place"), StringAt(hj, "source")};
    if (h.region.size() != 6 || !begin || h.source.empty())
      return fail("活动周日历的一行不完整（需要 region、begin 和 source）");
    h.days = {*begin, DateAt(hj, "end").value_or(*begin)};
    c.calendar.push_back(std::move(h));
  }
  std::stable_sort(c.calendar.begin(), c.calendar.end(),
                   [](const HostWeek& a, const HostWeek& b) { return a.days.begin < b.days.begin; });
  return c;
}

int CalendarFocus(const std::vector<HostWeek>& calendar, const Date& today) {
  for (size_t i = 0; i < calendar.size(); ++i)
    if (calendar[i].days.end >= today) return static_cast<int>(i);  // under way or next to come
  return calendar.empty() ? -1 : static_cast<int>(calendar.size()) - 1;
}

CampaignLibrary LoadCampaigns(const std::string& dir) {
  CampaignLibrary lib;
  for (const auto& p : JsonFilesIn(dir))
    if (auto c = ParseCampaign(ReadTextFile(p), p.filename().string(), lib.errors))
      lib.campaigns.push_back(std::move(*c));
  return lib;
}

FormDef ApplyRules(const FormDef& form, const json& rules) {
  FormDef out = form;
  if (!rules.is_object()) return out;
  for (SectionDef& s : out.sections)
    for (FieldDef& f : s.fields) {
      if (!rules.contains(f.id) || !rules[f.id].is_object()) continue;
      const json& r = rules[f.id];
      if (r.contains("minChars") && r["minChars"].is_number_integer()) f.min_chars = r["minChars"].get<int>();
      if (r.contains("maxChars") && r["maxChars"].is_number_integer()) f.max_chars = r["maxChars"].get<int>();
      if (r.contains("required") && r["required"].is_boolean()) f.required = r["required"].get<bool>();
      if (r.contains("minRows") && r["minRows"].is_number_integer()) f.min_rows = r["minRows"].get<int>();
    }
  return out;
}

FormDef FormForIssuer(const FormDef& form, const Issuer& issuer) {
  nlohmann::json rules = nlohmann::json::object();
  for (const Requirement& r : issuer.requirements)
    if (r.form == form.id) rules.update(r.rules);
  return ApplyRules(form, rules);
}

DraftStatus StatusOfDraft(const Record& r, bool valid, bool edit_pending) {
  const bool exported = !r.exported.empty() && r.exported >= r.updated && !edit_pending;
  return exported ? DraftStatus::Exported : valid ? DraftStatus::Valid : DraftStatus::Draft;
}

const char* DraftStatusName(DraftStatus s) {
  switch (s) {
    case DraftStatus::Draft:
      return "草稿";
    case DraftStatus::Valid:
      return "已校验";
    case DraftStatus::Exported:
      return "已导出";
  }
  return "";
}

std::optional<DraftStatus> AsDraftStatus(RequirementStatus s) {
  switch (s) {
    case RequirementStatus::NotStarted:
      return std::nullopt;
    case RequirementStatus::Draft:
      return DraftStatus::Draft;
    case RequirementStatus::Valid:
      return DraftStatus::Valid;
    case RequirementStatus::Exported:
      return DraftStatus::Exported;
  }
  return std::nullopt;
}

const char* RequirementStatusName(RequirementStatus s) {
  const std::optional<DraftStatus> d = AsDraftStatus(s);
  return d ? DraftStatusName(*d) : "未开始";
}

std::string ChecklistRow::QuotaText() const {
  const int done = valid + exported;
  const Requirement& r = *requirement;
  if (r.min == r.max) return std::to_string(done) + " / " + std::to_string(r.max);
  return std::to_string(done) + " / " + std::to_string(r.min) + "–" + std::to_string(r.max);
}

std::vector<ChecklistRow> BuildChecklist(const Issuer& issuer, const std::vector<Record>& drafts,
                                         const std::function<DraftStatus(const Record&)>& status_of,
                                         const Date& today) {
  std::vector<ChecklistRow> rows;
  for (const Requirement& r : issuer.requirements) {
    ChecklistRow row;
    row.requirement = &r;
    for (const Record& d : drafts) {
      if (d.form != r.form) continue;
      ++row.drafts;
      switch (status_of(d)) {
        case DraftStatus::Draft:
          break;
        case DraftStatus::Valid:
          ++row.valid;
          break;
        case DraftStatus::Exported:
          ++row.exported;
          break;
      }
    }
    const int done = row.valid + row.exported;
    row.quota_met = done >= r.min && done <= r.max && (r.min > 0 || row.drafts == done);
    if (row.drafts == 0)
      row.status = RequirementStatus::NotStarted;
    else if (row.exported >= std::max(1, r.min) && row.exported == row.drafts)
      row.status = RequirementStatus::Exported;
    else if (done == row.drafts && row.quota_met)
      row.status = RequirementStatus::Valid;
    else
      row.status = RequirementStatus::Draft;
    row.days_left = DaysBetween(today, r.due);
    rows.push_back(row);
  }
  return rows;
}

FormMenu BuildFormMenu(const Issuer* issuer, const FormLibrary& forms) {
  FormMenu menu;
  const auto listed = [&](const FormDef* f) {
    return std::find(menu.asked.begin(), menu.asked.end(), f) != menu.asked.end();
  };
  if (issuer)
    for (const Requirement& r : issuer->requirements)
      if (const FormDef* f = forms.Find(r.form); f && f->kind != "profile" && !listed(f)) menu.asked.push_back(f);
  for (const FormDef& f : forms.forms)
    if (f.kind != "profile" && !listed(&f)) menu.others.push_back(&f);
  return menu;
}

}  // namespace lw
