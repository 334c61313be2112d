// campaign_package.h — a campaign package (活动包): one JSON file that carries a year's campaign
// and every form it introduces from a coordinator (教育部, a province, a city) down to the units,
// so a new year's notice needs no new build of the app. Described by
// assets/schema/campaign_package.schema.json:
//
//   {"campaign":{…as assets/campaigns/*.json…},"created":"2026-08-20T02:00:00Z",
//    "fingerprint":"<sha256 hex>","format":"learnweek-campaign-package","formatVersion":1,
//    "forms":[{…as assets/forms/*.json…}],"id":"2026-nmg",
//    "issuer":{"region":"150000","unit":"内蒙古自治区教育厅"},"version":3}
//
// Canonical bytes: the package's JSON value without its "fingerprint" and "signature" members,
// written as nlohmann::json::dump() does by default: compact (no whitespace), object keys in
// sorted (byte) order, strings as UTF-8 (not \u-escaped). The fingerprint is the SHA-256 of those
// bytes in lower-case hex, so the file itself may be pretty-printed or re-indented freely; any
// change of content changes it. An optional "signature" ({"algorithm":"ECDSA-P256-SHA256",
// "publicKey","value"}, base64 as in bundles) signs the same canonical bytes.
//
// Reading is all-or-nothing and runs the very checks the build runs on assets/forms and
// assets/campaigns (ParseFormDefJson, ParseCampaignJson, CheckCampaignForms), plus the
// package's own; every refusal is Chinese and names the part ("活动包第 2 张表格「…」第 1 节第 3
// 个字段（name）：…").
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "campaign.h"
#include "form_def.h"
#include "package_ref.h"

namespace lw {

constexpr const char* kPackageFormat = "learnweek-campaign-package";
constexpr int kPackageFormatVersion = 1;
constexpr size_t kMaxPackageBytes = 5u * 1024 * 1024;  // a package of 40 forms is about 200 KB
// The Ministry issues for the whole country, which GB/T 2260 has no code for; 100000 is the
// code the common GB/T 2260 datasets give 中华人民共和国.
constexpr const char* kNationalRegion = "100000";

struct PackageIssuer {
  std::string unit;    // 发布单位, e.g. 内蒙古自治区教育厅
  std::string region;  // its GB/T 2260 code, kNationalRegion for the Ministry
  bool operator==(const PackageIssuer&) const = default;
};

struct CampaignPackage {
  std::string id;  // stable across versions: a new version replaces the old one of the same id
  int version = 1;
  std::string created;  // ISO 8601 UTC, "2026-08-20T02:00:00Z"
  PackageIssuer issuer;
  Campaign campaign;           // its issuers carry package = id
  std::vector<FormDef> forms;  // the forms it introduces (others are the app's); package = id
  // Set when read (ParsePackage):
  std::string fingerprint;  // SHA-256 of the canonical bytes
  std::string signer_key;   // raw public key of a valid signature ("" = unsigned)
  std::string bytes;        // the file as read: what is stored, byte for byte

  PackageRef Ref() const;
  // "2026年全民终身学习活动周（内蒙古自治区教育厅）": how messages name it.
  std::string Title() const;
  const FormDef* FindForm(const std::string& form_id) const;
};

// `inner` is `outer` or lies inside it; the whole country (kNationalRegion) contains every code.
bool RegionWithin(const std::string& inner, const std::string& outer);

// The canonical bytes of a package's JSON (see above) and their SHA-256.
std::string CanonicalPackageBytes(const nlohmann::json& package);
std::string PackageFingerprint(const nlohmann::json& package);

// The package as JSON with its fingerprint (no signature): campaign and forms written with
// CampaignToJson and FormDefToJson.
nlohmann::json ToPackageJson(const CampaignPackage& p);

struct PackageRead {
  std::optional<CampaignPackage> package;
  std::vector<std::string> errors;  // Chinese, each naming its part; empty when read
};
// Checks everything before returning a package: size (kMaxPackageBytes), UTF-8, nesting, format
// and its version, id, version, created, issuer, fingerprint (and signature when present), markup
// in any text, every form (the build's checks; ids unique; no unit profile), the campaign (the
// build's checks), every requirement's form in the package or in `builtin`, and every notice's
// region inside the issuer's.
PackageRead ParsePackage(const std::string& bytes, const FormLibrary& builtin);

struct PackageWrite {
  std::string bytes;                // the file to save or hand down ("" when refused)
  std::vector<std::string> errors;  // what ParsePackage would refuse
};
// ToPackageJson, pretty-printed, and read back through ParsePackage: nothing is written that a
// unit's app would refuse.
PackageWrite WritePackage(const CampaignPackage& p, const FormLibrary& builtin);

// A signed file: `package` (as ToPackageJson gives it) with its signature over the canonical
// bytes (the browser signs them with the profile's key, as it signs bundles).
std::string SignedPackageBytes(nlohmann::json package, std::string_view public_key, std::string_view signature);

}  // namespace lw
