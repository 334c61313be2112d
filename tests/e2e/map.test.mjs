// map.test.mjs — issue 5 in the browser: hover figures, drill into 山西's 11 cities, an edit in one
// tab reaching the map in another, the live feed, ceremony mode, and screenshots (national map,
// a province, ceremony at 3840×2160). Issue 14: 钓鱼岛、赤尾屿、十段线 and the 南海诸岛 inset at
// three screen shapes (screenshots of the area around 台湾), 示意图 and the 审图号 setting, the
// ceremony at 3840×2160 and 7680×2160 with its 示例数据 badge, legend, ranking and calendar.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { join } from 'node:path';
import {
  ARTIFACTS, choose, click, findItem, imeType, items, launch, newDraft, openApp, reveal, revealRight, serve, shot, state, waitForState, NAV, key,
} from './harness.mjs';

const SHANXI_CITIES = ['太原市', '大同市', '阳泉市', '长治市', '晋城市', '朔州市', '晋中市', '运城市', '忻州市', '临汾市', '吕梁市'];

let browser;
let server;
let feedBody = null;
before(async () => {
  browser = await launch();
  server = await serve((req, res) => {
    if (!req.url.startsWith('/feed.json')) return false;
    res.writeHead(feedBody ? 200 : 404, { 'content-type': 'application/json; charset=utf-8', 'access-control-allow-origin': '*' });
    res.end(feedBody || '');
    return true;
  });
});
after(async () => { await browser?.close(); await server?.close(); });

async function hover(page, label) {
  const it = await findItem(page, label);
  await page.mouse.move(it.x + 2, it.y + 2);
  await page.waitForTimeout(150);
  return it;
}

test('hover shows a province’s figures; a click drills into 山西’s 11 cities', async () => {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page = await openApp(context, server.url, { example: true });
  await click(page, NAV.map);
  await findItem(page, '当前地图包含示例数据');
  await shot(page, 'map-national.png');
  await hover(page, '地图·山西');
  const tip = await findItem(page, /^山西：活动 \d+ 项，参与 [\d,]+ 人次，志愿者 [\d,]+ 人次，百姓学习之星 \d 名，品牌项目 \d 个$/);
  const participants = Number(/参与 ([\d,]+) 人次/.exec(tip.label)[1].replace(/,/g, ''));
  assert.ok(participants > 0);
  await page.mouse.down();
  await page.mouse.up();
  await findItem(page, '活动地图 · 山西省');  // the panel names the province
  await findItem(page, '地图·太原市');
  const cities = (await items(page)).filter((i) => i.label.startsWith('地图·')).map((i) => i.label.slice(3)).sort();
  assert.deepEqual(cities, [...SHANXI_CITIES].sort());
  await shot(page, 'map-shanxi.png');
  // The cities add up to the province.
  let sum = 0;
  for (const c of SHANXI_CITIES) {
    await hover(page, '地图·' + c);
    const t = await findItem(page, new RegExp(`^${c}：`));
    const m = /参与 ([\d,]+) 人次/.exec(t.label);
    sum += m ? Number(m[1].replace(/,/g, '')) : 0;
  }
  assert.equal(sum, participants);
  await click(page, '← 返回全国');
  await findItem(page, '地图·新疆');
  await context.close();
});

test('an edit in one tab changes the map in another tab', async () => {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const editor = await openApp(context, server.url);
  await click(editor, NAV.profile);
  await choose(editor, '所在地区·省', '山西省');
  await choose(editor, '所在地区·市', '太原市');
  await newDraft(editor, '2021年山西省全民终身学习活动周情况统计表');
  const table = await reveal(editor, '活动主题');
  const cell = await revealRight(editor, '终身学习·参与（或受益）人数（人次）', { x: table.x + 500, y: table.y + 40 }, { input: true });
  await editor.mouse.click(cell.x + 20, cell.y + cell.h / 2);
  await editor.keyboard.type('300');
  await waitForState(editor, (s) => s.drafts[0]?.values?.stats?.columns?.[0]?.cells?.participants === 300);

  const viewer = await openApp(context, server.url);  // a second tab: read-only, follows the first
  await click(viewer, NAV.map);
  await hover(viewer, '地图·山西');
  await findItem(viewer, /^山西：活动 1 项，参与 300 人次/);

  await editor.bringToFront();
  await editor.mouse.click(cell.x + 20, cell.y + cell.h / 2);
  await editor.keyboard.press('End');
  await editor.keyboard.press('Backspace');
  await editor.keyboard.press('Backspace');
  await editor.keyboard.press('Backspace');
  await editor.keyboard.type('500');
  await viewer.bringToFront();
  await hover(viewer, '地图·山西');
  await findItem(viewer, /^山西：活动 1 项，参与 500 人次/, { timeout: 8000 });
  await context.close();
});

test('the live feed merges bundles polled from a URL', async () => {
  feedBody = JSON.stringify({
    format: 'learnweek-bundle', formatVersion: 1, appVersion: '0.1.0', kind: 'submission', created: '2020-10-22T02:00:00Z',
    campaign: '2020', issuer: { unit: '长治市教育局', region: '140400' }, forms: [{ id: 'demo_activity_summary', version: 1 }],
    records: [{ uuid: '5b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d', form: 'demo_activity_summary', formVersion: 1, revision: 1,
      created: '2020-10-22T02:00:00Z', updated: '2020-10-22T02:00:00Z',
      values: { region: '140400', activities: [{ name: '上党读书节', date: '2020-10-21', participants: 777 }] } }],
    photos: [] });
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page = await openApp(context, server.url);
  await click(page, NAV.map);
  await click(page, '实时数据源网址', { input: true });
  await page.keyboard.type(server.url + 'feed.json');
  await click(page, '开始接收');
  await findItem(page, '实时数据：新增 1 条', { timeout: 8000 });
  await hover(page, '地图·山西');
  await findItem(page, /^山西：活动 1 项，参与 777 人次/);
  await context.close();
});

test('ceremony mode at 3840×2160: theme, animated totals, tour, ticker; Esc leaves', async () => {
  const context = await browser.newContext({ viewport: { width: 3840, height: 2160 } });
  const page = await openApp(context, server.url, { example: true });
  await click(page, NAV.map);
  await click(page, key('map.ceremony'), { timeout: 8000 });
  await findItem(page, '全民智学，助力“双战双赢”');
  await findItem(page, /^正在展示：/);
  await findItem(page, /^滚动播报：【/);
  const before = await page.evaluate(() => window.__clears || window.learnweek.frames);
  await page.waitForTimeout(4000);  // totals finish counting up
  const frames = (await page.evaluate(() => window.learnweek.frames)) - before;
  // Idle pages draw 1 frame a second; ceremony mode animates continuously. How many frames that
  // makes depends on the machine (software GL at 4K beside a second browser on a loaded CI host
  // drew 4 in 4 s), so the loop's own mode is what is checked, and that frames keep coming.
  assert.equal((await page.evaluate(() => window.learnweek.stats())).animating, true, 'ceremony mode draws every frame');
  assert.ok(frames >= 2, `ceremony keeps drawing (drew ${frames} frames in 4 s)`);
  await findItem(page, /^参与 [\d,]+人次$/);
  await shot(page, 'ceremony-4k.png');
  await page.keyboard.press('Escape');
  await findItem(page, key('map.ceremony'));
  await context.close();
});

const overlaps = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

for (const [width, height] of [[1366, 768], [1920, 1080], [1080, 1920]]) {
  test(`the map at ${width}×${height}: 钓鱼岛、赤尾屿、十段线, the inset clear of 台湾, 示意图`, async () => {
    const context = await browser.newContext({ viewport: { width, height } });
    const page = await openApp(context, server.url, { example: true });
    await click(page, NAV.map);
    const inset = await findItem(page, '地图·南海诸岛');
    const marks = [];
    for (const name of ['钓鱼岛', '赤尾屿', '十段线', '台湾', '香港', '澳门', '海南']) marks.push(await findItem(page, '地图·' + name));
    for (const m of marks) assert.ok(!overlaps(m, inset), `${m.label} is not under the inset`);
    const [diaoyu, chiwei, dash, taiwan] = marks;
    assert.ok(diaoyu.x > taiwan.x && chiwei.x > diaoyu.x, '钓鱼岛 and 赤尾屿 lie east of 台湾, in that order');
    assert.ok(diaoyu.w >= 3 && chiwei.w >= 3, 'the islands are drawn at a visible size');
    assert.ok(dash.x > taiwan.x && dash.y > diaoyu.y, 'the dash lies east of 台湾, south of 钓鱼岛');
    assert.ok(inset.y > taiwan.y, 'the inset is below 台湾');
    await findItem(page, '示意图');
    await shot(page, `map-${width}x${height}.png`);
    // Close-up of 台湾, the islands, the dash and the inset.
    const x0 = Math.max(0, Math.min(taiwan.x, inset.x) - 120), y0 = Math.max(0, diaoyu.y - 80);
    const x1 = Math.min(width, Math.max(chiwei.x + 60, inset.x + inset.w) + 20), y1 = Math.min(height, inset.y + inset.h + 20);
    await page.screenshot({ path: join(ARTIFACTS, `map-taiwan-${width}x${height}.png`), clip: { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } });
    await context.close();
  });
}

test('the 审图号 set in 设置 is printed under the map', async () => {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page = await openApp(context, server.url);
  await click(page, NAV.settings);
  await click(page, '审图号', { input: true });
  await page.keyboard.type('GS(2024)0650');
  await waitForState(page, (s) => s.settings?.mapApproval === 'GS(2024)0650', 15000);  // typing is slow on a loaded machine
  await click(page, NAV.map);
  await findItem(page, '示意图');
  await findItem(page, '审图号：GS(2024)0650');
  await context.close();
});

for (const [width, height] of [[3840, 2160], [7680, 2160]]) {
  test(`ceremony at ${width}×${height} with example data: badge, legend, ranking, calendar`, async () => {
    const context = await browser.newContext({ viewport: { width, height } });
    const page = await openApp(context, server.url, { example: true });
    await click(page, NAV.map);
    await click(page, key('map.ceremony'), { timeout: 8000 });
    // An 8K frame in software GL takes seconds: allow for it, and for the carousel having turned.
    const slow = { timeout: 30000 };
    const badge = await findItem(page, '示例数据', slow);
    assert.ok(badge.x > width * 0.8 && badge.y < height * 0.12, 'the badge is in the top-right corner');
    await findItem(page, '数字为演示，非真实统计', slow);
    await findItem(page, '图例 · 参与人次', slow);
    await findItem(page, '示意图', slow);
    await findItem(page, /^参与人次排行 · 第 (1–5|6–10) 名$/, slow);
    await findItem(page, /^排行 [16] \S+ [\d,]+人次$/, slow);
    await findItem(page, '一省一周 · 活动周日历', slow);
    await findItem(page, /^日历 10月19日–25日　内蒙古自治区/, slow);
    await findItem(page, /^日历 11月6日　浙江省　衢州.*（最近一场）$/, slow);  // 2020's last confirmed week, highlighted
    await page.waitForTimeout(3000);  // totals finish counting up
    await findItem(page, /^参与 [\d,]+人次$/, slow);
    await shot(page, `ceremony-${width}x${height}.png`);
    // The carousel turns: each page of the ranking follows the other within a few seconds.
    await findItem(page, /^参与人次排行 · 第 6–10 名$/, { timeout: 40000 });
    await findItem(page, /^参与人次排行 · 第 1–5 名$/, { timeout: 40000 });
    await context.close();
  });
}

test('设置 can keep example data off the ceremony screen: no badge, no example figures', async () => {
  const context = await browser.newContext({ viewport: { width: 3840, height: 2160 } });  // 开幕式大屏模式 above the fold
  const page = await openApp(context, server.url, { example: true });
  await click(page, NAV.settings);
  await click(page, '开幕式大屏不显示示例数据（只统计真实填报和导入的数据）');
  await waitForState(page, (s) => s.settings?.ceremonyHideExample === true, 5000);
  await click(page, NAV.map);
  await findItem(page, '当前地图包含示例数据');  // the map itself still says so
  await click(page, key('map.ceremony'), { timeout: 8000 });
  // A 4K frame on the CPU renderer of a loaded CI machine can take seconds: the same patience
  // as the ceremony tests above (the first CI failure showed the item present at the deadline).
  const slow = { timeout: 30000 };
  await findItem(page, '参与 0人次', slow);
  await findItem(page, '参与人次排行', slow);  // an empty ranking says so, and no province is toured
  assert.ok(!(await items(page)).some((i) => i.label.startsWith('正在展示：')), 'no tour without figures');
  assert.ok(!(await items(page)).some((i) => i.label === '示例数据'), 'no badge without example figures');
  await shot(page, 'ceremony-no-example.png');
  await context.close();
});
