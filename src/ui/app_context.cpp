// app_context.cpp — see app_context.h.
#include "app_context.h"

#include "platform.h"

namespace lw::ui {

void AppContext::Edited(const std::string& uuid) {
  ws.Touch(uuid, now_ms);
  if (auto due = ws.NextDeadline()) platform::ScheduleFlush(*due - now_ms);
}

void AppContext::SettingsChanged() {
  ws.TouchSettings(now_ms);
  theme_dirty = true;
  if (auto due = ws.NextDeadline()) platform::ScheduleFlush(*due - now_ms);
}

void AppContext::Go(Screen s, std::string uuid) {
  screen = s;
  open_uuid = std::move(uuid);
}

void AppContext::Toast(std::string text, bool error) {
  toast = std::move(text);
  toast_error = error;
  toast_until = now_ms + 4000;
  platform::RequestRedraw();
}

}  // namespace lw::ui
