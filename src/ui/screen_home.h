// screen_home.h — 首页: what to hand in, to whom, by when; campaigns still open first, past ones
// (往年活动) in a section opened on demand.
#pragma once
#include "app_context.h"
#include "export_flow.h"

namespace lw::ui {

class HomeScreen {
 public:
  void Draw(AppContext& app);

 private:
  ExportPanel export_;
  bool archive_open_ = false;  // 往年活动 shown
};

}  // namespace lw::ui
