// lw_imconfig.h — Dear ImGui compile-time configuration for LearnWeek (IMGUI_USER_CONFIG).
#pragma once
#define IMGUI_USE_WCHAR32         // names outside the BMP (𠮷) and emoji count as one char
#define IMGUI_ENABLE_TEST_ENGINE  // item hooks feed window.learnweek.ui.items()
#define IMGUI_DISABLE_OBSOLETE_FUNCTIONS
#define IMGUI_DISABLE_DEMO_WINDOWS   // imgui_demo.cpp is not built
#define IMGUI_DEFINE_MATH_OPERATORS  // ImVec2 + ImVec2 in UI code
