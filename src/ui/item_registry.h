// item_registry.h — every ImGui item submitted in the last frame, with its on-screen rectangle,
// collected through Dear ImGui's test-engine hooks (IMGUI_ENABLE_TEST_ENGINE). Browser tests
// read it as window.learnweek.ui.items() and click at those coordinates with real input.
#pragma once
#include <string>

struct ImGuiContext;
struct ImVec4;

namespace lw::ui {

void InstallItemRegistry(ImGuiContext* ctx);
std::string ItemsJson();                       // [{id,label,window,x,y,w,h,input}] in CSS pixels
bool IsTextFieldAt(float x, float y);          // for opening the phone keyboard inside a tap
// Gives the last submitted item a label for tests and screen readers when its visible text is
// drawn separately (form fields draw their label beside an unlabeled input).
void LabelLastItem(const std::string& label);
void LabelItem(unsigned int id, const std::string& label);  // for widgets without a label hook (combos)
// Lists a piece of visible text (a message, a total, a status) as a non-interactive item, so
// tests can find what the user reads. Does not touch ImGui's own item state.
void RegisterText(const std::string& text, float x0, float y0, float x1, float y1);
// Draws one line of coloured text and registers it.
void TextItem(const std::string& text, const ImVec4& color);

}  // namespace lw::ui
