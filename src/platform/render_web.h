// render_web.h — how the browser build draws: a renderer chain chosen at start-up.
//
//  [X] WebGL2, then WebGL1 (Dear ImGui's OpenGL3 backend speaks GLSL ES 1.00 to both), then a
//      CPU renderer (src/render/soft_renderer) whose changed rectangles go to a 2D canvas.
//  [X] The page probes WebGL before start-up (web/lw-render.js) and picks the CPU renderer where
//      WebGL is a software rasterizer (SwiftShader, llvmpipe, WARP): it measures faster there.
//  [X] ?renderer=webgl2|webgl1|cpu forces one; a forced renderer that cannot start is reported.
//  [X] A lost WebGL context (webglcontextlost) falls to the CPU renderer; the app keeps its state.
#pragma once
#include <nlohmann/json.hpp>
#include <string>

struct ImDrawData;

namespace lw::platform::web {

// Creates the window and the first renderer that works. False when nothing can draw; `error`
// then says why, in Chinese.
bool OpenRenderer(std::string& error);
void RendererNewFrame();  // the renderer's half of a new ImGui frame
// Hands a frame to the screen. Returns false when nothing changed on screen.
bool Present(ImDrawData* dd);
// Switches to the CPU renderer if the WebGL context was lost since the last call.
void CheckContextLost();
// Forgets what is on screen: the next frame is drawn whole (tests compare it with partial ones).
void RedrawWhole();
nlohmann::json RendererJson();  // {renderer, glRenderer, software, forced, …}, for stats()

}  // namespace lw::platform::web
