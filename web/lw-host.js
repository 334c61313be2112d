// lw-host.js — LearnWeek's browser host, the JavaScript half of src/platform/platform_web.cpp:
// starts the WebAssembly and gives C++ the LWHost object its EM_JS calls use. Each concern is its
// own module; only lw-bridge.js calls into the WebAssembly.
//
//  lw-bridge.js      every call into C++ (Module._lw_*)
//  lw-storage.js     /data on IDBFS, the writer lock, the tabs' channel
//  lw-text-agent.js  IME, typing, paste, the phone keyboard; the edited field for a screen reader
//  lw-files.js       downloads, the file chooser, drops
//  lw-print.js       the print preview (打印 and 关闭 over the page)
//  lw-assets.js      font shards and photos
//  lw-feed.js        the map's live feed
//  lw-signing.js     this device's signing key
//  lw-automation.js  window.learnweek for tests (README)
// Loaded as a module after lw-fallback.js, lw-contract.js, lw-render.js and lw-a11y.js (classic
// scripts); it loads learnweek.js itself once the Module object is ready.
import { a11yPort, loaded, module, postEvent, setModule, wake as wakeCore } from './lw-bridge.js';
import { api, ready } from './lw-automation.js';
import { decodeImage, fetchFontShard } from './lw-assets.js';
import { setFeed } from './lw-feed.js';
import { download, fetchFile, installDrop, openFiles } from './lw-files.js';
import { showPrintPreview } from './lw-print.js';
import { announceKey, signBundle } from './lw-signing.js';
import { broadcast, mountStorage, persist, refreshEstimate, scheduleFlush, takeOver } from './lw-storage.js';
import { agent, clipboardWrite, installAgent, keepFocus, setIme, showField } from './lw-text-agent.js';

const EVENT = LWContract.EVENT;

// --- Frames ---------------------------------------------------------------------------------------
// (No redraw requests are needed from here: every call into C++ sets its wake flag, which the
// main loop polls on each animation frame.)
function afterFrame(first) {
  api.frames++;
  if (first) {
    LWFallback.started();
    document.getElementById('loading')?.remove();
    ready();
    refreshEstimate();
    announceKey();
  }
  keepFocus();
  // The accessibility mirror (lw-a11y.js) follows every drawn frame; the text agent is the
  // edited field's labelled element there.
  if (window.LWA11y) {
    if (first) window.LWA11y.init(a11yPort, agent, showField);
    window.LWA11y.afterFrame();
  }
}

// The main loop sleeps while nothing changes; input that SDL handles on its own wakes it.
let wakeTimer = 0;
function wake() { const M = module(); if (M && M.calledRun) wakeCore(); }  // not before the runtime is up
function wakeAfter(ms) {
  clearTimeout(wakeTimer);
  wakeTimer = setTimeout(wake, Math.max(0, ms));
}
for (const type of ['pointermove', 'pointerdown', 'pointerup', 'wheel', 'keydown', 'keyup', 'resize', 'focus', 'blur']) {
  window.addEventListener(type, wake, { capture: true, passive: true });
}

function setFullscreen(on) {
  if (on && !document.fullscreenElement) document.documentElement.requestFullscreen().catch(() => {});
  if (!on && document.fullscreenElement) document.exitFullscreen().catch(() => {});
}
document.addEventListener('fullscreenchange', () => {
  if (!document.fullscreenElement && loaded()) postEvent(EVENT.FullscreenExit, '', null, true, 0);
});

function init() {
  const canvas = document.getElementById('canvas');
  installAgent(canvas);
  installDrop();
  // devicePixelRatio changes (window dragged to another monitor) do not always fire resize.
  const watchDpr = () => {
    matchMedia('(resolution: ' + devicePixelRatio + 'dppx)').addEventListener('change', () => {
      window.dispatchEvent(new Event('resize'));
      watchDpr();
    }, { once: true });
  };
  watchDpr();

  const Module = window.Module = {
    canvas,
    preRun: [mountStorage],
    print: (t) => console.log(t),
    printErr: (t) => console.warn(t),
    // Start-up errors and crashes get a Chinese message, never a frozen or blank page.
    onAbort: (what) => LWFallback.crashed(what),
  };
  setModule(Module);
  if ('serviceWorker' in navigator && location.protocol !== 'file:') {
    navigator.serviceWorker.register('sw.js').catch(() => {});
  }
  const script = document.createElement('script');
  script.src = 'learnweek.js';
  script.async = true;
  document.body.appendChild(script);  // a failed load is reported by lw-fallback.js (a script error)
}

window.LWHost = {
  persist, takeOver, refreshEstimate, scheduleFlush, download, signBundle, openFiles, fetchFile, showPrintPreview,
  fetchFontShard, decodeImage, setFeed, broadcast, setFullscreen, setIme, clipboardWrite, afterFrame, wakeAfter,
};
init();
