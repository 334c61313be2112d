// lw-host.js — LearnWeek's browser host, the JavaScript half of src/platform/platform_web.cpp.
//
//  Storage    /data is an IDBFS mount. It is loaded before main() runs, written only by the tab
//             that holds the "learnweek-writer" Web Lock, synced one at a time, and every sync has
//             a timeout (Emscripten 3.1.6 never calls back on QuotaExceededError).
//  Text agent a <textarea> placed at ImGui's caret receives IME composition, typing, paste and
//             the phone keyboard; committed text goes to ImGui exactly once.
//  Files      download, open (picker, drag and drop), print.
//  Fonts      CJK shards fetched on demand (the service worker keeps them for offline use).
//  Tabs       BroadcastChannel: saves in one tab refresh the others.
//  Automation window.learnweek.{ready, ui.items(), state()} for end-to-end tests (README).
'use strict';

(function () {
  const DATA = '/data';
  const SYNC_TIMEOUT_MS = 10000;
  const MAX_FILE_BYTES = LWContract.LIMIT.MaxFileBytes;
  const EVENT = LWContract.EVENT;  // generated from platform::Event::Kind (tools/gen_contract.mjs)
  const MOD = LWContract.MOD;
  const isMac = /Mac|iPhone|iPad/.test(navigator.platform || '');

  const storage = { writable: true, persisted: false, syncing: false, failed: false, error: '',
                    usage: 0, quota: 0, lastSaved: 0 };
  const channel = 'BroadcastChannel' in window ? new BroadcastChannel('learnweek') : null;
  let resolveReady;
  let Module;

  // --- Automation interface (documented in README.md) -------------------------------------------
  const api = {
    ready: new Promise((r) => { resolveReady = r; }),
    ui: { items: () => JSON.parse(callString('lw_items_json')) },
    state: () => JSON.parse(callString('lw_state_json')),
    storage: () => ({ ...storage }),
    fonts: () => JSON.parse(callString('lw_fonts_json')),
    stats: () => JSON.parse(callString('lw_stats_json')),
    mapFigures: () => JSON.parse(callString('lw_map_figures_json')),
    // Benchmarks: stop drawing, let the GPU finish, then build n frames back to back (CPU only).
    benchFrames: async (n) => {
      Module._lw_set_paused(1);
      await new Promise((r) => setTimeout(r, 1500));
      const times = JSON.parse(Module.UTF8ToString(Module._lw_bench_frames(n)));
      Module._lw_set_paused(0);
      return times;
    },
    // Tests: hold frames back (as a slow machine would) while input queues up.
    holdFrames: (on) => Module._lw_set_paused(on ? 1 : 0),
    // Tests: draw the next frame whole, to compare it with the frames drawn in part.
    redrawWhole: () => Module._lw_redraw_whole(),
    frames: 0,
  };
  api.a11y = { stats: () => window.LWA11y.stats(), resetStats: () => window.LWA11y.resetStats(),
               bench: (n) => window.LWA11y.bench(n) };
  window.learnweek = api;

  function callString(name) {
    return Module.UTF8ToString(Module['_' + name]());
  }

  function withString(s, fn) {
    const len = Module.lengthBytesUTF8(s) + 1;
    const p = Module._malloc(len);
    Module.stringToUTF8(s, p, len);
    try { return fn(p); } finally { Module._free(p); }
  }

  function postEvent(kind, name, bytes, ok, number, width, height, request) {
    const data = bytes || new Uint8Array(0);
    const p = Module._malloc(Math.max(1, data.length));
    Module.HEAPU8.set(data, p);
    const taken = withString(name || '', (n) => Module._lw_post_event(kind, n, p, data.length, ok ? 1 : 0, number || 0,
                                                                   width || 0, height || 0, request || 0));
    Module._free(p);
    if (!taken) console.error('[host] event kind ' + kind + ' is unknown to this build');
  }

  // --- Storage ------------------------------------------------------------------------------------
  function pushStorage() {
    if (!Module || !Module._lw_storage_update) return;
    withString(storage.error, (e) => Module._lw_storage_update(storage.writable ? 1 : 0, storage.persisted ? 1 : 0,
      storage.syncing ? 1 : 0, storage.failed ? 1 : 0, e, storage.usage, storage.quota, storage.lastSaved));
  }

  function syncfs(populate) {
    return new Promise((resolve) => {
      let done = false;
      const timer = setTimeout(() => finish(new Error('timeout')), SYNC_TIMEOUT_MS);
      function finish(err) {
        if (done) return;
        done = true;
        clearTimeout(timer);
        resolve(err || null);
      }
      try { Module.FS.syncfs(populate, finish); } catch (e) { finish(e); }
    });
  }

  // Chrome reports a full disk in several ways: QuotaExceededError, an "UnknownError", a
  // connection it closes itself, or (Emscripten 3.1.6) no callback at all. One message for all.
  function failureMessage(err) {
    const detail = String((err && (err.message || err.name)) || err);
    return '无法保存到浏览器存储：磁盘或浏览器存储空间可能已满。最近的修改仍保留在本页，已保存的内容不受影响。' +
      '请释放磁盘空间（会自动重试），或到“设置”保存备份文件。' + (detail === 'timeout' ? '（写入超时）' : detail && detail !== 'Error' ? '（' + detail + '）' : '');
  }

  // After a failed write Chrome may have closed the database; IDBFS would keep using the dead
  // connection, so forget it and let the next sync open a fresh one.
  function forgetDatabase() {
    try { delete Module.IDBFS.dbs[DATA]; } catch (e) { /* nothing cached */ }
  }

  const RETRY_MS = 5000;
  let retryTimer = 0;
  let syncing = false;
  let syncAgain = false;
  async function persist() {
    if (!storage.writable) return;
    if (syncing) { syncAgain = true; return; }
    syncing = true;
    storage.syncing = true;
    pushStorage();
    const err = await syncfs(false);
    syncing = false;
    storage.syncing = false;
    if (err) {
      storage.failed = true;
      storage.error = failureMessage(err);
      forgetDatabase();
      clearTimeout(retryTimer);
      retryTimer = setTimeout(persist, RETRY_MS);  // space may be freed at any moment
    } else {
      storage.failed = false;
      storage.error = '';
      storage.lastSaved = performance.now();
      if (channel) channel.postMessage({ type: 'saved' });
    }
    pushStorage();
    if (syncAgain) { syncAgain = false; persist(); }
    else refreshEstimate();
  }

  async function refreshEstimate() {
    if (!navigator.storage || !navigator.storage.estimate) return;
    try {
      const e = await navigator.storage.estimate();
      storage.usage = e.usage || 0;
      storage.quota = e.quota || 0;
      if (navigator.storage.persisted) storage.persisted = await navigator.storage.persisted();
    } catch (e) { /* estimate is informational only */ }
    pushStorage();
  }

  // One writer at a time: the tab holding the lock saves; others are read-only and follow it.
  let releaseLock = null;
  function holdLock(lock) {
    return new Promise((release) => { releaseLock = release; });
  }

  // Resolves true once this tab holds the writer lock (stolen: taken from a frozen writer, after
  // re-reading what it saved). false when another tab holds it and we did not steal.
  function becomeWriter(stolen) {
    return new Promise((resolve) => {
      navigator.locks.request('learnweek-writer', stolen ? { steal: true } : { ifAvailable: true }, async (lock) => {
        if (!lock) { resolve(false); return undefined; }
        if (stolen) await reloadFromDisk();
        storage.writable = true;
        pushStorage();
        resolve(true);
        return holdLock(lock);
      }).catch(() => {
        // Another tab stole the lock: stop writing and follow it from now on.
        storage.writable = false;
        pushStorage();
        waitForLock();
      });
    });
  }

  function waitForLock() {
    // Queued request: granted when the writer tab closes or hands over.
    navigator.locks.request('learnweek-writer', async (lock) => {
      await reloadFromDisk();
      storage.writable = true;
      pushStorage();
      return holdLock(lock);
    }).catch(() => { storage.writable = false; pushStorage(); });
  }

  async function reloadFromDisk() {
    await syncfs(true);
    if (Module._lw_post_event) postEvent(EVENT.DataReloaded, '', null, true, 0);
  }

  // Ask the writer to save and hand over; our queued lock request is then granted. Steal only
  // from a writer that does not answer (a frozen tab).
  async function takeOver() {
    if (storage.writable) return;
    let answered = false;
    if (channel) {
      answered = await new Promise((resolve) => {
        const t = setTimeout(() => resolve(false), 3000);
        channel.addEventListener('message', function on(e) {
          if (e.data && e.data.type === 'released') { clearTimeout(t); channel.removeEventListener('message', on); resolve(true); }
        });
        channel.postMessage({ type: 'release-request' });
      });
    }
    if (!answered) await becomeWriter(true);
  }

  async function onReleaseRequest() {
    if (!storage.writable) return;
    if (Module._lw_flush_now) Module._lw_flush_now();
    while (syncing) await new Promise((r) => setTimeout(r, 50));
    await syncfs(false);
    storage.writable = false;
    if (releaseLock) { releaseLock(); releaseLock = null; }
    pushStorage();
    channel.postMessage({ type: 'released' });
    waitForLock();
  }

  if (channel) {
    channel.onmessage = (e) => {
      const m = e.data || {};
      if (m.type === 'saved' && !storage.writable) reloadFromDisk();
      else if (m.type === 'release-request') onReleaseRequest();
      else if (m.type === 'change' && Module._lw_post_event) {
        postEvent(EVENT.PeerChanged, '', new TextEncoder().encode(m.json || ''), true, 0);
      }
    };
  }

  // Emscripten 3.1.6's MEMFS rename over an existing file leaves the replaced node in FS's name
  // table, so after our atomic write (tmp → rename) a later unlink "resurrects" the old file
  // (fixed upstream by emscripten PR #23074). Drop the replaced node, as the fix does.
  function patchRename(FS) {
    const rename = FS.rename;
    FS.rename = (oldPath, newPath) => {
      let replaced = null;
      try { replaced = FS.lookupPath(newPath).node; } catch (e) { /* nothing to replace */ }
      rename(oldPath, newPath);
      if (replaced && FS.lookupPath(newPath).node !== replaced) FS.hashRemoveNode(replaced);
    };
  }

  function mountStorage() {
    const FS = Module.FS;
    patchRename(FS);
    FS.mkdir(DATA);
    FS.mount(Module.IDBFS, {}, DATA);
    Module.addRunDependency('lw-storage');
    const lockStep = navigator.locks ? becomeWriter(false) : Promise.resolve(true);
    lockStep.then(async (writer) => {
      storage.writable = writer;
      // Load what is stored BEFORE anything can be written: a sync the other way first would
      // mirror an empty folder over the user's drafts.
      const err = await syncfs(true);
      if (err) { storage.failed = true; storage.error = '无法读取浏览器中保存的数据：' + (err.message || err); }
      if (!writer) waitForLock();
      Module.removeRunDependency('lw-storage');
    });
    if (navigator.storage && navigator.storage.persist) {
      navigator.storage.persist().then((p) => { storage.persisted = p; pushStorage(); }).catch(() => {});
    }
  }

  let flushTimer = 0;
  function scheduleFlush(ms) {
    // A timer, not the frame loop: hidden tabs get no animation frames but still save.
    clearTimeout(flushTimer);
    flushTimer = setTimeout(() => Module._lw_flush_now(), Math.max(0, ms));
  }
  // Only a runtime that started has anything to save (a page whose WebAssembly failed to load has
  // the exports' stubs, which throw).
  const running = () => Module && Module.calledRun && Module._lw_flush_now;
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden' && running()) {
      Module._lw_flush_now();
      persist();
    }
  });
  window.addEventListener('pagehide', () => { if (running()) Module._lw_flush_now(); });

  // --- Text agent -----------------------------------------------------------------------------------
  const agent = document.createElement('textarea');
  agent.id = 'lw-text-agent';
  agent.setAttribute('aria-label', '文字输入');
  agent.setAttribute('autocomplete', 'off');
  agent.setAttribute('autocorrect', 'off');
  agent.setAttribute('autocapitalize', 'off');
  agent.spellcheck = false;
  let composing = false;
  let imeWanted = false;
  let imeRect = { x: 0, y: 0, h: 24 };

  function sendText(text) {
    if (!text) return;
    withString(text, (p) => Module._lw_text_input(p));
  }

  function placeAgent() {
    const c = Module.canvas.getBoundingClientRect();
    agent.style.left = (c.left + imeRect.x) + 'px';
    agent.style.top = (c.top + imeRect.y) + 'px';
    agent.style.height = imeRect.h + 'px';
    agent.style.fontSize = Math.round(imeRect.h / 1.45) + 'px';
    agent.style.lineHeight = imeRect.h + 'px';
  }

  function setIme(want, x, y, h) {
    imeWanted = want;
    if (want) {
      imeRect = { x, y, h: h > 0 ? h : 24 };
      placeAgent();
      if (document.activeElement !== agent) agent.focus({ preventScroll: true });
    } else if (document.activeElement === agent && !composing) {
      agent.blur();
      forgetField();
    }
  }

  function mods(e) {
    const ctrl = isMac ? e.metaKey : e.ctrlKey;
    const sup = isMac ? e.ctrlKey : e.metaKey;
    return (ctrl ? MOD.Ctrl : 0) | (e.shiftKey ? MOD.Shift : 0) | (e.altKey ? MOD.Alt : 0) | (sup ? MOD.Super : 0);
  }

  // Keys that went down through the agent. When the agent loses the focus between a key's down and
  // its up (Tab leaves the field in the frame between them, likely on a slow PC), the up goes to
  // SDL, which drops an up it never saw go down, and ImGui would hold the key and repeat it: the
  // focus would run on by itself. So leaving the agent releases them.
  const agentKeys = new Set();
  function onKey(down) {
    return (e) => {
      e.stopPropagation();  // SDL listens on window: text and keys must reach ImGui only from here
      if (e.isComposing || e.keyCode === 229 || composing) return;
      if (down) agentKeys.add(e.key); else agentKeys.delete(e.key);
      const handled = withString(e.key, (k) => Module._lw_key_event(k, down ? 1 : 0, mods(e)));
      if (handled) e.preventDefault();
    };
  }
  function releaseAgentKeys() {
    for (const key of agentKeys) withString(key, (k) => Module._lw_key_event(k, 0, 0));
    agentKeys.clear();
  }

  agent.addEventListener('keydown', onKey(true));
  agent.addEventListener('keyup', onKey(false));
  agent.addEventListener('keypress', (e) => e.stopPropagation());
  // The agent holds the edited field's text and ImGui's selection (lw-a11y.js passes them on after
  // each frame), so a screen reader reads and walks the field in the element that has the focus.
  // ImGui owns the text: what the browser adds to the agent is sent on as typed text and the agent
  // is put back as it was; the next frame shows ImGui's result. The IME's text being composed is
  // shown beside it (#lw-preedit), as the field's text in the agent stays invisible. Not on touch
  // screens: their keyboards recompose words already in the box, which would then be typed twice.
  const holdsField = !(window.matchMedia && matchMedia('(pointer: coarse)').matches);
  let shown = { text: '', anchor: 0, caret: 0 };
  const preedit = document.createElement('div');
  preedit.id = 'lw-preedit';
  preedit.setAttribute('aria-hidden', 'true');

  function selectShown() {
    const s = Math.min(shown.anchor, shown.caret), e = Math.max(shown.anchor, shown.caret);
    if (agent.selectionStart !== s || agent.selectionEnd !== e)
      agent.setSelectionRange(s, e, shown.caret < shown.anchor ? 'backward' : 'forward');
  }
  function putBack() {
    if (agent.value !== shown.text) agent.value = shown.text;
    if (document.activeElement === agent) selectShown();
  }
  function showField(text, anchor, caret) {
    if (!holdsField) return false;
    shown = { text, anchor, caret };
    if (!composing && document.activeElement === agent) putBack();
    return true;
  }
  function forgetField() {
    shown = { text: '', anchor: 0, caret: 0 };
    agent.value = '';
  }
  // What the browser put into `after` that `before` did not have (typed, composed or replaced).
  function added(before, after) {
    let p = 0;
    while (p < before.length && p < after.length && before[p] === after[p]) p++;
    let q = 0;
    while (q < before.length - p && q < after.length - p && before[before.length - 1 - q] === after[after.length - 1 - q]) q++;
    return after.slice(p, after.length - q);
  }
  function showPreedit(text) {
    preedit.textContent = text;
    preedit.hidden = !text;
    if (!text) return;
    preedit.style.left = agent.style.left;
    preedit.style.top = agent.style.top;
    preedit.style.height = preedit.style.lineHeight = agent.style.height;
    preedit.style.fontSize = agent.style.fontSize;
  }

  agent.addEventListener('compositionstart', () => { composing = true; });
  agent.addEventListener('compositionend', (e) => {
    composing = false;
    showPreedit('');
    sendText(e.data);
    putBack();
  });
  agent.addEventListener('input', (e) => {
    if (e.isComposing || composing) {  // shown beside the agent until committed
      showPreedit(added(shown.text, agent.value));
      return;
    }
    // Typing, a dictation or an autocorrection inserts; anything else (an undo of the box's own
    // history, a deletion ImGui did not take) is the box's, not the user's text.
    const text = !e.inputType || e.inputType.startsWith('insert') ? added(shown.text, agent.value) : '';
    putBack();
    sendText(text);
  });
  agent.addEventListener('paste', (e) => {
    e.preventDefault();
    const text = (e.clipboardData && e.clipboardData.getData('text/plain')) || '';
    withString(text, (p) => Module._lw_remember_paste(p));
    // ImGui ignores typed text while Ctrl is held (Ctrl+letter shortcuts): release it first.
    withString('', (k) => Module._lw_key_event(k, 0, 0));
    sendText(text.replace(/\r\n?/g, '\n'));
  });
  agent.addEventListener('copy', (e) => {
    const text = callString('lw_selection_text');
    e.preventDefault();
    if (text && e.clipboardData) e.clipboardData.setData('text/plain', text);
  });
  agent.addEventListener('cut', (e) => {
    const text = callString('lw_selection_text');
    e.preventDefault();
    if (!text || !e.clipboardData) return;
    e.clipboardData.setData('text/plain', text);
    withString('Delete', (k) => { Module._lw_key_event(k, 1, 0); Module._lw_key_event(k, 0, 0); });
  });
  agent.addEventListener('blur', () => {
    queueMicrotask(releaseAgentKeys);  // after the frame that blurred it, not inside it
    // Clicking the canvas keeps ImGui's field active; take the focus back for the next keystroke.
    if (imeWanted) setTimeout(() => { if (imeWanted && document.hasFocus()) agent.focus({ preventScroll: true }); }, 0);
  });

  function clipboardWrite(text) {
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).catch(() => {});
  }

  // --- Frames ---------------------------------------------------------------------------------------
  // (No redraw requests are needed from here: every call into C++ sets its wake flag, which the
  // main loop polls on each animation frame.)
  function afterFrame(first) {
    api.frames++;
    if (first) {
      LWFallback.started();
      document.getElementById('loading')?.remove();
      resolveReady();
      refreshEstimate();
      announceKey();
    }
    if (imeWanted && document.activeElement !== agent && document.hasFocus()) agent.focus({ preventScroll: true });
    // The accessibility mirror (lw-a11y.js) follows every drawn frame; the text agent is the
    // edited field's labelled element there.
    if (window.LWA11y) {
      if (first) window.LWA11y.init(Module, agent, showField);
      window.LWA11y.afterFrame();
    }
  }

  // --- Files -------------------------------------------------------------------------------------------
  function download(name, mime, bytes) {
    const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  // --- Signing: this device's ECDSA P-256 key ------------------------------------------------------------
  // Made once per browser profile with the private key non-extractable; the CryptoKey objects
  // themselves are kept in IndexedDB (a structured clone stays usable and stays non-extractable),
  // so only the public key ever leaves WebCrypto. Format of the signed file: core/signature.h.
  const KEY_DB = 'learnweek-keys';
  let deviceKeyPromise = null;
  const idbDone = (req) => new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  async function loadOrMakeKey() {
    if (!window.crypto || !crypto.subtle || !window.indexedDB) return null;  // e.g. plain http: no WebCrypto
    const open = indexedDB.open(KEY_DB, 1);
    open.onupgradeneeded = () => open.result.createObjectStore('keys');
    const db = await idbDone(open);
    const get = () => idbDone(db.transaction('keys').objectStore('keys').get('device'));
    try {
      let pair = await get();
      if (!pair) {
        pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
        // add, not put: when two tabs start at once, the first key stored is the device's key.
        await idbDone(db.transaction('keys', 'readwrite').objectStore('keys').add(pair, 'device')).catch(() => {});
        pair = await get();
      }
      return pair;
    } finally {
      db.close();
    }
  }
  function deviceKey() {
    if (!deviceKeyPromise) {
      deviceKeyPromise = loadOrMakeKey().catch((e) => { console.error('[host] signing key unavailable', e); return null; });
    }
    return deviceKeyPromise;
  }
  const publicKeyOf = async (pair) => new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  async function announceKey() {
    const pair = await deviceKey();
    if (pair) postEvent(EVENT.SigningKey, '', await publicKeyOf(pair), true, 0);
  }
  // bytes: the canonical bundle. Only the signature is made here; the core writes the signed
  // file (core/signature.h) and downloads it: one writer of that format.
  async function signBundle(request, bytes) {
    const pair = await deviceKey();
    let out = new Uint8Array(0);
    if (pair) {
      const value = new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, bytes));
      const key = await publicKeyOf(pair);
      out = new Uint8Array(key.length + value.length);
      out.set(key);
      out.set(value, key.length);
    }
    const p = Module._malloc(Math.max(1, out.length));
    Module.HEAPU8.set(out, p);
    Module._lw_bundle_signed(request, p, out.length);
    Module._free(p);
  }

  // Reads every chosen file first, then hands them over together: one batch, one import report.
  // request: the id C++ gave the file chooser (0 for files dropped on the page).
  async function readFiles(files, request) {
    const loaded = await Promise.all(files.map(async (f) =>
      (f.size > MAX_FILE_BYTES ? { f, big: true } : { f, bytes: new Uint8Array(await f.arrayBuffer()) })));
    for (const { f, big, bytes } of loaded) {
      if (big) postEvent(EVENT.FileTooLarge, f.name, null, false, f.size, 0, 0, request);
      else postEvent(EVENT.FileOpened, f.name, bytes, true, f.size, 0, 0, request);
    }
  }

  function openFiles(accept, multiple, request) {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.multiple = multiple;
    input.onchange = () => readFiles(Array.from(input.files || []), request);
    input.click();
  }

  function printHtml(html) {
    const frame = document.createElement('iframe');
    frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0';
    frame.srcdoc = html;
    frame.onload = () => {
      frame.contentWindow.focus();
      frame.contentWindow.print();
      setTimeout(() => frame.remove(), 60000);
    };
    document.body.appendChild(frame);
  }

  async function fetchFontShard(file) {
    try {
      const r = await fetch('fonts/' + file);
      if (!r.ok) throw new Error(r.status);
      postEvent(EVENT.FontShard, file, new Uint8Array(await r.arrayBuffer()), true, 0);
    } catch (e) {
      postEvent(EVENT.FontShard, file, null, false, 0);
    }
  }

  async function decodeImage(key, bytes, maxPx) {
    try {
      const bmp = await createImageBitmap(new Blob([bytes]));
      const k = Math.min(1, maxPx / Math.max(bmp.width, bmp.height));
      const w = Math.max(1, Math.round(bmp.width * k));
      const h = Math.max(1, Math.round(bmp.height * k));
      const canvas = new OffscreenCanvas(w, h);
      const g = canvas.getContext('2d');
      g.imageSmoothingQuality = 'high';
      g.drawImage(bmp, 0, 0, w, h);
      const rgba = new Uint8Array(g.getImageData(0, 0, w, h).data.buffer);
      postEvent(EVENT.ImageDecoded, key, rgba, true, 0, w, h);
    } catch (e) {
      postEvent(EVENT.ImageDecoded, key, null, false, 0);
    }
  }

  // The live feed: polled every 15 s while online; only content that changed is handed over
  // (the importer would ignore a repeat anyway, by its SHA-256).
  let feedTimer = 0;
  let feedLast = '';
  function setFeed(url) {
    clearInterval(feedTimer);
    feedLast = '';
    if (!url) return;
    const poll = async () => {
      if (!navigator.onLine) return;
      try {
        const r = await fetch(url, { cache: 'no-store' });
        if (!r.ok) return;
        const bytes = new Uint8Array(await r.arrayBuffer());
        const key = bytes.length + ':' + bytes.slice(0, 64).join(',') + bytes.slice(-64).join(',');
        if (key === feedLast) return;
        feedLast = key;
        postEvent(EVENT.FeedBundle, url, bytes, true, bytes.length);
      } catch (e) { /* offline or unreachable: try again later */ }
    };
    poll();
    feedTimer = setInterval(poll, 15000);
  }

  function broadcast(json) { if (channel) channel.postMessage({ type: 'change', json }); }

  function setFullscreen(on) {
    if (on && !document.fullscreenElement) document.documentElement.requestFullscreen().catch(() => {});
    if (!on && document.fullscreenElement) document.exitFullscreen().catch(() => {});
  }
  document.addEventListener('fullscreenchange', () => {
    if (!document.fullscreenElement && Module._lw_post_event) postEvent(EVENT.FullscreenExit, '', null, true, 0);
  });

  // --- Module -----------------------------------------------------------------------------------------
  // The main loop sleeps while nothing changes; input that SDL handles on its own wakes it.
  let wakeTimer = 0;
  function wake() { if (Module && Module.calledRun) Module._lw_wake(); }  // not before the runtime is up
  function wakeAfter(ms) {
    clearTimeout(wakeTimer);
    wakeTimer = setTimeout(wake, Math.max(0, ms));
  }
  for (const type of ['pointermove', 'pointerdown', 'pointerup', 'wheel', 'keydown', 'keyup', 'resize', 'focus', 'blur']) {
    window.addEventListener(type, wake, { capture: true, passive: true });
  }

  function init() {
    const canvas = document.getElementById('canvas');
    document.body.appendChild(agent);
    preedit.hidden = true;
    document.body.appendChild(preedit);
    canvas.addEventListener('mousedown', (e) => { if (imeWanted) e.preventDefault(); });
    // Phones open their keyboard only for a focus() inside the touch itself: ask which item is
    // under the finger (from the last frame) and focus the agent right away.
    canvas.addEventListener('touchend', (e) => {
      const t = e.changedTouches[0];
      const r = canvas.getBoundingClientRect();
      if (t && Module._lw_is_text_field_at && Module._lw_is_text_field_at(t.clientX - r.left, t.clientY - r.top)) {
        imeRect = { x: t.clientX - r.left, y: t.clientY - r.top, h: imeRect.h };
        placeAgent();
        agent.focus({ preventScroll: true });
      }
    }, { passive: true });
    document.addEventListener('dragover', (e) => { e.preventDefault(); document.body.classList.add('dropping'); });
    document.addEventListener('dragleave', () => document.body.classList.remove('dropping'));
    document.addEventListener('drop', (e) => {
      e.preventDefault();
      document.body.classList.remove('dropping');
      readFiles(Array.from((e.dataTransfer && e.dataTransfer.files) || []), 0);
    });
    // devicePixelRatio changes (window dragged to another monitor) do not always fire resize.
    const watchDpr = () => {
      matchMedia('(resolution: ' + devicePixelRatio + 'dppx)').addEventListener('change', () => {
        window.dispatchEvent(new Event('resize'));
        watchDpr();
      }, { once: true });
    };
    watchDpr();

    Module = window.Module = {
      canvas,
      preRun: [mountStorage],
      print: (t) => console.log(t),
      printErr: (t) => console.warn(t),
      // Start-up errors and crashes get a Chinese message, never a frozen or blank page.
      onAbort: (what) => LWFallback.crashed(what),
    };
    if ('serviceWorker' in navigator && location.protocol !== 'file:') {
      navigator.serviceWorker.register('sw.js').catch(() => {});
    }
  }

  window.LWHost = {
    persist, takeOver, refreshEstimate, scheduleFlush, download, signBundle, openFiles, printHtml,
    fetchFontShard, decodeImage, setFeed, broadcast, setFullscreen, setIme, clipboardWrite, afterFrame, wakeAfter,
  };
  init();
})();
