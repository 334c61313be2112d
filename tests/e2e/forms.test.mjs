// forms.test.mjs — issue 3 in the browser: a nomination filled through IME and real clicks
// survives a killed browser; limits show beside the field and in the summary; the Shanxi
// statistics table totals an added column; a second tab never overwrites the first; a full
// disk is reported without losing anything; screenshots of every form.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { execSync } from 'node:child_process';
import { closeSync, fstatSync, ftruncateSync, mkdtempSync, mkdirSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  ARTIFACTS, choose, click, imeInto, findItem, imeType, items, launch, launchKillable, newDraft, openApp, reveal, revealRight, serve,
  shot, state, typeInto, waitEditing, waitForState, waitSaved, NAV, field, key,
} from './harness.mjs';

let browser;
let server;
before(async () => { browser = await launch(); server = await serve(); });
after(async () => { await browser?.close(); await server?.close(); });

const DEEDS = '张喆同志退休后坚持学习二十年，先后参加老年大学书法、摄影和智能手机课程。'.repeat(8) +
  '疫情期间，她组织社区老人通过微信群开展线上学习，带动一百多名老年人学会使用健康码和网上购物。';


test('a 百姓学习之星 nomination filled by IME and clicks survives kill -9 of the browser', async () => {
  const profile = mkdtempSync(join(tmpdir(), 'lw-kill-'));
  let run = await launchKillable(profile);
  try {
    await run.context.setDefaultTimeout(15000);
    const page = await openApp(run.context, server.url);
    await page.setViewportSize({ width: 1400, height: 1000 });
    await newDraft(page, '“百姓学习之星”推荐表');
    await imeInto(page, '姓名', '张喆');
    await click(page, '女');
    await typeInto(page, '出生年月·年', '1955');  // a birth year is typed
    await choose(page, '出生年月·月', '7 月');
    await choose(page, '民族', '蒙古族');
    await choose(page, '政治面貌', '群众');
    await choose(page, '文化程度', '大学专科');
    await typeInto(page, '身份证号码', '150203195507120024');
    await imeInto(page, '工作单位及职务', '包头市昆都仑区老年大学学员');
    await typeInto(page, '联系电话', '13812345678');
    await imeInto(page, '通讯地址', '内蒙古包头市昆都仑区钢铁大街');
    await choose(page, '所在地区·省', '内蒙古自治区');
    await choose(page, '所在地区·市', '包头市');
    await choose(page, '所在地区·县', '昆都仑区');
    await imeInto(page, '主要事迹', DEEDS);
    await imeInto(page, '推荐单位', '包头市教育局');
    await imeInto(page, '推荐单位意见', '情况属实，同意推荐。');
    const expected = {
      name: '张喆', gender: '女', birth: '1955-07', ethnicity: '蒙古族', political: '群众', education: '大学专科',
      id_number: '150203195507120024', employer: '包头市昆都仑区老年大学学员', phone: '13812345678',
      address: '内蒙古包头市昆都仑区钢铁大街', region: '150203', deeds: DEEDS, recommender: '包头市教育局',
      opinion: '情况属实，同意推荐。',
    };
    const s = await waitForState(page, (st) => st.drafts.length === 1 &&
      Object.entries(expected).every(([k, v]) => st.drafts[0].values[k] === v), 3000).catch(async (e) => {
      const got = (await state(page)).drafts[0]?.values || {};
      throw new Error('differs: ' + Object.keys(expected).filter((k) => got[k] !== expected[k])
        .map((k) => `${k}=${JSON.stringify(got[k])}`).join(', '));
    });
    const uuid = s.drafts[0].uuid;
    await waitSaved(page);            // what the user sees before the power goes
    await run.kill();                 // no unload, no goodbye

    run = await launchKillable(profile);
    const again = await openApp(run.context, server.url);
    const back = await state(again);
    assert.equal(back.drafts.length, 1);
    assert.equal(back.drafts[0].uuid, uuid);
    for (const [k, v] of Object.entries(expected)) assert.equal(back.drafts[0].values[k], v, k);
    await click(again, NAV.drafts);
    await findItem(again, '已校验');  // every rule satisfied: the list says so
  } finally {
    await run.kill();
    rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  }
});

test('a field over its limit shows the message beside it and in the summary count', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await openApp(context, server.url);
  await newDraft(page, '全民终身学习成果系列展展板素材');
  const countOf = async () => {
    const it = (await items(page)).find((i) => /^\d+ 处需要修改$/.test(i.label));
    return it ? Number(it.label.split(' ')[0]) : 0;
  };
  const before = await countOf();
  await imeInto(page, '文稿题目', '全民智学助力双战双赢吉林全民终身学习成果展');  // 21 字
  await findItem(page, '不能超过 20 字（现有 21 字，请删减 1 字）');
  await findItem(page, '21 / 20 字');
  assert.equal(await countOf(), before, 'the empty-title issue became the over-limit issue');
  await click(page, '逐项查看');
  await findItem(page, '文稿题目：不能超过 20 字（现有 21 字，请删减 1 字）');
  await click(page, '文稿题目', { input: true, up: true });
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await findItem(page, '20 / 20 字');
  assert.equal(await countOf(), before - 1);
  await context.close();
});

test('a phone number still being typed is not flagged; it is once the field is left, and clears as soon as it is right', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await openApp(context, server.url);
  await newDraft(page, '“百姓学习之星”推荐表');
  const flagged = async () => (await items(page)).some((i) => /^手机号码应为 11 位数字/.test(i.label));
  const address = await reveal(page, '通讯地址', { input: true });
  await typeInto(page, '联系电话', '1381234');
  assert.equal(await flagged(), false, 'flagged while the number is still being typed');
  const there = (await items(page)).find((i) => i.label === '通讯地址' && i.input);
  assert.equal(there.y, address.y, 'the next field moved while typing');
  await page.mouse.click(there.x + 40, there.y + there.h / 2);
  await waitEditing(page, '通讯地址');  // the click landed on the field that was under the pointer
  await findItem(page, '手机号码应为 11 位数字（现有 7 位）');
  await click(page, '联系电话', { input: true });
  await waitEditing(page, '联系电话');
  await page.keyboard.press('End');
  await page.keyboard.type('5678');
  const deadline = Date.now() + 5000;
  while (await flagged()) {
    assert.ok(Date.now() < deadline, 'the message stayed after the number was complete');
    await page.waitForTimeout(50);
  }
  await context.close();
});

test('the Shanxi statistics table: an added column stands beside its theme, in view, and totals correctly', async () => {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page = await openApp(context, server.url);
  await newDraft(page, '2021年山西省全民终身学习活动周情况统计表');
  const cell = async (label, text, added = false) => {
    // The table's heading is above when the button under the table is in view (the page may
    // have moved on a loaded machine after a column was added), else below.
    const below = (await items(page)).some((i) => i.label === '＋ 加列（新增一项活动）');
    const table = await reveal(page, '活动主题', { up: below });
    const at = { x: table.x + 600, y: table.y + 40 };
    // The column just added is the right one of its theme's two, already scrolled into view (no wheel).
    let it = await (added ? findItem(page, label, { input: true, index: 1 }) : revealRight(page, label, at, { input: true }));
    if (added) it = (await items(page)).filter((i) => i.label === label && i.input).sort((a, b) => b.x - a.x)[0];
    await page.mouse.click(it.x + 20, it.y + it.h / 2);
    await page.waitForTimeout(100);
    if (/^[0-9]+$/.test(text)) await page.keyboard.type(text);
    else await imeType(page, [text.slice(0, 1)], text);
  };
  await cell('终身学习·活动名称', '终身学习大讲堂');
  await cell('终身学习·参与（或受益）人数（人次）', '300');
  await cell('全民阅读·活动名称', '读书会');
  await cell('全民阅读·参与（或受益）人数（人次）', '150');
  await click(page, '＋ 加列（新增一项活动）');
  await click(page, '全民阅读', { window: /^Popup_/ });
  await shot(page, 'shanxi-added-column-in-view.png');
  await cell('全民阅读·活动名称', '好书推荐', true);
  await cell('全民阅读·参与（或受益）人数（人次）', '75', true);
  await cell('全民阅读·志愿者人数（人次）', '12', true);
  await findItem(page, '参与（或受益）人数（人次）合计 525').catch(async (e) => {
    console.error(JSON.stringify((await state(page)).drafts[0].values.stats.columns.filter((c) => Object.keys(c.cells).length)));
    throw e;
  });
  await findItem(page, '志愿者人数（人次）合计 12');
  await reveal(page, '参与人次合计 525');
  const s = await waitForState(page, (st) => st.drafts[0]?.values?.stats?.columns?.length === 10);
  const cols = s.drafts[0].values.stats.columns;
  const reading = cols.map((c, i) => [c.theme, i]).filter(([t]) => t === '全民阅读').map(([, i]) => i);
  assert.deepEqual(reading, [3, 4], 'the added column stands right after 全民阅读, not after 其他');
  assert.equal(cols[4].cells.participants, 75);
  assert.equal(cols[4].cells.name, '好书推荐');
  assert.equal(cols.reduce((t, c) => t + (c.cells.participants || 0), 0), 525);
  await shot(page, 'shanxi-added-column.png');
  await context.close();
});

test('a second tab is read-only, follows the first, and can take over without losing edits', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const first = await openApp(context, server.url);
  await click(first, NAV.profile);
  await imeInto(first, field('unit'), '太原市教育局');
  await waitForState(first, (s) => s.profile?.values?.unit === '太原市教育局');
  const second = await openApp(context, server.url);
  await findItem(second, /此页只能查看/);
  await click(second, NAV.profile);
  await click(second, '负责人', { input: true });
  await imeType(second, ['x'], '不该写入');
  await second.waitForTimeout(600);
  assert.equal((await state(first)).profile.values.leader, undefined, 'the read-only tab wrote nothing');
  // Edits in the first tab reach the second (people use one tab at a time: bring it forward).
  await first.bringToFront();
  await imeInto(first, '负责人', '霍秀东');
  await waitForState(second, (s) => s.profile?.values?.leader === '霍秀东', 4000);
  // Take over: the second tab becomes the writer, the first read-only, nothing lost.
  await second.bringToFront();
  await click(second, '在此页继续编辑', { up: true });
  await second.waitForFunction(() => window.learnweek.storage().writable, null, { timeout: 8000 });
  await findItem(first, /此页只能查看/, { timeout: 6000 });
  await click(second, '填报人', { input: true });
  await imeType(second, ['l'], '刘煌');
  const s = await waitForState(second, (st) => st.profile?.values?.filler === '刘煌', 3000);
  assert.equal(s.profile.values.leader, '霍秀东');
  assert.equal(s.profile.values.unit, '太原市教育局');
  await context.close();
});

// A real full disk: the browser profile lives on a small tmpfs that the test fills up. (Chrome's
// quota override is not enforced on a database that is already open, so it cannot stand in.)
test('a full disk is reported in Chinese and loses nothing already saved', async () => {
  const mnt = mkdtempSync(join(tmpdir(), 'lw-full-'));
  execSync(`mount -t tmpfs -o size=96m tmpfs ${mnt}`);  // needs root, as on the CI machines
  const run = await launchKillable(join(mnt, 'profile'));
  try {
    const page = await openApp(run.context, server.url);
    await page.setViewportSize({ width: 1280, height: 900 });
    await click(page, NAV.profile);
    await imeInto(page, field('unit'), '吉林省教育厅');
    await newDraft(page, '全民终身学习成果系列展展板素材');
    await imeInto(page, '文稿题目', '吉林省终身学习成果展');
    await waitForState(page, (s) => s.drafts[0]?.values?.title === '吉林省终身学习成果展');
    await page.waitForTimeout(800);
    const filler = join(mnt, 'filler');
    const fd = openSync(filler, 'w');
    try { for (;;) writeSync(fd, Buffer.alloc(1 << 20)); } catch (e) { assert.equal(e.code, 'ENOSPC'); }
    // The browser deletes files of its own now and then (journals, caches): whatever it frees is
    // taken again at once, so the disk stays full until the user frees space below. A little is
    // left free, as on a real full disk: the browser's own bookkeeping still fits, a photo not.
    const SLACK = 192 * 1024, block = Buffer.alloc(4096);
    let size = fstatSync(fd).size;
    const topUp = () => {
      try { for (;;) size += writeSync(fd, block, 0, block.length, size); } catch (e) { /* full */ }
      ftruncateSync(fd, (size = Math.max(0, size - SLACK)));
    };
    topUp();
    const keepFull = setInterval(topUp, 20);
    try {
      // A large photo is what usually fills a disk.
      const photo = join(mkdtempSync(join(tmpdir(), 'lw-photo-')), '开幕式现场.jpg');
      writeFileSync(photo, Buffer.concat([Buffer.from([0xFF, 0xD8, 0xFF, 0xE0]), randomBytes(600 * 1024)]));
      const chooser = page.waitForEvent('filechooser');
      await click(page, /^＋ 添加照片/);
      await (await chooser).setFiles(photo);
      await findItem(page, '未能保存！', { timeout: 20000 });
      await reveal(page, /存储空间可能已满/, { up: true });
      await shot(page, 'storage-full.png');
    } finally {
      clearInterval(keepFull);
      closeSync(fd);
    }
    assert.equal((await state(page)).drafts[0].values.photos.length, 1, 'the edit is kept in the page');
    rmSync(filler);  // the user frees some space
    await imeInto(page, '内容', '吉林省各地开展线上线下学习活动。');
    await page.waitForFunction(() => !window.learnweek.storage().failed && !window.learnweek.storage().syncing &&
                               window.learnweek.state().drafts[0].values.body, null, { timeout: 25000 });
    await page.waitForTimeout(500);
    await page.reload();  // everything comes back from IndexedDB
    await page.evaluate(() => window.learnweek.ready);
    const s = await state(page);
    assert.equal(s.profile.values.unit, '吉林省教育厅');
    assert.equal(s.drafts.length, 1);
    assert.equal(s.drafts[0].values.title, '吉林省终身学习成果展');
    assert.equal(s.drafts[0].values.photos[0].caption, '开幕式现场');
    assert.equal(s.drafts[0].values.body, '吉林省各地开展线上线下学习活动。');
  } finally {
    await run.kill();
    execSync(`umount -l ${mnt}`);
  }
});

test('screenshots of every form at devicePixelRatio 2', async () => {
  const dir = join(ARTIFACTS, 'forms');
  mkdirSync(dir, { recursive: true });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 2 });
  const page = await openApp(context, server.url);
  await click(page, NAV.drafts);
  await click(page, key('drafts.new'));
  await findItem(page, '“百姓学习之星”推荐表', { window: /^Popup_/ });
  const titles = (await items(page)).filter((i) => i.window.startsWith('Popup_') && i.role === 'menuitem')  // not the parts' titles
    .map((i) => i.label).filter(Boolean);
  await page.keyboard.press('Escape');
  assert.equal(titles.length, 13, `forms in the menu: ${titles.join('|')}`);
  for (const [n, title] of titles.entries()) {
    await newDraft(page, title);
    await page.waitForTimeout(250);
    await shot(page, `forms/${String(n + 1).padStart(2, '0')}.png`);
  }
  await context.close();
});
