// a11y_tables.test.mjs — issue 10, what the canvas shows as tables, maps and lists, read from
// Chromium's accessibility tree (CDP Accessibility.getFullAXTree): 汇总's summary and bundle
// tables with column and row headers; an import's report announced; the map's figures as a
// table and its legend as text; the map walked with the arrow keys; the Shanxi table at 200 %
// keeps its headings in view (screenshot); every target at least 44×44 CSS px (60×60 in 大字模式).
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  ARTIFACTS, axFind as find, click, findItem, imeInto, items, launch, moveTo, newDraft, openApp, press, reveal, serve, waitForAx, NAV, key,
} from './harness.mjs';

let browser;
let server;
before(async () => { browser = await launch(); server = await serve(); });
after(async () => { await browser?.close(); await server?.close(); });

// The mirror's table named `name` as the DOM holds it: rows of [role, text] cells.
const domTable = (page, name) => page.evaluate((n) => {
  const t = [...document.querySelectorAll('#lw-a11y [role=table]')].find((e) => e.getAttribute('aria-label') === n);
  if (!t) return null;
  return { rowcount: Number(t.getAttribute('aria-rowcount')), colcount: Number(t.getAttribute('aria-colcount')),
           rows: [...t.children].map((r) => ({ index: Number(r.getAttribute('aria-rowindex')),
                                               cells: [...r.children].map((c) => [c.getAttribute('role'), c.textContent]) })) };
}, name);

const liveText = (page, kind) => page.evaluate((k) => document.getElementById('lw-live-' + k).textContent, kind);

test('汇总: summary and bundle tables are tables with headers; an import report is announced', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 2400 } });
  const page = await openApp(context, server.url, { example: true });
  await click(page, NAV.desk);
  const { tree, hit } = await waitForAx(page, (t) => t.find((n) => n.role === 'table' && n.name !== '已导入的数据包' &&
                                                           t.some((c) => c.role === 'cell')));
  assert.ok(hit, 'a summary table in the AX tree: ' + tree.filter((n) => n.role === 'table').map((n) => n.name).join(', '));
  const table = await domTable(page, hit.name);
  console.log(`# ${hit.name}: ${table.rowcount} rows × ${table.colcount} columns; first rows ${JSON.stringify(table.rows.slice(0, 2))}`);
  assert.ok(table.rowcount >= 3, 'header, rows and totals counted');
  assert.equal(table.rows[0].index, 1);
  assert.ok(table.rows[0].cells.every(([role]) => role === 'columnheader'), 'the first row holds the column headers');
  assert.equal(table.rows[0].cells.length, table.colcount);
  assert.equal(table.rows[1].cells[0][0], 'rowheader', 'the first column heads its row');
  assert.ok(table.rows[1].cells.slice(1).every(([role]) => role === 'cell'));
  // In the AX tree: column headers named by their text, cells inside rows.
  const headers = tree.filter((n) => n.role === 'columnheader' && n.parentRole === 'row').map((h) => h.name);
  for (const [, text] of table.rows[0].cells) assert.ok(text && headers.includes(text), `header "${text}" in the AX tree: ${headers}`);
  assert.ok(tree.filter((n) => n.role === 'cell').every((c) => c.parentRole === 'row'), 'cells sit in rows');

  // The imported bundles (below the summary table and the 按地区汇总 card: a keyword that matches
  // nothing empties the table, then the wheel brings them into view) are a table whose remove
  // buttons say which file they remove.
  await imeInto(page, '筛选关键词', '没有这样的记录');
  await reveal(page, '已导入的数据包');
  const bundles = await domTable(page, '已导入的数据包');
  assert.deepEqual(bundles.rows[0].cells.map(([, text]) => text), ['报送单位', '文件', '记录数', '导入时间', 'SHA-256', '签名密钥指纹', '操作']);
  assert.ok((await waitForAx(page, (t) => find(t, 'button', /^移除 .+\.json$/))).hit, 'the remove button names its file');

  // A refused import is announced at once (assertive), with the error icon's "错误：" name.
  const bad = join(mkdtempSync(join(tmpdir(), 'lw-a11y-')), '坏的数据包.json');
  writeFileSync(bad, '{"format":"learnweek-bundle","formatVersion":99}');
  const chooser = page.waitForEvent('filechooser');
  await click(page, key('desk.import'), { up: true });  // back up past the bundle list
  await (await chooser).setFiles([bad]);
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline && !/坏的数据包\.json：/.test(await liveText(page, 'assertive'))) await page.waitForTimeout(100);
  const said = await liveText(page, 'assertive');
  assert.match(said, /坏的数据包\.json：/, 'the refusal is in the assertive live region: ' + said);
  const refused = await waitForAx(page, (t) => t.find((n) => /^错误：坏的数据包\.json：/.test(n.name)));
  assert.ok(refused.hit, 'the report carries its error name');
  await context.close();
});

test('地图: the figures as a table, the legend in words, arrow keys walk the regions, Enter and Esc', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await openApp(context, server.url, { example: true });
  await click(page, NAV.map);
  const { tree, hit } = await waitForAx(page, (t) => find(t, 'table', '地图数据：参与人次') && t.filter((n) => n.role === 'rowheader').length >= 30);
  assert.ok(hit, 'the map figures table: ' + tree.filter((n) => n.role === 'table').map((n) => n.name).join(', '));
  const title = find(tree, 'heading', '活动地图 · 全国');
  assert.ok(title && title.props.level === 1, 'the map screen has its level-1 heading');
  const figures = await domTable(page, '地图数据：参与人次');
  assert.equal(figures.colcount, 2);
  assert.deepEqual(figures.rows[0].cells, [['columnheader', '地区'], ['columnheader', '参与人次']]);
  assert.equal(figures.rowcount, figures.rows.length, 'every province has its row');
  assert.ok(figures.rows.some((r) => /^山西/.test(r.cells[0][1]) && /^[\d,]+$|^暂无数据$/.test(r.cells[1][1])), 'a row per province');
  assert.ok(find(tree, 'StaticText', /^图例：第 1 级颜色/) || tree.some((n) => /^图例：第 1 级颜色/.test(n.name)), 'the legend in words');
  assert.ok(tree.some((n) => n.role === 'slider' && n.name === '日期'), 'the day slider is a slider');

  // Keyboard: Tab to the map, arrows from region to region, each named in the mirror and announced.
  await moveTo(page, /^地图：/, { role: 'button', max: 30 });
  let f = await press(page, 'ArrowRight');
  assert.match(f.label, /^地图：.+：活动 \d+ 项/, 'the first arrow picks a region: ' + f.label);
  const first = f.label;
  f = await press(page, 'ArrowDown');
  assert.notEqual(f.label, first, 'the next arrow moves to another region');
  const region = /^地图：(.+?)：/.exec(f.label)[1];
  const announced = await liveText(page, 'polite');
  assert.ok(announced.includes(region), `the region is announced: "${announced}"`);
  assert.equal((await focusLabel(page)).startsWith('地图：'), true, 'arrows stay on the map (ImGui navigation does not move)');
  await page.screenshot({ path: join(ARTIFACTS, 'a11y-map-keyboard.png') });
  // Enter opens the province's cities; Esc goes back to the country, on the same province.
  await press(page, 'Enter');
  await findItem(page, '← 返回全国');
  const cities = await domTable(page, '地图数据：参与人次');
  const provinces = figures.rows.slice(1).map((r) => r.cells[0][1]);
  const places = cities.rows.slice(1).map((r) => r.cells[0][1]);
  assert.ok(places.length > 0 && !places.some((p) => provinces.includes(p) && p !== region),
            `the table now lists ${region}'s cities: ${places.join('、')}`);
  assert.ok((await waitForAx(page, (t) => t.find((n) => n.role === 'heading' && n.name.startsWith(`活动地图 · ${region}`)))).hit, 'the heading names the province shown');
  f = await press(page, 'Escape');
  await findItem(page, '活动地图 · 全国');
  f = await press(page, 'ArrowRight');  // back on the map with the province just left as the start
  assert.match(f.label, /^地图：/);
  await context.close();
});

const focusLabel = (page) => page.evaluate(() => {
  const a = document.activeElement;
  return (a && (a.getAttribute('aria-label') || a.textContent)) || '';
});

// A form's table: twenty cells all called "姓名" and all "required" told a screen reader nothing.
test('a table field: each cell named by its column and row, required only where its column is', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await openApp(context, server.url);
  await newDraft(page, '全民终身学习活动周联系人');
  for (let k = 0; k < 2 && !(await items(page)).some((i) => i.name === '姓名（第 2 行）'); k++) {
    await click(page, '＋ 添加一行');
    await findItem(page, `姓名（第 ${k + 1} 行）`);
  }
  const { tree } = await waitForAx(page, (t) => find(t, 'textbox', '姓名（第 2 行）') && find(t, 'textbox', '职务（第 2 行）'));
  const required = (name) => String(find(tree, 'textbox', name).props.required) === 'true';
  for (const row of [1, 2]) {
    assert.ok(required(`姓名（第 ${row} 行）`), '姓名 is a required column');
    assert.ok(required(`电话（第 ${row} 行）`), '电话 is a required column');
    assert.ok(!required(`职务（第 ${row} 行）`), '职务 is not');
  }
  // A cell of several controls (a date's 年, 月, 日) names each by its part and row.
  await newDraft(page, '全民终身学习活动周方案');
  if (!(await items(page)).some((i) => i.name === '活动名称（第 1 行）')) await click(page, '＋ 添加一行');
  const plan = (await waitForAx(page, (t) => t.some((n) => n.name === '时间·日（第 1 行）'))).tree;
  for (const part of ['年', '月', '日'])
    assert.ok(plan.some((n) => n.name === `时间·${part}（第 1 行）`), `the date's ${part} is named with its row`);
  await context.close();
});

test('the Shanxi table at 200 %: a table with row and column headers whose headings stay in view', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await openApp(context, server.url);
  await click(page, NAV.settings);
  await reveal(page, '文字大小');
  // Its right end is 200 %. On a loaded machine the page may still move after the scroll that
  // revealed it, so the click is repeated at the slider's place in the newest frame.
  const at200 = () => window.learnweek.ui.items().some((i) => i.role === 'slider' && i.value === '200%');
  for (let k = 0; k < 5; k++) {
    const slider = (await items(page)).find((i) => i.role === 'slider' && i.label === '文字大小');
    await page.mouse.click(slider.x + slider.w - 3, slider.y + slider.h / 2);
    if (await page.waitForFunction(at200, null, { timeout: 3000 }).then(() => true, () => false)) break;
  }
  await page.waitForFunction(at200, null, { timeout: 5000 });
  await newDraft(page, '2021年山西省全民终身学习活动周情况统计表');
  await reveal(page, '活动名称');  // at 200 % the table starts below the fold
  const { hit } = await waitForAx(page, (t) => find(t, 'table', '活动周情况统计'), 8000);
  assert.ok(hit, 'the matrix is a table');
  const table = await domTable(page, '活动周情况统计');
  assert.deepEqual(table.rows[0].cells.slice(0, 2).map(([role, text]) => [role, text]), [['columnheader', '活动主题'], ['columnheader', '合计']]);
  const body = table.rows.find((r) => r.index > 1);
  assert.equal(body.cells[0][0], 'rowheader', 'each row is headed by its name');
  // Scroll the page until the heading row is out of sight, the rows still in view.
  await findItem(page, '活动主题');
  await page.screenshot({ path: join(ARTIFACTS, 'a11y-shanxi-200-top.png') });
  await page.mouse.move(640, 600);
  for (let i = 0; i < 60 && (await items(page)).some((it) => it.label === '活动主题' && it.cell === 'columnheader'); i++) {
    await page.mouse.wheel(0, 30);  // a little at a time, until the heading row has just left the page
    await page.waitForTimeout(60);
  }
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(ARTIFACTS, 'a11y-shanxi-200.png') });
  const after = await items(page);
  const realHeading = after.find((i) => i.label === '活动主题');
  assert.ok(!realHeading || realHeading.y < 120, 'the real heading row scrolled away');
  const rows = after.filter((i) => i.cell === 'rowheader' && i.table === '活动周情况统计').map((i) => i.label);
  assert.ok(rows.length >= 3, 'rows still in view: ' + rows.join('、'));
  await context.close();
});

// Every interactive item on every screen: at least 44×44 CSS px, 60×60 in 大字模式.
const INTERACTIVE = new Set(['button', 'link', 'tab', 'checkbox', 'radio', 'combobox', 'option', 'textbox', 'slider']);
async function smallTargets(page, min) {
  let all = await items(page);  // a table appearing is laid out over a few frames: wait until still
  for (let i = 0; i < 30; i++) {
    await page.waitForTimeout(100);
    const now = await items(page);
    if (JSON.stringify(now) === JSON.stringify(all)) break;
    all = now;
  }
  // An item partly scrolled out of its window (clipped) does not show its size.
  return all.filter((i) => INTERACTIVE.has(i.role) && i.label && !i.disabled && !i.clipped &&
                           (i.w < min - 0.5 || i.h < min - 0.5))
    .map((i) => `${i.role} "${i.label}" ${i.w.toFixed(0)}×${i.h.toFixed(0)}`);
}

test('targets: 44×44 CSS px on every screen, 60×60 in 大字模式', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 2400 } });
  const page = await openApp(context, server.url, { example: true });
  const screens = async (min) => {
    const bad = [];
    for (const s of ['首页', '填报', '汇总', '地图', '单位信息', '设置']) {
      await click(page, s, { up: true });
      await page.waitForTimeout(400);
      bad.push(...(await smallTargets(page, min)).map((x) => s + ': ' + x));
    }
    await newDraft(page, '“百姓学习之星”推荐表');
    await click(page, '逐项查看');
    await page.waitForTimeout(300);
    bad.push(...(await smallTargets(page, min)).map((x) => '推荐表: ' + x));
    return bad;
  };
  const normal = await screens(44);
  assert.deepEqual(normal, [], 'targets under 44×44');
  await click(page, NAV.settings, { up: true });
  await click(page, '大字模式（字更大，按钮更高，适合老年人）');
  const large = await screens(60);
  await page.screenshot({ path: join(ARTIFACTS, 'a11y-large-mode-form.png') });
  assert.deepEqual(large, [], 'targets under 60×60 in 大字模式');
  await context.close();
});
