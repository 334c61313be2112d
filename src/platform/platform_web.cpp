// platform_web.cpp — the browser implementation of platform.h. This file and main_web.cpp are
// the only C++ that knows about Emscripten; the JavaScript half is web/lw-host.js (LWHost).
//
//  [X] Text: IME composition, paste and phone keyboards reach ImGui through a DOM textarea
//      (the "text agent") placed at ImGui's caret. SDL's keypress text is used only for keys
//      typed before the agent had focus (the agent stops its events from reaching SDL).
//  [X] Clipboard: copy/cut/paste through the browser's clipboard events (synchronous, so the
//      data is the real one: reading on Ctrl+V keydown would give the previous paste).
//  [X] Storage: IDBFS sync is serialized, times out (3.1.6 never calls back on a full disk) and
//      only runs in the tab that holds the writer lock.
#include "platform_web.h"

#include <SDL.h>
#include <emscripten.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "imgui.h"
#include "imgui_impl_sdl2.h"
#include "platform.h"
#include "signature.h"
#include "web_contract.h"

namespace lw::platform {
namespace {

std::vector<Event> g_events;
std::function<void()> g_flush;
std::function<std::string()> g_selection;
StorageInfo g_storage;
std::string g_clipboard;  // last text pasted, for ImGui's own clipboard reads
bool g_wake = true;
bool g_sleeping = false;  // the main loop is paused until input, a host event or its idle timer

// Something to draw: note it, and start the main loop again if it sleeps.
void Wake() {
  g_wake = true;
  if (std::exchange(g_sleeping, false)) emscripten_resume_main_loop();
}

// clang-format off
EM_JS(void, js_persist, (), { LWHost.persist(); });
EM_JS(void, js_take_over, (), { LWHost.takeOver(); });
EM_JS(void, js_refresh_estimate, (), { LWHost.refreshEstimate(); });
EM_JS(void, js_schedule_flush, (double ms), { LWHost.scheduleFlush(ms); });
EM_JS(void, js_download, (const char* name, const char* mime, const char* data, int len), {
  LWHost.download(UTF8ToString(name), UTF8ToString(mime), HEAPU8.slice(data, data + len));
});
EM_JS(void, js_sign_bundle, (int request, const char* data, int len), {
  LWHost.signBundle(request, HEAPU8.slice(data, data + len));
});
EM_JS(void, js_open_files, (const char* accept, int multiple, int request), {
  LWHost.openFiles(UTF8ToString(accept), !!multiple, request);
});
EM_JS(void, js_fetch_file, (const char* url, int request), { LWHost.fetchFile(UTF8ToString(url), request); });
EM_JS(void, js_print_preview, (const char* html), { LWHost.showPrintPreview(UTF8ToString(html)); });
EM_JS(void, js_fetch_font, (const char* file), { LWHost.fetchFontShard(UTF8ToString(file)); });
EM_JS(void, js_decode_image, (const char* key, const char* data, int len, int max_px), {
  LWHost.decodeImage(UTF8ToString(key), HEAPU8.slice(data, data + len), max_px);
});
EM_JS(void, js_set_feed, (const char* url), { LWHost.setFeed(UTF8ToString(url)); });
EM_JS(char*, js_query_param, (const char* name), {
  const v = new URLSearchParams(location.search).get(UTF8ToString(name)) || "";
  const n = lengthBytesUTF8(v) + 1;
  const p = _malloc(n);
  stringToUTF8(v, p, n);
  return p;
});
EM_JS(void, js_broadcast, (const char* json), { LWHost.broadcast(UTF8ToString(json)); });
EM_JS(void, js_fullscreen, (int on), { LWHost.setFullscreen(!!on); });
EM_JS(void, js_set_title, (const char* t), { document.title = UTF8ToString(t); });
EM_JS(void, js_set_ime, (int want, float x, float y, float h), { LWHost.setIme(!!want, x, y, h); });
EM_JS(void, js_clipboard_write, (const char* text), { LWHost.clipboardWrite(UTF8ToString(text)); });
EM_JS(void, js_after_frame, (int first), { LWHost.afterFrame(!!first); });
EM_JS(double, js_now, (), { return performance.now(); });
EM_JS(void, js_wake_after, (double ms), { LWHost.wakeAfter(ms); });
EM_JS(void, js_startup_failed, (const char* reason), { LWFallback.startupFailed(UTF8ToString(reason)); });
EM_JS(void, js_restart_with_renderer, (const char* kind), { LWRender.restartWith(UTF8ToString(kind)); });
// clang-format on

void SetImeData(ImGuiContext*, ImGuiViewport*, ImGuiPlatformImeData* data) {
  js_set_ime(data->WantTextInput || data->WantVisible, data->InputPos.x, data->InputPos.y, data->InputLineHeight);
}

const char* GetClipboard(ImGuiContext*) { return g_clipboard.c_str(); }

void SetClipboard(ImGuiContext*, const char* text) {
  g_clipboard = text ? text : "";
  js_clipboard_write(g_clipboard.c_str());
}

ImGuiKey KeyFromName(const char* k) {
  struct Named {
    const char* name;
    ImGuiKey key;
  };
  static const Named kKeys[] = {
      {"Backspace", ImGuiKey_Backspace},
      {"Delete", ImGuiKey_Delete},
      {"Enter", ImGuiKey_Enter},
      {"Tab", ImGuiKey_Tab},
      {"Escape", ImGuiKey_Escape},
      {"ArrowLeft", ImGuiKey_LeftArrow},
      {"ArrowRight", ImGuiKey_RightArrow},
      {"ArrowUp", ImGuiKey_UpArrow},
      {"ArrowDown", ImGuiKey_DownArrow},
      {"Home", ImGuiKey_Home},
      {"End", ImGuiKey_End},
      {"PageUp", ImGuiKey_PageUp},
      {"PageDown", ImGuiKey_PageDown},
      {"Insert", ImGuiKey_Insert},
  };
  for (const Named& n : kKeys)
    if (std::strcmp(k, n.name) == 0) return n.key;
  if (k[0] && !k[1]) {
    const char c = static_cast<char>(k[0] | 0x20);
    if (c >= 'a' && c <= 'z') return static_cast<ImGuiKey>(ImGuiKey_A + (c - 'a'));
  }
  return ImGuiKey_None;
}

}  // namespace

// --- platform.h ---------------------------------------------------------------------------------

std::string DataDir() { return "/data"; }
std::string AssetDir() { return "/assets"; }
double NowMs() { return js_now(); }
StorageInfo Storage() { return g_storage; }
void PersistData() { js_persist(); }
void TakeOverStorage() { js_take_over(); }
void RefreshStorageEstimate() { js_refresh_estimate(); }
void SetFlushHandler(std::function<void()> flush) { g_flush = std::move(flush); }
void ScheduleFlush(double delay_ms) { js_schedule_flush(delay_ms); }
void RequestRedraw() { Wake(); }
void Download(const std::string& name, const std::string& mime, const std::string& bytes) {
  js_download(name.c_str(), mime.c_str(), bytes.data(), static_cast<int>(bytes.size()));
}
// Bytes waiting for the browser's signature, by request id (WebCrypto answers asynchronously).
static std::map<int, std::function<void(std::string, std::string)>> g_to_sign;

void SignBytes(const std::string& bytes, std::function<void(std::string, std::string)> done) {
  static int last_request = 0;
  g_to_sign[++last_request] = std::move(done);
  js_sign_bundle(last_request, bytes.data(), static_cast<int>(bytes.size()));
}
void SignBundle(const std::string& bytes, std::function<void(std::string)> done) {
  SignBytes(bytes, [bytes, done = std::move(done)](std::string key, std::string signature) {
    done(key.empty() ? bytes : AppendSignature(bytes, key, signature));
  });
}
int OpenFilePicker(const std::string& accept, bool multiple) {
  static int last_request = 0;
  js_open_files(accept.c_str(), multiple, ++last_request);
  return last_request;
}
int FetchFile(const std::string& url) {
  static int last_request = 1 << 30;  // apart from the file chooser's ids
  js_fetch_file(url.c_str(), ++last_request);
  return last_request;
}
void ShowPrintPreview(const std::string& html) { js_print_preview(html.c_str()); }
void FetchFontShard(const std::string& file) { js_fetch_font(file.c_str()); }
void Broadcast(const std::string& json) { js_broadcast(json.c_str()); }
void SetFeed(const std::string& url) { js_set_feed(url.c_str()); }
std::string QueryParam(const std::string& name) {
  char* p = js_query_param(name.c_str());
  std::string v = p;
  free(p);
  return v;
}
void DecodeImage(const std::string& key, const std::string& bytes, int max_px) {
  js_decode_image(key.c_str(), bytes.data(), static_cast<int>(bytes.size()), max_px);
}
void RestartWithRenderer(const std::string& kind) {
  if (g_flush) g_flush();
  js_restart_with_renderer(kind.c_str());
}
void SetFullscreen(bool on) { js_fullscreen(on); }
void SetTitle(const std::string& title) { js_set_title(title.c_str()); }
std::vector<Event> TakeEvents() { return std::exchange(g_events, {}); }
void PostEvent(Event e) {
  g_events.push_back(std::move(e));
  Wake();
}
void SetSelectionProvider(std::function<std::string()> provider) { g_selection = std::move(provider); }
std::string SelectedText() { return g_selection ? g_selection() : std::string(); }

// --- platform_web.h ------------------------------------------------------------------------------

namespace web {

void InstallImGuiHooks() {
  ImGuiPlatformIO& pio = ImGui::GetPlatformIO();
  pio.Platform_SetImeDataFn = SetImeData;
  pio.Platform_GetClipboardTextFn = GetClipboard;
  pio.Platform_SetClipboardTextFn = SetClipboard;
}

Queued PumpSdlEvents() {
  Queued q = Queued::Nothing;
  SDL_Event ev;
  while (SDL_PollEvent(&ev)) {
    ImGui_ImplSDL2_ProcessEvent(&ev);
    q = ev.type == SDL_MOUSEMOTION && q != Queued::Other ? Queued::MotionOnly : Queued::Other;
  }
  return q;
}

bool ConsumeWake() { return std::exchange(g_wake, false); }

// An idle page needs no animation frames at all: each costs the browser a commit even when we
// draw nothing. SDL's own input (mouse, wheel, keys outside the text agent) wakes it from
// web/lw-host.js through lw_wake(); anything the host posts wakes it here.
void SleepFor(double ms) {
  g_sleeping = true;
  emscripten_pause_main_loop();
  js_wake_after(ms);
}

// The loop runs again; whether it draws is for the loop to decide (SDL's queue tells it about
// the input, the idle timer lets it redraw once a second).
void Resume() {
  if (std::exchange(g_sleeping, false)) emscripten_resume_main_loop();
}

// Committed text from the text agent: typing, an IME commit or a paste. Exactly once per commit.
// SDL's queue is drained first so ImGui sees input in the order it happened: a click on a field
// followed at once by typing must type into that field, not into the one active before.
void OnTextInput(const char* utf8) {
  PumpSdlEvents();
  ImGui::GetIO().AddInputCharactersUTF8(utf8);
  Wake();
}

bool OnKeyEvent(const char* key, bool down, int mods) {
  using contract::Has;
  using contract::KeyMod;
  PumpSdlEvents();
  ImGuiIO& io = ImGui::GetIO();
  const bool ctrl = Has(mods, KeyMod::Ctrl);
  io.AddKeyEvent(ImGuiMod_Ctrl, ctrl);
  io.AddKeyEvent(ImGuiMod_Shift, Has(mods, KeyMod::Shift));
  io.AddKeyEvent(ImGuiMod_Alt, Has(mods, KeyMod::Alt));
  io.AddKeyEvent(ImGuiMod_Super, Has(mods, KeyMod::Super));
  Wake();
  const ImGuiKey k = KeyFromName(key);
  if (k == ImGuiKey_None) return false;
  const bool letter = k >= ImGuiKey_A && k <= ImGuiKey_Z;
  if (letter && !ctrl) return false;  // plain letters arrive as text through the input event
  if (letter && (k == ImGuiKey_C || k == ImGuiKey_X || k == ImGuiKey_V)) return false;  // clipboard events
  io.AddKeyEvent(k, down);
  return true;
}

void RememberPaste(const char* utf8) { g_clipboard = utf8 ? utf8 : ""; }

void FlushNow() {
  if (g_flush) g_flush();
}

void OnStorageUpdate(const StorageInfo& info) {
  g_storage = info;
  Wake();
}

void AfterFrame(bool first) { js_after_frame(first); }

void ReportStartupFailure(const std::string& reason) {
  fprintf(stderr, "[start-up] %s\n", reason.c_str());
  js_startup_failed(reason.c_str());
}

void OnBundleSigned(int request, const std::string& key_and_signature) {
  const auto it = g_to_sign.find(request);
  if (it == g_to_sign.end()) return;
  const auto done = std::move(it->second);
  g_to_sign.erase(it);
  constexpr size_t kKey = 65, kSignature = 64;  // P-256 point, r‖s
  if (key_and_signature.size() == kKey + kSignature)
    done(key_and_signature.substr(0, kKey), key_and_signature.substr(kKey));
  else
    done({}, {});
}

}  // namespace web
}  // namespace lw::platform
