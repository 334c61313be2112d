// platform_web.h — browser-only pieces the main loop needs beyond platform.h.
#pragma once
#include <string>

namespace lw::platform::web {

// Routes Dear ImGui's IME position and clipboard through the DOM text agent (web/lw-host.js).
void InstallImGuiHooks();
// Feeds every SDL event queued so far (mouse, wheel, keys typed outside the text agent) to
// ImGui. Returns true if there was any.
bool PumpSdlEvents();
// True (once) when input or a host event arrived since the last call: draw a frame now.
bool ConsumeWake();
void AfterFrame(bool first);  // resolves window.learnweek.ready after the first frame
// Start-up failed (nothing can draw, SDL failed): the page shows a plain Chinese message with a
// button that still saves every draft to a backup file (web/lw-fallback.js).
void ReportStartupFailure(const std::string& reason);

}  // namespace lw::platform::web
