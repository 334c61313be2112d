// harness.mjs — shared set-up for LearnWeek's browser tests: Debian's Chromium through
// playwright-core (no browser download), dist/ served on a free port, and helpers that act like
// a person: click at the coordinates window.learnweek.ui.items() reports, type through real
// keyboard events or CDP IME composition, paste through the real clipboard.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const ARTIFACTS = join(ROOT, 'test-results');
mkdirSync(ARTIFACTS, { recursive: true });

const BASE_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--disable-quic'];
// WebGL through SwiftShader (a software GPU), as on a PC without a usable GPU before Chrome 139.
export const CHROMIUM_ARGS = [...BASE_ARGS, '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];
// No WebGL at all, as on a GPU-less virtual desktop with Chrome ≥ 139 (../shared/BROWSERS.md).
export const NO_GPU_ARGS = [...BASE_ARGS, '--disable-gpu', '--disable-software-rasterizer', '--disable-3d-apis'];

export async function launch({ gpu = true } = {}) {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: gpu ? CHROMIUM_ARGS : NO_GPU_ARGS });
}

// A Chromium we can kill -9 (a crash, a power cut of the tab): spawned directly with its own
// profile folder and driven over CDP. Returns { browser, context, kill() }.
export async function launchKillable(userDataDir) {
  const child = spawn(process.env.CHROMIUM || '/usr/bin/chromium',
    [...CHROMIUM_ARGS, '--headless=new', `--user-data-dir=${userDataDir}`, '--remote-debugging-port=0', 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true });  // its own process group: see kill()
  const ws = await new Promise((resolve, reject) => {
    let err = '';
    const t = setTimeout(() => reject(new Error('chromium did not start: ' + err)), 20000);
    child.stderr.on('data', (d) => {
      err += d;
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(err);
      if (m) { clearTimeout(t); resolve(m[1]); }
    });
  });
  const browser = await chromium.connectOverCDP(ws);
  const context = browser.contexts()[0];
  return {
    browser, context,
    // The whole browser at once (renderer, GPU and crash-handler processes too), as a power cut
    // would; resolves once none of them is left to write into the profile.
    kill: async () => {
      const exited = child.exitCode !== null || child.signalCode !== null ? null : new Promise((r) => child.once('exit', r));
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
      await exited;
      for (let i = 0; i < 100; i++) {
        try { process.kill(-child.pid, 0); } catch { return; }
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}

// Serves dist/ like tools/serve does (same handler), on a free port. Extra routes for tests.
export async function serve(extra = null) {
  process.env.LW_SERVE_DIR = join(ROOT, 'dist');  // read by serve.mjs when first imported
  const { handler } = await import(pathToFileURL(join(ROOT, 'tools', 'serve.mjs')).href);
  const server = createServer((req, res) => (extra && extra(req, res)) || handler(req, res));
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${server.address().port}/`;
  return { url, close: () => new Promise((r) => server.close(r)) };
}

// Opens the app. Tests start from an empty device (?example=0) unless they ask for the example
// dataset the app loads on a real first run.
export async function openApp(context, url, { example = false, query = '', ready = true } = {}) {
  const page = await context.newPage();
  page.on('pageerror', (e) => { console.error('[pageerror]', e.stack); crashes.set(page, e.message); });
  page.on('console', (m) => { if (m.type() === 'error') console.error('[console]', m.text()); });
  const params = new URLSearchParams(query);
  if (!example) params.set('example', '0');
  await page.goto(url + (params.toString() ? '?' + params : ''));
  if (ready) await page.evaluate(() => window.learnweek.ready);
  return page;
}

// A page error (a trap in the WebAssembly, an exception in the host) fails the test at the next
// wait instead of surfacing later as a confusing "not found".
const crashes = new WeakMap();
function assertAlive(page) {
  if (crashes.has(page)) assert.fail('the page threw: ' + crashes.get(page));
}

export const items = (page) => page.evaluate(() => window.learnweek.ui.items());
const framedItems = (page) => page.evaluate(() => ({ frame: window.learnweek.frames, items: window.learnweek.ui.items() }));
export const state = (page) => page.evaluate(() => window.learnweek.state());

// Where the text is not what a test checks, it names an item by a stable key ("text###key" in the
// app, or "field.<id>" for a form field's controls): key('nav.desk'), field('unit').
export const key = (k) => ({ key: k });
export const field = (id) => ({ key: `field.${id}` });
export const NAV = {
  home: key('nav.home'), drafts: key('nav.drafts'), desk: key('nav.desk'), map: key('nav.map'),
  profile: key('nav.profile'), settings: key('nav.settings'),
};
const isKey = (label) => label !== null && typeof label === 'object' && !(label instanceof RegExp);
// Whether item `it` is the one `label` names: its key, its shown text or its accessible name.
export function matches(it, label) {
  if (isKey(label)) return it.key === label.key;
  const named = (text) => text !== undefined && (label instanceof RegExp ? label.test(text) : text === label);
  return named(it.label) || named(it.name);
}
const describe = (label) => (isKey(label) ? `[${label.key}]` : String(label));

// Waits until an item whose label matches appears (ImGui draws the next frame after input).
export async function findItem(page, label, opts = {}) {
  const { input = null, timeout = 5000, index = 0 } = opts;
  const deadline = Date.now() + timeout;
  let last = [];
  let prev = null;
  while (Date.now() < deadline) {
    assertAlive(page);
    const snap = await framedItems(page);
    last = snap.items;
    const hits = last.filter((it) => matches(it, label) &&
                                     (input === null || it.input === input) &&
                                     (!opts.window || opts.window.test(it.window)));
    // A window appearing for the first time (a popup) is laid out over two frames: only trust
    // a rectangle seen unchanged in two different frames.
    if (hits.length > index) {
      const hit = { ...hits[index], frame: snap.frame };
      if (prev && prev.id === hit.id && prev.x === hit.x && prev.y === hit.y && prev.w === hit.w && prev.frame !== hit.frame)
        return hit;
      if (!prev || prev.id !== hit.id || prev.x !== hit.x || prev.y !== hit.y || prev.w !== hit.w) prev = hit;
    } else {
      prev = null;
    }
    await page.waitForTimeout(50);
  }
  await page.screenshot({ path: join(ARTIFACTS, 'last-failure.png') }).catch(() => {});
  throw new Error(`item "${describe(label)}" not found (screen: test-results/last-failure.png); have: ${last.map((i) => i.label).filter(Boolean).join(' | ')}`);
}

// Scrolls the page (mouse wheel, like a person) until the item is on screen.
export async function reveal(page, label, opts = {}) {
  for (let tries = 0; tries < 30; tries++) {
    try {
      return await findItem(page, label, { ...opts, timeout: tries === 0 ? (opts.timeout ?? 2500) : 1200 });
    } catch (e) {
      const vp = page.viewportSize();
      await page.mouse.move(vp.width / 2, vp.height * 0.6);
      await page.mouse.wheel(0, opts.up ? -250 : 250);
      await page.waitForTimeout(80);
    }
  }
  return findItem(page, label, opts);
}

// Scrolls a horizontally scrolling table (mouse wheel with deltaX) until the item shows.
export async function revealRight(page, label, at, opts = {}) {
  for (let tries = 0; tries < 40; tries++) {
    try {
      return await findItem(page, label, { ...opts, timeout: tries === 0 ? 2500 : 1200 });
    } catch (e) {
      await page.mouse.move(at.x, at.y);
      await page.mouse.wheel(200, 0);
      await page.waitForTimeout(60);
    }
  }
  return findItem(page, label, opts);
}

// Opens a combo (its hidden label) and picks an entry, scrolling the list if needed.
export async function choose(page, comboLabel, entry, opts = {}) {
  await click(page, comboLabel, opts);
  // On a loaded machine the click can land before the frame that enables the combo (a 市 picker
  // right after its 省 was chosen): click again until its list is open.
  const listOpen = async () => (await items(page)).some((it) => it.window.startsWith('Combo_'));
  for (let k = 0; k < 5 && !(await waitFor(listOpen, 1500)); k++) await click(page, comboLabel, opts);
  for (let tries = 0; tries < 60; tries++) {
    try {
      // findItem trusts a place seen in two frames; an idle page draws one a second.
      const it = await findItem(page, entry, { timeout: tries === 0 ? 1500 : 1200, window: /^Combo_/ });
      await page.mouse.click(it.x + 10, it.y + it.h / 2);
      await page.waitForTimeout(120);
      return;
    } catch (e) {
      const list = (await items(page)).find((it) => it.window.startsWith('Combo_'));
      if (list) await page.mouse.move(list.x + 10, list.y + list.h / 2);
      await page.mouse.wheel(0, 80);
      await page.waitForTimeout(60);
    }
  }
  throw new Error(`"${entry}" not in combo "${comboLabel}"`);
}

async function waitFor(predicate, timeout) {
  const deadline = Date.now() + timeout;
  do {
    if (await predicate()) return true;
    await new Promise((r) => setTimeout(r, 50));
  } while (Date.now() < deadline);
  return false;
}

export async function click(page, label, opts = {}) {
  const it = await reveal(page, label, opts);
  await page.mouse.click(it.x + Math.min(it.w / 2, 40), it.y + it.h / 2);
  await page.waitForTimeout(120);
  return it;
}

// Types Chinese the way an IME does: composition updates, then the committed text.
export async function imeType(page, steps, committed) {
  const cdp = await page.context().newCDPSession(page);
  for (const s of steps) {
    await cdp.send('Input.imeSetComposition', { text: s, selectionStart: s.length, selectionEnd: s.length });
    await page.waitForTimeout(30);
  }
  await cdp.send('Input.insertText', { text: committed });
  await cdp.detach();
  await page.waitForTimeout(100);
}

// Clicks a text field by its label and enters text through IME composition.
export async function imeInto(page, label, text, opts = {}) {
  const it = await click(page, label, { input: true, ...opts });
  await waitEditing(page, it.name || it.label);  // a table's cell is named with its row
  await imeType(page, [text.slice(0, 1)], text);
}

// Clicks a text field and types into it (ASCII as keys, anything else through the IME), then waits
// until the field shows what was typed, as a person does before moving on: keys queue up faster
// than a loaded machine draws, and the next click must land on the layout they lead to.
export async function typeInto(page, label, text, opts = {}) {
  const it = await reveal(page, label, { ...opts, input: true });
  await page.mouse.click(it.x + Math.min(it.w / 2, 40), it.y + it.h / 2);
  await waitEditing(page, null);
  if (/^[\x20-\x7e]+$/.test(text)) await page.keyboard.type(text);
  else await imeType(page, [text.slice(0, 1)], text);
  const deadline = Date.now() + 5000;
  for (;;) {
    const now = (await items(page)).filter((i) => matches(i, label) && i.input)[opts.index ?? 0];
    if (now && (now.value || '').includes(text)) return now;
    if (Date.now() > deadline) assert.fail(`"${describe(label)}" never showed the typed "${text}" (has "${now?.value ?? ''}")`);
    await page.waitForTimeout(50);
  }
}

// Waits until the text agent has the focus as the field `label` (its aria-label while that field
// is edited): what a person sees as the caret in the field before typing into it.
export async function waitEditing(page, label, timeout = 3000) {
  await page.waitForFunction((name) => {
    const el = document.activeElement;
    return el && el.id === 'lw-text-agent' && (name === null || el.getAttribute('aria-label') === name);
  }, typeof label === 'string' ? label : null, { timeout }).catch(async () => {
    const now = await page.evaluate(() => {
      const el = document.activeElement;
      return el ? `${el.tagName}#${el.id} "${el.getAttribute('aria-label') ?? ''}"` : 'nothing';
    }).catch(() => 'a closed page');
    await shot(page, `never-focused-${String(label).replace(/[^\p{L}\p{N}]/gu, '_')}.png`).catch(() => {});
    assert.fail(`the field "${label}" never took the focus (focus is on ${now})`);
  });
}

// Starts a new form from the drafts list (填报 → ＋ 新建表格 → its title in the popup).
export async function newDraft(page, title) {
  await click(page, NAV.drafts, { up: true });
  await click(page, key('drafts.new'));
  await click(page, title, { window: /^Popup_/ });
  await findItem(page, key('form.back'));
}

// Waits for what a user waits for before closing the page: the header says 已保存到本机 and no
// write to IndexedDB is under way (call it after the state shows the edit).
export async function waitSaved(page, timeout = 5000) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    assertAlive(page);
    const [its, st] = await Promise.all([items(page), page.evaluate(() => window.learnweek.storage())]);
    if (!st.syncing && !st.failed && its.some((i) => i.label === '已保存到本机')) return;
    await page.waitForTimeout(50);
  }
  assert.fail('the page never reported 已保存到本机');
}

export async function waitForState(page, predicate, timeout = 3000) {
  const deadline = Date.now() + timeout;
  let s;
  while (Date.now() < deadline) {
    assertAlive(page);
    s = await state(page);
    if (predicate(s)) return s;
    await page.waitForTimeout(50);
  }
  await page.screenshot({ path: join(ARTIFACTS, 'last-failure.png') }).catch(() => {});
  assert.fail('state never matched (screen: test-results/last-failure.png); last: ' + JSON.stringify(s).slice(0, 600));
}

export const shot = (page, name) => page.screenshot({ path: join(ARTIFACTS, name) });

// Writes `text` to dir/name and picks that file through 汇总's own chooser, as a user would.
export async function importBundleFile(page, dir, name, text) {
  const path = join(dir, name);
  writeFileSync(path, text);
  const chooser = page.waitForEvent('filechooser');
  await click(page, key('desk.import'), { up: true });
  await (await chooser).setFiles([path]);
}

// The accessibility tree as Chromium exposes it to screen readers: [{role, name, description,
// props: {focused, required, invalid, checked, selected, expanded, level, ...}, value, parent}].
export async function axTree(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  return nodes.filter((n) => !n.ignored).map((n) => {
    const props = {};
    for (const p of n.properties || []) props[p.name] = p.value && p.value.value;
    let parent = n.parentId && byId.get(n.parentId);
    while (parent && parent.ignored) parent = parent.parentId && byId.get(parent.parentId);
    return {
      role: n.role && n.role.value, name: (n.name && n.name.value) || '', description: (n.description && n.description.value) || '',
      value: n.value && n.value.value, props, parentRole: parent && parent.role && parent.role.value,
      parentName: parent && parent.name && parent.name.value,
    };
  });
}

// Named nodes (what a screen reader lists), one node by role and name, and a wait for a tree that
// satisfies `pred` (returns {tree, hit}; hit null on time-out).
export const axNamed = (tree) => tree.filter((n) => n.name && n.role !== 'StaticText' && n.role !== 'InlineTextBox');
export const axFind = (tree, role, name) => tree.find((n) => n.role === role && (name instanceof RegExp ? name.test(n.name) : n.name === name));

export async function waitForAx(page, pred, timeout = 5000) {
  const deadline = Date.now() + timeout;
  let tree = [];
  while (Date.now() < deadline) {
    tree = await axTree(page);
    const hit = pred(tree);
    if (hit) return { tree, hit };
    await page.waitForTimeout(100);
  }
  return { tree, hit: null };
}

// --- Keyboard: where the focus is, read from the accessibility mirror (what a screen reader
// announces), never from coordinates.

// The element that has the DOM focus, as a screen reader names it.
export const focusedNow = (page) => page.evaluate(() => {
  const a = document.activeElement;
  if (!a) return { role: '', label: '' };
  if (a.id === 'lw-text-agent') return { role: 'textbox', label: a.getAttribute('aria-label') || '', agent: true };
  if (!a.closest('#lw-a11y')) return { role: '', label: a.id || a.tagName };
  const group = a.parentElement && a.parentElement.closest('[role=radiogroup]');
  return { role: a.getAttribute('role') || '', label: a.getAttribute('aria-label') || a.textContent,
           ...(group ? { group: group.getAttribute('aria-label') } : {}) };
});

const frames = (page) => page.evaluate(() => window.learnweek.frames);

// Reads the focus once it has stopped moving (ImGui answers a key in the next frame or two).
export async function focused(page, since = null) {
  if (since !== null) {  // wait for two drawn frames after the key: the answer is in the mirror
    const deadline = Date.now() + 3000;
    while (Date.now() < deadline && (await frames(page)) < since + 2) await page.waitForTimeout(15);
  }
  let prev = null;
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(40);
    const f = await focusedNow(page);
    if (prev && prev.label === f.label && prev.role === f.role) return f;
    prev = f;
  }
  return prev;
}

const focusIs = (f, label, role) => (label instanceof RegExp ? label.test(f.label) : f.label === label) && (!role || f.role === role);

export async function press(page, key) {
  const since = await frames(page);
  await page.keyboard.press(key);
  return focused(page, since);
}

// Presses `key` until the focus is on `label` (Tab through the page, arrows in a list).
// A tab is reached as a keyboard user does: Tab to the tab list (one Tab stop, the selected tab),
// then → along it.
export async function moveTo(page, label, { key = 'Tab', role = null, max = 80 } = {}) {
  const seen = [];
  let f = await focused(page);
  for (let i = 0; i < max && !focusIs(f, label, role); i++) {
    const along = role === 'tab' && f.role === 'tab' && /Tab$/.test(key);
    const last = seen[seen.length - 1];
    f = await press(page, along ? (last === `tab:${f.label}` && seen[seen.length - 2] === last ? 'Home' : 'ArrowRight') : key);
    seen.push(`${f.role}:${f.label}`);
  }
  assert.ok(focusIs(f, label, role), `${key} never reached "${label}": ${seen.join(' → ')}`);
  return f;
}
