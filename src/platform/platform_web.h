// platform_web.h — browser-only pieces the main loop needs beyond platform.h.
#pragma once
#include <string>

#include "platform.h"

namespace lw::platform::web {

// Routes Dear ImGui's IME position and clipboard through the DOM text agent (web/lw-text-agent.js).
void InstallImGuiHooks();
// What SDL's queue held: nothing, only pointer motion, or anything else (buttons, wheel, keys,
// window events).
enum class Queued { Nothing, MotionOnly, Other };
// Feeds every SDL event queued so far (mouse, wheel, keys typed outside the text agent) to
// ImGui, and says what there was.
Queued PumpSdlEvents();
// True (once) when input or a host event arrived since the last call: draw a frame now.
bool ConsumeWake();
// Pauses the main loop until input or a host event arrives, or `ms` have passed.
void SleepFor(double ms);
void Resume();  // SDL-bound DOM input or the idle timer (web/lw-host.js): run the loop again
void AfterFrame(bool first);

// Input and storage news from the host modules (web/lw-bridge.js → src/app/web_exports.cpp).
void OnTextInput(const char* utf8);
// A non-text key from the text agent (mods: contract::KeyMod bits). True when ImGui takes it (the
// page then calls preventDefault); false when the browser should do its default (typing,
// copy/cut/paste).
bool OnKeyEvent(const char* key, bool down, int mods);
void RememberPaste(const char* utf8);  // the last paste, for ImGui's own clipboard reads
void FlushNow();
void OnStorageUpdate(const StorageInfo& info);  // resolves window.learnweek.ready after the first frame
// Start-up failed (nothing can draw, SDL failed): the page shows a plain Chinese message with a
// button that still saves every draft to a backup file (web/lw-fallback.js).
void ReportStartupFailure(const std::string& reason);

// The browser signed a bundle DownloadSignedBundle handed it (request: that call's id):
// key_and_signature is the 65-byte public key then the 64-byte signature, or empty when the
// browser cannot sign. The core writes the signed file (signature.h), then it is downloaded.
void OnBundleSigned(int request, const std::string& key_and_signature);

}  // namespace lw::platform::web
