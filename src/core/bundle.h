// bundle.h — the LearnWeek bundle: one JSON file that carries a unit's records (and their
// photos) from one computer to another. Format documented in README.md and described by
// assets/schema/bundle.schema.json. Writing is deterministic (sorted keys, records sorted by
// UUID, photos by hash) so the same data gives the same bytes. Reading is all-or-nothing: a
// bundle is checked completely before anything is used, and refused with a Chinese reason.
#pragma once
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "form_def.h"
#include "package_ref.h"
#include "record.h"
#include "validate.h"

namespace lw {

// 2 added the routes of forwarded records (a roll-up). A bundle without routes is still
// written as version 1, so units' bundles stay readable by older copies of the app; a roll-up
// is version 2, which an older app refuses with "请先更新" instead of dropping the routes.
constexpr int kBundleFormatVersion = 2;
constexpr size_t kMaxBundleBytes = 50u * 1024 * 1024;  // larger files are refused unread
// "文件过大（51 MB），不能超过 50 MB": the one message for a file over kMaxBundleBytes.
std::string TooLargeMessage(double bytes);
constexpr size_t kMaxPhotoBytes = 20u * 1024 * 1024;
constexpr int kMaxJsonDepth = 64;

struct Photo {
  std::string sha256, mime, bytes;
};

// One bundle on a forwarded record's way up: who issued it and its SHA-256.
struct Hop {
  std::string unit, region, sha256;
  bool operator==(const Hop&) const = default;
};
// A bundle's route table: routes[i] is a bundle its issuer imported, and routes[via] the bundle
// that one's issuer had received the record in (-1: the record started there). via < i always.
struct Route {
  Hop hop;
  int via = -1;
};

struct Bundle {
  std::string kind = "submission";  // "submission" (to hand in) or "backup" (everything on a device)
  std::string app_version = LW_VERSION;
  std::string created;  // ISO 8601 UTC
  std::string campaign;
  nlohmann::json issuer = nlohmann::json::object();  // {unit, region, leader, filler, phone, email}
  std::vector<Record> records;
  std::vector<Photo> photos;
  std::vector<Route> routes;  // for records with via >= 0 (forwarded from bundles below)
  // The campaign packages the records were made with (package_library.h). WriteBundle adds the
  // package of every record's form itself; a caller adds others (the campaign's own, say).
  std::vector<PackageRef> packages;
  nlohmann::json profile;   // backup only
  nlohmann::json settings;  // backup only
  std::string signer_key;   // read only: raw public key of a valid signature ("" = unsigned)
};

// Serializes deterministically. Form ids/versions are listed from the records, each with the
// package it came from; "packages" lists those packages (id, version, fingerprint, title), only
// when there are any, so a bundle of shipped forms is written as before.
std::string WriteBundle(const Bundle& b, const FormLibrary& forms);

struct BundleReadResult {
  std::optional<Bundle> bundle;
  std::string error;   // why it was refused, in Chinese; empty when accepted
  std::string sha256;  // of the file's bytes
  // Packages the bundle names that `forms` does not have, or has in an older version (or with
  // another fingerprint). A bundle whose records need one is refused (PackageNeeded); one that
  // reads without them is accepted and they are listed here for the UI to mention.
  std::vector<PackageRef> missing_packages;
};

// Checks everything (size, UTF-8, nesting, format version, every record against its form,
// duplicate UUIDs, photo hashes and sizes, markup in text) before returning a bundle.
// Records of an older form version are migrated (see migrate.h). In a submission every value
// must pass the form's own rules (ValidateRecord, with ctx): one invalid value refuses the
// whole file; records that are only incomplete are accepted with status kStatusDraft. (A backup
// is this device's own work in progress and is only checked for shape.) Records without an
// origin (older bundles) get the issuer's unit and region as their origin. A signature, when
// present, must verify over the rest of the file (signature.h), else the file is refused.
// Packed: each record's values are packed (Record::Pack) as soon as they are checked, for a reader
// that only reads them (an import of 100,000 records).
// sha256: the bytes' SHA-256 (64 lowercase hex digits) when the host has it already — the browser
// hashes a chosen file with WebCrypto's native code, 0.025 s for a 35 MB bundle, 0.145 s when done
// here in WebAssembly; computed here when empty or not such a digest.
enum class RecordValues { Documents, Packed };
BundleReadResult ReadBundle(const std::string& bytes, const FormLibrary& forms, const ValidationContext& ctx = {},
                            RecordValues kept = RecordValues::Documents, std::string_view sha256 = {});

// "此数据包用到活动包「…」第 3 版，请先打开该活动包" (with "（本机为第 2 版）" when `forms` has an
// older one): what a coordinator is told when a bundle needs a package this device lacks.
std::string PackageNeeded(const PackageRef& need, const FormLibrary& forms);

// A route table as written in a bundle, and read back: well-formed, acyclic (via points to an
// earlier entry), no markup; a Chinese reason when not ("" = read).
nlohmann::json RoutesToJson(const std::vector<Route>& routes);
std::string RoutesFromJson(const nlohmann::json& j, std::vector<Route>& out);

// True when s contains something that looks like HTML markup or a script URL.
bool LooksLikeMarkup(const std::string& s);

// Whether a field value has the JSON type its definition expects (drafts may be incomplete,
// but never of the wrong shape).
bool ValueShapeOk(const FieldDef& f, const nlohmann::json& v, std::string* why);

// 学习周_包头市教育局_2020-10-25.json — unit names made safe for every file system.
std::string BundleFileName(const std::string& unit, const std::string& date, const std::string& suffix = "");

}  // namespace lw
