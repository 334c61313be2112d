// app.cpp — see app.h. [SECTION] index: Init · Events · Header · Frame.
#include "app.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <map>
#include <utility>

#include "bundle_io.h"
#include "campaign_calendar.h"
#include "campaign_catalog.h"
#include "docx.h"
#include "example_data.h"
#include "export_flow.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "item_registry.h"
#include "layout.h"
#include "map_data.h"
#include "map_view.h"
#include "past_winners_card.h"
#include "photo_widget.h"
#include "platform.h"
#include "print_html.h"
#include "raw_backup.h"
#include "screen_ceremony.h"
#include "screen_desk.h"
#include "screen_drafts.h"
#include "screen_editor.h"
#include "screen_form.h"
#include "screen_home.h"
#include "screen_map.h"
#include "screen_profile.h"
#include "screen_settings.h"
#include "silent_units.h"
#include "text_file.h"
#include "text_widgets.h"
#include "theme.h"

namespace lw::ui {

struct App::Impl {
  Impl()
      : ws(platform::DataDir()),
        imports(ws),
        ctx(ws, imports, forms, regions, campaigns),
        form(photos),
        map(map_view, map_data),
        ceremony(map_view, map_data) {}
  Workspace ws;
  ImportStore imports;
  CampaignCatalog catalog;  // shipped forms and campaigns with the installed campaign packages
  const FormLibrary& forms = catalog.forms();
  RegionDb regions;
  const CampaignLibrary& campaigns = catalog.campaigns();
  FontManager fonts;
  PhotoCache photos;
  AppContext ctx;
  HomeScreen home;
  ProfileScreen profile;
  DraftsScreen drafts;
  FormScreen form;
  DeskScreen desk;
  MapView map_view;
  MapData map_data;
  MapScreen map;
  CeremonyScreen ceremony;
  SettingsScreen settings;
  EditorScreen editor;
  // ?now=2021-09-05T09:00 (Beijing): the calendar runs from that moment instead of the device's
  // clock, so a browser test can see 首页 while a campaign is open. Seconds added to the clock.
  long long clock_shift = 0;
  bool bench_map = false;  // ?bench=map: every prefecture, full window, every frame
  int applied_scale = -1;
  bool applied_dark = false;
  bool applied_large = false;
  // Files that arrived this frame, by request (0: dropped on the page); one batch per request.
  std::map<int, std::vector<OpenedFile>> pending_files;

  void OnFiles();
  void OnDropped(std::vector<OpenedFile>& files);
  void OnChosen(const FileTarget& target, std::vector<OpenedFile>& files);
  void ExportRecord(AppContext& c, const Record& r);
  void PrintRecord(AppContext& c, const Record& r);
  void WordRecord(AppContext& c, const Record& r);
  void LoadExampleOnFirstRun();
  void InstallPackages(std::vector<OpenedFile>& files);
  // Installs a package and migrates the drafts of its changed forms.
  InstallPlan InstallPackage(const std::string& bytes);
  void OnFeed(const std::string& url, const std::string& bytes);
  void BenchFrame();
  void EnsureMap();
  bool map_tried = false;
  Screen shown_screen = Screen::Ceremony;  // differs from any first screen: the first one counts as new
  std::string shown_uuid;
};

App::App() : impl_(std::make_unique<Impl>()) {}
App::~App() = default;

// [SECTION] Init ---------------------------------------------------------------------------------

bool App::Init() {
  Impl& m = *impl_;
  const std::string assets = platform::AssetDir();
  if (!m.fonts.Init(assets)) init_error_ = "字体文件缺失，无法显示中文。";
  FormLibrary forms = LoadFormLibrary(assets + "/forms");
  for (const std::string& e : forms.errors) fprintf(stderr, "[forms] %s\n", e.c_str());
  CampaignLibrary campaigns = LoadCampaigns(assets + "/campaigns");
  for (const std::string& e : campaigns.errors) fprintf(stderr, "[campaigns] %s\n", e.c_str());
  if (!m.regions.LoadJson(ReadTextFile(assets + "/regions.json"))) fprintf(stderr, "[regions] 行政区划数据无法读取\n");
  m.ws.on_written = [] { platform::PersistData(); };
  m.ws.Load();
  for (const std::string& w : m.catalog.Load(std::move(forms), std::move(campaigns), m.ws.store()))
    m.ctx.Toast(w, true);
  m.ctx.packages = &m.catalog.packages();
  m.imports.Load();
  m.bench_map = platform::QueryParam("bench") == "map";
  if (const auto at = ParseBeijingTime(platform::QueryParam("now"))) m.clock_shift = *at - std::time(nullptr);
  if (m.bench_map) m.ctx.Go(Screen::Map);
  if (platform::Storage().writable) {
    m.LoadExampleOnFirstRun();
    if (int n = m.ws.MigrateDrafts(m.forms)) m.ctx.Toast(std::to_string(n) + " 份草稿已按新版表格自动更新");
    m.ws.CollectUnusedPhotos();
  }
  if (!m.ws.settings.feed_url.empty()) platform::SetFeed(m.ws.settings.feed_url);
  m.map.on_ceremony = [this](double now) { impl_->ceremony.Enter(now); };
  m.form.on_export = [this](AppContext& c, const Record& r) { impl_->ExportRecord(c, r); };
  m.form.on_print = [this](AppContext& c, const Record& r) { impl_->PrintRecord(c, r); };
  m.form.on_word = [this](AppContext& c, const Record& r) { impl_->WordRecord(c, r); };
  m.editor.install = [this](AppContext&, const std::string& bytes) { return impl_->InstallPackage(bytes); };
  platform::SetFlushHandler([this] { FlushNow(false); });
  platform::SetSelectionProvider([] { return ActiveSelection(); });
  InstallItemRegistry(ImGui::GetCurrentContext());
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;               // layout is code; nothing to remember between visits
  io.ConfigInputTextCursorBlink = false;  // a blinking caret would keep the laptop awake
  io.ConfigWindowsMoveFromTitleBarOnly = true;
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;  // Tab, arrows, Enter/Space, Esc reach every control
  // Esc with nothing to close keeps the focus where it is: cleared, the next Tab or Enter did
  // nothing, and a screen reader was left on an element that no longer had ImGui's focus.
  io.ConfigNavEscapeClearFocusItem = false;
  return init_error_.empty();
}

// [SECTION] Events -------------------------------------------------------------------------------

void App::Impl::ExportRecord(AppContext& c, const Record& r) {
  if (!c.IssuesOf(r).empty()) {
    c.Toast("还有需要修改的地方，请先按提示改正后再导出", true);
    return;
  }
  const FormDef* f = c.EffectiveForm(r.form);
  SendBundle(c, {&r}, f ? f->short_title : r.form);
}

// The map should be alive on first run: import the example dataset once (clearly marked,
// removable). ?example=0 skips it (tests that need an empty device).
void App::Impl::LoadExampleOnFirstRun() {
  if (ws.settings.example_loaded || platform::QueryParam("example") == "0") return;
  const Campaign* c = ctx.campaign();
  const std::string begin = c ? FormatDate(c->window.begin) : "2020-10-01";
  const int days = c ? DaysBetween(c->window.begin, c->window.end) + 1 : 7;
  const Bundle b = MakeExampleBundle(regions, c ? c->id : "2020", begin, days);
  imports.Import(kExampleFile, WriteBundle(b, forms), forms);
  ws.settings.example_loaded = true;
  ws.TouchSettings(0);
  ws.Flush(0, true);
  ctx.Changed();
}

void App::Impl::OnFeed(const std::string& url, const std::string& bytes) {
  const ImportPlan p = imports.Import("实时数据源 " + url, bytes, forms, ctx.ImportValidation());
  if (!p.refused.empty()) {
    ctx.Toast("实时数据源的内容无法导入：" + p.refused, true);
    return;
  }
  ctx.feed_updated = ClockLocal();
  ctx.Changed();
  if (!p.already_imported) ctx.Toast("实时数据：" + p.Summary());
}

void App::Impl::PrintRecord(AppContext& c, const Record& r) {
  const FormDef* f = c.forms.Find(r.form);
  if (!f) return;
  const std::string html =
      PrintHtml(*f, r, c.regions, StringAt(c.ws.profile.values, "unit"), TodayLocal(), [&](const std::string& sha) {
        std::string bytes;
        c.ws.ReadPhoto(sha, bytes);
        return bytes;
      });
  platform::ShowPrintPreview(html);
}

// The same content as the print view, as a Word file the clerk can hand in or edit further.
void App::Impl::WordRecord(AppContext& c, const Record& r) {
  const FormDef* f = c.EffectiveForm(r.form);
  if (!f) return;
  const std::string unit = StringAt(c.ws.profile.values, "unit");
  const std::string docx = ToDocx(*f, r, c.regions, unit, TodayLocal(), [&](const std::string& sha) {
    std::string bytes;
    c.ws.ReadPhoto(sha, bytes);
    return bytes;
  });
  const std::string name = DocxFileName(*f, r, unit);
  platform::Download(name, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx);
  c.Toast("已导出 Word 文件：" + name);
}

void App::Impl::OnFiles() {
  for (auto& [request, files] : std::exchange(pending_files, {})) {
    if (request == 0) {
      OnDropped(files);
      continue;
    }
    const auto target = ctx.file_requests.find(request);
    if (target == ctx.file_requests.end()) continue;  // not asked for here (another tab's chooser)
    OnChosen(target->second, files);
    ctx.file_requests.erase(target);
  }
}

// Files dropped on the page go where they land: photos onto the open form's first photo field
// with room, anything else to the import desk. A backup is restored only through its own button.
void App::Impl::OnDropped(std::vector<OpenedFile>& files) {
  AppContext& c = ctx;
  if (c.screen == Screen::Form && !SniffImageMime(files[0].bytes).empty()) {
    if (const Record* r = ws.FindDraft(c.open_uuid))
      if (const FormDef* f = forms.Find(r->form))
        for (const FieldDef* fd : f->AllFields())
          if (fd->type == FieldType::Photos) {
            c.Toast(AddPhotos(c, r->uuid, fd->id, files));
            return;
          }
  }
  if (LooksLikePackage(files[0].bytes)) return InstallPackages(files);
  ImportFiles(c, files);
}

// A campaign package opened from a file or dropped: installed after every check, its forms and
// notices join the shipped ones at once, and drafts of a changed form migrate field by field.
InstallPlan App::Impl::InstallPackage(const std::string& bytes) {
  InstallPlan plan = catalog.Install(bytes, ws.store());
  if (!plan.ok()) return plan;
  platform::PersistData();
  ctx.LibrariesChanged();
  plan.migrated_drafts = ws.MigrateDrafts(forms);
  return plan;
}

void App::Impl::InstallPackages(std::vector<OpenedFile>& files) {
  for (const auto& [name, bytes, sha256] : files) {
    const InstallPlan plan = InstallPackage(bytes);
    if (!plan.ok()) {
      ctx.Toast("“" + name + "”无法打开：" + plan.error, true);
      continue;
    }
    ctx.Toast(plan.Summary());
    if (plan.old_version) ctx.package_changes = plan.ChangeLines();
  }
  ctx.Go(Screen::Home);
}

void App::Impl::OnChosen(const FileTarget& target, std::vector<OpenedFile>& files) {
  AppContext& c = ctx;
  switch (target.kind) {
    case FileTarget::Kind::Photos:
      c.Toast(AddPhotos(c, target.uuid, target.field, files));
      return;
    case FileTarget::Kind::Import:
      ImportFiles(c, files);
      return;
    case FileTarget::Kind::ExpectedUnits:
      ImportExpectedUnits(c, files);
      return;
    case FileTarget::Kind::PastWinners:
      ImportPastWinners(c, files);
      return;
    case FileTarget::Kind::Package:
      InstallPackages(files);
      return;
    case FileTarget::Kind::FormSheet:
      for (const auto& [name, bytes, sha256] : files) editor.AddSheet(c, name, bytes);
      return;
    case FileTarget::Kind::Restore:
      for (const auto& [name, bytes, sha256] : files) {
        const BundleReadResult res = LooksLikeRawBackup(bytes)
                                         ? ReadRawBackup(bytes, forms)
                                         : ReadBundle(bytes, forms, {}, RecordValues::Documents, sha256);
        if (!res.bundle) {
          c.Toast("“" + name + "”无法读取：" + res.error, true);
          continue;
        }
        const RestoreReport rep = RestoreBackup(ws, *res.bundle);
        c.theme_dirty = true;
        c.Changed();
        c.Toast(rep.Summary(), !rep.error.empty());
      }
      return;
  }
}

void App::BeforeFrame(double now_ms) {
  Impl& m = *impl_;
  AppContext& c = m.ctx;
  c.now_ms = now_ms;
  c.wall_now = static_cast<long long>(std::time(nullptr)) + m.clock_shift;
  for (platform::Event& e : platform::TakeEvents()) {
    using K = platform::Event::Kind;
    switch (e.kind) {
      case K::FontShard:
        m.fonts.OnShard(e.name, e.data, e.ok);
        break;
      case K::ImageDecoded:
        m.photos.OnDecoded(e.name, e.data, e.width, e.height, e.ok);
        break;
      case K::TexturesLost:
        m.photos.Forget();
        break;
      case K::FileOpened:
        m.pending_files[e.request].push_back({e.name, std::move(e.data), e.digest});
        break;
      case K::FileTooLarge:
        c.Toast("“" + e.name + "”" + TooLargeMessage(e.number), true);
        break;
      case K::FetchFailed:
        c.file_requests.erase(e.request);
        c.Toast("无法从“" + e.name + "”读取：" +
                    (e.number ? "网站回答 " + std::to_string(static_cast<int>(e.number)) + "，请核对网址"
                              : std::string("连不上网络或网站，请检查网络后重试，或请上级把文件发给您")),
                true);
        break;
      case K::FeedBundle:
        m.OnFeed(e.name, e.data);
        break;
      case K::SigningKey:
        c.signing_key = std::move(e.data);
        break;
      case K::FullscreenExit:
        if (c.screen == Screen::Ceremony) c.Go(Screen::Map);
        break;
      case K::DataReloaded:
        m.ws.Load();
        m.catalog.Reload(m.ws.store());
        c.LibrariesChanged();
        m.imports.Load();
        c.theme_dirty = true;
        c.Changed();
        break;
      default:
        break;
    }
  }
  m.OnFiles();
  c.writable = platform::Storage().writable;
  m.fonts.Update();
  const Settings& s = m.ws.settings;
  if (c.theme_dirty || s.text_scale != m.applied_scale || s.dark != m.applied_dark || s.large_mode != m.applied_large) {
    ApplyTheme(s.dark, s.text_scale, s.large_mode);
    m.applied_large = s.large_mode;
    m.applied_scale = s.text_scale;
    m.applied_dark = s.dark;
    c.theme_dirty = false;
  }
}

void App::FlushNow(bool force) {
  Impl& m = *impl_;
  const double now = platform::NowMs();
  m.ws.Flush(now, force);
  m.editor.Flush(m.ctx);
  if (auto due = m.ws.NextDeadline()) platform::ScheduleFlush(std::max(50.0, *due - now));
}

bool App::WantsAnimation() const {
  const Impl& m = *impl_;
  return m.ctx.now_ms < m.ctx.toast_until || m.map.animating() || m.ctx.screen == Screen::Ceremony || m.bench_map;
}

std::string App::StateJson() const { return impl_->ws.StoredStateJson(); }

double App::MapLoadMs() const { return impl_->map_view.load_ms(); }

std::string App::MapFiguresJson() {
  Impl& m = *impl_;
  m.EnsureMap();
  m.map_data.Update(m.ctx, "");
  nlohmann::json j = nlohmann::json::object();
  for (int r : m.map_view.Prefectures()) {
    const std::string& code = m.map_view.asset().regions[r].code;
    j[code] = m.map_data.Value(code, Measure::Participants);
  }
  return j.dump();
}

std::string App::LoadedFontsJson() const {
  std::string out = "[";
  for (const std::string& f : impl_->fonts.loaded_shards()) out += (out.size() > 1 ? ",\"" : "\"") + f + "\"";
  return out + "]";
}

// [SECTION] Header -------------------------------------------------------------------------------

namespace {

void SaveStatus(const AppContext& c, bool compact) {
  const platform::StorageInfo info = platform::Storage();
  const char* text = compact ? "已保存" : "已保存到本机";
  if (!info.writable)
    text = "只读（另一标签页正在编辑）";
  else if (info.failed)
    text = "未能保存！";
  else if (c.ws.HasPending() || info.syncing)
    text = "正在保存…";
  const float w = ImGui::CalcTextSize(text).x;
  ImGui::SameLine(ImGui::GetWindowWidth() - w - ImGui::GetStyle().WindowPadding.x);
  ImGui::AlignTextToFramePadding();
  if (Semantics* s = TextItem(text, info.failed ? ImVec4(1, 0.8f, 0.8f, 1) : ImVec4(1, 1, 1, 0.85f)))
    s->live = info.failed ? "assertive" : "polite";  // "已保存到本机" is announced, not only shown
}

// "跳到主要内容": the first Tab stop, shown only while it has the keyboard focus (as on web
// pages). It moves the focus to the screen's heading, past the navigation.
// Returns whether it is shown (it has the keyboard focus): the title beneath it then steps aside.
bool SkipLink(const ImVec2& at) {
  const char* label = "跳到主要内容";
  const ImVec2 keep = ImGui::GetCursorScreenPos();
  const ImVec2 size = ImGui::CalcTextSize(label) + ImGui::GetStyle().FramePadding * 2;
  ImGui::SetCursorScreenPos(at);
  const ImGuiID id = ImGui::GetID(label);
  const bool shown = GImGui->NavId == id && GImGui->NavCursorVisible;
  if (ImGui::InvisibleButton(label, size, ImGuiButtonFlags_EnableNav)) FocusFirstHeading();
  LabelLastItem(label);
  LastItemSemantics().role = Role::Link;
  if (shown) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(at, at + size, U32(Colors().card), ImGui::GetStyle().FrameRounding);
    dl->AddText(at + ImGui::GetStyle().FramePadding, U32(Colors().accent), label);
  }
  ImGui::SetCursorScreenPos(keep);
  return shown;
}

void Header(AppContext& c) {
  const float h = ImGui::GetFrameHeight() + Em() * 1.2f;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 p = ImGui::GetWindowPos();
  dl->AddRectFilled(p, ImVec2(p.x + ImGui::GetWindowWidth(), p.y + h), U32(Colors().header));
  ImGui::SetCursorPos(ImVec2(ImGui::GetStyle().WindowPadding.x, Em() * 0.6f));
  const bool skip_shown = SkipLink(ImGui::GetCursorScreenPos());
  ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 1.2f);
  ImGui::AlignTextToFramePadding();
  ImGui::TextColored(ImVec4(1, 1, 1, skip_shown ? 0.0f : 1.0f), "学习周填报");  // keeps its place
  ImGui::PopFont();
  ImGui::SameLine(0, Em() * 2);
  struct Nav {
    const char* label;  // "text###key": tests find a page by its key, whatever the tab says
    Screen screen;
  };
  static const Nav kNav[] = {{"首页###nav.home", Screen::Home},           {"填报###nav.drafts", Screen::Drafts},
                             {"汇总###nav.desk", Screen::Desk},           {"地图###nav.map", Screen::Map},
                             {"单位信息###nav.profile", Screen::Profile}, {"设置###nav.settings", Screen::Settings}};
  // Narrow windows (phones) get one 菜单 button instead of a row that would run off screen.
  float needed = 0;
  for (const Nav& n : kNav)
    needed += ImGui::CalcTextSize(n.label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2 + Em() * 0.6f;
  const bool compact = needed > ImGui::GetContentRegionAvail().x - Em() * 6;
  const auto is_selected = [&](const Nav& n) {
    // The form and the package editor are opened from 填报 and 首页: their tab stays lit.
    return c.screen == n.screen || (n.screen == Screen::Drafts && c.screen == Screen::Form) ||
           (n.screen == Screen::Home && c.screen == Screen::Editor);
  };
  if (compact) {
    const Nav* current = &kNav[0];
    for (const Nav& n : kNav)
      if (is_selected(n)) current = &n;
    const std::string shown(current->label, std::strstr(current->label, "###"));
    if (NavButton((shown + " · 菜单###nav.menu").c_str(), true)) ImGui::OpenPopup("nav-menu");
    MarkMenuButton("nav-menu");
    if (ImGui::BeginPopup("nav-menu")) {
      for (const Nav& n : kNav) {
        if (ImGui::Selectable(n.label, is_selected(n), 0, ImVec2(Em() * 8, Em() * 1.8f))) c.Go(n.screen);
        MarkMenuItem("页面");
      }
      ImGui::EndPopup();
    }
    ImGui::SameLine();
  } else {
    ImGuiID first = 0, last = 0;
    bool home = false, end = false;
    // A tab list is one Tab stop, its selected tab; the arrow keys, Home and End move along it.
    // ImGui tabs on from the focused item, so while another tab has the focus none is a Tab stop:
    // Tab and Shift+Tab then leave the list instead of landing on its selected tab.
    bool other_focused = false;
    for (const Nav& n : kNav) other_focused |= !is_selected(n) && ImGui::GetID(n.label) == GImGui->NavId;
    for (const Nav& n : kNav) {
      const bool selected = is_selected(n);
      ImGui::PushItemFlag(ImGuiItemFlags_NoTabStop, !selected || other_focused);
      if (NavButton(n.label, selected)) c.Go(n.screen);
      ImGui::PopItemFlag();
      last = ImGui::GetItemID();
      if (!first) first = last;
      if (ImGui::IsItemFocused()) {  // Home and End stay in the tab list (ImGui would scroll the page)
        ImGui::SetKeyOwner(ImGuiKey_Home, last);
        ImGui::SetKeyOwner(ImGuiKey_End, last);
        home = ImGui::IsKeyPressed(ImGuiKey_Home, 0, last);
        end = ImGui::IsKeyPressed(ImGuiKey_End, 0, last);
      }
      ImGui::SameLine();
    }
    if (home || end) RequestFocus(home ? first : last);
  }
  SaveStatus(c, compact);
  ImGui::SetCursorPosY(h + Em() * 0.5f);
}

void Banners(AppContext& c) {
  const platform::StorageInfo info = platform::Storage();
  if (!info.writable) {
    BeginCard("readonly");
    ErrorText("LearnWeek 已在另一个标签页中打开。为避免互相覆盖，此页只能查看，内容会随另一页自动更新。", "polite");
    if (PrimaryButton("在此页继续编辑")) platform::TakeOverStorage();
    EndCard();
  }
  if (info.failed) {
    BeginCard("storage-failed");
    ErrorText(info.error, "assertive");
    EndCard();
  }
  for (const std::string& w : c.ws.load_warnings()) ErrorText(w, "assertive");
}

// The toast's text (a live region: screen readers announce it) and its 撤销, kept on screen for as
// long as the keyboard focus rests on 撤销.
void ToastContent(AppContext& c, float wrap) {
  ImGui::PushTextWrapPos(wrap);
  if (Semantics* s = TextItem(c.toast, Colors().toast_text)) s->live = c.toast_error ? "assertive" : "polite";
  ImGui::PopTextWrapPos();
  if (c.undo_uuid.empty()) return;
  ImGui::SameLine();
  if (TouchButton("撤销")) {
    if (c.ws.Restore(c.undo_uuid)) {
      c.Changed();
      c.Go(Screen::Form, c.undo_uuid);
    }
    c.undo_uuid.clear();
    c.toast_until = 0;
  }
  LastItemSemantics().name = "撤销删除";
  if (ImGui::IsItemFocused()) c.toast_until = std::max(c.toast_until, c.now_ms + 1000);
}

bool ToastShown(const AppContext& c) { return c.now_ms < c.toast_until && !c.toast.empty(); }

// Over the ceremony screen, which has no page to hold it.
void ToastWindow(AppContext& c) {
  if (!ToastShown(c)) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x * 0.5f, vp->Pos.y + vp->Size.y - Em() * 1.5f), ImGuiCond_Always,
                          ImVec2(0.5f, 1.0f));
  ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(vp->Size.x * 0.8f, FLT_MAX));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, c.toast_error ? Colors().toast_error_bg : Colors().toast_bg);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 8.0f);
  ImGui::Begin("##toast", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav);
  ToastContent(c, vp->Size.x * 0.75f);
  ImGui::End();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
}

// On the working screens the toast is a child of the main window placed at the bottom, so Tab
// reaches its 撤销 right after the page (a window of its own would be out of the Tab order).
void ToastInPage(AppContext& c) {
  if (!ToastShown(c)) return;
  static ImVec2 size(0, 0);  // last frame's: the child sizes itself to its content
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetCursorScreenPos(
      ImVec2(vp->Pos.x + (vp->Size.x - size.x) * 0.5f, vp->Pos.y + vp->Size.y - Em() * 1.5f - size.y));
  ImGui::PushStyleColor(ImGuiCol_ChildBg, c.toast_error ? Colors().toast_error_bg : Colors().toast_bg);
  ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, 8.0f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImGui::GetStyle().WindowPadding);
  ImGui::BeginChild("toast", ImVec2(0, 0),
                    ImGuiChildFlags_AutoResizeX | ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_AlwaysAutoResize |
                        ImGuiChildFlags_AlwaysUseWindowPadding | ImGuiChildFlags_NavFlattened,
                    ImGuiWindowFlags_NoScrollbar);
  ToastContent(c, vp->Size.x * 0.75f);
  ImGui::EndChild();
  const ImVec2 now = ImGui::GetItemRectSize();
  if (now.x != size.x || now.y != size.y) {
    size = now;
    platform::RequestRedraw();  // placed with this frame's size in the next
  }
  ImGui::PopStyleVar(2);
  ImGui::PopStyleColor();
}

// Drawn over everything, around the item ImGui's keyboard navigation is on.
void KeyboardFocusRing() {
  const ImGuiContext& g = *GImGui;
  float x0, y0, x1, y1;
  if (!g.NavCursorVisible || !g.NavId || !FindItemRect(g.NavId, x0, y0, x1, y1)) return;
  DrawFocusRing(ImGui::GetForegroundDrawList(), ImVec2(x0, y0), ImVec2(x1, y1));
}

}  // namespace

// [SECTION] Frame --------------------------------------------------------------------------------

// The map is read and triangulated (about 0.1 s) when first shown, not before the first frame.
void App::Impl::EnsureMap() {
  if (std::exchange(map_tried, true)) return;
  if (!map_view.Load(ReadTextFile(platform::AssetDir() + "/map.bin"))) fprintf(stderr, "[map] 地图数据无法读取\n");
}

void App::Impl::BenchFrame() {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->Pos);
  ImGui::SetNextWindowSize(vp->Size);
  ImGui::Begin("地图基准测试", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
  const std::vector<int> all = map_view.Prefectures();
  map_data.Update(ctx, "");
  map_data.Colorize(map_view, all, Measure::Participants, false);
  MapView::Frame f;
  f.rect = ImRect(vp->Pos, vp->Pos + vp->Size);
  f.regions = all;
  f.fill = map_data.colors();
  f.labels = false;
  map_view.Draw(ImGui::GetWindowDrawList(), f);
  ImGui::End();
}

void App::BuildFrame(double now_ms, void (*backend_new_frame)()) {
  BeforeFrame(now_ms);
  backend_new_frame();
  ImGui::NewFrame();
  Frame();
  ImGui::Render();
}

void App::Frame() {
  Impl& m = *impl_;
  AppContext& c = m.ctx;
  if (m.bench_map || c.screen == Screen::Map || c.screen == Screen::Ceremony) m.EnsureMap();
  if (m.bench_map) {
    m.BenchFrame();
    return;
  }
  if (c.screen == Screen::Ceremony) {
    if (!m.ceremony.Draw(c)) {
      platform::SetFullscreen(false);
      c.Go(Screen::Map);
    }
    ToastWindow(c);
    return;
  }
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->Pos);
  ImGui::SetNextWindowSize(vp->Size);
  const ImGuiWindowFlags root = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings |
                                ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;
  ImGui::Begin("LearnWeek", nullptr, root);
  Header(c);
  const bool wide = c.screen == Screen::Form || c.screen == Screen::Desk || c.screen == Screen::Map;
  const float max_w = Em() * (c.screen == Screen::Editor ? 120
                              : wide                     ? 72
                                                         : 56);  // the editor has its preview beside it
  const float avail = ImGui::GetContentRegionAvail().x;
  const float w = std::min(avail, max_w);
  const float x0 = ImGui::GetCursorPosX() + (avail - w) * 0.5f;
  // Storage problems stay in view above the scrolling page: they matter more than any field.
  const platform::StorageInfo info = platform::Storage();
  if (!info.writable || info.failed || !c.ws.load_warnings().empty()) {
    ImGui::SetCursorPosX(x0);
    ImGui::BeginChild("banners", ImVec2(w, 0), ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_NavFlattened,
                      ImGuiWindowFlags_NoBackground);
    Banners(c);
    ImGui::EndChild();
  }
  // A new screen opens at its top with the focus on its heading, which screen readers then read.
  const bool new_screen = c.screen != m.shown_screen || c.open_uuid != m.shown_uuid;
  if (new_screen) {
    m.shown_screen = c.screen;
    m.shown_uuid = c.open_uuid;
    FocusFirstHeading();
    ImGui::SetNextWindowScroll(ImVec2(0, 0));
  }
  ImGui::SetCursorPosX(x0);
  // NavFlattened: Tab runs from the header through the page and back, in reading order.
  ImGui::BeginChild("page", ImVec2(w, 0), ImGuiChildFlags_NavFlattened, ImGuiWindowFlags_NoBackground);
  switch (c.screen) {
    case Screen::Home:
      m.home.Draw(c);
      break;
    case Screen::Profile:
      m.profile.Draw(c);
      break;
    case Screen::Drafts:
      m.drafts.Draw(c);
      break;
    case Screen::Form:
      m.form.Draw(c);
      break;
    case Screen::Desk:
      m.desk.Draw(c);
      break;
    case Screen::Map:
      m.map.Draw(c);
      break;
    case Screen::Settings:
      m.settings.Draw(c);
      break;
    case Screen::Editor:
      m.editor.Draw(c);
      break;
    default:
      m.home.Draw(c);
      break;
  }
  if (c.screen != Screen::Map) ImGui::Dummy(ImVec2(0, Em() * 4));  // room to scroll past the last field
  ImGui::EndChild();
  FocusFirstHeading(false);  // a screen without a heading keeps the focus where it was
  ToastInPage(c);
  ImGui::End();
  KeyboardFocusRing();
}

}  // namespace lw::ui
