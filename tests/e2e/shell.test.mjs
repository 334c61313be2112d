// shell.test.mjs — issue 2: Chinese input through a real IME, paste, crisp rendering, idle
// rendering and offline start, all in Debian's Chromium against the built dist/.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  click, findItem, imeType, launch, newDraft, openApp, reveal, serve, shot, state, waitForState, waitSaved, NAV,
} from './harness.mjs';

let browser;
let server;
before(async () => { browser = await launch(); server = await serve(); });
after(async () => { await browser?.close(); await server?.close(); });

async function fillProfileByIme(page) {
  await click(page, NAV.profile);
  await click(page, '填报单位', { input: true });
  await imeType(page, ['nei', 'neimeng', '内蒙古'], '内蒙古自治区教育厅');
  await click(page, '负责人', { input: true });
  await imeType(page, ['zhang', '张', '张zhe'], '张喆');
}

test('IME input lands exactly once, is saved within 1 s and survives a reload', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await openApp(context, server.url);
  await fillProfileByIme(page);
  const t0 = Date.now();
  await waitForState(page, (s) => s.profile?.values?.unit === '内蒙古自治区教育厅' && s.profile?.values?.leader === '张喆', 1000);
  console.log(`saved ${Date.now() - t0} ms after the last commit`);
  await waitSaved(page);
  await page.reload();
  await page.evaluate(() => window.learnweek.ready);
  const s = await state(page);
  assert.equal(s.profile.values.unit, '内蒙古自治区教育厅');
  assert.equal(s.profile.values.leader, '张喆');
  await context.close();
});

test('keyboard editing keys still work around IME input', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await openApp(context, server.url);
  await click(page, NAV.profile);
  await click(page, '填报人', { input: true });
  await imeType(page, ['li'], '李玥');
  await page.keyboard.type('ab');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('ArrowLeft');
  await imeType(page, ['x'], '小');
  await waitForState(page, (s) => s.profile?.values?.filler === '李玥小a', 1500);
  await context.close();
});

test('typing at once after a click lands in the clicked field, nothing lost', async () => {
  // A quick typist on a slow machine types before the next frame has activated the field. Frames
  // are held back while the input queues, so the test does not depend on the machine's speed.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await openApp(context, server.url);
  await click(page, NAV.profile);
  const email = await reveal(page, '电子邮箱', { input: true });
  const phone = await findItem(page, '联系电话', { input: true });
  const quickly = async (field, text) => {
    await page.evaluate(() => window.learnweek.holdFrames(true));
    await page.mouse.click(field.x + 20, field.y + field.h / 2);
    await page.keyboard.type(text);
    await page.evaluate(() => window.learnweek.holdFrames(false));
  };
  await quickly(phone, '13800138000');  // no field active yet: the keys reach the page, not the text agent
  await waitForState(page, (s) => s.profile?.values?.phone === '13800138000', 2000);
  await quickly(email, 'li@example.cn');  // the phone field is active and holds the text agent
  await waitForState(page, (s) => s.profile?.values?.phone === '13800138000' && s.profile?.values?.email === 'li@example.cn', 2000);
  await context.close();
});

test('paste of Chinese text from the clipboard lands exactly', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await openApp(context, server.url);
  await click(page, NAV.profile);
  await page.evaluate(() => navigator.clipboard.writeText('辽宁省社区教育指导服务中心'));
  await click(page, '填报单位', { input: true });
  await page.keyboard.press('Control+V');
  await waitForState(page, (s) => s.profile?.values?.unit === '辽宁省社区教育指导服务中心', 1500);
  // Copy back out: select all, Ctrl+C, and read the system clipboard.
  await page.keyboard.press('Control+A');
  await page.waitForTimeout(100);  // a frame applies the selection (people are slower than 16 ms)
  await page.keyboard.press('Control+C');
  await page.waitForTimeout(100);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), '辽宁省社区教育指导服务中心');
  await context.close();
});

for (const dpr of [1, 2]) {
  test(`rendering at devicePixelRatio ${dpr}: real pixel density, rare hanzi from a font shard`, async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 760 }, deviceScaleFactor: dpr });
    const page = await openApp(context, server.url);
    const shards = [];
    page.on('response', (r) => { if (r.url().includes('/fonts/shard-')) shards.push(r.status()); });
    await fillProfileByIme(page);
    await page.mouse.click(700, 700);  // leave the field
    const size = await page.evaluate(() => {
      const c = document.getElementById('canvas');
      return { w: c.width, h: c.height, cw: c.clientWidth, ch: c.clientHeight };
    });
    assert.equal(size.w, size.cw * dpr, 'canvas backing store follows devicePixelRatio');
    assert.equal(size.h, size.ch * dpr);
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline && !(await page.evaluate(() => window.learnweek.fonts().length))) await page.waitForTimeout(50);
    const loaded = await page.evaluate(() => window.learnweek.fonts());
    assert.ok(loaded.length >= 1, '喆 is outside GB2312: a shard must have been fetched and merged');
    assert.ok(shards.length >= 1 && shards.every((s) => s === 200), `shard responses: ${shards.join(', ') || 'none'}`);
    await page.waitForTimeout(300);
    await shot(page, `profile-dpr${dpr}.png`);
    await context.close();
  });
}

test('idle: at most 5 frames drawn in 5 s without input', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await openApp(context, server.url);
  const frames = () => page.evaluate(() => window.learnweek.frames);  // frames built, on any renderer
  await page.waitForTimeout(1500);  // let start-up frames settle
  const before = await frames();
  await page.waitForTimeout(5000);
  const idle = (await frames()) - before;
  console.log(`idle frames in 5 s: ${idle}`);
  assert.ok(idle <= 5, `drew ${idle} frames while idle`);
  assert.equal((await page.evaluate(() => window.learnweek.stats())).animating, false, 'an idle page does not animate');
  // ...and input still draws at once.
  const t = await frames();
  await page.mouse.move(300, 300);
  await page.waitForTimeout(100);
  assert.ok((await frames()) > t, 'mouse input draws a frame');
  await context.close();
});

test('offline: after one visit the app starts without network, with saved values', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await openApp(context, server.url);
  await fillProfileByIme(page);
  await waitForState(page, (s) => s.profile?.values?.leader === '张喆', 1500);
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  // The worker claims the page once activated (sw.js): only then are its requests served offline.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 10000 });
  await context.setOffline(true);
  await page.reload();
  await page.evaluate(() => window.learnweek.ready);
  const s = await state(page);
  assert.equal(s.profile.values.unit, '内蒙古自治区教育厅');
  assert.equal(s.profile.values.leader, '张喆');
  await click(page, NAV.profile);
  await findItem(page, '填报单位', { input: true });
  await shot(page, 'offline-profile.png');
  await context.close();
});

test('phone: a tap on a field focuses the text agent inside the touch (so the keyboard opens)', async () => {
  const context = await browser.newContext({ viewport: { width: 430, height: 900 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true });
  await context.addInitScript(() => {
    // Window listeners run after the canvas's own: by then, focus must already have moved.
    window.addEventListener('touchend', () => { window.__focusInTouch = document.activeElement && document.activeElement.id; });
  });
  const page = await openApp(context, server.url);
  await page.evaluate(() => window.learnweek.ready);
  const menu = await findItem(page, '首页 · 菜单');  // narrow screens: one menu button
  await page.touchscreen.tap(menu.x + menu.w / 2, menu.y + menu.h / 2);
  const nav = await findItem(page, NAV.profile, { window: /^Popup_/ });
  await page.touchscreen.tap(nav.x + nav.w / 2, nav.y + nav.h / 2);
  const field = await findItem(page, '填报单位', { input: true });
  await page.evaluate(() => { window.__focusInTouch = null; });
  await page.touchscreen.tap(field.x + 20, field.y + field.h / 2);
  assert.equal(await page.evaluate(() => window.__focusInTouch), 'lw-text-agent');
  await imeType(page, ['shan'], '山西开放大学');
  await waitForState(page, (s) => s.profile?.values?.unit === '山西开放大学', 1500);
  await shot(page, 'phone-profile.png');
  await context.close();
});

test('a 2,000-字 summary wraps to the field, counts live, and edits at the caret', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, deviceScaleFactor: 2 });
  const page = await openApp(context, server.url);
  await newDraft(page, '全民终身学习活动周工作总结');
  const sentence = '各地积极开展线上线下相结合的讲座、培训、观摩、座谈等多种形式的教育培训活动，组织广大从业人员、社区居民、老年人群参加全民终身学习。';
  let text = '';
  while ([...text].length < 2000) text += sentence;
  await click(page, '正文', { input: true });
  await imeType(page, ['ge'], text);
  const n = [...text].length;
  await findItem(page, `${n} 字（要求 500–20000 字）`, { timeout: 3000 }).catch(() => reveal(page, `${n} 字（要求 500–20000 字）`));
  await page.keyboard.press('Control+Home');
  await imeType(page, ['yi'], '【一】');
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Backspace');
  // Wait for the whole edit (insert at the start and the Backspace at the end), not just its first half.
  await waitForState(page, (st) => st.drafts[0]?.values?.body === '【一】' + text.slice(0, -1), 3000);
  await page.mouse.wheel(0, -3000);
  await page.waitForTimeout(200);
  await shot(page, 'summary-2000.png');
  await context.close();
});
