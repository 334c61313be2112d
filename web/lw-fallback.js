// lw-fallback.js — never a blank page. If LearnWeek cannot start (nothing can draw, a script or
// the WebAssembly fails to load, start-up throws) or takes too long, the page says so in plain
// Chinese HTML, says what to do, and offers a button that saves every draft to a backup file —
// written by the app's own code from what this browser has stored, so it restores in 设置. When
// the app never started (its script or WebAssembly did not load), the button copies the data
// folder straight out of IndexedDB instead (src/core/raw_backup.h reads it back).
'use strict';

(function () {
  const SLOW_START_MS = 20000;  // no first frame by then: say so (the page keeps trying)
  let firstFrame = false;
  let shown = '';

  function panel() {
    let el = document.getElementById('loading');
    if (!el) {
      el = document.createElement('div');
      el.id = 'loading';
      document.body.appendChild(el);
    }
    return el;
  }

  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (text) e.textContent = text;
    return e;
  }

  function withRenderer(kind) {
    const url = new URL(location.href);
    url.searchParams.set('renderer', kind);
    return url.toString();
  }

  // What a clerk can do about it, in the order most likely to help.
  function advice() {
    const list = el('ul');
    const cpu = el('li');
    cpu.append('用兼容模式打开（不使用显卡）：', el('a', { href: withRenderer('cpu'), id: 'lw-open-cpu' }, '点此用兼容模式打开'));
    list.append(cpu,
      el('li', {}, '换用最新版的 Chrome、Edge、Firefox，或 360、QQ 浏览器的“极速模式”。'),
      el('li', {}, '在浏览器设置中打开“使用图形加速（硬件加速）”，然后重新打开本页。'),
      el('li', {}, '仍不能使用时，请先点下面的按钮保存备份文件，再联系本单位的信息化管理员。'));
    return list;
  }

  // The data folder as IDBFS keeps it (database '/data', store FILE_DATA, one entry per path),
  // read without the app. Resolves to [{path, base64}], relative to /data; [] when nothing stored.
  function readDataFolder() {
    return new Promise((resolve, reject) => {
      let req;
      try { req = indexedDB.open('/data'); } catch (e) { reject(e); return; }
      req.onupgradeneeded = () => req.transaction.abort();  // no such database: create nothing
      req.onerror = () => (req.error && req.error.name === 'AbortError' ? resolve([]) : reject(req.error));
      req.onsuccess = () => {
        const db = req.result;
        if (!db.objectStoreNames.contains('FILE_DATA')) { db.close(); resolve([]); return; }
        const files = [];
        const cursor = db.transaction('FILE_DATA', 'readonly').objectStore('FILE_DATA').openCursor();
        cursor.onerror = () => { db.close(); reject(cursor.error); };
        cursor.onsuccess = () => {
          const c = cursor.result;
          if (!c) { db.close(); resolve(files); return; }
          const path = String(c.key);
          if (c.value && c.value.contents && path.startsWith('/data/')) {
            files.push({ path: path.slice('/data/'.length), base64: toBase64(new Uint8Array(c.value.contents)) });
          }
          c.continue();
        };
      };
    });
  }

  function toBase64(bytes) {
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(s);
  }

  function download(name, text) {
    const a = el('a', { download: name, href: URL.createObjectURL(new Blob([text], { type: 'application/json' })) });
    document.body.appendChild(a);
    a.click();
    a.remove();
  }

  async function rawBackup(status) {
    try {
      const files = await readDataFolder();
      const forms = files.filter((f) => /^drafts\/[^/]+\.json$/.test(f.path)).length;
      if (!files.length) {
        status.textContent = '这个浏览器里没有找到已保存的表格，无需备份。';
        return;
      }
      const date = new Date().toISOString().slice(0, 10);
      download('学习周_本机原始备份_' + date + '.json',
               JSON.stringify({ format: 'learnweek-raw-backup', version: 1, created: new Date().toISOString(), files }));
      status.textContent = '已保存原始备份文件（' + forms + ' 份表格）。请在浏览器的“下载”中找到它，妥善保存；' +
                           '在能打开 LearnWeek 的电脑上，用“设置 → 从备份文件恢复…”读入。';
    } catch (e) {
      status.textContent = '无法读取本机保存的数据：' + (e && e.message ? e.message : e) + '。请不要清除浏览器数据，并联系信息化管理员。';
    }
  }

  function backupButton(status) {
    const button = el('button', { type: 'button', id: 'lw-save-backup' }, '把本机保存的全部表格存为备份文件');
    button.addEventListener('click', () => {
      const M = window.Module;
      if (!M || typeof M._lw_backup_download !== 'function' || !M.calledRun) {
        rawBackup(status);  // the app is not running: copy its data folder as it is
        return;
      }
      try {
        const n = M._lw_backup_download();
        status.textContent = n >= 0 ? '已保存备份文件（' + n + ' 份表格）。请在浏览器的“下载”中找到它，妥善保存。'
                                    : '备份未能生成。';
      } catch (e) {
        status.textContent = '备份未能生成：' + (e && e.message ? e.message : e);
      }
    });
    return button;
  }

  // kind: 'failed' (LearnWeek cannot run here) or 'slow' (no first frame yet; it may still come).
  function show(kind, reason, detail) {
    if (firstFrame && kind === 'slow') return;
    if (shown === 'failed') return;  // the first real failure is the one to explain
    shown = kind;
    const root = panel();
    root.className = 'fallback';
    root.setAttribute('role', 'alert');
    root.replaceChildren();
    const box = el('div', { class: 'fallback-box' });
    const status = el('p', { class: 'fallback-status', role: 'status', 'aria-live': 'polite' });
    box.append(
      el('h1', {}, kind === 'slow' ? 'LearnWeek 启动时间过长' : 'LearnWeek 无法在此浏览器中显示'),
      el('p', { class: 'fallback-reason' }, reason),
      el('p', {}, '您已保存在本机的表格不会丢失。可以这样做：'),
      advice(),
      backupButton(status),
      status);
    if (kind === 'slow') {
      const reload = el('button', { type: 'button', class: 'secondary' }, '重新载入本页');
      reload.addEventListener('click', () => location.reload());
      box.append(reload);
    }
    if (detail) box.append(el('p', { class: 'fallback-detail' }, '技术信息：' + detail));
    root.append(box);
  }

  function startupFailed(reason) {
    const info = window.LWRender ? LWRender.info() : {};
    const main = info.forced ? '地址中指定的显示方式（renderer=' + info.requested + '）在此浏览器中无法启动。'
                             : '这台电脑的浏览器无法显示 LearnWeek 的画面。';
    show('failed', main, [reason, info.glRenderer ? '显卡：' + info.glRenderer : '此浏览器没有可用的 WebGL'].join(' · '));
  }

  function crashed(what) {
    if (!firstFrame) show('failed', '程序启动时出错，已停止运行。', String(what));
    else {  // after start-up: the overlay with the message, drafts on disk are safe
      const root = panel();
      root.className = 'error';
      root.setAttribute('role', 'alert');
      root.textContent = '程序出错，已停止运行。您已保存的内容不受影响，请刷新页面。（' + what + '）';
    }
  }

  function started() {
    firstFrame = true;
    if (shown === 'slow') {
      shown = '';
      const root = document.getElementById('loading');
      if (root) root.remove();
    }
  }

  window.addEventListener('error', (e) => {
    if (e.target && e.target.tagName === 'SCRIPT') {
      show('failed', '程序文件没有下载成功，可能是网络中断或被拦截。请检查网络后刷新页面。', e.target.src);
    } else if (e.error instanceof WebAssembly.RuntimeError || !firstFrame) {
      crashed(e.error && e.error.message ? e.error.message : e.message);
    }
  }, true);
  window.addEventListener('unhandledrejection', (e) => {
    if (!firstFrame) crashed(e.reason && e.reason.message ? e.reason.message : e.reason);
  });
  setTimeout(() => show('slow', '本页已经等待 ' + SLOW_START_MS / 1000 + ' 秒仍未显示。网络较慢时请再等一会儿；也可以用兼容模式打开。'),
             SLOW_START_MS);
  if (typeof WebAssembly !== 'object') {
    document.addEventListener('DOMContentLoaded', () =>
      show('failed', '此浏览器太旧，不支持 WebAssembly。请换用最新版的 Chrome、Edge 或 Firefox。', 'WebAssembly'));
  }

  window.LWFallback = { startupFailed, crashed, started, show };
})();
