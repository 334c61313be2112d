// platform_native.cpp — an in-process host for the native UI smoke test: files in a folder
// given by LW_DATA_DIR, assets from LW_ASSET_DIR, font shards read from disk, no browser.
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <utility>

#include "platform.h"

namespace lw::platform {
namespace {
std::vector<Event> g_events;
std::function<std::string()> g_selection;
std::string Env(const char* name, const char* fallback) {
  const char* v = std::getenv(name);
  return v && *v ? v : fallback;
}
}  // namespace

std::string DataDir() { return Env("LW_DATA_DIR", "/tmp/learnweek-data"); }
std::string AssetDir() { return Env("LW_ASSET_DIR", "assets"); }
double NowMs() {
  using namespace std::chrono;
  return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}
StorageInfo Storage() { return {}; }
void PersistData() {}
void TakeOverStorage() {}
void RefreshStorageEstimate() {}
void SetFlushHandler(std::function<void()>) {}
void ScheduleFlush(double) {}
void RequestRedraw() {}
void Download(const std::string& name, const std::string&, const std::string& bytes) {
  std::ofstream(DataDir() + "/../download-" + name, std::ios::binary) << bytes;
}
void SignBytes(const std::string&, std::function<void(std::string, std::string)> done) {
  done({}, {});  // no key on the native host: unsigned
}
void SignBundle(const std::string& bytes, std::function<void(std::string)> done) { done(bytes); }
int OpenFilePicker(const std::string&, bool) { return 1; }
int FetchFile(const std::string&) { return 2; }
void ShowPrintPreview(const std::string&) {}
void FetchFontShard(const std::string& file) {
  std::ifstream in(AssetDir() + "/fonts/" + file, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  PostEvent({Event::Kind::FontShard, file, ss.str(), in.good() || !ss.str().empty()});
}
void DecodeImage(const std::string& key, const std::string&, int) {
  PostEvent({Event::Kind::ImageDecoded, key, {}, false});  // no image codec natively: placeholder shown
}
unsigned long long CreateTexture(const std::string&, int, int) { return 1; }
void DestroyTexture(unsigned long long) {}
RendererInfo Renderer() { return {"none", "", false, false}; }
void RestartWithRenderer(const std::string&) {}
void Broadcast(const std::string&) {}
void SetFeed(const std::string&) {}
std::string QueryParam(const std::string& name) { return Env(("LW_PARAM_" + name).c_str(), ""); }
void SetFullscreen(bool) {}
void SetTitle(const std::string&) {}
std::vector<Event> TakeEvents() { return std::exchange(g_events, {}); }
void PostEvent(Event e) { g_events.push_back(std::move(e)); }
void SetSelectionProvider(std::function<std::string()> p) { g_selection = std::move(p); }
std::string SelectedText() { return g_selection ? g_selection() : std::string(); }

}  // namespace lw::platform
