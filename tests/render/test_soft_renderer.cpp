// test_soft_renderer.cpp — the CPU renderer on hand-made draw lists: which pixels a shape covers
// (pixel centres, as GL), blending, clipping, textures, the tie rule on shared edges, large
// meshes, and the damage tiles (an unchanged frame draws nothing; a partial redraw equals a
// whole one).
#include <catch2/catch.hpp>
#include <memory>
#include <vector>

#include "imgui.h"
#include "imgui_internal.h"
#include "soft_renderer.h"

using lw::render::SoftRenderer;

namespace {

constexpr uint32_t kBg = 0xFF202020u;  // IM_COL32(0x20, 0x20, 0x20, 255)
constexpr int W = 200, H = 120;

// One ImGui context and one draw list the tests fill by hand.
struct Scene {
  Scene() {
    ctx = ImGui::CreateContext();
    list = std::make_unique<ImDrawList>(ImGui::GetDrawListSharedData());
    Reset();
  }
  ~Scene() {
    list.reset();
    ImGui::DestroyContext(ctx);
  }
  void Reset(ImTextureID tex = ImTextureID_Invalid) {
    list->_ResetForNewFrame();
    list->PushClipRect(ImVec2(0, 0), ImVec2(W, H));
    list->PushTexture(ImTextureRef(tex));
  }
  void Rect(ImVec2 a, ImVec2 c, ImU32 col, ImVec2 uv_a = ImVec2(0, 0), ImVec2 uv_c = ImVec2(0, 0)) {
    list->PrimReserve(6, 4);
    list->PrimRectUV(a, c, uv_a, uv_c, col);
  }
  void Triangle(ImVec2 a, ImVec2 b, ImVec2 c, ImU32 col) {
    list->PrimReserve(3, 3);
    const ImDrawIdx i = static_cast<ImDrawIdx>(list->_VtxCurrentIdx);
    list->PrimWriteVtx(a, ImVec2(0, 0), col);
    list->PrimWriteVtx(b, ImVec2(0, 0), col);
    list->PrimWriteVtx(c, ImVec2(0, 0), col);
    list->PrimWriteIdx(i);
    list->PrimWriteIdx(static_cast<ImDrawIdx>(i + 1));
    list->PrimWriteIdx(static_cast<ImDrawIdx>(i + 2));
  }
  ImDrawData* Data() {
    data = ImDrawData();
    data.Valid = true;
    data.DisplayPos = ImVec2(0, 0);
    data.DisplaySize = ImVec2(W, H);
    data.FramebufferScale = ImVec2(1, 1);
    data.CmdLists.push_back(list.get());
    data.CmdListsCount = 1;
    return &data;
  }
  ImGuiContext* ctx;
  std::unique_ptr<ImDrawList> list;
  ImDrawData data;
};

// What `r` drew piece by piece over several frames equals `dd` drawn whole by a fresh renderer.
bool SameAsWhole(const SoftRenderer& r, ImDrawData* dd) {
  SoftRenderer whole;
  whole.Render(dd, W, H, kBg);
  return std::equal(r.pixels(), r.pixels() + W * H, whole.pixels());
}

uint32_t At(const SoftRenderer& r, int x, int y) { return r.pixels()[y * r.width() + x]; }

int Count(const SoftRenderer& r, uint32_t color) {
  int n = 0;
  for (int i = 0; i < r.width() * r.height(); ++i) n += r.pixels()[i] == color;
  return n;
}

}  // namespace

TEST_CASE("a rectangle covers the pixels whose centres it contains", "[render]") {
  Scene s;
  SoftRenderer r;
  s.Rect(ImVec2(10.2f, 20.6f), ImVec2(30.5f, 40.0f), IM_COL32(255, 0, 0, 255));
  REQUIRE(r.Render(s.Data(), W, H, kBg));
  const uint32_t red = IM_COL32(255, 0, 0, 255);
  CHECK(At(r, 10, 30) == red);  // centre 10.5 ≥ 10.2
  CHECK(At(r, 9, 30) == kBg);
  CHECK(At(r, 29, 30) == red);  // centre 29.5 < 30.5
  CHECK(At(r, 30, 30) == kBg);  // centre 30.5 is not < 30.5
  CHECK(At(r, 20, 20) == kBg);  // centre 20.5 < 20.6
  CHECK(At(r, 20, 21) == red);
  CHECK(At(r, 20, 39) == red);
  CHECK(At(r, 20, 40) == kBg);
  CHECK(Count(r, red) == 20 * 19);
}

TEST_CASE("translucent colours blend over what is below, as SRC_ALPHA / ONE_MINUS_SRC_ALPHA", "[render]") {
  Scene s;
  SoftRenderer r;
  s.Rect(ImVec2(0, 0), ImVec2(10, 10), IM_COL32(255, 255, 255, 255));
  s.Rect(ImVec2(0, 0), ImVec2(10, 10), IM_COL32(0, 0, 0, 128));
  r.Render(s.Data(), W, H, kBg);
  const uint32_t p = At(r, 5, 5);
  CHECK((p & 0xFF) == 127);  // 255 × (1 − 128/255), rounded
  CHECK((p >> 24) == 255);   // the canvas stays opaque
}

TEST_CASE("clip rectangles cut shapes", "[render]") {
  Scene s;
  SoftRenderer r;
  s.list->PushClipRect(ImVec2(50, 50), ImVec2(60, 55));
  s.Rect(ImVec2(0, 0), ImVec2(W, H), IM_COL32(0, 255, 0, 255));
  r.Render(s.Data(), W, H, kBg);
  CHECK(Count(r, IM_COL32(0, 255, 0, 255)) == 10 * 5);
  CHECK(At(r, 50, 50) == IM_COL32(0, 255, 0, 255));
  CHECK(At(r, 60, 50) == kBg);
}

TEST_CASE("a texture mapped one texel per pixel is copied exactly; colours modulate", "[render]") {
  Scene s;
  SoftRenderer r;
  std::vector<uint32_t> texels(8 * 8);
  for (int i = 0; i < 64; ++i) texels[i] = IM_COL32(i * 4, 255 - i * 4, i % 2 ? 255 : 0, 255);
  const ImTextureID tex = r.CreateTexture(reinterpret_cast<const unsigned char*>(texels.data()), 8, 8);
  s.Reset(tex);
  s.Rect(ImVec2(100, 50), ImVec2(108, 58), IM_COL32(255, 255, 255, 255), ImVec2(0, 0), ImVec2(1, 1));
  s.Rect(ImVec2(120, 50), ImVec2(128, 58), IM_COL32(255, 0, 255, 255), ImVec2(0, 0), ImVec2(1, 1));
  r.Render(s.Data(), W, H, kBg);
  for (int y = 0; y < 8; ++y)
    for (int x = 0; x < 8; ++x) CHECK(At(r, 100 + x, 50 + y) == texels[y * 8 + x]);
  CHECK(At(r, 123, 52) == (texels[2 * 8 + 3] & 0xFFFF00FFu));  // green × 0 = 0
}

TEST_CASE("two triangles sharing an edge paint each pixel on it once", "[render]") {
  Scene s;
  SoftRenderer r;
  const ImU32 half = IM_COL32(255, 255, 255, 128);
  // A square split along its diagonal, which passes through pixel centres.
  s.Triangle(ImVec2(0, 0), ImVec2(40, 0), ImVec2(40, 40), half);
  s.Triangle(ImVec2(0, 0), ImVec2(40, 40), ImVec2(0, 40), half);
  r.Render(s.Data(), W, H, kBg);
  const uint32_t once = At(r, 30, 10);
  CHECK(once != kBg);
  for (int i = 0; i < 40; ++i) CHECK(At(r, i, i) == once);  // on the diagonal: blended once, not twice
  CHECK(At(r, 40, 10) == kBg);
}

TEST_CASE("meshes over 65,536 vertices (VtxOffset) draw completely", "[render]") {
  Scene s;
  SoftRenderer r;
  s.list->Flags |= ImDrawListFlags_AllowVtxOffset;  // what ImGui sets for a RendererHasVtxOffset backend
  for (int i = 0; i < W * H; ++i) {                 // 96,000 vertices: ImGui splits the command
    const float x = static_cast<float>(i % W), y = static_cast<float>((i / W) % H);
    s.Rect(ImVec2(x, y), ImVec2(x + 1, y + 1), IM_COL32(0, 0, 255, 255));
  }
  REQUIRE(s.list->CmdBuffer.Size >= 2);
  r.Render(s.Data(), W, H, kBg);
  CHECK(Count(r, IM_COL32(0, 0, 255, 255)) == W * H);
}

TEST_CASE("damage: an unchanged frame draws nothing, a change redraws its tiles only", "[render]") {
  Scene s;
  SoftRenderer r;
  const auto draw = [&](ImU32 button) {
    s.Reset();
    s.Rect(ImVec2(0, 0), ImVec2(W, H), IM_COL32(240, 240, 240, 255));  // a page background
    s.Rect(ImVec2(10, 10), ImVec2(50, 30), button);
    s.Triangle(ImVec2(100, 100), ImVec2(190, 20), ImVec2(150, 110), IM_COL32(10, 120, 200, 200));
    return s.Data();
  };
  REQUIRE(r.Render(draw(IM_COL32(200, 0, 0, 255)), W, H, kBg));
  CHECK(r.damage().dirty_pixels() == W * H);
  CHECK_FALSE(r.Render(draw(IM_COL32(200, 0, 0, 255)), W, H, kBg));
  REQUIRE(r.Render(draw(IM_COL32(0, 150, 0, 255)), W, H, kBg));
  CHECK(r.damage().dirty_pixels() == 64 * 32);  // the button's two 32-pixel tiles
  CHECK(SameAsWhole(r, draw(IM_COL32(0, 150, 0, 255))));
}

TEST_CASE("a large list redrawn through its tile bins equals a whole redraw", "[render]") {
  Scene s;
  SoftRenderer r;
  const auto draw = [&](ImU32 marker) {
    s.Reset();
    s.list->Flags |= ImDrawListFlags_AllowVtxOffset;
    for (int i = 0; i < 6000; ++i) {  // overlapping translucent triangles and quads, like a map with outlines
      const float x = static_cast<float>((i * 37) % W), y = static_cast<float>((i * 53) % H);
      if (i % 3)
        s.Triangle(ImVec2(x, y), ImVec2(x + 9.5f, y + 2.25f), ImVec2(x + 3.75f, y + 8),
                   IM_COL32(i % 255, 80, 160, 140));
      else
        s.Rect(ImVec2(x, y), ImVec2(x + 5, y + 5), IM_COL32(30, i % 255, 90, 200));
    }
    s.Rect(ImVec2(150, 90), ImVec2(170, 100), marker);  // the one thing that changes
    return s.Data();
  };
  r.Render(draw(IM_COL32(255, 0, 0, 255)), W, H, kBg);
  REQUIRE(r.Render(draw(IM_COL32(0, 0, 255, 180)), W, H, kBg));
  CHECK(r.damage().dirty_pixels() < W * H / 4);  // few tiles: the binned path
  CHECK(SameAsWhole(r, draw(IM_COL32(0, 0, 255, 180))));
}

TEST_CASE("a tooltip moving over an unchanged base layer redraws from the kept base", "[render]") {
  Scene s;
  SoftRenderer r;
  ImDrawList tooltip(ImGui::GetDrawListSharedData());
  const auto draw = [&](float x) {
    s.Reset();
    for (int i = 0; i < 300; ++i) {  // the base: the largest list (a map)
      const float px = static_cast<float>((i * 37) % W), py = static_cast<float>((i * 53) % H);
      s.Triangle(ImVec2(px, py), ImVec2(px + 19.5f, py + 4.25f), ImVec2(px + 7.75f, py + 16),
                 IM_COL32(i % 255, 80, 160, 200));
    }
    tooltip._ResetForNewFrame();
    tooltip.PushClipRect(ImVec2(0, 0), ImVec2(W, H));
    tooltip.PushTexture(ImTextureRef());
    tooltip.PrimReserve(6, 4);
    tooltip.PrimRectUV(ImVec2(x, 40), ImVec2(x + 30, 60), ImVec2(0, 0), ImVec2(0, 0), IM_COL32(255, 255, 225, 230));
    ImDrawData* dd = s.Data();
    dd->CmdLists.push_back(&tooltip);
    dd->CmdListsCount = 2;
    return dd;
  };
  r.Render(draw(10), W, H, kBg);
  REQUIRE(r.Render(draw(100), W, H, kBg));
  CHECK(r.damage().split() == 1);
  CHECK(r.damage().base_dirty_pixels() == 0);  // the base was not drawn again
  CHECK(r.damage().dirty_pixels() > 0);
  CHECK(r.damage().DirtyBounds(true).Empty());
  const lw::render::PixelRect box = r.damage().DirtyBounds(false);  // old and new place: tiles 0..4 × row 1
  CHECK((box.x0 == 0 && box.y0 == 32 && box.x1 == 160 && box.y1 == 64));
  CHECK(SameAsWhole(r, draw(100)));
}
