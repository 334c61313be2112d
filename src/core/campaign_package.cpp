// campaign_package.cpp — see campaign_package.h.
#include "campaign_package.h"

#include <cstdio>
#include <set>

#include "base64.h"
#include "bundle.h"
#include "region.h"
#include "sha256.h"
#include "signature.h"
#include "utf8.h"

namespace lw {

using nlohmann::json;

namespace {

const std::set<std::string> kPackageKeys = {"$schema", "format",      "formatVersion", "id",
                                            "version", "created",     "issuer",        "campaign",
                                            "forms",   "fingerprint", "signature"};
constexpr size_t kMaxIdChars = 64;

// Package ids name a file in the workspace (packages/<id>.json): letters, digits, - and _ only.
bool IdOk(const std::string& id) {
  if (id.empty() || id.size() > kMaxIdChars) return false;
  for (size_t i = 0; i < id.size(); ++i) {
    const char c = id[i];
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!alnum && (i == 0 || (c != '-' && c != '_'))) return false;
  }
  return true;
}

// "2026-08-20T02:00:00Z": files keep UTC.
bool UtcTimeOk(const std::string& s) {
  int h = -1, m = -1, sec = -1;
  char t = 0, z = 0, end = 0;
  return s.size() == 20 && ParseDate(s.substr(0, 10)) &&
         std::sscanf(s.c_str() + 10, "%c%2d:%2d:%2d%c%c", &t, &h, &m, &sec, &z, &end) == 5 && t == 'T' && z == 'Z' &&
         s[13] == ':' && s[16] == ':' && h >= 0 && h < 24 && m >= 0 && m < 60 && sec >= 0 && sec < 61;
}

bool RegionCodeOk(const std::string& code) { return code == kNationalRegion || RegionDb::Level(code) != 0; }

// Parses like json::parse, but a value nested deeper than kMaxJsonDepth is not built (so neither
// the tree nor its recursive destruction ever goes deeper) and marks the document as refused.
json ParseLimited(const std::string& text, bool* too_deep) {
  *too_deep = false;
  return json::parse(
      text,
      [too_deep](int depth, json::parse_event_t, json&) {
        if (depth <= kMaxJsonDepth) return true;
        *too_deep = true;
        return false;
      },
      /*allow_exceptions=*/false);
}

// The first text of `v` (a key or a value) that looks like markup, "" when none. Titles and
// labels reach the print view (HTML) and the Word export; a bundle refuses the same.
std::string FirstMarkup(const json& v) {
  if (v.is_string()) return LooksLikeMarkup(v.get_ref<const std::string&>()) ? v.get<std::string>() : std::string();
  for (auto it = v.begin(); v.is_structured() && it != v.end(); ++it) {
    if (v.is_object() && LooksLikeMarkup(it.key())) return it.key();
    if (std::string s = FirstMarkup(*it); !s.empty()) return s;
  }
  return {};
}

std::string Snippet(const std::string& s) {
  return utf8::CountChars(s) <= 30 ? s : s.substr(0, utf8::OffsetOfChar(s, 30)) + "…";
}

}  // namespace

bool RegionWithin(const std::string& inner, const std::string& outer) {
  if (outer == kNationalRegion) return RegionCodeOk(inner);
  return RegionDb::Within(inner, outer);
}

PackageRef CampaignPackage::Ref() const { return {id, version, fingerprint, Title()}; }

std::string CampaignPackage::Title() const {
  const std::string name = campaign.title.empty() ? campaign.id : campaign.title;
  return issuer.unit.empty() ? name : name + "（" + issuer.unit + "）";
}

const FormDef* CampaignPackage::FindForm(const std::string& form_id) const {
  for (const FormDef& f : forms)
    if (f.id == form_id) return &f;
  return nullptr;
}

std::string CanonicalPackageBytes(const json& package) {
  json j = package;
  if (j.is_object()) {
    j.erase("fingerprint");
    j.erase("signature");
  }
  return j.dump(-1, ' ', /*ensure_ascii=*/false, json::error_handler_t::strict);
}

std::string PackageFingerprint(const json& package) { return Sha256Hex(CanonicalPackageBytes(package)); }

json ToPackageJson(const CampaignPackage& p) {
  json forms = json::array();
  for (const FormDef& f : p.forms) forms.push_back(FormDefToJson(f));
  json j = {{"format", kPackageFormat},
            {"formatVersion", kPackageFormatVersion},
            {"id", p.id},
            {"version", p.version},
            {"created", p.created},
            {"issuer", {{"unit", p.issuer.unit}, {"region", p.issuer.region}}},
            {"campaign", CampaignToJson(p.campaign)},
            {"forms", std::move(forms)}};
  j["fingerprint"] = PackageFingerprint(j);
  return j;
}

std::string SignedPackageBytes(json package, std::string_view public_key, std::string_view signature) {
  package["signature"] = {
      {"algorithm", kSignatureAlgorithm}, {"publicKey", Base64Encode(public_key)}, {"value", Base64Encode(signature)}};
  return package.dump(1, '\t', false, json::error_handler_t::strict) + "\n";
}

namespace {

// The checks of ParsePackage on a document that is an object. Errors are appended.
std::optional<CampaignPackage> CheckPackage(const json& j, const FormLibrary& builtin,
                                            std::vector<std::string>& errors) {
  const auto fail = [&](std::string why) {
    errors.push_back(std::move(why));
    return std::nullopt;
  };
  if (StringAt(j, "format") != kPackageFormat) return fail("这不是 LearnWeek 活动包");
  if (!j.contains("formatVersion") || !j["formatVersion"].is_number_integer() ||
      j["formatVersion"].get<long long>() < 1)
    return fail("活动包缺少有效的格式版本");
  if (j["formatVersion"].get<long long>() > kPackageFormatVersion)
    return fail("活动包由较新版本的 LearnWeek 生成（格式版本 " + j["formatVersion"].dump() + "），请先更新本程序");
  for (const auto& [key, v] : j.items())
    if (!kPackageKeys.count(key)) return fail("活动包中有未知的项目 \"" + Snippet(key) + "\"");

  CampaignPackage p;
  p.id = StringAt(j, "id");
  if (!IdOk(p.id)) return fail("活动包的标识（id）应为 1–64 个小写字母、数字、- 或 _，且以字母或数字开头");
  if (!j.contains("version") || !j["version"].is_number_integer() || j["version"].get<long long>() < 1 ||
      j["version"].get<long long>() > 1000000)
    return fail("活动包的版本号（version）应为正整数");
  p.version = j["version"].get<int>();
  p.created = StringAt(j, "created");
  if (!UtcTimeOk(p.created)) return fail("活动包的生成时间（created）应为 UTC 时间，如 2026-08-20T02:00:00Z");
  const json issuer = j.contains("issuer") ? j["issuer"] : json();
  p.issuer = {StringAt(issuer, "unit"), StringAt(issuer, "region")};
  if (!issuer.is_object() || p.issuer.unit.empty()) return fail("活动包缺少发布单位（issuer.unit）");
  for (const auto& [key, v] : issuer.items())
    if (key != "unit" && key != "region") return fail("活动包发布单位中有未知的项目 \"" + Snippet(key) + "\"");
  if (!RegionCodeOk(p.issuer.region))
    return fail("活动包发布单位的地区代码“" + p.issuer.region + "”不是 6 位行政区划代码（全国为 " + kNationalRegion +
                "）");

  // Fingerprint and signature before the content: a changed file is refused as changed, not for
  // whatever its change broke.
  p.fingerprint = PackageFingerprint(j);
  const std::string stated = StringAt(j, "fingerprint");
  if (stated.empty()) return fail("活动包缺少校验值（fingerprint）");
  if (stated != p.fingerprint) return fail("活动包的校验值（fingerprint）不符：文件在发布后被改动过或已损坏");
  if (j.contains("signature")) {
    const json& sig = j["signature"];
    const auto key = Base64Decode(StringAt(sig, "publicKey"));
    const auto value = Base64Decode(StringAt(sig, "value"));
    if (StringAt(sig, "algorithm") != kSignatureAlgorithm || !key || !value || key->size() != 65 || value->size() != 64)
      return fail("活动包的签名信息不完整或算法不受支持");
    if (!VerifyP256(*key, CanonicalPackageBytes(j), *value)) return fail("活动包在签名后被改动过（签名不符）");
    p.signer_key = *key;
  }

  if (!j.contains("campaign") || !j["campaign"].is_object()) return fail("活动包缺少活动（campaign）");
  if (!j.contains("forms") || !j["forms"].is_array()) return fail("活动包缺少表格列表（forms）");
  const size_t before = errors.size();
  const json& forms = j["forms"];
  for (size_t i = 0; i < forms.size(); ++i) {
    const std::string name =
        StringAt(forms[i], "title").empty() ? StringAt(forms[i], "id") : StringAt(forms[i], "title");
    const std::string at =
        "活动包第 " + std::to_string(i + 1) + " 张表格" + (name.empty() ? "" : "「" + Snippet(name) + "」");
    if (const std::string m = FirstMarkup(forms[i]); !m.empty()) {
      errors.push_back(at + "中含有网页代码或脚本（“" + Snippet(m) + "”），已拒绝");
      continue;
    }
    FormLoadResult r = ParseFormDefJson(forms[i], at);
    errors.insert(errors.end(), r.errors.begin(), r.errors.end());
    if (!r.form) continue;
    if (r.form->kind == "profile") {
      errors.push_back(at + "：单位信息表由本程序提供，活动包不能替换");
      continue;
    }
    if (const FormDef* twin = p.FindForm(r.form->id)) {
      errors.push_back(at + "：表格标识 \"" + r.form->id + "\" 与「" + twin->title + "」重复");
      continue;
    }
    r.form->package = p.id;
    p.forms.push_back(std::move(*r.form));
  }

  const json& cj = j["campaign"];
  const std::string at =
      "活动包中的活动" + (StringAt(cj, "title").empty() ? "" : "「" + Snippet(StringAt(cj, "title")) + "」");
  if (const std::string m = FirstMarkup(cj); !m.empty())
    return fail(at + "中含有网页代码或脚本（“" + Snippet(m) + "”），已拒绝");
  auto campaign = ParseCampaignJson(cj, at, errors);
  if (!campaign) return std::nullopt;
  p.campaign = std::move(*campaign);
  for (Issuer& is : p.campaign.issuers) {
    is.package = p.id;
    // A province hands down its own notices, not the Ministry's or another province's.
    if (p.issuer.region != kNationalRegion && (is.region.empty() || !RegionWithin(is.region, p.issuer.region)))
      errors.push_back(at + "：发文单位「" + is.name + "」的地区（" + (is.region.empty() ? "全国" : is.region) +
                       "）不在活动包发布单位「" + p.issuer.unit + "」（" + p.issuer.region + "）的辖区内");
  }
  const auto form_of = [&](const std::string& id) {
    const FormDef* f = p.FindForm(id);
    return f ? f : builtin.Find(id);
  };
  // After a broken form its requirements would only be reported again as "不存在".
  if (errors.size() == before)
    for (const std::string& e : CheckCampaignForms(p.campaign, form_of)) errors.push_back(at + "：" + e);
  if (errors.size() != before) return std::nullopt;
  return p;
}

}  // namespace

PackageRead ParsePackage(const std::string& bytes, const FormLibrary& builtin) {
  PackageRead out;
  const auto fail = [&](std::string why) {
    out.errors.push_back(std::move(why));
    return out;
  };
  if (bytes.size() > kMaxPackageBytes)
    return fail("活动包文件过大（" + std::to_string(bytes.size() / 1024) + " KB），不能超过 " +
                std::to_string(kMaxPackageBytes / 1048576) + " MB");
  if (bytes.empty()) return fail("文件是空的");
  if (!utf8::IsValid(bytes)) return fail("文件不是 UTF-8 编码的文本（可能已损坏，或不是 LearnWeek 活动包）");
  static const std::string kBom = "\xEF\xBB\xBF";  // an editor on Windows may add one
  bool too_deep = false;
  const json j = ParseLimited(bytes.compare(0, 3, kBom) == 0 ? bytes.substr(3) : bytes, &too_deep);
  if (too_deep) return fail("文件结构嵌套过深，不是有效的活动包");
  if (j.is_discarded()) return fail("文件内容不完整或不是有效的 JSON（可能下载或传输时被截断）");
  if (!j.is_object()) return fail("这不是 LearnWeek 活动包");
  out.package = CheckPackage(j, builtin, out.errors);
  if (out.package) out.package->bytes = bytes;
  return out;
}

PackageWrite WritePackage(const CampaignPackage& p, const FormLibrary& builtin) {
  PackageWrite out;
  const std::string bytes = ToPackageJson(p).dump(1, '\t', false, json::error_handler_t::replace) + "\n";
  PackageRead back = ParsePackage(bytes, builtin);
  out.errors = std::move(back.errors);
  if (back.package) out.bytes = bytes;
  return out;
}

}  // namespace lw
