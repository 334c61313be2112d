// screen_home.h — 首页: what to hand in, to whom, by when.
#pragma once
#include "app_context.h"

namespace lw::ui {

class HomeScreen {
 public:
  void Draw(AppContext& app);
};

}  // namespace lw::ui
