// fonts.cpp — see fonts.h. Missing glyphs are detected by wrapping Dear ImGui 1.92's stb_truetype
// loader: when the last source of a font cannot provide a code point, it is recorded here.
#include "fonts.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "imgui.h"
#include "imgui_internal.h"
#include "platform.h"
#include "text_file.h"

namespace lw::ui {
namespace {

ImFontLoader g_loader;
bool (*g_stb_load_glyph)(ImFontAtlas*, ImFontConfig*, ImFontBaked*, void*, ImWchar, ImFontGlyph*, float*) = nullptr;
std::set<char32_t> g_missing;

bool LoadGlyphRecordingMisses(ImFontAtlas* atlas, ImFontConfig* src, ImFontBaked* baked, void* data, ImWchar cp,
                              ImFontGlyph* out_glyph, float* out_advance) {
  if (g_stb_load_glyph(atlas, src, baked, data, cp, out_glyph, out_advance)) return true;
  if (cp >= 0x80 && src->DstFont && src == src->DstFont->Sources.back()) g_missing.insert(cp);
  return false;
}

}  // namespace

bool FontManager::Init(const std::string& asset_dir) {
  ImGuiIO& io = ImGui::GetIO();
  g_loader = *ImFontAtlasGetFontLoaderForStbTruetype();
  g_stb_load_glyph = g_loader.FontBakedLoadGlyph;
  g_loader.FontBakedLoadGlyph = LoadGlyphRecordingMisses;
  io.Fonts->SetFontLoader(&g_loader);

  const std::string base = ReadTextFile(asset_dir + "/fonts/base.otf");
  if (base.empty()) return false;
  ImFontConfig cfg;
  cfg.FontDataOwnedByAtlas = false;  // AddFont copies it
  snprintf(cfg.Name, sizeof cfg.Name, "Noto Sans CJK SC");
  font_ =
      io.Fonts->AddFontFromMemoryTTF(const_cast<char*>(base.data()), static_cast<int>(base.size()), kBaseSize, &cfg);
  if (!font_) return false;

  const auto index = nlohmann::json::parse(ReadTextFile(asset_dir + "/fonts/shards.json"), nullptr, false);
  if (index.is_array())
    for (const auto& s : index) shards_.push_back({s.value("file", ""), s.value("first", 0u), s.value("last", 0u)});
  return true;
}

const FontManager::Shard* FontManager::ShardFor(char32_t cp) const {
  auto it = std::lower_bound(shards_.begin(), shards_.end(), cp, [](const Shard& s, char32_t c) { return s.last < c; });
  return it != shards_.end() && it->first <= cp ? &*it : nullptr;
}

void FontManager::Update() {
  for (char32_t cp : g_missing) {
    const Shard* s = ShardFor(cp);
    if (!s || loaded_.count(s->file) || in_flight_.count(s->file) || failed_.count(s->file)) continue;
    in_flight_.insert(s->file);
    platform::FetchFontShard(s->file);
  }
  g_missing.clear();
}

void FontManager::OnShard(const std::string& file, const std::string& bytes, bool ok) {
  in_flight_.erase(file);
  if (!ok || bytes.empty()) {
    failed_.insert(file);  // offline before it was ever cached: draw '?' rather than retry forever
    return;
  }
  ImFontConfig cfg;
  cfg.MergeMode = true;
  cfg.FontDataOwnedByAtlas = false;
  snprintf(cfg.Name, sizeof cfg.Name, "%s", file.c_str());
  ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  if (atlas->AddFontFromMemoryTTF(const_cast<char*>(bytes.data()), static_cast<int>(bytes.size()), kBaseSize, &cfg)) {
    loaded_.insert(file);
    // Glyphs looked up before the shard arrived are cached as "not found": forget them.
    ImFontAtlasFontDiscardBakes(atlas, font_, 0);
  } else {
    failed_.insert(file);
  }
}

}  // namespace lw::ui
