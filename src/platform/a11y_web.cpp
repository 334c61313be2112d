// a11y_web.cpp — the C side of the accessibility mirror (web/lw-a11y.js): the item registry's
// semantics go out once per drawn frame when they changed; focus and activation come back in.
#include <emscripten.h>

#include <string>

#include "item_registry.h"
#include "platform.h"

extern "C" {

// The mirror's input after a frame: {"focus","active","items"} or null when nothing changed.
EMSCRIPTEN_KEEPALIVE const char* lw_a11y_update() {
  static std::string json;
  json = lw::ui::MirrorJsonIfChanged();
  return json.empty() ? nullptr : json.c_str();
}

// A mirror element got the focus (Tab in the page, a screen reader's cursor): ImGui follows.
EMSCRIPTEN_KEEPALIVE void lw_a11y_focus(unsigned int id) {
  lw::ui::RequestFocus(id);
  lw::platform::RequestRedraw();
}

// A screen reader "clicked" a mirror element: the ImGui item is activated as by Enter.
EMSCRIPTEN_KEEPALIVE void lw_a11y_activate(unsigned int id) {
  lw::ui::RequestActivate(id);
  lw::platform::RequestRedraw();
}

}  // extern "C"
