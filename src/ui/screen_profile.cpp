// screen_profile.cpp — see screen_profile.h.
#include "screen_profile.h"

#include "layout.h"

namespace lw::ui {

void ProfileScreen::Draw(AppContext& app) {
  const FormDef* form = app.forms.Find(Workspace::kProfileForm);
  if (!form) {
    ErrorText("缺少“单位信息”表单定义（assets/forms/unit_profile.json），请联系技术支持。");
    return;
  }
  Heading("单位信息");
  Muted("填写一次即可：新建的推荐表、统计表会自动带出单位、负责人和联系方式。");
  ImGui::Spacing();
  FieldEnv env;
  env.regions = &app.regions;
  env.read_only = !app.writable;
  if (view_.Draw(*form, app.ws.profile, env)) app.Edited(app.ws.profile.uuid);
}

}  // namespace lw::ui
