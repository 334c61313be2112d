// image_size.h — the pixel size of a JPEG, PNG or GIF read from its header, so a document can
// place a photo at its own aspect ratio without decoding it.
#pragma once
#include <optional>
#include <string>

namespace lw {

struct PixelSize {
  int width = 0, height = 0;
};

// nullopt for anything else (WebP, a truncated or damaged file): callers leave such a photo out.
std::optional<PixelSize> ImagePixelSize(const std::string& bytes);

// "jpeg", "png", "gif" by signature (never by the name a user gave the file), "" otherwise.
std::string ImageExtension(const std::string& bytes);

}  // namespace lw
