// record.h — one filled-in form (a draft, the unit profile, or an imported record).
#pragma once
#include <array>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>

#include "value_view.h"

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

// A record object's members as a reader meets them, for a reader that takes records apart while
// parsing instead of building each record's object first (a 100,000-record import). Keys that
// records do not have get no slot; a repeated key keeps its last value, as in an object.
class RecordMembers {
 public:
  RecordMembers() { Clear(); }
  nlohmann::json* Slot(std::string_view key);  // nullptr for a key records do not have
  nlohmann::json* Find(std::string_view key);  // the member's value, nullptr when absent
  void Clear();

  static constexpr std::array<std::string_view, 12> kKeys = {"created",  "exported", "form",     "formVersion",
                                                             "migrated", "origin",   "revision", "status",
                                                             "updated",  "uuid",     "values",   "via"};

 private:
  std::array<nlohmann::json, kKeys.size()> values_;  // discarded: absent
};

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
  // The values packed into their canonical JSON text, `values` then null ("" = not packed): how
  // imported records are kept (a quarter of the memory; see value_view.h). Whatever may see an
  // imported record reads its values through Values().
  std::string packed;

  ValueView Values() const { return packed.empty() ? ValueView(values) : ValueView::OfText(packed); }
  // The values' canonical JSON text (nlohmann's compact dump): equal texts, equal values.
  std::string ValuesText() const;
  void Pack();
  // Pack, given the text the values were just read from, unchanged since: that text is kept as it
  // is when it is already canonical (IsCanonicalJson: any bundle LearnWeek wrote), else the values
  // are dumped. Not writing it again saves a twentieth of a 100,000-record import.
  void PackFrom(std::string_view read_text);
  void Unpack();  // back to a document, for what edits or compares values member by member

  nlohmann::json ToJson() const;
  // ToJson().dump(), without first copying the values into a temporary document.
  std::string Dump() const {
    std::string out;
    DumpTo(out);
    return out;
  }
  // The same appended to out (a 100,000-record import is written through one buffer). Without
  // `local`, what only this device keeps (when it was exported, what a migration changed) is left
  // out: a record as a bundle carries it.
  void DumpTo(std::string& out, bool local = true) const;
  // Strict: returns false on anything but a well-formed record (imported data is untrusted).
  static bool FromJson(const nlohmann::json& j, Record& out, std::string* why = nullptr);
  // Same, moving the values out of j (large imports: no second copy of every record).
  static bool FromJson(nlohmann::json&& j, Record& out, std::string* why = nullptr);
  // Same, from the members of a record object (moved out of m).
  static bool FromMembers(RecordMembers& m, Record& out, std::string* why = nullptr);
};

// What a person calls a record: its first filled-in name, title, unit or organizer ("" when none).
std::string RecordTitle(const Record& r);

// Whether two records hold the same values (whether packed or not).
bool SameValues(const Record& a, const Record& b);

// j[key] when it is a string, else "" (never throws: for untrusted JSON, where json::value()
// would throw on a value of the wrong type).
std::string StringAt(const nlohmann::json& j, const char* key);
long long IntAt(const nlohmann::json& j, const char* key, long long fallback);

// SHA-256 of every photo a record's values refer to ({"sha256": ...} anywhere inside).
void CollectPhotoRefs(ValueView values, std::set<std::string>& out);

std::string NewUuid();  // RFC 4122 version 4, lower case
bool IsUuid(const std::string& s);
std::string NowIso();      // "2026-11-22T12:34:56Z"
std::string TodayLocal();  // "2026-11-22" in the user's time zone
std::string ClockLocal();  // "14:05:09" in the user's time zone
// "2026-11-22T10:35:00Z" (as files keep it) → "2026-11-22 18:35" in the user's time zone, for the screen.
std::string LocalMinute(const std::string& iso);

}  // namespace lw
