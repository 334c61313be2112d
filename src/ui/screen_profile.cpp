// screen_profile.cpp — see screen_profile.h.
#include "screen_profile.h"

#include "item_registry.h"
#include "layout.h"
#include "signature.h"
#include "theme.h"

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
  ImGui::Spacing();
  // Read out over the phone to a coordinator, who compares it with the one beside the bundle.
  if (app.signing_key.empty())
    Muted("本机签名密钥：此浏览器不能签名，导出的数据包不带签名。");
  else
    TextItem("本机签名密钥指纹：" + KeyFingerprint(app.signing_key), Colors().text);
  Muted("本机导出的数据包都用这把密钥签名。上级单位导入时会显示同一个指纹；换电脑后指纹会变，请告诉上级单位。");
}

}  // namespace lw::ui
