// test_signature.cpp — issue 11: signed bundles. ECDSA P-256 verification against RFC 6979's
// published vector, a tampered byte refused, and the desk pinning each unit's key: an unsigned
// bundle or another key for a pinned unit raises a warning.
#include <catch2/catch.hpp>
#include <filesystem>

#include "bundle.h"
#include "import_store.h"
#include "shipped_forms.h"
#include "signature.h"
#include "temp_dir.h"
#include "test_key.h"

using namespace lw;
using lw::test::Forms;
using lw::test::TempDir;
using lw::test::TestKey;
using lw::test::Unhex;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {
// RFC 6979, appendix A.2.5: P-256, SHA-256, message "sample".
const std::string kPrivate = Unhex("C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721");
const std::string kPublic = Unhex(
    "04"
    "60FED4BA255A9D31C961EB74C6356D68C049B8923B61FA6CE669622E60F29FB6"
    "7903FE1008B8BC99A41AE9E95628BC64F2F1B20C2D7E9F5177A3C294D4462299");
const std::string kSample = Unhex(
    "EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716"
    "F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8");

std::string Canonical(const std::string& unit, const std::string& name) {
  Bundle b;
  b.created = "2020-10-25T08:00:00Z";
  b.campaign = "2020";
  b.issuer = {{"unit", unit}, {"region", "150200"}};
  Record r;
  r.uuid = NewUuid();
  r.form = "star_nomination";
  r.form_version = 2;
  r.created = r.updated = b.created;
  r.values = {{"name", name}};
  b.records.push_back(r);
  return WriteBundle(b, Forms());
}

std::string Signed(const TestKey& k, const std::string& canonical) {
  return AppendSignature(canonical, k.pub, k.Sign(canonical));
}

}  // namespace

TEST_CASE("ECDSA P-256: RFC 6979 A.2.5 verifies; any change fails", "[signature]") {
  CHECK(VerifyP256(kPublic, "sample", kSample));
  CHECK_FALSE(VerifyP256(kPublic, "samplf", kSample));
  std::string flipped = kSample;
  flipped[10] ^= 1;
  CHECK_FALSE(VerifyP256(kPublic, "sample", flipped));
  std::string off_curve = kPublic;
  off_curve[64] ^= 1;
  CHECK_FALSE(VerifyP256(off_curve, "sample", kSample));
  CHECK_FALSE(VerifyP256(kPublic.substr(1), "sample", kSample));
  // The test signer is right: the RFC's key gives the RFC's public key and signature.
  const TestKey rfc = TestKey::From(kPrivate);
  CHECK(rfc.pub == kPublic);
  CHECK(rfc.Sign("sample") == kSample);
  CHECK(KeyFingerprint(kPublic).size() == 19);
}

TEST_CASE("signed bundles: verified on reading, a byte changed after signing is refused", "[signature]") {
  const TestKey k = TestKey::From(kPrivate);
  const std::string canonical = Canonical("包头市教育局", "张喆");
  const std::string file = Signed(k, canonical);
  CHECK(json::parse(file).contains("signature"));  // still one JSON document
  const auto ok = ReadBundle(file, Forms());
  INFO(ok.error);
  REQUIRE(ok.bundle);
  CHECK(ok.bundle->signer_key == kPublic);
  CHECK(ReadBundle(canonical, Forms()).bundle->signer_key.empty());  // unsigned: still readable

  std::string tampered = file;
  tampered.replace(tampered.find("张喆"), std::string("张喆").size(), "李四");
  CHECK(ReadBundle(tampered, Forms()).error == "数据包在签名后被改动过（签名不符），已拒绝");
  json moved = json::parse(file);  // the signature kept, the document re-serialized otherwise
  moved["created"] = "2020-10-26T08:00:00Z";
  CHECK_FALSE(ReadBundle(moved.dump() + "\n", Forms()).bundle);
  json bad = json::parse(file);
  bad["signature"]["value"] = "!!";
  CHECK(ReadBundle(bad.dump() + "\n", Forms()).error == "数据包的签名信息已损坏，已拒绝");
}

TEST_CASE("the desk pins each unit's key: unsigned or another key raises a warning", "[signature]") {
  TempDir dir;
  Workspace ws(dir.path.string());
  ws.Load();
  ImportStore store(ws);
  store.Load();
  const TestKey a = TestKey::From(kPrivate);
  const TestKey b = TestKey::From(Unhex("0F56DB78CA460B055C500064824BED999A25AAF48EBB519AC201537B85479813"));
  ImportPlan p = store.Import("1.json", Signed(a, Canonical("包头市教育局", "张喆")), Forms());
  CHECK(p.key == KeyFingerprint(a.pub));
  CHECK(p.warning.empty());
  CHECK(store.PinnedKey("包头市教育局", "150200") == KeyFingerprint(a.pub));
  CHECK(store.Plan("2.json", Signed(a, Canonical("包头市教育局", "王堃")), Forms()).warning.empty());
  p = store.Import("3.json", Canonical("包头市教育局", "王堃"), Forms());
  CHECK(p.warning.find("这个没有签名") != std::string::npos);
  p = store.Import("4.json", Signed(b, Canonical("包头市教育局", "李玥")), Forms());
  CHECK(p.warning.find("签名密钥与 包头市教育局 以前使用的不同") != std::string::npos);
  CHECK(p.refused.empty());  // imported all the same, with the warning kept beside it
  // Pins and warnings survive a reload; another unit has its own pin.
  ImportStore again(ws);
  again.Load();
  CHECK(again.PinnedKey("包头市教育局", "150200") == KeyFingerprint(a.pub));
  const auto fourth = std::find_if(again.bundles().begin(), again.bundles().end(),
                                   [](const Provenance& v) { return v.file_name == "4.json"; });
  REQUIRE(fourth != again.bundles().end());
  CHECK(fourth->warning == p.warning);
  CHECK(again.Import("5.json", Signed(b, Canonical("鄂尔多斯市教育局", "赵六")), Forms()).warning.empty());
}
