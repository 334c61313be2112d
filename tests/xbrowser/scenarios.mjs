// scenarios.mjs — the core scenarios every engine runs (firefox.test.mjs, webkit.test.mjs): a
// unit profile typed in Chinese survives a reload, a 百姓学习之星 nomination survives a reload, a
// bundle is really downloaded and imported into a fresh profile through the app's file chooser,
// and hovering a province on the map shows its figures. Every test fails on any page error.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  assertNoErrors, choose, click, findItem, newDraft, openApp, pageClock, reveal, state, typeInto, waitForState, waitReady, waitStored,
} from './app.mjs';
import { ARTIFACTS, serve } from './engines.mjs';

const UNIT = '太原市杏花岭区社区学院';
const LIMIT = { timeout: 150000 };  // a hung driver call fails the test instead of the whole run
const STAR = '张喆';  // 喆 is outside GB2312: its glyph comes from a font shard

export function scenarios(engineName, launchEngine) {
  let engine;
  let server;
  const sessions = new Set();
  const shot = (s, what) => s.screenshot(join(ARTIFACTS, `xbrowser-${engineName}-${what}.png`));
  const session = async () => { const s = await engine.newSession(); sessions.add(s); return s; };
  const done = async (s) => { await assertNoErrors(s, 'during the test'); sessions.delete(s); await s.close(); };
  // Sessions left open by a failing test are closed before the next starts (WebKitWebDriver
  // serves one session at a time).
  const cleanly = (fn) => async () => {
    try { await fn(); } finally { for (const s of sessions) await s.close(); sessions.clear(); }
  };

  before(async () => {
    server = await serve();
    const t0 = Date.now();
    engine = await launchEngine();
    console.log(`[${engineName}] ${engine.version} started in ${Date.now() - t0} ms`);
  }, { timeout: 60000 });
  after(async () => {
    await engine?.close();
    await server?.close();
  }, { timeout: 30000 });

  async function fillProfile(s) {
    await click(s, '单位信息');
    await typeInto(s, '填报单位', UNIT);
    await choose(s, '所在地区·省', '山西省');
    await choose(s, '所在地区·市', '太原市');
  }

  // The summary table of 百姓学习之星 nominations lists the record: items() names no table cells,
  // so the table's keyword filter proves it: the name keeps its row, the name plus a stray
  // character keeps none.
  async function starInSummaryTable(s) {
    await click(s, '汇总', { up: true });
    await click(s, /百姓学习之星.*\(1\)$/);
    await typeInto(s, '筛选关键词', STAR);
    await findItem(s, '“百姓学习之星”推荐名单：1 行');
    await s.type('X');
    await findItem(s, '“百姓学习之星”推荐名单：0 行');
  }

  async function starNomination(s) {
    await newDraft(s, '“百姓学习之星”推荐表');
    await typeInto(s, '姓名', STAR);
  }

  test(`${engineName}: a unit profile typed in Chinese, regions picked, kept across a reload`, LIMIT, cleanly(async () => {
    const s = await session();
    await openApp(s, server.url);
    const renderer = await s.evaluate(() => {
      const stats = window.learnweek.stats ? window.learnweek.stats() : {};
      if (stats.renderer) return typeof stats.renderer === 'object' ? JSON.stringify(stats.renderer) : String(stats.renderer);
      const gl = document.createElement('canvas').getContext('webgl2');
      const info = gl && gl.getExtension('WEBGL_debug_renderer_info');
      // WebKit reports a fixed "Apple GPU" here whatever draws (fingerprinting protection).
      return `stats().renderer not reported; WebGL2 here: ${gl ? gl.getParameter(gl.VERSION) + ', ' +
        gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) : 'none'}`;
    });
    console.log(`[${engineName}] renderer: ${renderer}`);
    const since = await pageClock(s);
    await fillProfile(s);
    const st = await waitForState(s, (x) => x.profile?.values?.unit === UNIT && x.profile?.values?.region === '140100', 5000, 'profile');
    await waitStored(s, since);
    await s.click(12, s.viewport().height - 20);  // the page margin: leave the field (no caret in the screenshot)
    await s.wheel(s.viewport().width / 2, s.viewport().height / 2, 0, -1500);
    await findItem(s, '所在地区·省');
    await shot(s, 'profile');

    await s.reload();
    await waitReady(s);
    const back = await state(s);
    assert.equal(back.profile?.values?.unit, UNIT, 'the unit is read back from IndexedDB');
    assert.equal(back.profile.values.region, '140100');
    assert.equal(back.profile.uuid, st.profile.uuid);
    // ...and the app shows it again: the home screen's unit card, with the region's full name.
    await click(s, '首页', { up: true });
    await findItem(s, UNIT);
    await findItem(s, /山西省.*太原市/);
    await done(s);
  }));

  test(`${engineName}: a 百姓学习之星 nomination with a Chinese name, saved and kept across a reload`, LIMIT, cleanly(async () => {
    const s = await session();
    await openApp(s, server.url);
    const since = await pageClock(s);
    await starNomination(s);
    const st = await waitForState(s, (x) => x.drafts.length === 1 && x.drafts[0].values?.name === STAR, 5000, 'the nomination');
    assert.equal(st.drafts[0].form, 'star_nomination');
    await waitStored(s, since);

    await s.reload();
    await waitReady(s);
    const back = await state(s);
    assert.equal(back.drafts.length, 1);
    assert.equal(back.drafts[0].uuid, st.drafts[0].uuid);
    assert.equal(back.drafts[0].values.name, STAR);
    // ...and the app shows it again: its row in the summary table of 百姓学习之星 nominations.
    await starInSummaryTable(s);
    await done(s);
  }));

  test(`${engineName}: a unit's bundle downloaded for real and imported into a fresh profile`, LIMIT, cleanly(async () => {
    const a = await session();
    await openApp(a, server.url);
    await fillProfile(a);
    await starNomination(a);
    await waitForState(a, (x) => x.profile?.values?.region === '140100' && x.drafts[0]?.values?.name === STAR, 5000, 'profile and nomination');
    await click(a, '汇总', { up: true });
    await click(a, '导出本单位数据包');  // the summary first: the nomination is unfinished, so confirm
    await click(a, '我知道还有需要修改的地方，仍然导出');
    const file = await a.download(() => click(a, '确认导出'));
    assert.match(file.name, new RegExp(`^学习周_${UNIT}_\\d{4}-\\d{2}-\\d{2}\\.json$`));
    const bundle = JSON.parse(readFileSync(file.path, 'utf8'));
    assert.equal(bundle.format, 'learnweek-bundle');
    assert.equal(bundle.issuer.unit, UNIT);
    assert.equal(bundle.issuer.region, '140100');
    assert.deepEqual(bundle.records.map((r) => [r.form, r.values.name]), [['star_nomination', STAR]]);
    await done(a);

    const b = await session();  // a fresh profile: the coordinator's browser
    await openApp(b, server.url);
    assert.equal((await state(b)).drafts.length, 0);
    await click(b, '汇总');
    await click(b, '选择数据包文件…');
    await b.upload([file.path]);
    await findItem(b, `${file.name}：新增 1 条`, { timeout: 8000 });
    await starInSummaryTable(b);
    await reveal(b, UNIT);   // the bundle's provenance: its unit in the list of imported bundles (below the tables)
    // ...and its SHA-256, which this engine's WebCrypto computed as it read the file.
    await reveal(b, createHash('sha256').update(readFileSync(file.path)).digest('hex').slice(0, 8) + '…');
    await done(b);
  }));

  test(`${engineName}: hovering 山西 on the map shows its figures`, LIMIT, cleanly(async () => {
    const s = await session();
    await openApp(s, server.url, { example: true });
    await click(s, '地图');
    await findItem(s, '当前地图包含示例数据', { timeout: 10000 });
    const it = await findItem(s, '地图·山西');
    await s.move(it.x + 2, it.y + 2);
    const tip = await findItem(s, /^山西：活动 \d+ 项，参与 [\d,]+ 人次，志愿者 [\d,]+ 人次，百姓学习之星 \d+ 名，品牌项目 \d+ 个$/);
    assert.ok(Number(/参与 ([\d,]+) 人次/.exec(tip.label)[1].replace(/,/g, '')) > 0, tip.label);
    await shot(s, 'map');
    await done(s);
  }));
}
