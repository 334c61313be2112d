// screen_profile.h — 单位信息: the unit profile every later form prefills from.
#pragma once
#include "app_context.h"
#include "form_view.h"

namespace lw::ui {

class ProfileScreen {
 public:
  void Draw(AppContext& app);

 private:
  FormView view_;
};

}  // namespace lw::ui
