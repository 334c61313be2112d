// renderer.test.mjs — issue 9: the page reaches users whatever their PC draws with. Chromium with
// no WebGL at all starts on the CPU renderer and works; a renderer that cannot start shows a Chinese
// page whose backup button saves every draft; a lost WebGL context keeps everything; screenshots
// of each renderer for a person to compare.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  ARTIFACTS, choose, click, findItem, imeInto, launch, newDraft, openApp, reveal, serve, shot, state, waitForState, waitSaved, NAV, field,
} from './harness.mjs';

let noGpu;  // Chromium with WebGL unavailable
let softGpu;  // Chromium with SwiftShader WebGL
let server;
before(async () => {
  [noGpu, softGpu] = await Promise.all([launch({ gpu: false }), launch()]);
  server = await serve();
});
after(async () => { await noGpu?.close(); await softGpu?.close(); await server?.close(); });

const renderer = (page) => page.evaluate(() => window.learnweek.stats().renderer);

test('without WebGL the app starts on the CPU renderer, takes IME input, saves and reloads', async () => {
  const context = await noGpu.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await openApp(context, server.url);
  const r = await renderer(page);
  assert.equal(r.renderer, 'cpu');
  assert.equal(r.webgl1, false, 'this browser really has no WebGL');
  await click(page, NAV.profile);
  await imeInto(page, field('unit'), '太原市杏花岭区社区学院');
  await choose(page, '所在地区·省', '山西省');
  await waitForState(page, (s) => s.profile?.values?.unit === '太原市杏花岭区社区学院' && s.profile?.values?.region?.startsWith('14'));
  await waitSaved(page);
  await page.reload();
  await page.evaluate(() => window.learnweek.ready);
  assert.equal((await state(page)).profile.values.unit, '太原市杏花岭区社区学院');
  await click(page, NAV.profile);
  await findItem(page, '填报单位', { input: true });
  await shot(page, 'renderer-cpu-profile.png');
  await click(page, NAV.settings);  // 设置 → 显示方式 says which renderer runs, and why
  await reveal(page, '当前：兼容模式（CPU 绘制，不使用显卡）');
  await context.close();
});

test('a renderer that cannot start: a Chinese page, and its button saves every draft to a backup', async () => {
  const context = await noGpu.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await openApp(context, server.url);
  await newDraft(page, '“百姓学习之星”推荐表');
  await imeInto(page, '姓名', '张喆');
  await waitForState(page, (s) => s.drafts.some((d) => d.values.name === '张喆'));
  await waitSaved(page);
  await page.close();  // one tab at a time: the next one must be the writer

  const failed = await openApp(context, server.url, { query: 'renderer=webgl2', ready: false });
  const message = failed.locator('#loading[role=alert] h1');
  await message.waitFor({ timeout: 10000 });
  assert.match(await message.textContent(), /无法在此浏览器中显示/);
  assert.match(await failed.locator('#loading').textContent(), /renderer=webgl2/);
  const cpuLink = new URL(await failed.locator('#lw-open-cpu').getAttribute('href'));
  assert.equal(cpuLink.searchParams.get('renderer'), 'cpu', 'the link opens the same page with the CPU renderer');
  assert.equal(cpuLink.searchParams.get('example'), '0');
  await shot(failed, 'renderer-failed.png');
  const [download] = await Promise.all([failed.waitForEvent('download'), failed.click('#lw-save-backup')]);
  const backup = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(backup.kind, 'backup');
  assert.ok(backup.records.some((r) => r.values.name === '张喆'), 'the draft is in the backup file');
  assert.match(download.suggestedFilename(), /备份/);
  assert.match(await failed.locator('.fallback-status').textContent(), /已保存备份文件（1 份表格）/);
  await context.close();
});

test('the app never starts (its WebAssembly cannot load): the button copies the drafts out of IndexedDB, and they restore', async () => {
  const context = await noGpu.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, serviceWorkers: 'block' });
  const page = await openApp(context, server.url);
  await newDraft(page, '“百姓学习之星”推荐表');
  await imeInto(page, '姓名', '李秀兰');
  await waitForState(page, (s) => s.drafts.some((d) => d.values.name === '李秀兰'));
  await waitSaved(page);
  await page.close();

  await context.route('**/learnweek.wasm', (route) => route.abort());
  const failed = await openApp(context, server.url, { ready: false });
  await failed.locator('#loading[role=alert] h1').waitFor({ timeout: 20000 });
  assert.equal(await failed.evaluate(() => !!(window.Module && window.Module.calledRun)), false, 'the runtime did not start');
  const [download] = await Promise.all([failed.waitForEvent('download'), failed.click('#lw-save-backup')]);
  assert.match(download.suggestedFilename(), /原始备份/);
  const file = join(ARTIFACTS, 'raw-backup.json');  // kept past this context, for the restore below
  await download.saveAs(file);
  const raw = JSON.parse(readFileSync(file, 'utf8'));
  assert.equal(raw.format, 'learnweek-raw-backup');
  assert.ok(raw.files.some((f) => /^drafts\//.test(f.path)), 'the draft file is in it');
  await failed.locator('.fallback-status').filter({ hasText: '已保存原始备份文件（1 份表格）' }).waitFor();
  await context.close();

  // On a PC where LearnWeek runs: 设置 → 从备份文件恢复… reads it back.
  const other = await noGpu.newContext({ viewport: { width: 1280, height: 900 } });
  const fresh = await openApp(other, server.url);
  await click(fresh, NAV.settings);
  const [chooser] = await Promise.all([fresh.waitForEvent('filechooser'), click(fresh, '从备份文件恢复…')]);
  await chooser.setFiles(file);
  await waitForState(fresh, (s) => s.drafts.some((d) => d.values.name === '李秀兰'));
  await findItem(fresh, /^已从备份恢复 1 份表格/);
  await other.close();
});

test('a lost WebGL context: drawing goes on with the CPU renderer, nothing is lost', async () => {
  const context = await softGpu.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await openApp(context, server.url, { query: 'renderer=webgl2' });
  assert.equal((await renderer(page)).renderer, 'webgl2');
  await click(page, NAV.profile);
  await imeInto(page, field('unit'), '包头市教育局');
  await page.evaluate(() => {
    const gl = document.getElementById('canvas').getContext('webgl2');
    gl.getExtension('WEBGL_lose_context').loseContext();
  });
  await page.mouse.move(200, 200);
  const deadline = Date.now() + 5000;
  while ((await renderer(page)).renderer !== 'cpu' && Date.now() < deadline) await page.waitForTimeout(100);
  assert.equal((await renderer(page)).renderer, 'cpu');
  await imeInto(page, '负责人', '王堃');
  const s = await waitForState(page, (st) => st.profile?.values?.leader === '王堃');
  assert.equal(s.profile.values.unit, '包头市教育局');
  // The frame really reaches the screen: the CPU canvas over the lost one shows the page.
  const ink = await page.evaluate(() => {
    const c = document.getElementById('lw-frame');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) n += d[i] < 128;  // dark text and the blue header
    return n / (c.width * c.height);
  });
  assert.ok(ink > 0.02, `the CPU canvas shows the page (${(ink * 100).toFixed(1)} % dark pixels)`);
  await shot(page, 'renderer-after-context-loss.png');
  await context.close();
});

// For a person to compare (issue 9): the profile and the map on each renderer at DPR 1 and 2.
for (const [name, query, gpu] of [['webgl2', 'renderer=webgl2', true], ['cpu', 'renderer=cpu', false]]) {
  test(`screenshots: profile and map on ${name}`, async () => {
    for (const dpr of [1, 2]) {
      const context = await (gpu ? softGpu : noGpu).newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: dpr });
      const page = await openApp(context, server.url, { query, example: true });
      assert.equal((await renderer(page)).renderer, name);
      await click(page, NAV.profile);
      await page.waitForTimeout(300);
      await shot(page, `renderer-${name}-profile-dpr${dpr}.png`);
      await click(page, NAV.map);
      await findItem(page, '地图·山西');
      await page.waitForTimeout(300);
      await shot(page, `renderer-${name}-map-dpr${dpr}.png`);
      await context.close();
    }
  });
}

// Frames drawn in part (only the tiles that changed) must leave exactly the picture a whole
// redraw gives, on WebGL (scissored, preserveDrawingBuffer) and on the CPU renderer alike.
for (const [name, query, gpu] of [['webgl2', 'renderer=webgl2', true], ['cpu', 'renderer=cpu', false]]) {
  test(`partial redraws on ${name} leave the same picture as a whole redraw`, async () => {
    const context = await (gpu ? softGpu : noGpu).newContext({ viewport: { width: 1280, height: 800 } });
    const page = await openApp(context, server.url, { query, example: true });
    await click(page, NAV.profile);
    await imeInto(page, field('unit'), '包头市教育局');
    await click(page, NAV.map);
    const shanxi = await findItem(page, '地图·山西');
    await page.mouse.move(shanxi.x, shanxi.y);  // a tooltip over the map
    await findItem(page, /^山西/);
    await page.mouse.move(shanxi.x + 150, shanxi.y + 60);  // ...that moves on
    await page.waitForTimeout(600);
    const partial = await page.screenshot();
    const before = await page.evaluate(() => window.learnweek.frames);
    await page.evaluate(() => window.learnweek.redrawWhole());
    await page.waitForFunction((f) => window.learnweek.frames > f + 1, before);
    await page.waitForTimeout(300);
    const whole = await page.screenshot();
    assert.ok(partial.equals(whole), 'the screen drawn in parts equals the screen drawn whole');
    await context.close();
  });
}
