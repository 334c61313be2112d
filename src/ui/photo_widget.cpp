// photo_widget.cpp — see photo_widget.h.
#include "photo_widget.h"

#include "bundle.h"
#include "file_size.h"
#include "imgui.h"
#include "item_registry.h"
#include "layout.h"
#include "platform.h"
#include "text_widgets.h"
#include "theme.h"

namespace lw::ui {

using nlohmann::json;

namespace {
constexpr int kThumbPx = 320;

std::string Stem(const std::string& file_name) {
  const auto dot = file_name.rfind('.');
  return dot == std::string::npos ? file_name : file_name.substr(0, dot);
}
}  // namespace

std::string SniffImageMime(const std::string& b) {
  if (b.size() >= 3 && b.compare(0, 3, "\xFF\xD8\xFF") == 0) return "image/jpeg";
  if (b.size() >= 8 && b.compare(0, 8, "\x89PNG\r\n\x1A\n") == 0) return "image/png";
  if (b.size() >= 12 && b.compare(0, 4, "RIFF") == 0 && b.compare(8, 4, "WEBP") == 0) return "image/webp";
  if (b.size() >= 6 && (b.compare(0, 6, "GIF87a") == 0 || b.compare(0, 6, "GIF89a") == 0)) return "image/gif";
  return {};
}

const PhotoCache::Thumb& PhotoCache::Get(Workspace& ws, const std::string& sha) {
  Thumb& t = thumbs_[sha];
  if (!t.requested) {
    t.requested = true;
    std::string bytes;
    if (ws.ReadPhoto(sha, bytes))
      platform::DecodeImage(sha, bytes, kThumbPx);
    else
      t.failed = true;
  }
  return t;
}

void PhotoCache::OnDecoded(const std::string& sha, const std::string& rgba, int w, int h, bool ok) {
  Thumb& t = thumbs_[sha];
  t.requested = true;
  t.texture = ok ? platform::CreateTexture(rgba, w, h) : 0;
  t.failed = t.texture == 0;
  t.width = w;
  t.height = h;
}

std::string AddPhotos(AppContext& app, const std::string& uuid, const std::string& field_id,
                      const std::vector<OpenedFile>& files) {
  Record* r = app.ws.FindRecord(uuid);
  const FormDef* form = r ? app.forms.Find(r->form) : nullptr;
  const FieldDef* f = form ? form->Find(field_id) : nullptr;
  if (!f) return "找不到要添加照片的表格";
  json& list = r->values[field_id];
  if (!list.is_array()) list = json::array();
  int added = 0, rejected = 0, full = 0;
  for (const auto& [name, bytes, sha256] : files) {
    const std::string mime = SniffImageMime(bytes);
    if (mime.empty() || bytes.size() > kMaxPhotoBytes) {
      ++rejected;
      continue;
    }
    if (static_cast<int>(list.size()) >= f->max_rows) {
      ++full;
      continue;
    }
    const std::string sha = app.ws.AddPhoto(bytes);
    if (sha.empty()) return "照片无法保存：" + app.ws.last_error();
    list.push_back({{"sha256", sha}, {"name", name}, {"mime", mime}, {"size", bytes.size()}, {"caption", Stem(name)}});
    ++added;
  }
  app.Edited(uuid);
  std::string msg = "已添加 " + std::to_string(added) + " 张照片";
  if (rejected) msg += "，" + std::to_string(rejected) + " 个文件不是图片或超过 20 MB";
  if (full) msg += "，已达上限 " + std::to_string(f->max_rows) + " 张";
  return msg;
}

bool PhotosInput(const FieldDef& f, json& value, const FieldEnv& env, AppContext& app, PhotoCache& cache,
                 const std::string& uuid) {
  json list = value.is_array() ? value : json::array();
  bool changed = false;
  const float thumb = Em() * 9;
  int remove = -1, swap_a = -1;
  for (int i = 0; i < static_cast<int>(list.size()); ++i) {
    ImGui::PushID(i);
    json& p = list[i];
    const PhotoCache::Thumb& t = cache.Get(app.ws, p.value("sha256", ""));
    const ImVec2 at = ImGui::GetCursorScreenPos();
    if (t.texture) {
      const float k = std::min(thumb / t.width, thumb / t.height);
      const ImVec2 size(t.width * k, t.height * k);
      ImGui::SetCursorScreenPos(at + (ImVec2(thumb, thumb) - size) * 0.5f);
      ImGui::Image(ImTextureRef(static_cast<ImTextureID>(t.texture)), size);
      ImGui::SetCursorScreenPos(at);
    }
    ImGui::GetWindowDrawList()->AddRect(at, at + ImVec2(thumb, thumb), U32(Colors().border), 4);
    if (!t.texture) {
      const char* label = t.failed ? "无法预览" : "载入中…";
      ImGui::GetWindowDrawList()->AddText(at + ImVec2(Em(), thumb * 0.45f), U32(Colors().text_muted), label);
    }
    ImGui::Dummy(ImVec2(thumb, thumb));
    ImGui::SameLine();
    ImGui::BeginGroup();
    ImGui::Text("第 %d 张", i + 1);
    std::string caption = p.value("caption", "");
    FieldDef cap;
    cap.id = "caption";
    cap.label = "照片" + std::to_string(i + 1) + "说明";
    cap.hint = "一句话活动简介，如：社区老年人学习使用智能手机";
    json cv = caption.empty() ? json() : json(caption);
    FieldEnv ce = env;
    ce.width = ImGui::GetContentRegionAvail().x;
    ce.error = f.caption_max_chars > 0 && caption.empty();
    if (FieldInput(cap, cv, ce)) {
      p["caption"] = cv.is_string() ? cv.get<std::string>() : "";
      changed = true;
    }
    TextItem(p.value("name", "") + " · " + HumanSize(p.value("size", 0.0)), Colors().text_muted);
    if (!env.read_only) {
      ImGui::BeginDisabled(i == 0);
      if (TouchButton("上移")) swap_a = i - 1;
      ImGui::EndDisabled();
      ImGui::SameLine();
      ImGui::BeginDisabled(i + 1 == static_cast<int>(list.size()));
      if (TouchButton("下移")) swap_a = i;
      ImGui::EndDisabled();
      ImGui::SameLine();
      if (TouchButton("移除")) remove = i;
    }
    ImGui::EndGroup();
    ImGui::PopID();
  }
  if (swap_a >= 0) {
    std::swap(list[swap_a], list[swap_a + 1]);
    changed = true;
  }
  if (remove >= 0) {
    list.erase(list.begin() + remove);
    changed = true;
  }
  if (!env.read_only && static_cast<int>(list.size()) < f.max_rows) {
    char label[96];
    snprintf(label, sizeof label, "＋ 添加照片（%zu / %d）##%s", list.size(), f.max_rows, f.id.c_str());
    if (ImGui::Button(label)) {
      app.ChooseFiles({FileTarget::Kind::Photos, uuid, f.id}, "image/jpeg,image/png,image/webp,image/gif", true);
    }
    ImGui::SameLine();
    ImGui::TextDisabled("也可以把照片拖到此页面");
  }
  if (changed) value = list.empty() ? json() : list;
  return changed;
}

}  // namespace lw::ui
