// screen_home.h — 首页: what to hand in, to whom, by when.
#pragma once
#include "app_context.h"
#include "export_flow.h"

namespace lw::ui {

class HomeScreen {
 public:
  void Draw(AppContext& app);

 private:
  ExportPanel export_;
};

}  // namespace lw::ui
