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
  void PackagesRow(AppContext& app);
  void PackageChanges(AppContext& app);
  ExportPanel export_;
  std::string package_url_;    // 从网址打开: the address typed
  bool archive_open_ = false;  // 往年活动 shown
};

}  // namespace lw::ui
