// platform.h — the one interface between LearnWeek's UI and its host.
//
//  [X] Storage: data folder mirrored to IndexedDB (IDBFS), serialized syncs with a timeout,
//      one writer tab at a time (Web Locks), persistence request and quota readout.
//  [X] Text input: a DOM text agent carries IME composition, paste and the phone keyboard.
//  [X] Files: download, open (picker and drag-and-drop), print.
//  [X] Fonts: lazily fetched CJK shards.
//  [X] Tabs: change notifications between open tabs (BroadcastChannel).
//
// Implemented by platform_web.cpp (the browser, the only place with EM_JS/html5.h) and by
// platform_native.cpp (an in-memory host for the native UI smoke test).
#pragma once
#include <functional>
#include <string>
#include <vector>

namespace lw::platform {

// --- Paths and time --------------------------------------------------------------------------
std::string DataDir();   // persistent files ("/data" in the browser)
std::string AssetDir();  // read-only assets bundled with the build
double NowMs();          // monotonic milliseconds

// --- Storage ---------------------------------------------------------------------------------
struct StorageInfo {
  bool writable = true;         // false: another tab owns the data (this one is read-only)
  bool persisted = false;       // navigator.storage.persist() granted
  bool syncing = false;         // a write to IndexedDB is in flight
  bool failed = false;          // the last write to IndexedDB failed (full disk, ...)
  std::string error;            // Chinese message for the user when failed
  double usage = 0, quota = 0;  // bytes, from navigator.storage.estimate()
  double last_saved_ms = 0;     // NowMs() of the last successful sync
};
StorageInfo Storage();
void PersistData();      // copy the data folder to durable storage soon (coalesced)
void TakeOverStorage();  // make this tab the writer; the other one becomes read-only
void RefreshStorageEstimate();

// The app's flush function, called from a host timer even while the tab is hidden (no frames).
void SetFlushHandler(std::function<void()> flush);
void ScheduleFlush(double delay_ms);
void RequestRedraw();  // draw the next animation frame even without input

// --- Files -----------------------------------------------------------------------------------
void Download(const std::string& file_name, const std::string& mime, const std::string& bytes);
// Signs bytes with this device's key: ECDSA P-256 through WebCrypto, the private key
// non-extractable in IndexedDB. WebCrypto answers later: done gets the raw public key (65 bytes)
// and the signature (r‖s, 64 bytes) then, or both empty when the browser cannot sign (no
// WebCrypto outside a secure context).
void SignBytes(const std::string& bytes, std::function<void(std::string public_key, std::string signature)> done);
// A bundle (canonical bytes, ending "}\n") signed by SignBytes, in core/signature.h's format; the
// bytes unsigned when the browser cannot sign.
void SignBundle(const std::string& bytes, std::function<void(std::string signed_bytes)> done);
// Opens the browser's file chooser. Returns the request's id: the files chosen arrive as
// Event::FileOpened with that `request` (a cancelled chooser sends nothing; dropped files have
// request 0), so each file goes where the request that asked for it wanted it.
int OpenFilePicker(const std::string& accept, bool multiple);
// Reads a file from a web address (a campaign package on the coordinator's site). Returns the
// request's id, like OpenFilePicker: the file arrives as Event::FileOpened (named by the last part
// of its path), or Event::FetchFailed says why not.
int FetchFile(const std::string& url);
// Shows a printable document over the page (a preview with 打印 and 关闭), not straight into the
// browser's print dialog: the clerk sees what will come out first.
void ShowPrintPreview(const std::string& html);

// --- Fonts -----------------------------------------------------------------------------------
void FetchFontShard(const std::string& file);

// --- Images --------------------------------------------------------------------------------------
// Decodes a photo (JPEG/PNG/WebP/GIF) into an RGBA thumbnail at most max_px on its long side.
// Answers with Event::ImageDecoded: name = key, data = RGBA bytes, width and height.
void DecodeImage(const std::string& key, const std::string& bytes, int max_px);
// A GPU texture for ImGui::Image (0 on failure).
unsigned long long CreateTexture(const std::string& rgba, int width, int height);
void DestroyTexture(unsigned long long id);

// --- Drawing -------------------------------------------------------------------------------------
struct RendererInfo {
  std::string kind;         // "webgl2", "webgl1", "cpu" (or "none" natively)
  std::string gl_renderer;  // the GPU's renderer string, when the page could read it
  bool software = false;    // WebGL here is a software rasterizer (SwiftShader, llvmpipe, WARP)
  bool forced = false;      // chosen by ?renderer=
};
RendererInfo Renderer();
// Opens the page again with ?renderer=KIND (after saving), for a user whose GPU misbehaves.
void RestartWithRenderer(const std::string& kind);

// --- Other tabs ------------------------------------------------------------------------------
void Broadcast(const std::string& json);

// --- Live data feed: a URL polled while online; new content arrives as Event::FeedBundle ------
void SetFeed(const std::string& url);  // "" stops polling

// --- Page ----------------------------------------------------------------------------------------
std::string QueryParam(const std::string& name);  // ?example=0 etc.; "" when absent

// --- Screen ----------------------------------------------------------------------------------
void SetFullscreen(bool on);
void SetTitle(const std::string& title);

// --- Host → app events, drained by the app once per frame --------------------------------------
struct Event {
  // The browser posts these from JavaScript, so their values are part of the JS contract
  // (generated into lw-contract.js by tools/gen_contract.mjs). Never renumber, only append.
  enum class Kind {      // js: EVENT
    FileOpened = 0,      // name, data = file bytes, request (0: dropped on the page)
    FileTooLarge = 1,    // name, size in `number`, request
    FontShard = 2,       // name = shard file, data = font bytes (empty + !ok on failure)
    StorageChanged = 3,  // writer role, sync result or quota changed: re-read Storage()
    PeerChanged = 4,     // another tab saved: data = its message
    DataReloaded = 5,    // the data folder was refreshed from IndexedDB (read-only tab)
    FeedBundle = 6,      // a bundle fetched from the live feed: name = url, data = bytes
    FullscreenExit = 7,
    ImageDecoded = 8,  // name = key given to DecodeImage, data = RGBA, width × height
    TexturesLost = 9,  // the renderer changed (WebGL lost): textures from CreateTexture are gone
    SigningKey = 10,   // data = this device's public signing key (65-byte P-256 point)
    FetchFailed = 11,  // FetchFile could not read name = url: number = HTTP status (0: no network). Last kind:
                       // web_exports.cpp checks against it
  };
  Kind kind;
  std::string name;
  std::string data;
  bool ok = true;
  double number = 0;
  int width = 0, height = 0;  // ImageDecoded
  int request = 0;            // FileOpened, FileTooLarge, FetchFailed: OpenFilePicker's or FetchFile's id, 0 for a drop
  std::string digest;         // FileOpened: the data's SHA-256 from WebCrypto (hex), "" where the page has none
};
std::vector<Event> TakeEvents();
void PostEvent(Event e);

// What the active text editor has selected, for the host's synchronous copy/cut handlers.
void SetSelectionProvider(std::function<std::string()> provider);
std::string SelectedText();

}  // namespace lw::platform
