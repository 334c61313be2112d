// rough_edges.test.mjs — issue 13's rough edges a new user hit, in the browser: times in local time
// (Beijing) on 填报 and 汇总 while files keep UTC; 导出本单位数据包 from 填报 and 首页 saying where the
// file went; the 新建表格 menu grouped by the notice; an empty Shanxi table is not 已校验; 出生年月 and
// 性别 checked against the ID number, and the summary's link puts the field with its message in view.
import assert from 'node:assert/strict';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  choose, click, findItem, imeInto, items, launch, newDraft, openApp, reveal, serve, shot, state, typeInto, waitForState, NAV, field, key,
} from './harness.mjs';

let browser;
let server;
const work = mkdtempSync(join(tmpdir(), 'lw-rough-'));
before(async () => { browser = await launch(); server = await serve(); });
after(async () => { await browser?.close(); await server?.close(); });

// "2026-11-22 18:35" for a UTC instant, as a clerk in Beijing reads it.
const beijing = (date) => {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(date).map(({ type, value }) => [type, value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
};

async function profile(page) {
  await click(page, NAV.profile);
  await imeInto(page, field('unit'), '太原市教育局');
  await choose(page, '所在地区·省', '山西省');
  await choose(page, '所在地区·市', '太原市');
}

test('times show in Beijing time; 导出本单位数据包 from 填报 and 首页 says where the file went', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true,
                                             timezoneId: 'Asia/Shanghai' });
  const page = await openApp(context, server.url);
  await profile(page);
  await newDraft(page, '“百姓学习之星”推荐表');
  await imeInto(page, '姓名', '张喆');
  const s = await waitForState(page, (st) => st.drafts[0]?.values.name === '张喆');
  assert.match(s.drafts[0].updated, /Z$/, 'the file keeps UTC');
  await click(page, key('form.back'));
  const local = beijing(new Date(s.drafts[0].updated));
  assert.notEqual(local, s.drafts[0].updated.slice(0, 16).replace('T', ' '), 'Beijing differs from UTC by 8 hours');
  await findItem(page, local);

  // Export from the drafts list: the same summary first, then the signed download.
  await click(page, key('export.bundle'));
  await findItem(page, '导出前核对');
  await click(page, key('export.send_errors'));
  const pending = page.waitForEvent('download');
  await click(page, key('export.confirm'));
  const d = await pending;
  await d.saveAs(join(work, d.suggestedFilename()));
  assert.match(d.suggestedFilename(), /^学习周_太原市教育局_\d{4}-\d\d-\d\d\.json$/);
  await findItem(page, '已导出 1 条记录，已下载到浏览器的下载文件夹：' + d.suggestedFilename());
  await shot(page, 'rough-drafts-export.png');
  await findItem(page, '已导出');  // the list marks the draft as sent

  // 首页 offers it under the checklist.
  await click(page, NAV.home, { up: true });
  await click(page, key('export.bundle'));
  await findItem(page, '导出前核对');
  await findItem(page, /^共 1 条记录/);
  await shot(page, 'rough-home-export.png');
  await click(page, '取消');

  // 汇总: the import time of a bundle, in Beijing time.
  const bundle = join(work, 'second.json');
  writeFileSync(bundle, JSON.stringify({ format: 'learnweek-bundle', formatVersion: 1, appVersion: '0.1.0', kind: 'submission',
    created: '2020-10-22T02:00:00Z', campaign: '2020', issuer: { unit: '鄂尔多斯市教育局', region: '150600' },
    forms: [{ id: 'demo_activity_summary', version: 1 }], photos: [], records: [{
      uuid: '7c9e6679-7425-40de-944b-e07fc1f90ae7', form: 'demo_activity_summary', formVersion: 1, revision: 1,
      created: '2020-10-22T02:00:00Z', updated: '2020-10-22T02:00:00Z',
      values: { activities: [{ name: '草原读书会', organizer: '鄂尔多斯市教育局', date: '2020-10-21', participants: 50 }],
                unit: '鄂尔多斯市教育局', leader: '王堃', filler: '李玥', phone: '0477-8581234' } }] }));
  await click(page, NAV.desk, { up: true });
  const before = new Date();
  const chooser = page.waitForEvent('filechooser');
  await click(page, key('desk.import'), { up: true });
  await (await chooser).setFiles([bundle]);
  await reveal(page, '导入时间');
  const shown = await reveal(page, /^\d{4}-\d\d-\d\d \d\d:\d\d$/);
  const after = new Date();
  assert.ok([beijing(before), beijing(after)].includes(shown.label), `import time ${shown.label} is Beijing time`);
  await context.close();
});

test('the 新建表格 menu lists the notice\'s materials in its order, then the other forms', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1100 } });
  const page = await openApp(context, server.url);
  await click(page, NAV.drafts);
  await click(page, key('drafts.new'));
  await findItem(page, '其他表格', { window: /^Popup_/ });
  const menu = (await items(page)).filter((i) => /^Popup_/.test(i.window) && i.label).sort((a, b) => a.y - b.y).map((i) => i.label);
  const heading = menu.findIndex((l) => /通知要求的材料$/.test(l));
  const other = menu.indexOf('其他表格');
  assert.ok(heading >= 0 && other > heading, menu.join(' | '));
  // 2020 · 教育部办公厅 asks for: 方案, 百姓学习之星, 品牌项目, 工作总结, 典型案例 (assets/campaigns/2020.json).
  const asked = menu.slice(heading + 1, other);
  assert.equal(asked.length, 5, asked.join(' | '));
  assert.match(asked[1], /百姓学习之星/);
  assert.match(asked[2], /品牌项目/);
  assert.ok(menu.slice(other + 1).some((l) => /山西省/.test(l)), 'the other forms follow');
  await shot(page, 'rough-new-draft-menu.png');
  await context.close();
});

test('a new Shanxi table is not 已校验; 出生年月 and 性别 are checked against the ID; the link shows the message', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await openApp(context, server.url);
  await profile(page);
  await newDraft(page, '2021年山西省全民终身学习活动周情况统计表');
  await click(page, '逐项查看');
  await findItem(page, '活动周情况统计：表格还是空的：请至少在一个主题下填写一项活动（活动名称和参与人数）');
  await click(page, key('form.back'), { up: true });
  await findItem(page, '草稿');
  assert.equal((await items(page)).some((i) => i.label === '已校验'), false, 'an empty table counted as done');

  await newDraft(page, '“百姓学习之星”推荐表');
  await click(page, '女');
  await typeInto(page, '出生年月·年', '1960');
  await choose(page, '出生年月·月', '3 月');
  await typeInto(page, '身份证号码', '140105195803120032');  // born 1958-03-12, 17th digit 3: 男
  await waitForState(page, (st) => st.drafts.some((d) => d.values.id_number === '140105195803120032'));
  await click(page, '逐项查看', { up: true });
  const birthMsg = '与身份证号码不符：号码第 7–14 位是出生日期 1958-03-12，这里填的是 1960-03';
  const genderMsg = '与身份证号码不符：号码第 17 位是 3（奇数，应为男），这里选的是女';
  await findItem(page, '性别：' + genderMsg);
  await click(page, '出生年月：' + birthMsg);
  // The field sits in the upper part of the page with its message below it, both in view.
  const vh = page.viewportSize().height;
  const deadline = Date.now() + 4000;
  let field, message;
  for (;;) {
    const now = await items(page);
    field = now.find((i) => i.label === '出生年月·年' && i.input);
    message = now.find((i) => i.label === birthMsg);
    if (field && message && field.y < vh * 0.5 && message.y + message.h <= vh) break;
    if (Date.now() > deadline) {
      await shot(page, 'rough-jump-failed.png');
      assert.fail(`after the jump: field ${JSON.stringify(field)}, message ${JSON.stringify(message)} (viewport ${vh})`);
    }
    await page.waitForTimeout(100);
  }
  await shot(page, 'rough-id-crosscheck.png');

  // A photo of some tens of KB reads "48 KB", not "0.0 MB".
  const photo = join(work, 'portrait.png');
  writeFileSync(photo, await page.screenshot({ clip: { x: 0, y: 80, width: 640, height: 400 } }));
  const kb = Math.round(statSync(photo).size / 1024);
  assert.ok(kb >= 1 && kb < 1024, `a test photo under 1 MB (${kb} KB)`);
  const chooser = page.waitForEvent('filechooser');
  await click(page, /^＋ 添加照片/);
  await (await chooser).setFiles([photo]);
  await reveal(page, `portrait.png · ${kb} KB`);
  await shot(page, 'rough-photo-size.png');
  const st = await state(page);
  assert.equal(st.drafts.find((d) => d.form === 'star_nomination').values.birth, '1960-03', 'nothing was changed for the user');
  await context.close();
});

test('汇总 lists provinces in GB/T 2260 code order (上海市 before 云南省, as official tables do)', async () => {
  const GBT2260 = ['北京市', '天津市', '河北省', '山西省', '内蒙古自治区', '辽宁省', '吉林省', '黑龙江省', '上海市', '江苏省',
    '浙江省', '安徽省', '福建省', '江西省', '山东省', '河南省', '湖北省', '湖南省', '广东省', '广西壮族自治区', '海南省', '重庆市',
    '四川省', '贵州省', '云南省', '西藏自治区', '陕西省', '甘肃省', '青海省', '宁夏回族自治区', '新疆维吾尔自治区', '台湾省',
    '香港特别行政区', '澳门特别行政区'];
  const context = await browser.newContext({ viewport: { width: 1400, height: 2400 } });
  const page = await openApp(context, server.url, { example: true });
  await click(page, NAV.desk);
  await click(page, /^推荐名额核对 \(\d+\)$/);
  await findItem(page, '核对结果');
  const shown = (await items(page)).filter((i) => GBT2260.includes(i.label) && i.role !== 'option')
    .sort((a, b) => a.y - b.y).map((i) => i.label);
  assert.ok(shown.length >= 5, 'provinces listed: ' + shown.join(' '));
  const codes = shown.map((n) => GBT2260.indexOf(n));
  assert.deepEqual(codes, [...codes].sort((a, b) => a - b), 'in code order: ' + shown.join(' '));
  assert.ok(shown.includes('上海市') && shown.includes('云南省') && shown.indexOf('上海市') < shown.indexOf('云南省'), shown.join(' '));
  await shot(page, 'rough-region-order.png');
  await context.close();
});
