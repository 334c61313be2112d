// map_view.cpp — see map_view.h.
#include "map_view.h"

#include "imgui_internal.h"
#include "item_registry.h"
#include "platform.h"

namespace lw::ui {

bool MapView::Load(const std::string& bytes) {
  const double t0 = platform::NowMs();
  if (!asset_.Read(bytes)) return false;
  for (int lod = 0; lod < map::kLods; ++lod) {
    meshes_[lod].clear();
    boxes_[lod].clear();
    for (const map::MapRegion& r : asset_.regions) {
      meshes_[lod].push_back(map::BuildMesh(r.shapes[lod]));
      map::Box b;
      for (map::Pt p : meshes_[lod].back().points) b.Add(p);
      boxes_[lod].push_back(b);
    }
  }
  for (size_t i = 0; i < asset_.regions.size(); ++i)
    if (asset_.regions[i].level == 0) inset_ = static_cast<int>(i);
  load_ms_ = platform::NowMs() - t0;
  return true;
}

std::vector<int> MapView::Provinces() const {
  std::vector<int> out;
  for (size_t i = 0; i < asset_.regions.size(); ++i)
    if (asset_.regions[i].level == 1) out.push_back(static_cast<int>(i));
  return out;
}

std::vector<int> MapView::Prefectures() const {
  std::vector<int> out;
  for (size_t i = 0; i < asset_.regions.size(); ++i)
    if (asset_.regions[i].level == 2) out.push_back(static_cast<int>(i));
  return out;
}

std::vector<int> MapView::ChildrenOf(int province) const {
  std::vector<int> out;
  for (size_t i = 0; i < asset_.regions.size(); ++i)
    if (asset_.regions[i].parent == province) out.push_back(static_cast<int>(i));
  return out;
}

MapView::Fit MapView::FitTo(const ImRect& rect, const std::vector<int>& regions) const {
  map::Box b;
  for (int i : regions) {
    const map::Box& r = boxes_[0][i];
    if (!r.empty()) b.Add({r.x0, r.y0}), b.Add({r.x1, r.y1});
  }
  Fit f;
  if (b.empty()) return f;
  const float margin = 0.04f;
  const double w = rect.GetWidth() * (1 - 2 * margin), h = rect.GetHeight() * (1 - 2 * margin);
  f.scale = std::min(w / (b.x1 - b.x0), h / (b.y1 - b.y0));
  f.x0 = b.x0;
  f.y1 = b.y1;
  f.origin = ImVec2(rect.Min.x + static_cast<float>((rect.GetWidth() - (b.x1 - b.x0) * f.scale) / 2),
                    rect.Min.y + static_cast<float>((rect.GetHeight() - (b.y1 - b.y0) * f.scale) / 2));
  return f;
}

bool MapView::Inside(int region, int lod, map::Pt p) const {
  const map::Box& b = boxes_[lod][region];
  if (p.x < b.x0 || p.x > b.x1 || p.y < b.y0 || p.y > b.y1) return false;  // cheap reject first
  for (const map::Polygon& poly : asset_.regions[region].shapes[lod])
    if (map::PointInPolygon(poly, p)) return true;
  return false;
}

int MapView::HitTest(const Fit& fit, int lod, const std::vector<int>& regions, ImVec2 mouse) const {
  const map::Pt p = fit.Unapply(mouse);
  for (int i : regions)
    if (Inside(i, lod, p)) return i;
  return -1;
}

ImVec2 MapView::PlaceLabel(int region, int lod, const Fit& fit, ImVec2 at, ImVec2 size, const std::vector<ImRect>& placed) const {
  const auto free = [&](ImVec2 c) {
    const ImRect r(c - size * 0.5f, c + size * 0.5f);
    for (const ImRect& q : placed)
      if (r.Overlaps(q)) return false;
    return true;
  };
  if (free(at)) return at;
  const float dy = size.y * 1.1f, dx = size.x * 0.6f;
  const ImVec2 tries[] = {{0, dy}, {0, -dy}, {dx, 0}, {-dx, 0}, {dx, dy}, {-dx, dy}, {dx, -dy}, {-dx, -dy}, {0, 2 * dy}, {0, -2 * dy}};
  for (ImVec2 d : tries) {
    const ImVec2 c = at + d;
    if (free(c) && Inside(region, lod, fit.Unapply(c))) return c;
  }
  return at;
}

ImVec2 MapView::LabelPos(int region) const { return last_fit_.Apply(asset_.regions[region].label); }

int MapView::Draw(ImDrawList* dl, const Frame& f) {
  std::vector<int> regions = f.regions;
  const Fit fit = FitTo(f.rect, regions);
  last_fit_ = fit;
  // Coarse outlines while a kilometre is under about a pixel; fine ones when zoomed in.
  const int lod = fit.scale > 0.9 ? 1 : 0;
  const ImVec2 uv = dl->_Data->TexUvWhitePixel;
  dl->PushClipRect(f.rect.Min, f.rect.Max, true);
  const auto fill = [&](int region, ImU32 color) {
    const map::Mesh& m = meshes_[lod][region];
    if (m.triangles.empty()) return;
    dl->PrimReserve(static_cast<int>(m.triangles.size()), static_cast<int>(m.points.size()));
    const ImDrawIdx base = static_cast<ImDrawIdx>(dl->_VtxCurrentIdx);
    for (map::Pt p : m.points) dl->PrimWriteVtx(fit.Apply(p), uv, color);
    for (uint32_t i : m.triangles) dl->PrimWriteIdx(static_cast<ImDrawIdx>(base + i));
  };
  const auto outline = [&](int region, ImU32 color, float px) {
    const map::Mesh& m = meshes_[lod][region];
    for (auto [first, count] : m.rings) {
      scratch_.resize(count);
      for (uint32_t k = 0; k < count; ++k) scratch_[k] = fit.Apply(m.points[first + k]);
      dl->AddPolyline(scratch_.data(), static_cast<int>(count), color, ImDrawFlags_Closed, px);
    }
  };
  for (size_t k = 0; k < regions.size(); ++k) fill(regions[k], f.fill[k]);
  for (int r : regions) outline(r, f.border, f.border_px);
  if (f.show_inset && inset_ >= 0 && asset_.regions[regions.empty() ? 0 : regions[0]].level == 1)
    outline(inset_, IM_COL32(120, 130, 145, 255), 1.0f);
  if (f.highlight >= 0) outline(f.highlight, f.highlight_color, std::max(2.5f, f.border_px * 2.5f));
  // Names: registered as items so they can be found (tests, screen readers) and hovered.
  ImFont* font = ImGui::GetFont();
  const auto contrast = [&](size_t k) {  // dark names on light fills, light names on dark ones
    const ImVec4 c = ImGui::ColorConvertU32ToFloat4(f.fill[k]);
    const float lum = 0.2126f * c.x + 0.7152f * c.y + 0.0722f * c.z;
    return f.label_color_on_light && lum > 0.55f ? f.label_color_on_light : f.label_color;
  };
  std::vector<ImRect> placed;
  for (size_t k = 0; k < regions.size(); ++k) {
    const int r = regions[k];
    const map::MapRegion& reg = asset_.regions[r];
    ImVec2 at = fit.Apply(reg.label);
    const ImVec2 size = font->CalcTextSizeA(f.label_px, FLT_MAX, 0, reg.name.c_str());
    const map::Box& b = boxes_[lod][r];
    const bool room = (b.x1 - b.x0) * fit.scale > size.x * 0.8;  // no label on specks
    if (f.labels && room) {
      at = PlaceLabel(r, lod, fit, at, size, placed);
      placed.emplace_back(at - size * 0.5f, at + size * 0.5f);
      dl->AddText(font, f.label_px, at - size * 0.5f, contrast(k), reg.name.c_str());
    }
    RegisterText("地图·" + reg.name, at.x - 2, at.y - 2, at.x + 2, at.y + 2);
  }
  dl->PopClipRect();
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  if (!f.rect.Contains(mouse) || !ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows)) return -1;
  return HitTest(fit, lod, regions, mouse);
}

}  // namespace lw::ui
