// campaign.cpp — see campaign.h.
#include "campaign.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include "region.h"
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

// A requirement's rule overrides: {field: {minChars, maxChars, minRows: integer; required: bool}}.
// ApplyRules takes only those; anything else is a typo that would silently not apply.
std::string CheckRules(const json& rules) {
  if (!rules.is_object()) return "必须是对象";
  for (const auto& [field, rule] : rules.items()) {
    if (!rule.is_object()) return "字段 \"" + field + "\" 的规则必须是对象";
    for (const auto& [key, v] : rule.items()) {
      const bool ok = key == "required"                                              ? v.is_boolean()
                      : (key == "minChars" || key == "maxChars" || key == "minRows") ? v.is_number_integer()
                                                                                     : false;
      if (!ok)
        return "字段 \"" + field + "\" 的规则 \"" + key + "\" 无效（可用 minChars、maxChars、minRows、required）";
    }
  }
  return {};
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

bool CampaignLibrary::OtherProvincesOnly(const std::string& form_id, const std::string& region) const {
  if (region.size() < 2) return false;
  bool asked = false;
  for (const Campaign& c : campaigns)
    for (const Issuer& is : c.issuers)
      for (const Requirement& r : is.requirements) {
        if (r.form != form_id) continue;
        // The Ministry's issuer has no region (or the whole country's): its forms are everyone's.
        if (is.region.size() < 2 || is.region == "100000" || is.region.compare(0, 2, region, 0, 2) == 0) return false;
        asked = true;
      }
  return asked;
}

std::optional<Campaign> ParseCampaign(const std::string& text, const std::string& file,
                                      std::vector<std::string>& errors) {
  const json j = json::parse(text, nullptr, false);
  if (j.is_discarded()) {
    errors.push_back(file + "：不是有效的 JSON");
    return std::nullopt;
  }
  return ParseCampaignJson(j, file, errors);
}

// Every member is type-checked before use: a campaign package comes from another computer, and
// the browser build aborts on an exception instead of catching it.
std::optional<Campaign> ParseCampaignJson(const json& j, const std::string& prefix, std::vector<std::string>& errors) {
  const auto fail = [&](const std::string& what) {
    errors.push_back(prefix.empty() ? what : prefix + "：" + what);
    return std::nullopt;
  };
  const auto list = [](const json& o, const char* key) -> const json* {
    static const json kEmpty = json::array();
    if (!o.contains(key)) return &kEmpty;
    return o[key].is_array() ? &o[key] : nullptr;
  };
  if (!j.is_object()) return fail("不是有效的 JSON 对象");
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
  const json* issuers = list(j, "issuers");
  if (!issuers) return fail("\"issuers\" 必须是数组");
  std::set<std::string> issuer_ids;
  for (const json& ij : *issuers) {
    if (!ij.is_object()) return fail("发文单位必须是对象");
    Issuer is;
    is.id = StringAt(ij, "id");
    is.name = StringAt(ij, "name");
    is.notice = StringAt(ij, "notice");
    is.notice_no = StringAt(ij, "noticeNo");
    const json* conditions = list(ij, "conditions");
    if (!conditions) return fail("发文单位的 \"conditions\" 必须是字符串数组");
    for (const json& cj : *conditions) {
      if (!cj.is_string()) return fail("发文单位的 \"conditions\" 必须是字符串数组");
      is.conditions.push_back(cj.get<std::string>());
    }
    is.audience = StringAt(ij, "audience");
    is.region = StringAt(ij, "region");
    is.issued = DateAt(ij, "issued").value_or(Date{});
    is.window = WindowAt(ij);
    if (is.id.empty() || is.name.empty()) return fail("发文单位缺少 id 或 name");
    if (!issuer_ids.insert(is.id).second) return fail("发文单位 id \"" + is.id + "\" 重复");
    if (!is.region.empty() && !RegionDb::Level(is.region))
      return fail("发文单位 " + is.id + " 的地区代码 \"" + is.region + "\" 不是 6 位行政区划代码");
    const json* requirements = list(ij, "requirements");
    if (!requirements) return fail("发文单位 " + is.id + " 的 \"requirements\" 必须是数组");
    std::set<std::string> requirement_ids;
    for (const json& rj : *requirements) {
      if (!rj.is_object()) return fail("发文单位 " + is.id + " 的要求必须是对象");
      Requirement r;
      r.id = StringAt(rj, "id");
      r.title = StringAt(rj, "title");
      r.form = StringAt(rj, "form");
      r.note = StringAt(rj, "note");
      r.min = static_cast<int>(IntAt(rj, "min", 1));
      r.max = static_cast<int>(IntAt(rj, "max", 1));
      r.rules = rj.contains("rules") ? rj["rules"] : json::object();
      const auto due = DueAt(rj);
      if (r.id.empty() || r.form.empty() || !due || r.min < 0 || r.min > r.max)
        return fail("发文单位 " + is.id + " 的要求 \"" + r.id + "\" 不完整（需要 id、form、due，且 0 ≤ min ≤ max）");
      if (!requirement_ids.insert(r.id).second) return fail("发文单位 " + is.id + " 的要求 id \"" + r.id + "\" 重复");
      if (const std::string bad = CheckRules(r.rules); !bad.empty())
        return fail("发文单位 " + is.id + " 的要求 \"" + r.id + "\" 的 rules：" + bad);
      r.due = due->first;
      r.due_minute = due->second;
      is.requirements.push_back(std::move(r));
    }
    c.issuers.push_back(std::move(is));
  }
  const json* calendar = list(j, "calendar");
  if (!calendar) return fail("\"calendar\" 必须是数组");
  for (const json& hj : *calendar) {
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

namespace {

std::string DueText(const Date& day, int minute) {
  if (minute == kEndOfDay) return FormatDate(day);
  char hm[16];
  std::snprintf(hm, sizeof hm, " %02d:%02d", minute / 60, minute % 60);
  return FormatDate(day) + hm;
}

json WindowJson(const DateWindow& w) { return {{"begin", FormatDate(w.begin)}, {"end", FormatDate(w.end)}}; }

}  // namespace

json CampaignToJson(const Campaign& c) {
  json j = {{"id", c.id},
            {"year", c.year},
            {"title", c.title},
            {"theme", c.theme},
            {"opening", {{"date", FormatDate(c.opening)}}},
            {"window", WindowJson(c.window)},
            {"issuers", json::array()}};
  if (!c.opening_place.empty()) j["opening"]["place"] = c.opening_place;
  for (const Issuer& is : c.issuers) {
    json ij = {{"id", is.id}, {"name", is.name}, {"requirements", json::array()}};
    if (!is.notice.empty()) ij["notice"] = is.notice;
    if (!is.notice_no.empty()) ij["noticeNo"] = is.notice_no;
    if (!is.conditions.empty()) ij["conditions"] = is.conditions;
    if (!is.audience.empty()) ij["audience"] = is.audience;
    if (!is.region.empty()) ij["region"] = is.region;
    if (is.issued.year) ij["issued"] = FormatDate(is.issued);
    if (is.window) ij["window"] = WindowJson(*is.window);
    for (const Requirement& r : is.requirements) {
      json rj = {{"id", r.id},   {"title", r.title}, {"form", r.form},
                 {"min", r.min}, {"max", r.max},     {"due", DueText(r.due, r.due_minute)}};
      if (!r.note.empty()) rj["note"] = r.note;
      if (r.rules.is_object() && !r.rules.empty()) rj["rules"] = r.rules;
      ij["requirements"].push_back(std::move(rj));
    }
    j["issuers"].push_back(std::move(ij));
  }
  if (!c.calendar.empty()) {
    j["calendar"] = json::array();
    for (const HostWeek& h : c.calendar) {
      json hj = {{"region", h.region}, {"begin", FormatDate(h.days.begin)}, {"source", h.source}};
      if (h.days.end != h.days.begin) hj["end"] = FormatDate(h.days.end);
      if (!h.place.empty()) hj["place"] = h.place;
      j["calendar"].push_back(std::move(hj));
    }
  }
  return j;
}

std::vector<std::string> CheckCampaignForms(const Campaign& c,
                                            const std::function<const FormDef*(const std::string&)>& form_of) {
  std::vector<std::string> errors;
  for (const Issuer& is : c.issuers)
    for (const Requirement& r : is.requirements) {
      const std::string at = "发文单位「" + is.name + "」的要求「" + r.title + "」";
      const FormDef* f = form_of(r.form);
      if (!f) {
        errors.push_back(at + "所用的表格 \"" + r.form + "\" 不存在");
        continue;
      }
      if (f->kind == "profile") errors.push_back(at + "不能使用单位信息表");
      if (r.rules.is_object())
        for (const auto& [field, rule] : r.rules.items())
          if (!f->Find(field))
            errors.push_back(at + "的规则所指的字段 \"" + field + "\" 不在表格「" + f->short_title + "」中");
    }
  return errors;
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
