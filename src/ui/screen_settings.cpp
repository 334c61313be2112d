// screen_settings.cpp — see screen_settings.h.
#include "screen_settings.h"

#include <cstdio>

#include "bundle_io.h"
#include "file_size.h"
#include "imgui.h"
#include "item_registry.h"
#include "layout.h"
#include "platform.h"
#include "radio_group.h"
#include "text_widgets.h"
#include "theme.h"

namespace lw::ui {
namespace {

void TextSizeCard(AppContext& app) {
  BeginCard("text-size");
  SubHeading("文字大小");
  Muted("看不清时请调大。设置会被记住。");
  Settings& s = app.ws.settings;
  static const int kSteps[] = {100, 125, 150, 175, 200};
  int checked = -1;
  for (int i = 0; i < 5; ++i)
    if (kSteps[i] == s.text_scale) checked = i;
  RadioGroup steps(checked, "文字大小", RadioGroup::Look::Buttons);
  for (int step : kSteps) {
    char label[32];
    snprintf(label, sizeof label, "%d%%", step);
    if (step != kSteps[0]) ImGui::SameLine();
    steps.Item(label);
  }
  if (const int k = steps.End(); k >= 0) {
    s.text_scale = kSteps[k];
    app.SettingsChanged();
  }
  bool large = s.large_mode;
  if (Check("大字模式（字更大，按钮更高，适合老年人）", &large)) {
    s.large_mode = large;
    app.SettingsChanged();
  }
  ImGui::SetNextItemWidth(Em() * 16);
  int pct = s.text_scale;
  // NoInput: Tab lands on the slider (arrows move it), not in a text box that replaces it.
  const bool moved =
      ImGui::SliderInt("##文字大小", &pct, Settings::kMinScale, Settings::kMaxScale, "%d%%", ImGuiSliderFlags_NoInput);
  MarkSlider("文字大小", Settings::kMinScale, Settings::kMaxScale, pct, std::to_string(pct) + "%");
  if (moved && pct != s.text_scale) {
    s.text_scale = pct;
    app.SettingsChanged();
  }
  EndCard();
}

void ThemeCard(AppContext& app) {
  BeginCard("theme");
  SubHeading("配色");
  Settings& s = app.ws.settings;
  RadioGroup scheme(s.dark ? 1 : 0, "配色");
  scheme.Item("浅色（推荐）");
  ImGui::SameLine(0, Em() * 2);
  scheme.Item("深色");
  if (const int k = scheme.End(); k >= 0) {
    s.dark = k == 1;
    app.SettingsChanged();
  }
  EndCard();
}

void BackupCard(AppContext& app) {
  BeginCard("backup");
  SubHeading("备份与恢复");
  Muted("把本机的全部表格、照片和单位信息存为一个备份文件（可拷到U盘或发邮件保存），需要时从文件恢复。");
  ImGui::BeginDisabled(!app.writable);
  if (PrimaryButton("保存全部数据到备份文件")) {
    app.ws.Flush(app.now_ms, true);
    const Bundle b = MakeBackup(app.ws, app.ws.settings.campaign);
    const std::string unit = app.ws.profile.values.value("unit", "");
    platform::Download(BundleFileName(unit, TodayLocal(), "备份"), "application/json", WriteBundle(b, app.forms));
    app.ws.settings.backup_done = true;
    app.SettingsChanged();
    app.Toast("已保存备份文件（" + std::to_string(b.records.size()) + " 份表格，" + std::to_string(b.photos.size()) +
              " 张照片）");
  }
  ImGui::SameLine();
  if (ImGui::Button("从备份文件恢复…")) {
    app.ChooseFiles({FileTarget::Kind::Restore, {}, {}}, ".json,application/json", false);
  }
  ImGui::EndDisabled();
  if (app.ws.settings.backup_done)
    TextItem("√ 备份后没有新的修改", Colors().ok);
  else
    Muted("上次备份之后有新的修改（或尚未备份）。");
  ImGui::Spacing();
  ImGui::BeginDisabled(!app.ws.settings.backup_done || !app.writable);
  if (DangerButton("清除本机数据…")) ImGui::OpenPopup("确认清除");
  ImGui::EndDisabled();
  if (!app.ws.settings.backup_done) {
    ImGui::SameLine();
    ImGui::TextDisabled("先保存备份文件，才能清除");
  }
  if (BeginDialog("确认清除")) {
    TextItem("将删除本机浏览器中保存的全部表格、照片和单位信息。", Colors().text);
    TextItem("已保存的备份文件不受影响，可以随时恢复。确定清除吗？", Colors().text);
    if (DangerButton("确定清除")) {
      app.ws.ClearAll();
      app.imports.Load();
      app.Changed();
      app.theme_dirty = true;
      app.Toast("本机数据已清除");
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("取消")) ImGui::CloseCurrentPopup();
    ImGui::SetItemDefaultFocus();  // the keyboard starts on the choice that loses nothing
    ImGui::EndPopup();
  }
  EndCard();
}

void StorageCard(AppContext&) {
  BeginCard("storage");
  SubHeading("本机存储");
  const platform::StorageInfo info = platform::Storage();
  Muted("草稿保存在本浏览器中（IndexedDB），断网也能使用。");
  ImGui::Text("已用空间：%s / 可用配额 %s", HumanSize(info.usage).c_str(), HumanSize(info.quota).c_str());
  ImGui::Text("持久存储：%s",
              info.persisted ? "已获浏览器授权（不会被自动清理）" : "未授权（空间紧张时浏览器可能清理）");
  if (!info.writable) ErrorText("本应用已在另一个标签页打开，此页只读。");
  if (info.failed) ErrorText(info.error);
  EndCard();
}

// Which renderer draws this page, and a way out for a user whose graphics card misbehaves.
void DisplayCard() {
  BeginCard("display");
  SubHeading("显示方式");
  const platform::RendererInfo r = platform::Renderer();
  const std::string name = r.kind == "webgl2"   ? "显卡加速（WebGL2）"
                           : r.kind == "webgl1" ? "显卡加速（WebGL1）"
                                                : "兼容模式（CPU 绘制，不使用显卡）";
  TextItem("当前：" + name, Colors().text);
  if (!r.gl_renderer.empty()) Muted("显卡：%s%s", r.gl_renderer.c_str(), r.software ? "（软件模拟）" : "");
  if (r.kind == "cpu" && !r.forced)
    Muted("%s", r.gl_renderer.empty() ? "此浏览器不能使用显卡绘图，已自动改用兼容模式。"
                                      : "此电脑的显卡为软件模拟，兼容模式更快，已自动选用。");
  Muted("画面显示异常时可切换（会重新打开本页，已填写的内容不会丢失）：");
  const auto option = [&](const char* label, const char* kind, bool current) {
    if (current ? PrimaryButton(label) : ImGui::Button(label)) platform::RestartWithRenderer(kind);
  };
  option("自动选择（推荐）", "", !r.forced);
  ImGui::SameLine();
  option("兼容模式", "cpu", r.forced && r.kind == "cpu");
  ImGui::SameLine();
  option("显卡加速", "webgl2", r.forced && r.kind != "cpu");
  EndCard();
}

// 地图与大屏: what the map prints under itself, and whether the ceremony shows example data.
void MapCard(AppContext& app) {
  BeginCard("map");
  SubHeading("地图与大屏");
  Settings& s = app.ws.settings;
  Muted(
      "地图下方标注“示意图”。使用经审核的标准地图作底图时，可填写其审图号（如 "
      "GS(2024)0650号），地图和大屏上会一并显示。");
  ImGui::BeginDisabled(!app.writable);
  if (LineInput("##审图号", s.map_approval, "审图号（可不填）", 0, Em() * 16)) app.SettingsChanged();
  bool hide = s.ceremony_hide_example;
  if (Check("开幕式大屏不显示示例数据（只统计真实填报和导入的数据）", &hide)) {
    s.ceremony_hide_example = hide;
    app.SettingsChanged();
  }
  ImGui::EndDisabled();
  EndCard();
}

}  // namespace

void SettingsScreen::Draw(AppContext& app) {
  Heading("设置");
  ImGui::Spacing();
  TextSizeCard(app);
  ThemeCard(app);
  MapCard(app);
  BackupCard(app);
  StorageCard(app);
  DisplayCard();
}

}  // namespace lw::ui
