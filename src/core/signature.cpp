// signature.cpp — see signature.h.
#include "signature.h"

#include <cctype>
#include <initializer_list>

#include "base64.h"
#include "mbedtls/ecdsa.h"
#include "mbedtls/sha256.h"
#include "sha256.h"

namespace lw {

using nlohmann::json;

namespace {

// SHA-256 of the pieces one after the other: a signed bundle's signed part is the file less its
// signature member, and is never copied out of the file (tens of MB).
bool Sha256Of(std::initializer_list<std::string_view> parts, unsigned char hash[32]) {
  mbedtls_sha256_context sha;
  mbedtls_sha256_init(&sha);
  bool ok = mbedtls_sha256_starts_ret(&sha, 0) == 0;
  for (std::string_view part : parts)
    ok = ok && mbedtls_sha256_update_ret(&sha, reinterpret_cast<const unsigned char*>(part.data()), part.size()) == 0;
  ok = ok && mbedtls_sha256_finish_ret(&sha, hash) == 0;
  mbedtls_sha256_free(&sha);
  return ok;
}

bool VerifyP256Parts(std::string_view public_key, std::initializer_list<std::string_view> message,
                     std::string_view signature) {
  unsigned char hash[32];
  if (public_key.size() != 65 || signature.size() != 64 || !Sha256Of(message, hash)) return false;
  mbedtls_ecp_group grp;
  mbedtls_ecp_point q;
  mbedtls_mpi r, s;
  mbedtls_ecp_group_init(&grp);
  mbedtls_ecp_point_init(&q);
  mbedtls_mpi_init(&r);
  mbedtls_mpi_init(&s);
  const auto* key = reinterpret_cast<const unsigned char*>(public_key.data());
  const auto* sig = reinterpret_cast<const unsigned char*>(signature.data());
  const bool ok = mbedtls_ecp_group_load(&grp, MBEDTLS_ECP_DP_SECP256R1) == 0 &&
                  mbedtls_ecp_point_read_binary(&grp, &q, key, public_key.size()) == 0 &&
                  mbedtls_ecp_check_pubkey(&grp, &q) == 0 &&  // on the curve: no invalid-curve tricks
                  mbedtls_mpi_read_binary(&r, sig, 32) == 0 && mbedtls_mpi_read_binary(&s, sig + 32, 32) == 0 &&
                  mbedtls_ecdsa_verify(&grp, hash, sizeof hash, &q, &r, &s) == 0;
  mbedtls_mpi_free(&s);
  mbedtls_mpi_free(&r);
  mbedtls_ecp_point_free(&q);
  mbedtls_ecp_group_free(&grp);
  return ok;
}

}  // namespace

bool VerifyP256(std::string_view public_key, std::string_view message, std::string_view signature) {
  return VerifyP256Parts(public_key, {message}, signature);
}

std::string SignatureMember(std::string_view public_key, std::string_view signature) {
  const json sig = {
      {"algorithm", kSignatureAlgorithm}, {"publicKey", Base64Encode(public_key)}, {"value", Base64Encode(signature)}};
  return ",\"signature\":" + sig.dump();
}

std::string AppendSignature(const std::string& canonical, std::string_view public_key, std::string_view signature) {
  // canonical ends with "}\n": the member goes before the closing brace.
  return canonical.substr(0, canonical.size() - 2) + SignatureMember(public_key, signature) + "}\n";
}

SignatureCheck CheckSignature(const std::string& bytes, const json& signature) {
  SignatureCheck c;
  if (signature.is_null()) return c;
  c.present = true;
  const auto fail = [&](const char* why) {
    c.error = why;
    return c;
  };
  if (!signature.is_object() || !signature.contains("algorithm") || !signature["algorithm"].is_string() ||
      !signature.contains("publicKey") || !signature["publicKey"].is_string() || !signature.contains("value") ||
      !signature["value"].is_string())
    return fail("数据包的签名信息不完整，已拒绝");
  if (signature["algorithm"] != kSignatureAlgorithm) return fail("数据包的签名算法不受支持，已拒绝");
  const auto key = Base64Decode(signature["publicKey"].get<std::string>());
  const auto value = Base64Decode(signature["value"].get<std::string>());
  if (!key || !value || key->size() != 65 || value->size() != 64) return fail("数据包的签名信息已损坏，已拒绝");
  // The signed bytes: the file without its signature member, which must be the last one.
  const std::string member = SignatureMember(*key, *value);
  const std::string tail = member + "}\n";
  if (bytes.size() < tail.size() || bytes.compare(bytes.size() - tail.size(), tail.size(), tail) != 0)
    return fail("数据包的签名不在规定的位置（文件在签名后被改动过），已拒绝");
  const std::string_view before_member = std::string_view(bytes).substr(0, bytes.size() - tail.size());
  if (!VerifyP256Parts(*key, {before_member, "}\n"}, *value)) return fail("数据包在签名后被改动过（签名不符），已拒绝");
  c.valid = true;
  c.public_key = *key;
  return c;
}

std::string KeyFingerprint(std::string_view public_key) {
  const std::string hex = Sha256Hex(public_key);
  std::string out;
  for (size_t i = 0; i < 16; ++i) {
    if (i && i % 4 == 0) out += '-';
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(hex[i])));
  }
  return out;
}

}  // namespace lw
