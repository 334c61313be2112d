// record.cpp — see record.h.
#include "record.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <random>

#include "json_reader.h"

namespace lw {

using nlohmann::json;

json Record::ToJson() const {
  json j = {{"uuid", uuid},
            {"form", form},
            {"formVersion", form_version},
            {"revision", revision},
            {"created", created},
            {"updated", updated},
            {"values", packed.empty() ? values : json::parse(packed)}};
  if (!exported.empty()) j["exported"] = exported;
  if (!migrated.is_null()) j["migrated"] = migrated;
  if (!origin.empty()) j["origin"] = origin.ToJson();
  if (!status.empty()) j["status"] = status;
  if (via >= 0) j["via"] = via;
  return j;
}

namespace {

// Appends v as nlohmann's dump(-1, ' ', false, replace) would, with the common cases (plain
// text, integers) written directly: the store file of a 100,000-record import is mostly these.
void AppendText(const std::string& s, std::string& out) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  while (p != end) {
    if (*p >= 0x80) {
      const size_t n = json_reader::Utf8Length(p, end);
      if (!n) break;  // to be replaced: nlohmann's serializer decides how
      p += n;
    } else if (*p >= 0x20 && *p != '"' && *p != '\\') {
      ++p;
    } else {
      break;  // to be escaped, likewise
    }
  }
  if (p == end)
    out.append(1, '"').append(s).append(1, '"');
  else
    out += json(s).dump(-1, ' ', false, json::error_handler_t::replace);
}

void AppendJson(const json& v, std::string& out) {
  switch (v.type()) {
    case json::value_t::object: {
      out += '{';
      for (auto it = v.begin(); it != v.end(); ++it) {
        if (it != v.begin()) out += ',';
        AppendText(it.key(), out);
        out += ':';
        AppendJson(*it, out);
      }
      out += '}';
      return;
    }
    case json::value_t::array:
      out += '[';
      for (size_t i = 0; i < v.size(); ++i) {
        if (i) out += ',';
        AppendJson(v[i], out);
      }
      out += ']';
      return;
    case json::value_t::string:
      return AppendText(v.get_ref<const std::string&>(), out);
    case json::value_t::number_integer:
      out += std::to_string(v.get<json::number_integer_t>());
      return;
    case json::value_t::number_unsigned:
      out += std::to_string(v.get<json::number_unsigned_t>());
      return;
    case json::value_t::boolean:
      out += v.get<bool>() ? "true" : "false";
      return;
    case json::value_t::null:
      out += "null";
      return;
    default:  // floating point (nlohmann's own shortest form), binary
      out += v.dump(-1, ' ', false, json::error_handler_t::replace);
  }
}

}  // namespace

std::string Record::ValuesText() const {
  if (!packed.empty()) return packed;
  std::string text;
  AppendJson(values, text);
  return text;
}

std::string RecordTitle(const Record& r) {
  const ValueView values = r.Values();
  for (const char* key : {"name", "title", "unit", "organizer"})
    if (std::string v = values[key].String(); !v.empty()) return v;
  return {};
}

bool SameValues(const Record& a, const Record& b) {
  if (a.packed.empty() && b.packed.empty()) return a.values == b.values;
  if (!a.packed.empty() && !b.packed.empty()) return a.packed == b.packed;
  return a.ValuesText() == b.ValuesText();
}

void Record::Pack() {
  if (!packed.empty()) return;
  // Written into a buffer that keeps its room, then copied once at its size: no growing string
  // per record, and no spare capacity kept. (Imports mostly keep the read text: PackFrom.)
  static std::string scratch;
  scratch.clear();
  AppendJson(values, scratch);
  packed.assign(scratch);
  values = nullptr;
}

void Record::PackFrom(std::string_view read_text) {
  if (!packed.empty()) return;
  if (!IsCanonicalJson(read_text)) return Pack();
#ifdef LW_FUZZING
  if (ValuesText() != read_text) std::abort();  // the fuzzer holds IsCanonicalJson to the dump
#endif
  packed.assign(read_text);
  values = nullptr;
}

void Record::Unpack() {
  if (packed.empty()) return;
  values = json::parse(packed);
  packed.clear();
  packed.shrink_to_fit();
}

void Record::DumpTo(std::string& out, bool local) const {
  // Keys in the sorted order nlohmann::json uses, so the bytes equal ToJson().dump().
  const auto str = [&out](const char* key, const std::string& v) {
    out += key;
    AppendText(v, out);
  };
  const auto dump = [&out](const char* key, const json& v) {
    out += key;
    AppendJson(v, out);
  };
  str("{\"created\":", created);
  if (local && !exported.empty()) str(",\"exported\":", exported);
  str(",\"form\":", form);
  out.append(",\"formVersion\":").append(std::to_string(form_version));
  if (local && !migrated.is_null()) dump(",\"migrated\":", migrated);
  if (!origin.empty()) {  // written per record of a 100,000-record import: no json object for it
    str(",\"origin\":{\"device\":", origin.device);
    str(",\"region\":", origin.region);
    str(",\"unit\":", origin.unit);
    out += '}';
  }
  out.append(",\"revision\":").append(std::to_string(revision));
  if (!status.empty()) str(",\"status\":", status);
  str(",\"updated\":", updated);
  str(",\"uuid\":", uuid);
  if (packed.empty())
    dump(",\"values\":", values);
  else
    out.append(",\"values\":").append(packed);
  if (via >= 0) out.append(",\"via\":").append(std::to_string(via));
  out += '}';
}

bool Record::FromJson(const json& j, Record& out, std::string* why) {
  json copy = j;
  return FromJson(std::move(copy), out, why);
}

json* RecordMembers::Slot(std::string_view key) {
  // Length and first letter tell the keys apart (checked below): one comparison per key.
  if (key.empty()) return nullptr;
  for (size_t i = 0; i < kKeys.size(); ++i)
    if (kKeys[i].size() == key.size() && kKeys[i][0] == key[0]) return kKeys[i] == key ? &values_[i] : nullptr;
  return nullptr;
}

static_assert([] {
  for (size_t i = 0; i < RecordMembers::kKeys.size(); ++i)
    for (size_t j = 0; j < i; ++j)
      if (RecordMembers::kKeys[i].size() == RecordMembers::kKeys[j].size() &&
          RecordMembers::kKeys[i][0] == RecordMembers::kKeys[j][0])
        return false;
  return true;
}());

json* RecordMembers::Find(std::string_view key) {
  json* v = Slot(key);
  return v && !v->is_discarded() ? v : nullptr;
}

void RecordMembers::Clear() {
  for (json& v : values_) v = json(json::value_t::discarded);
}

bool Record::FromJson(json&& j, Record& out, std::string* why) {
  if (!j.is_object()) {
    if (why) *why = "记录不是对象";
    return false;
  }
  RecordMembers m;
  for (auto it = j.begin(); it != j.end(); ++it)
    if (json* slot = m.Slot(it.key())) *slot = std::move(*it);
  return FromMembers(m, out, why);
}

bool Record::FromMembers(RecordMembers& m, Record& out, std::string* why) {
  const auto fail = [&](const char* msg) {
    if (why) *why = msg;
    return false;
  };
  // Strings are moved out: this runs for every record of a large import.
  const auto member = [&m](const char* key) { return m.Find(key); };
  const auto text = [&](const char* key) {
    json* v = member(key);
    return v && v->is_string() ? std::move(v->get_ref<std::string&>()) : std::string();
  };
  json* uuid = member("uuid");
  if (!uuid || !uuid->is_string() || !IsUuid(uuid->get_ref<const std::string&>())) return fail("记录缺少有效的 uuid");
  json* form = member("form");
  if (!form || !form->is_string()) return fail("记录缺少表单类型");
  json* form_version = member("formVersion");
  if (!form_version || !form_version->is_number_integer()) return fail("记录缺少表单版本");
  json* revision = member("revision");
  if (!revision || !revision->is_number_integer() || revision->get<long long>() < 1)
    return fail("记录缺少有效的修订号");
  json* values = member("values");
  if (!values || !values->is_object()) return fail("记录缺少填写内容");
  Record r;
  if (json* origin = member("origin"); origin && !Origin::FromJson(*origin, r.origin))
    return fail("记录的来源信息（origin）无效");
  std::string status = text("status");
  if (status == kStatusDraft || status == kStatusValid) r.status = std::move(status);
  if (json* via = member("via")) {
    if (!via->is_number_unsigned() || via->get<unsigned long long>() > 1000000)
      return fail("记录的转报路径（via）无效");
    r.via = via->get<int>();
  }
  r.uuid = std::move(uuid->get_ref<std::string&>());
  r.form = std::move(form->get_ref<std::string&>());
  r.form_version = form_version->get<int>();
  r.revision = revision->get<int>();
  r.created = text("created");
  r.updated = text("updated");
  r.exported = text("exported");
  r.values = std::move(*values);
  if (json* migrated = member("migrated")) r.migrated = std::move(*migrated);
  out = std::move(r);
  return true;
}

bool Origin::FromJson(const json& j, Origin& out) {
  if (!j.is_object()) return false;
  for (const char* key : {"unit", "region", "device"})
    if (j.contains(key) && !j[key].is_string()) return false;
  out = {StringAt(j, "unit"), StringAt(j, "region"), StringAt(j, "device")};
  return true;
}

std::string StringAt(const json& j, const char* key) {
  if (!j.is_object()) return {};
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

long long IntAt(const json& j, const char* key, long long fallback) {
  if (!j.is_object()) return fallback;
  const auto it = j.find(key);
  return it != j.end() && it->is_number_integer() ? it->get<long long>() : fallback;
}

void CollectPhotoRefs(ValueView v, std::set<std::string>& out) {
  if (const ValueView sha = v["sha256"]; sha.is_string()) out.insert(sha.String());
  for (const ValueView x : v) CollectPhotoRefs(x, out);
}

std::string NewUuid() {
  static std::mt19937_64 rng{std::random_device{}()};
  std::uniform_int_distribution<int> nib(0, 15);
  static const char* kHex = "0123456789abcdef";
  std::string s = "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx";
  for (char& c : s) {
    if (c == 'x')
      c = kHex[nib(rng)];
    else if (c == 'y')
      c = kHex[8 + nib(rng) % 4];
  }
  return s;
}

bool IsUuid(const std::string& s) {  // 8-4-4-4-12 lower-case hex (no std::regex: 100,000 imports)
  if (s.size() != 36) return false;
  for (size_t i = 0; i < 36; ++i) {
    const char c = s[i];
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

std::string NowIso() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

namespace {
std::string FormatLocal(std::time_t t, const char* format) {
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, format, &tm);
  return buf;
}

std::string LocalNow(const char* format) {
  return FormatLocal(std::chrono::system_clock::to_time_t(std::chrono::system_clock::now()), format);
}
}  // namespace

std::string LocalMinute(const std::string& iso) {
  std::tm tm{};
  char zone = 0;
  // Files keep UTC ("2026-11-22T10:35:00Z"); anything else is shown as written rather than guessed.
  if (std::sscanf(iso.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
                  &tm.tm_min, &tm.tm_sec, &zone) != 7 ||
      zone != 'Z')
    return iso;
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  return FormatLocal(timegm(&tm), "%Y-%m-%d %H:%M");
}

std::string ClockLocal() { return LocalNow("%H:%M:%S"); }

std::string TodayLocal() { return LocalNow("%Y-%m-%d"); }

}  // namespace lw
