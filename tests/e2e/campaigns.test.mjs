// campaigns.test.mjs — issue 12 items 4 and 5 in the browser: 首页 follows the calendar (no
// "已逾期 1,800 天" for 2020/2021, a plain "no campaign open" message, 往年活动 behind a toggle the
// keyboard reaches, with deadlines that carry their year and time); 往年获评名单 loaded from a GBK
// CSV through the real file chooser on 汇总, and a new 百姓学习之星 nomination with a listed ID
// number warned beside the field (a warning: the draft is still saved); and with ?now= inside
// 2021's campaign, 首页 lists it open with days left.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  click, findItem, items, launch, moveTo, newDraft, openApp, press, reveal, serve, shot, typeInto, waitForAx,
  waitForState, NAV, key,
} from './harness.mjs';

let browser;
let server;
const work = mkdtempSync(join(tmpdir(), 'lw-campaigns-'));
before(async () => { browser = await launch(); server = await serve(); });
after(async () => { await browser?.close(); await server?.close(); });

const NO_CAMPAIGN = '目前没有进行中的活动。上级发布新一年的通知后，请打开上级发来的活动包。往年活动见下方。';

test('首页 today: no campaign open, no 已逾期 badges; 往年活动 lists 2020 and 2021 with dated deadlines', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, timezoneId: 'Asia/Shanghai' });
  const page = await openApp(context, server.url, { example: true });
  await findItem(page, NO_CAMPAIGN);
  await findItem(page, /^展开往年活动/);
  assert.deepEqual((await items(page)).filter((i) => /已逾期/.test(i.label ?? '')).map((i) => i.label), [],
                   'no overdue badge on 首页');
  await shot(page, 'campaigns-home.png');

  // The toggle is a button the keyboard reaches, announced as collapsed, then expanded.
  const { hit } = await waitForAx(page, (t) => t.find((n) => n.role === 'button' && /^展开往年活动/.test(n.name)));
  assert.ok(hit, 'the 往年活动 toggle is in the accessibility tree as a button');
  assert.equal(hit.props.expanded, false);
  await moveTo(page, /^展开往年活动/, { role: 'button' });
  await press(page, 'Enter');
  await findItem(page, /^收起往年活动/);
  const open = await waitForAx(page, (t) => t.find((n) => n.role === 'button' && /^收起往年活动/.test(n.name) && n.props.expanded));
  assert.ok(open.hit, 'the toggle reports expanded');

  // Newest first; each deadline with its year and time; nothing counts 1,800 days overdue.
  await reveal(page, '2021年全民终身学习活动周');
  await reveal(page, /^2021年9月10日 24:00$/);
  await reveal(page, '2020年全民终身学习活动周');
  await reveal(page, /^2020年9月25日 24:00$/);
  await reveal(page, '已结束：最后一项截止于 2020年12月20日 24:00。');
  const all = await items(page);
  assert.equal(all.some((i) => /已逾期/.test(i.label ?? '')), false);
  assert.ok(all.some((i) => i.label === '新建' || i.name?.startsWith('新建：')), 'past checklists stay usable');
  await reveal(page, '往年活动', { up: true });
  await shot(page, 'campaigns-home-archive.png');
  await context.close();
});

// 年份,姓名,身份证号码,地区 / 2021,王秀兰,140105195507120038,140105 / 2020,"李建国",,山西省 / 大同市 — as WPS saves it: GBK.
const WINNERS_GBK = 'c4eab7dd2cd0d5c3fb2cc9edb7ddd6a4bac5c2eb2cb5d8c7f80d0a323032312ccdf5d0e3c0bc2c31343031303531393535303731'
  + '32303033382c3134303130350d0a323032302c22c0eebda8b9fa222c2cc9bdcef7caa1202f20b4f3cdaccad00d0a';
const ID = '140105195507120038';
const WARNING = '此人已于2021年获评百姓学习之星，按通知不得重复推荐。';

test('往年获评名单 from a GBK CSV on 汇总; a listed ID number is warned beside the field, and the draft still saves', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const page = await openApp(context, server.url);
  await click(page, NAV.desk);
  // The button is a Tab stop like every other one.
  await moveTo(page, '导入往年获评名单（CSV）…', { role: 'button', max: 60 });
  const list = join(work, '往年获评名单.csv');
  writeFileSync(list, Buffer.from(WINNERS_GBK, 'hex'));
  const chooser = page.waitForEvent('filechooser');
  await click(page, '导入往年获评名单（CSV）…');
  await (await chooser).setFiles([list]);
  await findItem(page, '已导入往年获评名单：2 条');
  await reveal(page, '已导入 2 条：百姓学习之星 2 人，终身学习品牌项目 0 个。');

  await newDraft(page, '“百姓学习之星”推荐表');
  await typeInto(page, '姓名', '王秀兰');
  assert.equal((await items(page)).some((i) => i.label === WARNING), false, 'no warning before the ID is known');
  await typeInto(page, '身份证号码', ID);
  const warning = await reveal(page, WARNING);
  const field = await findItem(page, '身份证号码', { input: true });
  assert.ok(warning.y > field.y && warning.y - (field.y + field.h) < 80, 'the warning sits right under the ID field');
  assert.equal(warning.name, '提醒：' + WARNING);
  await waitForState(page, (s) => s.drafts[0]?.values.id_number === ID, 5000);  // saved: a warning blocks nothing
  await shot(page, 'campaigns-past-winner-warning.png');

  // The same warning in 导出前核对 (填报 → 导出本单位数据包).
  await click(page, key('form.back'), { up: true });
  await click(page, key('export.bundle'));
  await findItem(page, '导出前核对');
  await reveal(page, '“百姓学习之星”推荐表 · 王秀兰：' + WARNING);
  await shot(page, 'campaigns-past-winner-export.png');
  await context.close();
});

test('首页 while 2021\'s notices are open (?now=): the campaign first, deadlines in order with days left, 2020 archived', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const page = await openApp(context, server.url, { query: 'now=2021-09-05T09:00' });
  await findItem(page, '2021年全民终身学习活动周');
  assert.equal((await items(page)).some((i) => i.label === NO_CAMPAIGN), false);
  // The Ministry's 9月10日 deadline, five Beijing days ahead.
  await findItem(page, '2021年9月10日 24:00');
  await findItem(page, '还剩 5 天');
  await shot(page, 'campaigns-home-open.png');
  await reveal(page, /^展开往年活动（1 届）/);  // 2020 only
  await context.close();
});
