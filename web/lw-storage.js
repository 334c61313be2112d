// lw-storage.js — /data, the IDBFS mount where drafts live, and the tabs that share it.
//
// It is loaded before main() runs, written only by the tab that holds the "learnweek-writer" Web
// Lock, synced one at a time, and every sync has a timeout (Emscripten 3.1.6 never calls back on
// QuotaExceededError). Tabs talk over a BroadcastChannel: a save in the writer refreshes the
// others, a tab can ask the writer to hand over, and edits are broadcast for live views.
import { flushNow, loaded, module, postEvent, running, storageUpdate } from './lw-bridge.js';

const DATA = '/data';
const SYNC_TIMEOUT_MS = 10000;
const EVENT = LWContract.EVENT;
// The tab protocol's messages ({type, json?} on the 'learnweek' channel).
const MSG = { Saved: 'saved', ReleaseRequest: 'release-request', Released: 'released', Change: 'change' };

export const storage = { writable: true, persisted: false, syncing: false, failed: false, error: '',
                         usage: 0, quota: 0, lastSaved: 0 };
const channel = 'BroadcastChannel' in window ? new BroadcastChannel('learnweek') : null;

function pushStorage() {
  if (loaded()) storageUpdate(storage);
}

// Emscripten 3.1.6's IDBFS.getDB reports a failed open as `this.error` inside an arrow function:
// undefined, so the failure reads as success and the next step fails on a missing database
// ("Cannot read properties of undefined (reading 'transaction')"). Said as what it is instead.
function checkedGetDB(IDBFS) {
  if (!IDBFS || !IDBFS.getDB || IDBFS.getDB.checked) return;
  const open = IDBFS.getDB;
  IDBFS.getDB = (name, callback) =>
    open(name, (err, db) => callback(err || (db ? null : new Error('浏览器未能打开本机存储')), db));
  IDBFS.getDB.checked = true;
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
    try {
      checkedGetDB(module().IDBFS);
      module().FS.syncfs(populate, finish);
    } catch (e) { finish(e); }
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
  try { delete module().IDBFS.dbs[DATA]; } catch (e) { /* nothing cached */ }
}

const RETRY_MS = 5000;
let retryTimer = 0;
let syncing = false;
let syncAgain = false;
export async function persist() {
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
    if (channel) channel.postMessage({ type: MSG.Saved });
  }
  pushStorage();
  if (syncAgain) { syncAgain = false; persist(); }
  else refreshEstimate();
}

export async function refreshEstimate() {
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
  if (loaded()) postEvent(EVENT.DataReloaded, '', null, true, 0);
}

// Ask the writer to save and hand over; our queued lock request is then granted. Steal only
// from a writer that does not answer (a frozen tab).
export async function takeOver() {
  if (storage.writable) return;
  let answered = false;
  if (channel) {
    answered = await new Promise((resolve) => {
      const t = setTimeout(() => resolve(false), 3000);
      channel.addEventListener('message', function on(e) {
        if (e.data && e.data.type === MSG.Released) { clearTimeout(t); channel.removeEventListener('message', on); resolve(true); }
      });
      channel.postMessage({ type: MSG.ReleaseRequest });
    });
  }
  if (!answered) await becomeWriter(true);
}

async function onReleaseRequest() {
  if (!storage.writable) return;
  if (running()) flushNow();
  while (syncing) await new Promise((r) => setTimeout(r, 50));
  await syncfs(false);
  storage.writable = false;
  if (releaseLock) { releaseLock(); releaseLock = null; }
  pushStorage();
  channel.postMessage({ type: MSG.Released });
  waitForLock();
}

if (channel) {
  channel.onmessage = (e) => {
    const m = e.data || {};
    if (m.type === MSG.Saved && !storage.writable) reloadFromDisk();
    else if (m.type === MSG.ReleaseRequest) onReleaseRequest();
    else if (m.type === MSG.Change && loaded()) {
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

export function mountStorage() {
  const Module = module();
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
export function scheduleFlush(ms) {
  // A timer, not the frame loop: hidden tabs get no animation frames but still save.
  clearTimeout(flushTimer);
  flushTimer = setTimeout(flushNow, Math.max(0, ms));
}
// Only a runtime that started has anything to save (a page whose WebAssembly failed to load has
// the exports' stubs, which throw): running().
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden' && running()) {
    flushNow();
    persist();
  }
});
window.addEventListener('pagehide', () => { if (running()) flushNow(); });

// An edit made here, for other tabs' live views (the map).
export function broadcast(json) { if (channel) channel.postMessage({ type: MSG.Change, json }); }
