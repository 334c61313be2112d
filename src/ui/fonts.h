// fonts.h — the CJK font: a GB2312 subset loads before the first frame; rarer characters
// (张喆、王堃、李玥, Extension A/B) come from shards fetched the first time one is drawn.
#pragma once
#include <set>
#include <string>
#include <vector>

struct ImFont;

namespace lw::ui {

class FontManager {
 public:
  static constexpr float kBaseSize = 18.0f;  // px at 100 % text size

  // Loads the base font and the shard index. Must run before the first NewFrame.
  bool Init(const std::string& asset_dir);
  // Before each NewFrame: asks the host for shards holding glyphs that were missing last frame.
  void Update();
  void OnShard(const std::string& file, const std::string& bytes, bool ok);

  bool loading() const { return !in_flight_.empty(); }
  const std::set<std::string>& loaded_shards() const { return loaded_; }
  ImFont* font() const { return font_; }

 private:
  struct Shard {
    std::string file;
    char32_t first, last;
  };
  const Shard* ShardFor(char32_t cp) const;

  ImFont* font_ = nullptr;
  std::vector<Shard> shards_;
  std::set<std::string> in_flight_, loaded_, failed_;
};

}  // namespace lw::ui
