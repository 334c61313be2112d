// screen_settings.h — 设置: text size, theme, storage and backups.
#pragma once
#include "app_context.h"

namespace lw::ui {

class SettingsScreen {
 public:
  void Draw(AppContext& app);
};

}  // namespace lw::ui
