// web_exports.cpp — every C function JavaScript may call, in one place: the JS → C++ half of the
// contract. tools/gen_contract.mjs derives the linker's export list from the EMSCRIPTEN_KEEPALIVE
// lines here, refuses EMSCRIPTEN_KEEPALIVE anywhere else, and checks that web/*.js calls nothing
// that is not listed. Strings returned stay valid until the next call of the same function.
#include <emscripten.h>

#include <string>

#include "bundle.h"
#include "item_registry.h"
#include "platform.h"
#include "platform_web.h"
#include "render_web.h"
#include "web_app.h"
#include "web_contract.h"

static_assert(static_cast<size_t>(lw::platform::contract::Limit::MaxFileBytes) == lw::kMaxBundleBytes,
              "the host's file limit (web_contract.h) and the core's must agree");

namespace {

const char* Keep(std::string& slot, std::string value) {
  slot = std::move(value);
  return slot.c_str();
}

}  // namespace

using lw::platform::Event;
namespace web = lw::platform::web;

extern "C" {

// --- Text agent, clipboard (web/lw-text-agent.js) ----------------------------------------------------
EMSCRIPTEN_KEEPALIVE void lw_text_input(const char* utf8) { web::OnTextInput(utf8); }
EMSCRIPTEN_KEEPALIVE int lw_key_event(const char* key, int down, int mods) {
  return web::OnKeyEvent(key, down != 0, mods);
}
EMSCRIPTEN_KEEPALIVE const char* lw_selection_text() {
  static std::string s;
  return Keep(s, lw::platform::SelectedText());
}
EMSCRIPTEN_KEEPALIVE void lw_remember_paste(const char* utf8) { web::RememberPaste(utf8); }
EMSCRIPTEN_KEEPALIVE int lw_is_text_field_at(float x, float y) { return lw::ui::IsTextFieldAt(x, y); }

// --- Storage -------------------------------------------------------------------------------------------
EMSCRIPTEN_KEEPALIVE void lw_flush_now() { web::FlushNow(); }
EMSCRIPTEN_KEEPALIVE void lw_storage_update(int writable, int persisted, int syncing, int failed, const char* error,
                                            double usage, double quota, double last_saved) {
  web::OnStorageUpdate(
      {writable != 0, persisted != 0, syncing != 0, failed != 0, error ? error : "", usage, quota, last_saved});
}

// --- Host events (kind: LWContract.EVENT) ----------------------------------------------------------------
// Returns 0 for a kind this build does not know (a stale script): nothing is posted.
EMSCRIPTEN_KEEPALIVE int lw_post_event(int kind, const char* name, const char* data, int len, int ok, double number,
                                       int width, int height, int request, const char* digest) {
  if (kind < 0 || kind > static_cast<int>(Event::Kind::FetchFailed)) return 0;  // FetchFailed: the last kind
  Event e{static_cast<Event::Kind>(kind), name ? name : "", std::string(data ? data : "", data ? len : 0), ok != 0,
          number};
  e.width = width, e.height = height, e.request = request, e.digest = digest ? digest : "";
  lw::platform::PostEvent(std::move(e));
  return 1;
}

// --- Signing (web/lw-signing.js signBundle) ----------------------------------------------------------
// data: the public key (65 bytes) then the signature (64 bytes); len 0 when the browser cannot sign.
EMSCRIPTEN_KEEPALIVE void lw_bundle_signed(int request, const char* data, int len) {
  web::OnBundleSigned(request, std::string(data ? data : "", data ? len : 0));
}

// --- Accessibility mirror (web/lw-a11y.js) -------------------------------------------------------------
// The mirror's input after a frame: {"focus","active","items"}, or null when nothing changed.
EMSCRIPTEN_KEEPALIVE const char* lw_a11y_update() {
  static std::string json;
  json = lw::ui::MirrorJsonIfChanged();
  return json.empty() ? nullptr : json.c_str();
}
// A mirror element got the focus (Tab in the page, a screen reader's cursor): ImGui follows.
EMSCRIPTEN_KEEPALIVE void lw_a11y_focus(unsigned int id) {
  lw::ui::RequestFocus(id);
  lw::platform::RequestRedraw();
}
// A screen reader "clicked" a mirror element: the ImGui item is activated as by Enter.
EMSCRIPTEN_KEEPALIVE void lw_a11y_activate(unsigned int id) {
  lw::ui::RequestActivate(id);
  lw::platform::RequestRedraw();
}

// --- Automation and benchmarks (README: window.learnweek) ------------------------------------------------
EMSCRIPTEN_KEEPALIVE const char* lw_items_json() {
  static std::string s;
  return Keep(s, lw::app::ItemsJson());
}
EMSCRIPTEN_KEEPALIVE const char* lw_state_json() {
  static std::string s;
  return Keep(s, lw::app::StateJson());
}
EMSCRIPTEN_KEEPALIVE const char* lw_fonts_json() {
  static std::string s;
  return Keep(s, lw::app::FontsJson());
}
EMSCRIPTEN_KEEPALIVE const char* lw_stats_json() {
  static std::string s;
  return Keep(s, lw::app::StatsJson());
}
EMSCRIPTEN_KEEPALIVE const char* lw_map_figures_json() {
  static std::string s;
  return Keep(s, lw::app::MapFiguresJson());
}
EMSCRIPTEN_KEEPALIVE void lw_set_paused(int paused) { lw::app::SetPaused(paused != 0); }
EMSCRIPTEN_KEEPALIVE void lw_redraw_whole() { web::RedrawWhole(); }
EMSCRIPTEN_KEEPALIVE void lw_wake() { web::Resume(); }
EMSCRIPTEN_KEEPALIVE const char* lw_bench_frames(int frames) {
  static std::string s;
  return Keep(s, lw::app::BenchFrames(frames));
}

// --- Start-up failure page (web/lw-fallback.js) -----------------------------------------------------------
EMSCRIPTEN_KEEPALIVE int lw_backup_download() { return lw::app::BackupDownload(); }

}  // extern "C"
