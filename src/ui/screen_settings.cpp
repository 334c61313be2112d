// screen_settings.cpp — see screen_settings.h.
#include "screen_settings.h"

#include <cstdio>

#include "imgui.h"
#include "layout.h"
#include "platform.h"
#include "theme.h"

namespace lw::ui {
namespace {

std::string Megabytes(double bytes) {
  char buf[32];
  snprintf(buf, sizeof buf, "%.1f MB", bytes / (1024.0 * 1024.0));
  return buf;
}

void TextSizeCard(AppContext& app) {
  BeginCard("text-size");
  SubHeading("文字大小");
  Muted("看不清时请调大。设置会被记住。");
  Settings& s = app.ws.settings;
  static const int kSteps[] = {100, 125, 150, 175, 200};
  for (int step : kSteps) {
    char label[32];
    snprintf(label, sizeof label, "%d%%", step);
    if (step != kSteps[0]) ImGui::SameLine();
    const bool selected = s.text_scale == step;
    if (selected ? PrimaryButton(label) : ImGui::Button(label)) {
      s.text_scale = step;
      app.SettingsChanged();
    }
  }
  ImGui::SetNextItemWidth(Em() * 16);
  int pct = s.text_scale;
  if (ImGui::SliderInt("##文字大小", &pct, Settings::kMinScale, Settings::kMaxScale, "%d%%") &&
      pct != s.text_scale) {
    s.text_scale = pct;
    app.SettingsChanged();
  }
  EndCard();
}

void ThemeCard(AppContext& app) {
  BeginCard("theme");
  SubHeading("配色");
  Settings& s = app.ws.settings;
  if (ImGui::RadioButton("浅色（推荐）", !s.dark)) {
    s.dark = false;
    app.SettingsChanged();
  }
  ImGui::SameLine(0, Em() * 2);
  if (ImGui::RadioButton("深色", s.dark)) {
    s.dark = true;
    app.SettingsChanged();
  }
  EndCard();
}

void StorageCard(AppContext&) {
  BeginCard("storage");
  SubHeading("本机存储");
  const platform::StorageInfo info = platform::Storage();
  Muted("草稿保存在本浏览器中（IndexedDB），断网也能使用。");
  ImGui::Text("已用空间：%s / 可用配额 %s", Megabytes(info.usage).c_str(), Megabytes(info.quota).c_str());
  ImGui::Text("持久存储：%s", info.persisted ? "已获浏览器授权（不会被自动清理）" : "未授权（空间紧张时浏览器可能清理）");
  if (!info.writable) ErrorText("本应用已在另一个标签页打开，此页只读。");
  if (info.failed) ErrorText(info.error);
  EndCard();
}

}  // namespace

void SettingsScreen::Draw(AppContext& app) {
  Heading("设置");
  ImGui::Spacing();
  TextSizeCard(app);
  ThemeCard(app);
  StorageCard(app);
}

}  // namespace lw::ui
