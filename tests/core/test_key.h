// test_key.h — deterministic ECDSA P-256 signing (RFC 6979) with a known private key, as the
// browser signs with WebCrypto, for tests of signed bundles and campaign packages.
#pragma once
#include <catch2/catch.hpp>
#include <string>
#include <string_view>

#include "mbedtls/ecdsa.h"
#include "mbedtls/sha256.h"

namespace lw::test {

inline std::string Unhex(std::string_view h) {
  std::string out;
  for (size_t i = 0; i + 1 < h.size(); i += 2)
    out += static_cast<char>(std::stoi(std::string(h.substr(i, 2)), nullptr, 16));
  return out;
}

inline int Blinding(void*, unsigned char* out, size_t n) {  // only blinds: the signature stays deterministic
  for (size_t i = 0; i < n; ++i) out[i] = static_cast<unsigned char>(i * 7 + 1);
  return 0;
}

// Deterministic (RFC 6979) signing with a known private key, as the browser would sign.
struct TestKey {
  std::string priv, pub;
  std::string Sign(const std::string& message) const {
    mbedtls_ecp_group grp;
    mbedtls_mpi d, r, s;
    mbedtls_ecp_point q;
    mbedtls_ecp_group_init(&grp);
    mbedtls_mpi_init(&d), mbedtls_mpi_init(&r), mbedtls_mpi_init(&s);
    mbedtls_ecp_point_init(&q);
    unsigned char hash[32];
    mbedtls_sha256_ret(reinterpret_cast<const unsigned char*>(message.data()), message.size(), hash, 0);
    REQUIRE(mbedtls_ecp_group_load(&grp, MBEDTLS_ECP_DP_SECP256R1) == 0);
    REQUIRE(mbedtls_mpi_read_binary(&d, reinterpret_cast<const unsigned char*>(priv.data()), priv.size()) == 0);
    REQUIRE(mbedtls_ecdsa_sign_det_ext(&grp, &r, &s, &d, hash, 32, MBEDTLS_MD_SHA256, Blinding, nullptr) == 0);
    unsigned char out[64];
    mbedtls_mpi_write_binary(&r, out, 32);
    mbedtls_mpi_write_binary(&s, out + 32, 32);
    mbedtls_mpi_free(&d), mbedtls_mpi_free(&r), mbedtls_mpi_free(&s);
    mbedtls_ecp_point_free(&q);
    mbedtls_ecp_group_free(&grp);
    return std::string(reinterpret_cast<char*>(out), 64);
  }
  static TestKey From(const std::string& priv) {
    mbedtls_ecp_group grp;
    mbedtls_mpi d;
    mbedtls_ecp_point q;
    mbedtls_ecp_group_init(&grp);
    mbedtls_mpi_init(&d);
    mbedtls_ecp_point_init(&q);
    mbedtls_ecp_group_load(&grp, MBEDTLS_ECP_DP_SECP256R1);
    mbedtls_mpi_read_binary(&d, reinterpret_cast<const unsigned char*>(priv.data()), priv.size());
    REQUIRE(mbedtls_ecp_mul(&grp, &q, &d, &grp.G, Blinding, nullptr) == 0);
    unsigned char buf[65];
    size_t n = 0;
    mbedtls_ecp_point_write_binary(&grp, &q, MBEDTLS_ECP_PF_UNCOMPRESSED, &n, buf, sizeof buf);
    mbedtls_mpi_free(&d);
    mbedtls_ecp_point_free(&q);
    mbedtls_ecp_group_free(&grp);
    return {priv, std::string(reinterpret_cast<char*>(buf), n)};
  }
};

}  // namespace lw::test
