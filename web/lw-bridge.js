// lw-bridge.js — the only module that calls into the WebAssembly (Module._lw_*, the exports of
// src/app/web_exports.cpp): every other host module goes through these functions, so what
// JavaScript asks of C++ is this one list, checked at build time (tools/gen_contract.mjs).
// (lw-fallback.js is the exception: it must work when these modules did not load.)

let Module = null;

export function setModule(m) { Module = m; }
export function module() { return Module; }
// The WebAssembly is loaded (its exports exist) / its runtime started (main() ran).
export const loaded = () => !!(Module && Module._lw_post_event);
export const running = () => !!(Module && Module.calledRun && Module._lw_flush_now);

function text(p) { return Module.UTF8ToString(p); }

export function withString(s, fn) {
  const len = Module.lengthBytesUTF8(s) + 1;
  const p = Module._malloc(len);
  Module.stringToUTF8(s, p, len);
  try { return fn(p); } finally { Module._free(p); }
}

function withBytes(bytes, fn) {
  const data = bytes || new Uint8Array(0);
  const p = Module._malloc(Math.max(1, data.length));
  Module.HEAPU8.set(data, p);
  try { return fn(p, data.length); } finally { Module._free(p); }
}

// An event for platform::PollEvents (kind: LWContract.EVENT; request: the chooser's id; digest: a
// file's SHA-256 in hex, or '').
export function postEvent(kind, name, bytes, ok, number, width, height, request, digest) {
  const taken = withBytes(bytes, (p, n) => withString(name || '', (s) => withString(digest || '', (d) =>
    Module._lw_post_event(kind, s, p, n, ok ? 1 : 0, number || 0, width || 0, height || 0, request || 0, d))));
  if (!taken) console.error('[host] event kind ' + kind + ' is unknown to this build');
}

// --- Reports (JSON) ---------------------------------------------------------------------------------
export const itemsJson = () => text(Module._lw_items_json());
export const stateJson = () => text(Module._lw_state_json());
export const fontsJson = () => text(Module._lw_fonts_json());
export const statsJson = () => text(Module._lw_stats_json());
export const mapFiguresJson = () => text(Module._lw_map_figures_json());
export const selectionText = () => text(Module._lw_selection_text());

// --- Frames and input -------------------------------------------------------------------------------
export const wake = () => Module._lw_wake();
export const setPaused = (on) => Module._lw_set_paused(on ? 1 : 0);
export const benchFrames = (n) => text(Module._lw_bench_frames(n));
export const redrawWhole = () => Module._lw_redraw_whole();
export const isTextFieldAt = (x, y) => !!(Module._lw_is_text_field_at && Module._lw_is_text_field_at(x, y));
export function textInput(s) { if (s) withString(s, (p) => Module._lw_text_input(p)); }
export const keyEvent = (key, down, mods) => withString(key, (k) => Module._lw_key_event(k, down ? 1 : 0, mods));
export const rememberPaste = (s) => withString(s, (p) => Module._lw_remember_paste(p));

// --- Storage and signing ----------------------------------------------------------------------------
export const flushNow = () => Module._lw_flush_now();
export function storageUpdate(s) {
  withString(s.error, (e) => Module._lw_storage_update(s.writable ? 1 : 0, s.persisted ? 1 : 0, s.syncing ? 1 : 0,
    s.failed ? 1 : 0, e, s.usage, s.quota, s.lastSaved));
}
export const bundleSigned = (request, bytes) => withBytes(bytes, (p, n) => Module._lw_bundle_signed(request, p, n));

// --- The accessibility mirror (lw-a11y.js gets this port, not the Module) ---------------------------
export const a11yPort = {
  canvas: () => Module.canvas,
  update: () => { const p = Module._lw_a11y_update && Module._lw_a11y_update(); return p ? text(p) : ''; },
  focus: (id) => Module._lw_a11y_focus(id),
  activate: (id) => Module._lw_a11y_activate(id),
};
