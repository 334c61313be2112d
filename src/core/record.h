// record.h — one filled-in form (a draft, the unit profile, or an imported record).
#pragma once
#include <nlohmann/json.hpp>
#include <set>
#include <string>

namespace lw {

// Who made a record: fixed when it is created and never changed by an edit. Merges trust an
// incoming version silently only when its origin equals the stored one's.
struct Origin {
  std::string unit;    // 填报单位 as in the creating unit's profile
  std::string region;  // GB/T 2260 code of that unit
  std::string device;  // random id of the device that created it ("" for records older than origins)
  bool empty() const { return unit.empty() && region.empty() && device.empty(); }
  bool operator==(const Origin&) const = default;
  nlohmann::json ToJson() const { return {{"device", device}, {"region", region}, {"unit", unit}}; }
  // Strict, like Record::FromJson: an object of strings (missing members are "").
  static bool FromJson(const nlohmann::json& j, Origin& out);
};

// What the validator said when a record was exported or imported (never trusted from a sender:
// the importer validates again).
constexpr const char* kStatusDraft = "draft";  // incomplete: shown as 草稿
constexpr const char* kStatusValid = "valid";  // passes every rule: 已校验

struct Record {
  std::string uuid;              // stable across export/import: the merge key
  std::string form;              // form definition id
  int form_version = 1;          // definition version the values follow
  int revision = 1;              // +1 on every saved change; a higher revision wins a merge
  std::string created, updated;  // ISO 8601 UTC
  std::string exported;          // when last exported ("" = never)
  nlohmann::json values = nlohmann::json::object();
  nlohmann::json migrated;  // null, or what the last migration changed (shown once to the user)
  Origin origin;            // who created it (see Origin)
  std::string status;       // "" (local draft: computed live), kStatusDraft or kStatusValid
  int via = -1;             // forwarded: index into its bundle's routes (bundle.h), -1 = from the issuer itself

  nlohmann::json ToJson() const;
  // ToJson().dump(), without first copying the values into a temporary document.
  std::string Dump() const;
  // Strict: returns false on anything but a well-formed record (imported data is untrusted).
  static bool FromJson(const nlohmann::json& j, Record& out, std::string* why = nullptr);
  // Same, moving the values out of j (large imports: no second copy of every record).
  static bool FromJson(nlohmann::json&& j, Record& out, std::string* why = nullptr);
};

// j[key] when it is a string, else "" (never throws: for untrusted JSON, where json::value()
// would throw on a value of the wrong type).
std::string StringAt(const nlohmann::json& j, const char* key);
long long IntAt(const nlohmann::json& j, const char* key, long long fallback);

// SHA-256 of every photo a record's values refer to ({"sha256": ...} anywhere inside).
void CollectPhotoRefs(const nlohmann::json& values, std::set<std::string>& out);

std::string NewUuid();  // RFC 4122 version 4, lower case
bool IsUuid(const std::string& s);
std::string NowIso();      // "2026-11-22T12:34:56Z"
std::string TodayLocal();  // "2026-11-22" in the user's time zone
std::string ClockLocal();  // "14:05:09" in the user's time zone
// "2026-11-22T10:35:00Z" (as files keep it) → "2026-11-22 18:35" in the user's time zone, for the screen.
std::string LocalMinute(const std::string& iso);

}  // namespace lw
