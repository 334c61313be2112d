// app.cpp — see app.h. [SECTION] index: Init · Events · Header · Frame.
#include "app.h"

#include <fstream>
#include <sstream>

#include "imgui.h"
#include "imgui_internal.h"
#include "item_registry.h"
#include "layout.h"
#include "platform.h"
#include "screen_home.h"
#include "screen_profile.h"
#include "screen_settings.h"
#include "text_widgets.h"
#include "theme.h"

namespace lw::ui {

struct App::Impl {
  Impl() : ws(platform::DataDir()), ctx(ws, forms, regions) {}
  Workspace ws;
  FormLibrary forms;
  RegionDb regions;
  FontManager fonts;
  AppContext ctx;
  HomeScreen home;
  ProfileScreen profile;
  SettingsScreen settings;
  int applied_scale = -1;
  bool applied_dark = false;
};

App::App() : impl_(std::make_unique<Impl>()) {}
App::~App() = default;

// [SECTION] Init ---------------------------------------------------------------------------------

namespace {
std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
}  // namespace

bool App::Init() {
  Impl& m = *impl_;
  const std::string assets = platform::AssetDir();
  if (!m.fonts.Init(assets)) init_error_ = "字体文件缺失，无法显示中文。";
  m.forms = LoadFormLibrary(assets + "/forms");
  for (const std::string& e : m.forms.errors) fprintf(stderr, "[forms] %s\n", e.c_str());
  if (!m.regions.LoadJson(ReadAll(assets + "/regions.json"))) fprintf(stderr, "[regions] 行政区划数据无法读取\n");
  m.ws.Load();
  m.ws.on_written = [] { platform::PersistData(); };
  platform::SetFlushHandler([this] { FlushNow(false); });
  platform::SetSelectionProvider([] { return ActiveSelection(); });
  InstallItemRegistry(ImGui::GetCurrentContext());
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;                 // layout is code; nothing to remember between visits
  io.ConfigInputTextCursorBlink = false;    // a blinking caret would keep the laptop awake
  io.ConfigWindowsMoveFromTitleBarOnly = true;
  return init_error_.empty();
}

// [SECTION] Events -------------------------------------------------------------------------------

void App::BeforeFrame(double now_ms) {
  Impl& m = *impl_;
  AppContext& c = m.ctx;
  c.now_ms = now_ms;
  for (platform::Event& e : platform::TakeEvents()) {
    using K = platform::Event::Kind;
    switch (e.kind) {
      case K::FontShard: m.fonts.OnShard(e.name, e.data, e.ok); break;
      case K::DataReloaded:
        m.ws.Load();
        c.theme_dirty = true;
        break;
      case K::StorageChanged: break;  // Storage() is read when drawn
      default: break;
    }
  }
  const platform::StorageInfo info = platform::Storage();
  c.writable = info.writable;
  m.fonts.Update();
  const Settings& s = m.ws.settings;
  if (c.theme_dirty || s.text_scale != m.applied_scale || s.dark != m.applied_dark) {
    ApplyTheme(s.dark, s.text_scale);
    m.applied_scale = s.text_scale;
    m.applied_dark = s.dark;
    c.theme_dirty = false;
  }
}

void App::FlushNow(bool force) {
  Impl& m = *impl_;
  const double now = platform::NowMs();
  m.ws.Flush(now, force);
  if (auto due = m.ws.NextDeadline()) platform::ScheduleFlush(std::max(50.0, *due - now));
}

bool App::WantsAnimation() const { return impl_->ctx.now_ms < impl_->ctx.toast_until; }

std::string App::StateJson() const { return impl_->ws.StoredStateJson(); }

std::string App::LoadedFontsJson() const {
  std::string out = "[";
  for (const std::string& f : impl_->fonts.loaded_shards()) out += (out.size() > 1 ? ",\"" : "\"") + f + "\"";
  return out + "]";
}

// [SECTION] Header -------------------------------------------------------------------------------

namespace {

void SaveStatus(const AppContext& c) {
  const platform::StorageInfo info = platform::Storage();
  const char* text = "已保存到本机";
  if (!info.writable) text = "只读（另一标签页正在编辑）";
  else if (info.failed) text = "未能保存！";
  else if (c.ws.HasPending() || info.syncing) text = "正在保存…";
  const float w = ImGui::CalcTextSize(text).x;
  ImGui::SameLine(ImGui::GetWindowWidth() - w - ImGui::GetStyle().WindowPadding.x);
  ImGui::AlignTextToFramePadding();
  ImGui::TextColored(info.failed ? ImVec4(1, 0.8f, 0.8f, 1) : ImVec4(1, 1, 1, 0.85f), "%s", text);
}

void Header(AppContext& c) {
  const float h = ImGui::GetFrameHeight() + Em() * 1.2f;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 p = ImGui::GetWindowPos();
  dl->AddRectFilled(p, ImVec2(p.x + ImGui::GetWindowWidth(), p.y + h), U32(Colors().header));
  ImGui::SetCursorPos(ImVec2(ImGui::GetStyle().WindowPadding.x, Em() * 0.6f));
  ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 1.2f);
  ImGui::AlignTextToFramePadding();
  ImGui::TextColored(ImVec4(1, 1, 1, 1), "学习周填报");
  ImGui::PopFont();
  ImGui::SameLine(0, Em() * 2);
  struct Nav {
    const char* label;
    Screen screen;
  };
  static const Nav kNav[] = {{"首页", Screen::Home}, {"单位信息", Screen::Profile}, {"设置", Screen::Settings}};
  for (const Nav& n : kNav) {
    if (NavButton(n.label, c.screen == n.screen)) c.Go(n.screen);
    ImGui::SameLine();
  }
  SaveStatus(c);
  ImGui::SetCursorPosY(h + Em() * 0.5f);
}

void Banners() {
  const platform::StorageInfo info = platform::Storage();
  if (!info.writable) {
    BeginCard("readonly");
    ErrorText("LearnWeek 已在另一个标签页中打开。为避免互相覆盖，此页只能查看。");
    if (PrimaryButton("在此页继续编辑")) platform::TakeOverStorage();
    EndCard();
  }
  if (info.failed) {
    BeginCard("storage-failed");
    ErrorText(info.error);
    EndCard();
  }
}

void ToastOverlay(AppContext& c) {
  if (c.now_ms >= c.toast_until || c.toast.empty()) return;
  const ImVec2 size = ImGui::CalcTextSize(c.toast.c_str()) + ImVec2(Em() * 2, Em());
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const ImVec2 pos(vp->Pos.x + (vp->Size.x - size.x) * 0.5f, vp->Pos.y + vp->Size.y - size.y - Em() * 2);
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  dl->AddRectFilled(pos, pos + size, U32(c.toast_error ? Colors().error : ImVec4(0.12f, 0.16f, 0.22f, 0.92f)), 8);
  dl->AddText(pos + ImVec2(Em(), Em() * 0.5f), IM_COL32_WHITE, c.toast.c_str());
}

}  // namespace

// [SECTION] Frame --------------------------------------------------------------------------------

void App::Frame() {
  Impl& m = *impl_;
  AppContext& c = m.ctx;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->Pos);
  ImGui::SetNextWindowSize(vp->Size);
  const ImGuiWindowFlags root = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings |
                                ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;
  ImGui::Begin("LearnWeek", nullptr, root);
  Header(c);
  const float max_w = Em() * 56;
  const float avail = ImGui::GetContentRegionAvail().x;
  const float w = std::min(avail, max_w);
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - w) * 0.5f);
  ImGui::BeginChild("page", ImVec2(w, 0), ImGuiChildFlags_None, ImGuiWindowFlags_NoBackground);
  Banners();
  switch (c.screen) {
    case Screen::Home: m.home.Draw(c); break;
    case Screen::Profile: m.profile.Draw(c); break;
    case Screen::Settings: m.settings.Draw(c); break;
    default: m.home.Draw(c); break;
  }
  ImGui::Dummy(ImVec2(0, Em() * 2));
  ImGui::EndChild();
  ImGui::End();
  ToastOverlay(c);
}

}  // namespace lw::ui
