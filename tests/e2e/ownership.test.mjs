// ownership.test.mjs — issue 11 in the browser, every file picked through the 汇总 file chooser:
// this device's own draft survives an import that carries its UUID (offered as a suggestion,
// taken over field by field); another unit's version of a record shows as a conflict with both
// origins and leaves the tables alone; a value that breaks the form's rules refuses the bundle;
// export shows its summary first, refuses without a unit, sends errors only when confirmed, and
// writes each record's origin and status.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  choose, click, findItem, imeInto, importBundleFile, items, launch, newDraft, openApp, reveal, serve, shot, state,
  waitForState, waitSaved, NAV, field, key,
} from './harness.mjs';

let browser;
let server;
const work = mkdtempSync(join(tmpdir(), 'lw-own-'));
before(async () => { browser = await launch(); server = await serve(); });
after(async () => { await browser?.close(); await server?.close(); });

const importFile = (page, name, text) => importBundleFile(page, work, name, text);

// A bundle as another LearnWeek writes it (README: bundle format).
function bundleOf(issuer, records) {
  return JSON.stringify({ format: 'learnweek-bundle', formatVersion: 1, appVersion: '0.1.0', kind: 'submission',
    created: '2020-10-24T02:00:00Z', campaign: '2020', issuer, forms: [], records, photos: [] });
}

const OTHER = { unit: '鄂尔多斯市教育局', region: '150600' };
const COUNTY = { unit: '昆都仑区教育局', region: '150203' };

function demo(uuid, origin, revision, participants) {
  return { uuid, form: 'demo_activity_summary', formVersion: 1, revision, created: '2020-10-22T02:00:00Z',
    updated: '2020-10-22T02:00:00Z', origin: { ...origin, device: origin.unit + '-pc' },
    values: { activities: [{ name: '草原读书会', organizer: origin.unit, date: '2020-10-21', participants }] } };
}

test('own draft survives an import of its UUID; another origin is a conflict; invalid values are refused', async () => {
  const context = await browser.newContext({ viewport: { width: 1500, height: 1000 } });
  const page = await openApp(context, server.url);
  await click(page, NAV.profile);
  await imeInto(page, field('unit'), '包头市教育局');
  await choose(page, '所在地区·省', '内蒙古自治区');
  await choose(page, '所在地区·市', '包头市');
  await newDraft(page, '“百姓学习之星”推荐表');
  await imeInto(page, '姓名', '张喆');
  const mine = (await waitForState(page, (s) => s.drafts[0]?.values.name === '张喆' && s.settings?.deviceId)).drafts[0];
  const deviceId = (await state(page)).settings.deviceId;
  assert.equal(mine.origin.device, deviceId, 'the draft is this device\'s');

  // Another unit's bundle carries this draft's UUID with a higher revision and another name.
  const hijack = { ...mine, revision: mine.revision + 5, origin: { ...OTHER, device: 'other-pc' },
                   values: { ...mine.values, name: '李四', gender: '男' } };
  delete hijack.exported;
  await click(page, NAV.desk, { up: true });
  await importFile(page, '学习周_鄂尔多斯市教育局_2020-10-24.json', bundleOf(OTHER, [hijack]));
  await findItem(page, '学习周_鄂尔多斯市教育局_2020-10-24.json：本机记录的修改建议 1 条');
  let s = await state(page);
  assert.equal(s.drafts[0].values.name, '张喆', 'the local draft was not replaced');
  assert.equal(s.drafts[0].revision, mine.revision);
  await waitSaved(page);
  await page.reload();
  await page.evaluate(() => window.learnweek.ready);
  assert.equal((await state(page)).drafts[0].values.name, '张喆', 'not on disk either');

  // The suggestion: field by field. Take 性别 only; 姓名 stays.
  await click(page, NAV.desk, { up: true });
  await reveal(page, '本机记录的修改建议');
  await findItem(page, '李四');
  await shot(page, 'ownership-suggestion.png');
  await click(page, '采用导入的“性别”');
  s = await waitForState(page, (x) => x.drafts[0].values.gender === '男');
  assert.equal(s.drafts[0].values.name, '张喆');
  await click(page, '保留本机版本，不再提示');
  await page.waitForTimeout(300);
  assert.ok(!(await items(page)).some((i) => i.label === '本机记录的修改建议'), 'the suggestion is gone');

  // A county's record, then a third unit's higher revision of it: a conflict, tables unchanged.
  const uuid = '6a1d3c9e-2b4f-4d8a-9c7e-5f0a1b2c3d4e';
  await importFile(page, '学习周_昆都仑区教育局_2020-10-22.json', bundleOf(COUNTY, [demo(uuid, COUNTY, 1, 120)]));
  await findItem(page, '学习周_昆都仑区教育局_2020-10-22.json：新增 1 条');
  await importFile(page, '学习周_鄂尔多斯市教育局_2020-10-25.json', bundleOf(OTHER, [demo(uuid, OTHER, 7, 9999)]));
  await findItem(page, '学习周_鄂尔多斯市教育局_2020-10-25.json：冲突 1 条');
  await reveal(page, '需要您决定的记录', { up: true });
  await findItem(page, /^来源：昆都仑区教育局 · 内蒙古自治区/);
  await findItem(page, /^来源：鄂尔多斯市教育局/);
  await shot(page, 'ownership-conflict.png');
  await click(page, /^示范活动汇总表 \(1\)/);
  await reveal(page, '120');   // the county's figure in the totals row, not the third unit's
  assert.ok(!(await items(page)).some((i) => i.label === '9999'), 'the third unit\'s figure is not counted');

  // A value that breaks the form's rule: refused whole, in Chinese, naming row and column.
  const bad = demo('0b6c2f8e-1d3a-4e5b-8c9d-7a6b5c4d3e2f', COUNTY, 1, '很多');
  await importFile(page, '学习周_坏数据.json', bundleOf(COUNTY, [bad]));
  await findItem(page, /^学习周_坏数据\.json：已拒绝：第 1 条记录（示范活动汇总表）的“示范活动 第1行 · 参与人次”：请填写整数（现为“很多”）/);
  await context.close();
});

test('export says what it sends: summary first, no unit no export, errors only when confirmed', async () => {
  const context = await browser.newContext({ viewport: { width: 1500, height: 1000 }, acceptDownloads: true });
  const page = await openApp(context, server.url);
  await newDraft(page, '“百姓学习之星”推荐表');
  await imeInto(page, '姓名', '张喆');
  await waitForState(page, (s) => s.drafts[0]?.values.name === '张喆');
  await click(page, NAV.desk, { up: true });
  await click(page, key('export.bundle'));
  await reveal(page, '导出前核对');
  await reveal(page, '百姓学习之星：已校验 0 份，草稿 1 份');
  await reveal(page, '请先在“单位信息”中填写填报单位和所在地区，上级单位要靠它们识别数据包');
  assert.ok(!(await items(page)).some((i) => i.label === '确认导出'), 'no way to export without a unit');
  await shot(page, 'export-no-unit.png');
  await click(page, '去填写单位信息');
  await imeInto(page, field('unit'), '包头市教育局');
  await choose(page, '所在地区·省', '内蒙古自治区');
  await choose(page, '所在地区·市', '包头市');
  await click(page, NAV.desk, { up: true });
  await click(page, key('export.bundle'));
  await reveal(page, /^还有 \d+ 处需要修改（1 份表格）/);
  const confirm = await reveal(page, key('export.confirm'));
  assert.equal(confirm.disabled, true, 'disabled until the errors are confirmed');
  let downloads = 0;
  page.on('download', () => { downloads++; });
  await page.mouse.click(confirm.x + 20, confirm.y + confirm.h / 2);
  await page.waitForTimeout(400);
  assert.equal(downloads, 0, 'nothing was written without the confirmation');
  await shot(page, 'export-summary.png');
  await click(page, key('export.send_errors'));
  const pending = page.waitForEvent('download');
  await click(page, key('export.confirm'));
  const d = await pending;
  const path = join(work, d.suggestedFilename());
  await d.saveAs(path);
  const bundle = JSON.parse(readFileSync(path, 'utf8'));
  const deviceId = (await state(page)).settings.deviceId;
  assert.equal(bundle.records.length, 1);
  assert.equal(bundle.records[0].status, 'draft');
  assert.deepEqual(bundle.records[0].origin, { unit: '包头市教育局', region: '150200', device: deviceId });
  await context.close();
});
