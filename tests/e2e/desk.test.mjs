// desk.test.mjs — issue 4 in the browser: a city fills two forms and exports its bundle; after a
// reset, the bundle and a second city's bundle are imported; the summary table shows both with
// correct totals; importing one again changes nothing; a corrupted copy is refused and nothing
// changes. The exported CSV and .xlsx are read back (the .xlsx by openpyxl), the print view checked.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  ARTIFACTS, ROOT, choose, click, imeInto, findItem, imeType, items, launch, newDraft, openApp, reveal, serve, shot, state,
  waitForState, NAV, field, key,
} from './harness.mjs';

let browser;
let server;
const work = mkdtempSync(join(tmpdir(), 'lw-desk-'));
before(async () => { browser = await launch(); server = await serve(); });
after(async () => { await browser?.close(); await server?.close(); });


async function typeInto(page, label, text, index = 0) {
  const it = await reveal(page, label, { input: true, index });
  await page.mouse.click(it.x + 20, it.y + it.h / 2);
  await page.waitForTimeout(80);
  if (/^[0-9]+$/.test(text)) await page.keyboard.type(text);
  else await imeType(page, [text.slice(0, 1)], text);
}

async function download(page, action) {
  const pending = page.waitForEvent('download');
  await action();
  const d = await pending;
  const path = join(work, d.suggestedFilename());
  await d.saveAs(path);
  return { path, name: d.suggestedFilename() };
}

async function importFiles(page, paths) {
  const chooser = page.waitForEvent('filechooser');
  await click(page, key('desk.import'), { up: true });
  await (await chooser).setFiles(paths);
}

// A second city's bundle, written the way any other LearnWeek would write it (format: README).
function secondCityBundle() {
  const rec = {
    uuid: '7c9e6679-7425-40de-944b-e07fc1f90ae7', form: 'demo_activity_summary', formVersion: 1, revision: 1,
    created: '2020-10-22T02:00:00Z', updated: '2020-10-22T02:00:00Z',
    values: { activities: [{ name: '草原读书会', organizer: '鄂尔多斯市教育局', date: '2020-10-21', participants: 50 }],
              unit: '鄂尔多斯市教育局', leader: '王堃', filler: '李玥', phone: '0477-8581234' },
  };
  return JSON.stringify({ format: 'learnweek-bundle', formatVersion: 1, appVersion: '0.1.0', kind: 'submission',
    created: '2020-10-22T02:00:00Z', campaign: '2020', issuer: { unit: '鄂尔多斯市教育局', region: '150600' },
    forms: [{ id: 'demo_activity_summary', version: 1 }], records: [rec], photos: [] });
}

test('export as 包头市, reset, import two cities: tables, totals, duplicates and corruption', async () => {
  const context = await browser.newContext({ viewport: { width: 1500, height: 1000 }, acceptDownloads: true });
  const page = await openApp(context, server.url);
  // The city's profile and two forms.
  await click(page, NAV.profile);
  await imeInto(page, field('unit'), '包头市教育局');
  await choose(page, '所在地区·省', '内蒙古自治区');
  await choose(page, '所在地区·市', '包头市');
  await newDraft(page, '“吉林省全民终身学习示范活动”汇总表');
  await click(page, /^＋ 添加一行/);
  await click(page, /^＋ 添加一行/);
  await typeInto(page, '活动名称', '社区智能手机课堂', 0);
  await typeInto(page, '参与人次', '120', 0);
  await typeInto(page, '活动名称', '老年大学开放日', 1);
  await typeInto(page, '参与人次', '80', 1);
  await newDraft(page, '“百姓学习之星”推荐表');
  await imeInto(page, '姓名', '张喆');
  await waitForState(page, (s) => s.drafts.length === 2 && s.drafts.some((d) => d.values.name === '张喆') &&
    s.drafts.some((d) => d.values.activities?.[1]?.participants === 80));
  await click(page, NAV.desk, { up: true });
  // Export shows its summary first; the drafts still have errors, so they go only when confirmed.
  await click(page, key('export.bundle'));
  await findItem(page, '导出前核对');
  await click(page, key('export.send_errors'));
  const own = await download(page, () => click(page, key('export.confirm')));
  assert.match(own.name, /^学习周_包头市教育局_\d{4}-\d{2}-\d{2}\.json$/);
  const bundle = JSON.parse(readFileSync(own.path, 'utf8'));
  assert.equal(bundle.format, 'learnweek-bundle');
  assert.equal(bundle.issuer.unit, '包头市教育局');
  assert.equal(bundle.issuer.region, '150200');
  assert.equal(bundle.records.length, 2);

  // Reset: a backup first (the app insists), then clear.
  await click(page, NAV.settings);
  await download(page, () => click(page, '保存全部数据到备份文件'));
  await click(page, '清除本机数据…');
  await click(page, '确定清除');
  await waitForState(page, (s) => s.drafts.length === 0 && s.profile === null);

  // Import the city's bundle and a second city's.
  const second = join(work, '学习周_鄂尔多斯市教育局_2020-10-22.json');
  writeFileSync(second, secondCityBundle());
  await click(page, NAV.desk);
  await importFiles(page, [own.path, second]);
  await findItem(page, `${own.name}：新增 2 条`);
  await findItem(page, '学习周_鄂尔多斯市教育局_2020-10-22.json：新增 1 条');
  await click(page, /^示范活动汇总表 \(3\)/);
  await findItem(page, '示范活动汇总表：3 行');
  await reveal(page, '250');  // 120 + 80 + 50 in the totals row (the screen opened at its top)
  await shot(page, 'desk-tables.png');

  // The same bundle again: nothing changes.
  await importFiles(page, [own.path]);
  await findItem(page, `${own.name}：此数据包已导入过，没有变化`);
  await findItem(page, '示范活动汇总表：3 行');
  // A corrupted copy: refused, tables unchanged.
  const broken = join(work, '损坏的数据包.json');
  writeFileSync(broken, readFileSync(own.path, 'utf8').slice(0, 700));
  await importFiles(page, [broken]);
  await findItem(page, '损坏的数据包.json：已拒绝：文件内容不完整或不是有效的 JSON（可能下载或传输时被截断）');
  await findItem(page, '示范活动汇总表：3 行');
  await reveal(page, '250');  // (controls are 44 px tall: the totals row may be below the fold)
  // Both bundles are listed with their provenance, each can be removed again.
  await reveal(page, '鄂尔多斯市教育局');
  await findItem(page, '包头市教育局');

  // CSV and Excel read back.
  const csv = await download(page, () => click(page, '导出此表 CSV', { up: true }));
  const text = readFileSync(csv.path, 'utf8');
  assert.ok(text.startsWith('\uFEFF序号,活动名称'), 'UTF-8 BOM and headers');
  assert.match(text, /合计,,,,,,250,/);
  const xlsx = await download(page, () => click(page, '导出全部表格（Excel）'));
  const check = execFileSync('/usr/bin/python3', ['-c', `
import openpyxl, sys
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['示范活动汇总表']
rows = [[c.value for c in r] for r in ws.iter_rows()]
print(len(wb.sheetnames), rows[0][1], rows[-1][6], sum(r[6] for r in rows[1:-1]))
`, xlsx.path]).toString().trim();
  assert.equal(check, '7 活动名称 250 250');
  await context.close();
});

test('print view: an A4 nomination with everything escaped and room for the seal', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await openApp(context, server.url);
  await newDraft(page, '“百姓学习之星”推荐表');
  await imeInto(page, '姓名', '张喆<script>alert(1)</script>');
  await click(page, '打印', { up: true });
  const html = await page.waitForFunction(() => document.querySelector('iframe')?.srcdoc).then((h) => h.jsonValue());
  assert.ok(html.includes('张喆&lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.ok(!html.includes('<script>alert'));
  assert.ok(html.includes('（盖章）'));
  const paper = await context.newPage();
  await paper.setViewportSize({ width: 794, height: 1123 });  // A4 at 96 dpi
  await paper.setContent(html);
  await paper.screenshot({ path: join(ARTIFACTS, 'print-star.png'), fullPage: true });
  await context.close();
});

test('files go where their request wanted them: a cancelled restore does not swallow a later drop', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await openApp(context, server.url);
  const profileBefore = (await state(page)).profile;
  await click(page, NAV.settings);
  // The chooser for 从备份文件恢复… opens and is cancelled: no file arrives.
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), click(page, '从备份文件恢复…')]);
  assert.equal(chooser.isMultiple(), false);
  await page.waitForTimeout(300);
  // Then a bundle is dropped on the page, the way a coordinator drags it from an e-mail.
  const bundle = readFileSync(join(ROOT, 'tests/fuzz/corpus/valid.json'), 'utf8');
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], '学习周_包头市教育局_2020-10-25.json', { type: 'application/json' }));
    document.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, bundle);
  await findItem(page, '已导入 1 个数据包');  // imported on the desk, not read as a backup
  await findItem(page, '学习周_包头市教育局_2020-10-25.json：新增 1 条');
  assert.deepEqual((await state(page)).profile, profileBefore, 'nothing was restored');
  await context.close();
});
