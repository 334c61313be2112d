// lw-fallback.js — never a blank page. If LearnWeek cannot start (nothing can draw, a script or
// the WebAssembly fails to load, start-up throws) or takes too long, the page says so in plain
// Chinese HTML, says what to do, and offers a button that saves every draft to a backup file —
// written by the app's own code from what this browser has stored, so it restores in 设置.
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

  function backupButton(status) {
    const button = el('button', { type: 'button', id: 'lw-save-backup' }, '把本机保存的全部表格存为备份文件');
    button.addEventListener('click', () => {
      const M = window.Module;
      if (!M || typeof M._lw_backup_download !== 'function' || !M.calledRun) {
        status.textContent = '程序还没有载入完成，暂时无法读取本机数据。请稍等片刻再点一次，或刷新页面后再试。';
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
