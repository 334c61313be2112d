// web_contract.h — the numbers JavaScript and C++ exchange besides host events (those are
// platform::Event::Kind). Each enum marked "js: NAME" has explicit values; tools/gen_contract.mjs
// turns them into LWContract.NAME in lw-contract.js at build time, so web/*.js never keeps its own
// copy, and fails the build when a value is missing. Never renumber, only append.
#pragma once

namespace lw::platform::contract {

// Modifier bits of a key event from the text agent (lw_key_event's `mods`).
enum class KeyMod : int {  // js: MOD
  Ctrl = 1,                // Cmd on a Mac: the shortcut key
  Shift = 2,
  Alt = 4,
  Super = 8,  // Ctrl on a Mac
};

// Renderers, in the order of the chain (web/lw-render.js picks the first to try).
enum class Renderer : int {  // js: RENDERER
  Cpu = 0,
  WebGL1 = 1,
  WebGL2 = 2,
};

// Limits both sides apply: the host refuses a larger file before reading it into memory, the core
// before parsing it (web_exports.cpp checks the two agree).
enum class Limit : int {    // js: LIMIT
  MaxFileBytes = 52428800,  // 50 MB
};

inline bool Has(int mods, KeyMod m) { return (mods & static_cast<int>(m)) != 0; }

}  // namespace lw::platform::contract
