// map_view.cpp — see map_view.h.
#include "map_view.h"

#include "imgui_internal.h"
#include "item_registry.h"
#include "label_layout.h"
#include "map_features.h"
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
  marks_.clear();
  for (size_t i = 0; i < asset_.regions.size(); ++i)
    if (asset_.regions[i].level == 0)
      (asset_.regions[i].name == map::kNanhaiName ? inset_ : marks_.emplace_back()) = static_cast<int>(i);
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
    if (asset_.regions[i].parent == province && asset_.regions[i].level == 2) out.push_back(static_cast<int>(i));
  return out;
}

MapView::Fit MapView::FitTo(const ImRect& rect, const std::vector<int>& regions, bool with_inset) const {
  map::Box b;
  for (int i : regions) {
    const map::Box& r = boxes_[0][i];
    if (!r.empty()) b.Add({r.x0, r.y0}), b.Add({r.x1, r.y1});
  }
  if (with_inset)
    b.Add({boxes_[0][inset_].x0, boxes_[0][inset_].y0}), b.Add({boxes_[0][inset_].x1, boxes_[0][inset_].y1});
  Fit f;
  if (b.empty()) return f;
  const map::Viewport v = map::FitBox(b, {rect.Min.x, rect.Min.y, rect.Max.x, rect.Max.y});
  f.scale = v.scale;
  f.x0 = v.x0;
  f.y1 = v.y1;
  f.origin = ImVec2(static_cast<float>(v.ox), static_cast<float>(v.oy));
  return f;
}

bool MapView::National(const std::vector<int>& regions) const {
  return !regions.empty() && asset_.regions[regions[0]].level == 1;
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

void MapView::DrawLabels(ImDrawList* dl, const Frame& f, const Fit& fit, int lod) {
  ImFont* font = ImGui::GetFont();
  std::vector<map::LabelRequest> requests;
  std::vector<size_t> slot(asset_.regions.size(), 0);  // region → its index in f.regions (colours)
  for (size_t k = 0; k < f.regions.size(); ++k) {
    const int r = f.regions[k];
    const map::MapRegion& reg = asset_.regions[r];
    slot[r] = k;
    const ImVec2 at = fit.Apply(reg.label);
    RegisterText("地图·" + reg.name, at.x - 2, at.y - 2, at.x + 2, at.y + 2);
    if (!f.labels) continue;
    const ImVec2 size = font->CalcTextSizeA(f.label_px, FLT_MAX, 0, reg.name.c_str());
    requests.push_back({r, {at.x, at.y}, size.x, size.y, map::LabelPriority(reg)});
  }
  std::vector<map::Box> obstacles;
  const auto box = [](const ImRect& r) { return map::Box{r.Min.x, r.Min.y, r.Max.x, r.Max.y}; };
  if (inset_rect_.GetWidth() > 0) obstacles.push_back(box(inset_rect_));
  for (const ImRect& r : f.label_obstacles) obstacles.push_back(box(r));
  for (const ImRect& r : mark_rects_) obstacles.push_back(box(r));
  const auto inside = [&](int region, map::Pt p) {
    return Inside(region, lod, fit.Unapply(ImVec2(float(p.x), float(p.y))));
  };
  const auto contrast = [&](size_t k) {  // dark names on light fills, light names on dark ones
    const ImVec4 c = ImGui::ColorConvertU32ToFloat4(f.fill[k]);
    const float lum = 0.2126f * c.x + 0.7152f * c.y + 0.0722f * c.z;
    return f.label_color_on_light && lum > 0.55f ? f.label_color_on_light : f.label_color;
  };
  for (const map::PlacedLabel& p : map::PlaceLabels(requests, obstacles, box(f.rect), inside)) {
    const char* name = asset_.regions[p.id].name.c_str();
    const ImVec2 min(float(p.rect.x0), float(p.rect.y0)), max(float(p.rect.x1), float(p.rect.y1));
    ImU32 color = contrast(slot[p.id]);
    // A name larger than its region (澳门, 香港 at national scale) lies over neighbours' colours:
    // it gets the halo too, so it reads on any fill.
    const map::Box& own = boxes_[lod][p.id];
    const bool tiny = (own.x1 - own.x0) * fit.scale < (p.rect.x1 - p.rect.x0) * 0.6;
    if (tiny && !p.leader) {
      dl->AddRectFilled(min - ImVec2(2, 1), max + ImVec2(2, 1), f.label_halo, 3.0f);
      color = f.mark_color;
    }
    if (p.leader) {  // moved out over the sea or a neighbour: a line back, and the map's own colour
      const ImVec2 a(float(p.anchor.x), float(p.anchor.y));
      const ImVec2 edge(ImClamp(a.x, min.x, max.x), ImClamp(a.y, min.y, max.y));
      dl->AddLine(a, edge, f.mark_color, 1.0f);
      dl->AddCircleFilled(a, 2.0f, f.mark_color);
      dl->AddRectFilled(min - ImVec2(2, 1), max + ImVec2(2, 1), f.label_halo, 3.0f);
      color = f.mark_color;
    }
    dl->AddText(font, f.label_px, min, color, name);
  }
}

void MapView::DrawSpecks(ImDrawList* dl, const Frame& f, const Fit& fit) {
  const float min_px = std::max(2.5f, f.border_px * 2.0f);
  for (size_t k = 0; k < f.regions.size(); ++k) {
    const map::Box& b = boxes_[0][f.regions[k]];
    const ImVec2 a = fit.Apply({b.x0, b.y1}), z = fit.Apply({b.x1, b.y0});
    if (z.x - a.x >= 2 * min_px && z.y - a.y >= 2 * min_px) continue;
    const ImVec2 c = (a + z) * 0.5f;
    dl->AddCircleFilled(c, min_px, f.fill[k]);
    dl->AddCircle(c, min_px, f.mark_color, 0, 1.0f);
  }
}

void MapView::DrawMarks(ImDrawList* dl, const Frame& f, const Fit& fit, bool with_inset) {
  const float min_px = std::max(2.0f, f.border_px * 1.5f);
  for (int m : marks_) {
    const map::Box& b = boxes_[0][m];
    const ImVec2 a = fit.Apply({b.x0, b.y1}), z = fit.Apply({b.x1, b.y0});
    const ImVec2 c = (a + z) * 0.5f;
    // Islands get at least min_px each way, the dash a hairline: a 4 km island or an 8 km-wide
    // dash is never lost, and the dash never reads as a bar beside 台湾's name.
    const bool island = asset_.regions[m].parent >= 0;
    const float min_w = island ? min_px : std::max(0.75f, f.border_px * 0.75f);
    const ImVec2 half(std::max(min_w, (z.x - a.x) / 2), std::max(min_px, (z.y - a.y) / 2));
    dl->AddRectFilled(c - half, c + half, f.mark_color, island ? min_px : 0);
    mark_rects_.emplace_back(c - half - ImVec2(min_px, min_px), c + half + ImVec2(min_px, min_px));
    RegisterText("地图·" + asset_.regions[m].name, c.x - half.x, c.y - half.y, c.x + half.x, c.y + half.y);
  }
  if (!with_inset) return;
  const map::Box& b = boxes_[0][inset_];
  const ImVec2 a = fit.Apply({b.x0, b.y1}), z = fit.Apply({b.x1, b.y0});
  const float px = std::max(9.0f, std::min(f.label_px * 0.8f, (z.x - a.x) / 5));
  ImFont* font = ImGui::GetFont();
  const ImVec2 size = font->CalcTextSizeA(px, FLT_MAX, 0, map::kNanhaiName);
  const ImVec2 at(a.x + (z.x - a.x - size.x) / 2, z.y - size.y - (z.y - a.y) * 0.04f);
  dl->AddText(font, px, at, f.mark_color, map::kNanhaiName);
  RegisterText(std::string("地图·") + map::kNanhaiName, a.x, a.y, z.x, z.y);
}

ImVec2 MapView::LabelPos(int region) const { return last_fit_.Apply(asset_.regions[region].label); }

int MapView::Draw(ImDrawList* dl, const Frame& f) {
  std::vector<int> regions = f.regions;
  const bool with_inset = f.show_inset && inset_ >= 0 && National(regions);
  const Fit fit = FitTo(f.rect, regions, with_inset);
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
  DrawSpecks(dl, f, fit);
  inset_rect_ = ImRect();
  if (with_inset) {
    const map::Box& b = boxes_[0][inset_];
    inset_rect_ = ImRect(fit.Apply({b.x0, b.y1}), fit.Apply({b.x1, b.y0}));
    fill(inset_, f.mark_color);  // solid dashes and frame, as printed maps draw them
  }
  mark_rects_.clear();
  if (National(regions)) DrawMarks(dl, f, fit, with_inset);
  if (f.highlight >= 0) outline(f.highlight, f.highlight_color, std::max(2.5f, f.border_px * 2.5f));
  DrawLabels(dl, f, fit, lod);
  dl->PopClipRect();
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  if (!f.rect.Contains(mouse) || !ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows)) return -1;
  return HitTest(fit, lod, regions, mouse);
}

}  // namespace lw::ui
