// app_context.h — what every screen may use: the user's data, the shipped definitions, and a
// few app-wide actions. Screens never talk to the host directly except through platform.h.
#pragma once
#include <string>

#include "form_def.h"
#include "region.h"
#include "workspace.h"

namespace lw::ui {

enum class Screen { Home, Profile, Drafts, Form, Desk, Map, Settings };

class AppContext {
 public:
  AppContext(Workspace& ws, const FormLibrary& forms, const RegionDb& regions)
      : ws(ws), forms(forms), regions(regions) {}
  Workspace& ws;
  const FormLibrary& forms;
  const RegionDb& regions;

  double now_ms = 0;
  bool writable = true;  // false while another tab owns the data
  Screen screen = Screen::Home;
  std::string open_uuid;  // the draft shown by Screen::Form

  // Call after changing a record: saves it within a second.
  void Edited(const std::string& uuid);
  void SettingsChanged();
  void Go(Screen s, std::string uuid = {});

  // A short message at the bottom of the window, e.g. "已导出".
  void Toast(std::string text, bool error = false);
  std::string toast;
  bool toast_error = false;
  double toast_until = 0;
  bool theme_dirty = true;
};

}  // namespace lw::ui
