// signature.h — signed bundles. A device signs a bundle's canonical bytes (WriteBundle's output)
// with its ECDSA P-256 key (WebCrypto in the browser); the signature is appended as the last
// top-level member, "signature" (the last key in sorted order, so the file stays canonical JSON):
//   {…,"records":[…],"signature":{"algorithm":"ECDSA-P256-SHA256","publicKey":"<base64 of the
//   65-byte uncompressed point>","value":"<base64 of r‖s, 64 bytes>"}}\n
// The signed message is the file without that member: everything before `,"signature":` plus
// "}\n". Verification is here in C++ (Mbed TLS), so native tests cover it with known vectors.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace lw {

constexpr const char* kSignatureAlgorithm = "ECDSA-P256-SHA256";

// ECDSA P-256 over SHA-256(message): public_key is the 65-byte uncompressed point (0x04‖x‖y),
// signature the 64-byte r‖s that WebCrypto produces.
bool VerifyP256(std::string_view public_key, std::string_view message, std::string_view signature);

// What the reader learns about a file's signature.
struct SignatureCheck {
  bool present = false;    // the file carries a "signature" member
  bool valid = false;      // ...and it verifies over the rest of the file
  std::string public_key;  // raw 65 bytes (when present and well-formed)
  std::string error;       // Chinese, when present but not valid
};
// `signature` is the parsed top-level member (null when absent), `bytes` the whole file.
SignatureCheck CheckSignature(const std::string& bytes, const nlohmann::json& signature);

// The member to append for a signature (compact, keys sorted), and the signed file.
std::string SignatureMember(std::string_view public_key, std::string_view signature);
std::string AppendSignature(const std::string& canonical, std::string_view public_key, std::string_view signature);

// "3F2A-9C01-77BE-42D8": the first 64 bits of SHA-256 of the raw public key, for people to compare.
std::string KeyFingerprint(std::string_view public_key);

}  // namespace lw
