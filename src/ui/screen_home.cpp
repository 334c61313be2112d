// screen_home.cpp — see screen_home.h.
#include "screen_home.h"

#include "imgui.h"
#include "layout.h"
#include "theme.h"

namespace lw::ui {

void HomeScreen::Draw(AppContext& app) {
  Heading("全民终身学习活动周 · 材料填报");
  ImGui::Spacing();
  BeginCard("unit");
  SubHeading("填报单位");
  const nlohmann::json& v = app.ws.profile.values;
  const std::string unit = v.value("unit", "");
  if (unit.empty()) {
    Muted("尚未填写单位信息。请先填写，之后新建的表格会自动带出。");
    if (PrimaryButton("填写单位信息")) app.Go(Screen::Profile);
  } else {
    ImGui::TextUnformatted(unit.c_str());
    const std::string region = app.regions.FullName(v.value("region", ""));
    if (!region.empty()) Muted("%s", region.c_str());
    Muted("负责人：%s　填报人：%s　电话：%s", v.value("leader", "").c_str(), v.value("filler", "").c_str(),
          v.value("phone", "").c_str());
    if (ImGui::Button("修改单位信息")) app.Go(Screen::Profile);
  }
  EndCard();
}

}  // namespace lw::ui
