// rollup.test.mjs — issue 11, roll-up across levels in the browser: a county, a city, a province
// and the Ministry, each a separate browser context (its own IndexedDB), each importing through
// the 汇总 file chooser what the level below downloaded and exporting one bundle upward. The
// totals are equal at every level, a unit's bundle arriving by a second path counts once, the city
// sees which of its expected units (a GBK CSV) sent nothing yet, every
// record keeps its origin, and the routes of the top bundle chain back to the units' bundles by
// SHA-256. (A re-signed bundle under another key is covered by signing.test.mjs.)
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  choose, click, findItem, imeInto, importBundleFile, items, launch, openApp, reveal, serve, shot, NAV, field, key,
} from './harness.mjs';

let browser;
let server;
const work = mkdtempSync(join(tmpdir(), 'lw-rollup-'));
before(async () => { browser = await launch(); server = await serve(); });
after(async () => { await browser?.close(); await server?.close(); });

const sha256 = (text) => createHash('sha256').update(text).digest('hex');

// Two units' bundles as another LearnWeek writes them (README: bundle format).
function unitBundle(unit, region, uuid, participants) {
  const record = { uuid, form: 'demo_activity_summary', formVersion: 1, revision: 1, created: '2020-10-22T02:00:00Z',
    updated: '2020-10-22T02:00:00Z', origin: { unit, region, device: unit + '-pc' },
    values: { activities: [{ name: '草原读书会', organizer: unit, date: '2020-10-21', participants }] } };
  return JSON.stringify({ format: 'learnweek-bundle', formatVersion: 1, appVersion: '0.1.0', kind: 'submission',
    created: '2020-10-24T02:00:00Z', campaign: '2020', issuer: { unit, region }, forms: [], records: [record], photos: [] });
}
const UNIT_A = unitBundle('昆都仑区第一小学', '150203', '1a1d3c9e-2b4f-4d8a-9c7e-5f0a1b2c3d4e', 120);
const UNIT_B = unitBundle('青山区老年大学', '150204', '2b6c2f8e-1d3a-4e5b-8c9d-7a6b5c4d3e2f', 80);

// 单位名称,地区代码 / 昆都仑区第一小学,150203 / 青山区老年大学,150204 / 东河区社区学院,150202 in GBK.
const EXPECTED_GBK = 'b5a5cebbc3fbb3c62cb5d8c7f8b4fac2eb0d0ac0a5b6bcc2d8c7f8b5dad2bbd0a1d1a72c3135303230330d0ac7e0c9bdc7f8c0cfc4eab4f3' +
  'd1a72c3135303230340d0ab6abbad3c7f8c9e7c7f8d1a7d4ba2c3135303230320d0a';

async function importFile(page, name, text) {
  await importBundleFile(page, work, name, text);
  await findItem(page, new RegExp(`^${name.replace(/[.()]/g, '\\$&')}：(新增|无变化)`));
}

// One coordinator on its own computer: its profile, then the desk.
async function level(unit, province, city) {
  const context = await browser.newContext({ viewport: { width: 1500, height: 1000 }, acceptDownloads: true });
  const page = await openApp(context, server.url);
  await click(page, NAV.profile);
  await imeInto(page, field('unit'), unit);
  await choose(page, '所在地区·省', province);
  if (city) await choose(page, '所在地区·市', city);
  await click(page, NAV.desk, { up: true });
  return { context, page };
}

// The desk's totals: 示范活动汇总表's 合计 and the regions card's 合计 (both 200 everywhere).
async function assertTotals(page, records, participants, name) {
  await click(page, new RegExp(`^示范活动汇总表 \\(${records}\\)`));
  await reveal(page, String(participants));
  await reveal(page, '按地区汇总');
  await reveal(page, '合计');
  await shot(page, `rollup-${name}.png`);
}

// 导出汇总数据包（含下级单位）, through its summary; returns the downloaded text.
async function exportUpward(page) {
  await click(page, '导出汇总数据包（含下级单位）');
  await reveal(page, '导出前核对');
  if ((await items(page)).some((i) => i.key === 'export.send_errors'))
    await click(page, key('export.send_errors'));
  const pending = page.waitForEvent('download');
  await click(page, key('export.confirm'));
  const d = await pending;
  const path = join(work, d.suggestedFilename());
  await d.saveAs(path);
  return readFileSync(path, 'utf8');
}

test('county → city → province → Ministry: totals equal, origins kept, routes chain by SHA-256', async () => {
  const county = await level('昆都仑区教育局', '内蒙古自治区', '包头市');
  await importFile(county.page, '学习周_昆都仑区第一小学.json', UNIT_A);
  await importFile(county.page, '学习周_青山区老年大学.json', UNIT_B);
  await assertTotals(county.page, 2, 200, 'county');
  const fromCounty = await exportUpward(county.page);
  const c = JSON.parse(fromCounty);
  assert.equal(c.formatVersion, 2, 'a roll-up is format version 2');
  assert.deepEqual(c.routes.map((r) => r.sha256).sort(), [sha256(UNIT_A), sha256(UNIT_B)].sort());
  await county.context.close();

  const city = await level('包头市教育局', '内蒙古自治区', '包头市');
  await importFile(city.page, '学习周_昆都仑区教育局_汇总.json', fromCounty);
  // 昆都仑区第一小学 also sent its bundle straight to the city: the second path counts once.
  await importFile(city.page, '学习周_昆都仑区第一小学_直报.json', UNIT_A);
  await findItem(city.page, '学习周_昆都仑区第一小学_直报.json：无变化 1 条');
  await assertTotals(city.page, 2, 200, 'city');
  // The city's list of expected units, saved by WPS as GBK: 东河区社区学院 has sent nothing yet.
  const list = join(work, '应报单位.csv');
  writeFileSync(list, Buffer.from(EXPECTED_GBK, 'hex'));
  const chooser = city.page.waitForEvent('filechooser');
  await click(city.page, '导入应报单位名单（CSV）…');
  await (await chooser).setFiles([list]);
  await reveal(city.page, '名单中 3 个单位，尚未报送 1 个：');
  await reveal(city.page, '东河区社区学院');
  await shot(city.page, 'rollup-city-silent.png');
  const fromCity = await exportUpward(city.page);
  await city.context.close();

  const province = await level('内蒙古自治区教育厅', '内蒙古自治区', null);
  await importFile(province.page, '学习周_包头市教育局_汇总.json', fromCity);
  await assertTotals(province.page, 2, 200, 'province');
  const fromProvince = await exportUpward(province.page);
  await province.context.close();

  const moe = await level('教育部职业教育与成人教育司', '北京市', null);
  await importFile(moe.page, '学习周_内蒙古自治区教育厅_汇总.json', fromProvince);
  await assertTotals(moe.page, 2, 200, 'ministry');
  // Drill down: 内蒙古自治区 → its cities (包头市 holds both records).
  await click(moe.page, '内蒙古自治区');
  await reveal(moe.page, '包头市');
  await shot(moe.page, 'rollup-ministry-drilled.png');
  await moe.context.close();

  // What reached the Ministry: each record with its origin and its whole way up.
  const p = JSON.parse(fromProvince);
  assert.equal(p.records.length, 2);
  const a = p.records.find((r) => r.origin.unit === '昆都仑区第一小学');
  assert.deepEqual(a.origin, { unit: '昆都仑区第一小学', region: '150203', device: '昆都仑区第一小学-pc' });
  const chain = [];
  for (let v = a.via; v !== undefined; v = p.routes[v].via) chain.push([p.routes[v].unit, p.routes[v].sha256]);
  assert.deepEqual(chain, [['包头市教育局', sha256(fromCity)], ['昆都仑区教育局', sha256(fromCounty)],
                           ['昆都仑区第一小学', sha256(UNIT_A)]]);
});
