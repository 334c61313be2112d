// text_decode.h — text files users bring from Office tools: UTF-8 with or without a BOM, or GBK
// (CP936: what WPS and Excel write as "CSV" on Chinese Windows), made UTF-8.
#pragma once
#include <optional>
#include <string>

namespace lw {

// The text as UTF-8 (a UTF-8 BOM removed); GBK when it is not valid UTF-8. nullopt when it is
// neither (a byte sequence GBK does not define: a binary file, UTF-16, …).
std::optional<std::string> DecodeOfficeText(const std::string& bytes);

// UTF-8 text as GBK bytes (what Chinese Windows reads as its "ANSI"/OEM code page 936), for
// file names inside ZIP archives; nullopt when a character has no GBK code (emoji, 𠀀…).
std::optional<std::string> EncodeGbk(const std::string& utf8_text);

}  // namespace lw
