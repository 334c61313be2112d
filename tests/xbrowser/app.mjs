// app.mjs — LearnWeek helpers on top of an engine session (engines.mjs), the same logic as
// tests/e2e/harness.mjs: find items in window.learnweek.ui.items(), trust a rectangle only when
// it is unchanged in two different frames, scroll with the wheel to reveal, click like a person.
// Every wait is bounded and fails with what the screen showed (screenshot in test-results/).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS } from './engines.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function openApp(s, url, { example = false } = {}) {
  await s.goto(url + (example ? '' : '?example=0'));
  await waitReady(s);
}

export async function waitReady(s, timeout = 30000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const ok = await s.evaluate(() => !!(window.learnweek && window.learnweek.frames > 0)).catch(() => false);
    if (ok) return;
    await assertNoErrors(s, 'while the app was starting');
    if (Date.now() > deadline) {
      await failShot(s);
      throw new Error(`the app drew no frame within ${timeout} ms (screen: test-results/${s.engine}-last-failure.png)`);
    }
    await sleep(100);
  }
}

export async function assertNoErrors(s, when = '') {
  const errors = await s.errors();
  assert.deepEqual(errors, [], `page errors ${when}: ${errors.join('\n')}`);
}

async function failShot(s) {
  await s.screenshot(join(ARTIFACTS, `xbrowser-${s.engine}-last-failure.png`)).catch(() => {});
}

export const items = (s) => s.evaluate(() => window.learnweek.ui.items());
export const state = (s) => s.evaluate(() => window.learnweek.state());
const framedItems = (s) => s.evaluate(() => ({ frame: window.learnweek.frames, items: window.learnweek.ui.items() }));
const matches = (label, it) => (label instanceof RegExp ? label.test(it.label) : it.label === label);

export async function findItem(s, label, opts = {}) {
  const { input = null, timeout = 6000, index = 0 } = opts;
  const deadline = Date.now() + timeout;
  let last = [];
  let prev = null;
  while (Date.now() < deadline) {
    const snap = await framedItems(s);
    last = snap.items;
    const hits = last.filter((it) => matches(label, it) && (input === null || it.input === input) &&
                                     (!opts.window || opts.window.test(it.window)));
    if (hits.length > index) {
      const hit = { ...hits[index], frame: snap.frame };
      if (prev && prev.id === hit.id && prev.x === hit.x && prev.y === hit.y && prev.w === hit.w && prev.frame !== hit.frame) return hit;
      if (!prev || prev.id !== hit.id || prev.x !== hit.x || prev.y !== hit.y || prev.w !== hit.w) prev = hit;
    } else {
      prev = null;
    }
    await sleep(60);
  }
  await failShot(s);
  const errors = await s.errors().catch(() => []);
  throw new Error(`[${s.engine}] item "${label}" not found in ${timeout} ms (screen: test-results/xbrowser-${s.engine}-last-failure.png)` +
    (errors.length ? `; page errors: ${errors.join(' | ')}` : '') +
    `; have: ${last.map((i) => i.label).filter(Boolean).join(' | ')}`);
}

// Scrolls the page with the mouse wheel until the item is on screen.
export async function reveal(s, label, opts = {}) {
  const vp = s.viewport();
  for (let tries = 0; tries < 20; tries++) {
    try {
      return await findItem(s, label, { ...opts, timeout: tries === 0 ? (opts.timeout ?? 3000) : 1200 });
    } catch (e) {
      await s.wheel(vp.width / 2, vp.height * 0.6, 0, opts.up ? -250 : 250);
      await sleep(100);
    }
  }
  return findItem(s, label, opts);
}

export async function click(s, label, opts = {}) {
  const it = await reveal(s, label, opts);
  await s.click(it.x + Math.min(it.w / 2, 40), it.y + it.h / 2);
  await sleep(150);
  return it;
}

// Opens a combo (its hidden label) and picks an entry, scrolling the list with the wheel if needed.
export async function choose(s, comboLabel, entry, opts = {}) {
  await click(s, comboLabel, opts);
  for (let tries = 0; tries < 60; tries++) {
    try {
      const it = await findItem(s, entry, { timeout: tries === 0 ? 2500 : 500, window: /^Combo_/ });
      await s.click(it.x + 10, it.y + it.h / 2);
      await sleep(150);
      return;
    } catch (e) {
      const list = (await items(s)).find((it) => it.window.startsWith('Combo_'));
      if (!list) throw new Error(`[${s.engine}] combo "${comboLabel}" did not open a list`);
      await s.wheel(list.x + 10, list.y + list.h / 2, 0, 80);
      await sleep(80);
    }
  }
  await failShot(s);
  throw new Error(`[${s.engine}] "${entry}" not in combo "${comboLabel}"`);
}

// Clicks a text field and types into it with real key events (Chinese included: the app's text
// agent <textarea> has focus and receives the characters).
export async function typeInto(s, label, text, opts = {}) {
  const it = await reveal(s, label, { input: true, ...opts });
  await s.click(it.x + 20, it.y + it.h / 2);
  // Chinese characters can only arrive through the text agent: wait until the app has activated
  // the field and focused it (a frame after the click; slow on a loaded machine).
  const deadline = Date.now() + 5000;
  while (!(await s.evaluate(() => document.activeElement?.id === 'lw-text-agent'))) {
    if (Date.now() > deadline) {
      await failShot(s);
      throw new Error(`[${s.engine}] clicking "${label}" did not focus the text agent within 5 s`);
    }
    await sleep(50);
  }
  await s.type(text);
}

export async function newDraft(s, title) {
  await click(s, '填报', { up: true });
  await click(s, '＋ 新建表格');
  await click(s, title, { window: /^Popup_/ });
  await findItem(s, '← 返回列表');
}

export async function waitForState(s, predicate, timeout = 5000, what = 'state') {
  const deadline = Date.now() + timeout;
  let st;
  while (Date.now() < deadline) {
    st = await state(s);
    if (predicate(st)) return st;
    await sleep(80);
  }
  await failShot(s);
  assert.fail(`[${s.engine}] ${what} never matched in ${timeout} ms (screen: test-results/xbrowser-${s.engine}-last-failure.png); last: ` +
    JSON.stringify(st).slice(0, 600));
}

// Waits until what the app shows in state() has also reached IndexedDB: the app writes the file
// and starts the IndexedDB sync at once (lw-storage.js persist()), so a finished sync that started
// after `since` (page clock, taken before the edit) with nothing syncing means it is stored.
export async function waitStored(s, since, timeout = 8000) {
  const deadline = Date.now() + timeout;
  let st;
  while (Date.now() < deadline) {
    st = await s.evaluate(() => window.learnweek.storage());
    if (st.failed) assert.fail(`[${s.engine}] saving failed: ${st.error}`);
    if (!st.syncing && st.lastSaved > since) return;
    await sleep(80);
  }
  assert.fail(`[${s.engine}] no IndexedDB sync finished within ${timeout} ms: ${JSON.stringify(st)}`);
}

export const pageClock = (s) => s.evaluate(() => performance.now());
