// submission.test.mjs — issue 13, the 报送包 and print for everything. A unit in 太原 (with ?now= inside
// 2021's notices) fills a 百姓学习之星 with a photo and the Shanxi statistics table, and makes the
// 报送包 of each deadline from 首页. The downloads are unzipped by Info-ZIP, their 报送清单 checked
// against each file's SHA-256, every .docx printed to PDF by LibreOffice headless and its first page
// rendered to PNG (test-results/submission-*.png) beside the print preview's screenshot. A
// coordinator imports the 报送包 itself; one whose bundle was changed after the list was made is
// refused. The print preview is a dialog over the page: 打印 and 关闭, Esc, focus back.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  ARTIFACTS, axTree, axFind, choose, click, findItem, imeInto, imeType, items, launch, newDraft, openApp, reveal,
  revealRight, serve, shot, typeInto, waitForState, NAV, field, key,
} from './harness.mjs';
import { portraitPng, soffice } from './office.mjs';

let browser;
let server;
const work = mkdtempSync(join(tmpdir(), 'lw-submission-'));
before(async () => { browser = await launch(); server = await serve(); });
after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

// A valid 18-digit ID (GB 11643 check digit) of a woman born 1955-07-12 in 太原市小店区.
function idNumber() {
  const body = '14010519550712002';
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((t, d, i) => t + Number(d) * w[i], 0);
  return body + '10X98765432'[sum % 11];
}

const sha256 = (buf) => createHash('sha256').update(buf).digest('hex');

// Unzips with Info-ZIP into a folder of its own; returns the folder.
function unzip(zip, name) {
  const dir = join(work, name);
  mkdirSync(dir);
  execFileSync('unzip', ['-qq', zip, '-d', dir]);
  return dir;
}

// 报送清单.csv lists every other file of the package with its SHA-256.
function checkManifest(dir) {
  const csv = readFileSync(join(dir, '报送清单.csv'), 'utf8').replace(/^\uFEFF/, '');
  const rows = csv.trim().split('\r\n').slice(1).map((l) => l.split(','));
  const files = readdirSync(dir).filter((f) => !f.startsWith('报送清单')).sort();
  assert.deepEqual(rows.map((r) => r[1]).sort(), files);
  for (const r of rows) assert.equal(r[4], sha256(readFileSync(join(dir, r[1]))), `${r[1]} matches its SHA-256`);
  return files;
}

// LibreOffice prints a .docx to PDF; returns its text and page size, page 1 kept as a PNG.
function printDocx(docx, png) {
  soffice(['--convert-to', 'pdf', '--outdir', work, docx]);
  const pdf = join(work, docx.split('/').pop().replace(/\.docx$/, '.pdf'));
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, join(ARTIFACTS, png)]);
  return { text: execFileSync('pdftotext', ['-layout', pdf, '-']).toString(), info: execFileSync('pdfinfo', [pdf]).toString() };
}

async function makePackage(page, due, material, file) {
  await click(page, NAV.home, { up: true });
  await click(page, `生成报送包：截止 ${due} 的材料`);
  await reveal(page, `生成报送包前核对：${material}`);
  await shot(page, `${file.replace('.zip', '')}-check.png`);
  const confirm = (await items(page)).find((i) => i.key === 'export.send_errors');
  if (confirm) await click(page, confirm.label);
  const pending = page.waitForEvent('download');
  await click(page, '确认生成报送包');
  const download = await pending;
  assert.match(download.suggestedFilename(), new RegExp(`^太原市教育局_${material}_\\d{4}-\\d\\d-\\d\\d\\.zip$`));
  await findItem(page, new RegExp(`^已生成报送包.*${download.suggestedFilename().replace(/[.()]/g, '\\$&')}$`));
  const zip = join(work, file);
  await download.saveAs(zip);
  copyFileSync(zip, join(ARTIFACTS, file));
  return zip;
}

test('报送包 per deadline from 首页: bundle, Word files, photos named from captions, 报送清单; imported by the coordinator', async () => {
  const context = await browser.newContext({ viewport: { width: 1500, height: 1000 }, acceptDownloads: true });
  const page = await openApp(context, server.url, { query: 'now=2021-09-05T09:00' });
  await click(page, NAV.profile);
  await imeInto(page, field('unit'), '太原市教育局');
  await choose(page, '所在地区·省', '山西省');
  await choose(page, '所在地区·市', '太原市');

  await newDraft(page, '“百姓学习之星”推荐表');
  await imeInto(page, '姓名', '王秀兰');
  await click(page, '女');
  await typeInto(page, '身份证号码', idNumber());
  await imeInto(page, '工作单位及职务', '太原市小店区社区学校学员');
  const photo = join(work, '社区书法课开班.png');
  writeFileSync(photo, portraitPng());
  const chooser = page.waitForEvent('filechooser');
  await click(page, /^＋ 添加照片/);
  await (await chooser).setFiles(photo);
  await imeInto(page, '主要事迹', '王秀兰同志退休后坚持在社区学校学习书法和智能手机课程，带动邻里一起学习。'.repeat(4));
  await imeInto(page, '推荐单位意见', '情况属实，同意推荐。');
  await waitForState(page, (s) => s.drafts[0]?.values?.portrait?.length === 1 && s.drafts[0].values.opinion, 5000);

  // The print preview of the nomination: a dialog over the page, not the browser's print dialog.
  await click(page, '打印', { up: true });
  await page.waitForSelector('#lw-print iframe');
  await page.waitForFunction(() => document.activeElement?.textContent === '打印' && !document.activeElement.disabled);
  const tree = await axTree(page);
  assert.ok(axFind(tree, 'dialog', '打印预览'), 'the preview is a named dialog');
  assert.ok(axFind(tree, 'button', '关闭'));
  const html = await page.evaluate(() => document.querySelector('#lw-print iframe').srcdoc);
  assert.ok(html.includes('第 " counter(page) " 页 共 " counter(pages) " 页'));
  await page.screenshot({ path: join(ARTIFACTS, 'submission-print-preview.png') });
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.getElementById('lw-print'));

  await newDraft(page, '2021年山西省全民终身学习活动周情况统计表');
  const table = await reveal(page, '活动主题');
  for (const [label, text] of [['终身学习·活动名称', '终身学习大讲堂'], ['终身学习·参与（或受益）人数（人次）', '300']]) {
    const it = await revealRight(page, label, { x: table.x + 600, y: table.y + 40 }, { input: true });
    await page.mouse.click(it.x + 20, it.y + it.h / 2);
    await page.waitForTimeout(100);
    if (/^[0-9]+$/.test(text)) await page.keyboard.type(text);
    else await imeType(page, [text.slice(0, 1)], text);
  }
  await waitForState(page, (s) => s.drafts.some((d) => d.values?.stats?.columns?.some((c) => c.cells?.participants === 300)), 5000);

  // The Ministry's 9月10日 deadline: the nomination, its Word file, its photo.
  const starZip = await makePackage(page, '2021年9月10日 24:00', '本地活动周方案、百姓学习之星、终身学习品牌项目', 'submission-star.zip');
  execFileSync('unzip', ['-tqq', starZip]);
  const star = unzip(starZip, 'star');
  const starFiles = checkManifest(star);
  assert.deepEqual(starFiles.filter((f) => !f.endsWith('.json')), ['01_社区书法课开班.png', '太原市教育局_百姓学习之星_王秀兰.docx']);
  assert.equal(starFiles.filter((f) => /^学习周_太原市教育局_.*\.json$/.test(f)).length, 1);
  assert.deepEqual(readFileSync(join(star, '01_社区书法课开班.png')), portraitPng());
  const starPdf = printDocx(join(star, '太原市教育局_百姓学习之星_王秀兰.docx'), 'submission-star-page1');
  for (const s of ['“百姓学习之星”推荐表', '王秀兰', idNumber(), '填报单位：太原市教育局', '（盖章）']) assert.ok(starPdf.text.includes(s), s);
  const list = printDocx(join(star, '报送清单.docx'), 'submission-star-list-page1');
  assert.ok(list.text.includes('报送清单'));
  // A hash wraps in its cell: its first line is enough to find it.
  assert.ok(list.text.includes(sha256(readFileSync(join(star, "01_社区书法课开班.png"))).slice(0, 16)));

  // Shanxi's 12月10日 deadline: the statistics table, printed landscape.
  const sxZip = await makePackage(page, '2021年12月10日 24:00', '活动周情况统计表（附件2）、活动周总结、典型案例', 'submission-shanxi.zip');
  const sx = unzip(sxZip, 'shanxi');
  const sxDocx = checkManifest(sx).find((f) => f.endsWith('.docx'));
  const sxPdf = printDocx(join(sx, sxDocx), 'submission-shanxi-page1');
  assert.ok(printDocx(join(sx, '报送清单.docx'), 'submission-shanxi-list-page1').text.includes(sxDocx.slice(0, 8)));
  assert.match(sxPdf.info, /Page size:\s+841\.\d+ x 595\.\d+ pts/, 'landscape A4');
  assert.ok(sxPdf.text.includes('终身学习') && sxPdf.text.includes('300'), 'the cells filled in');
  assert.match(sxPdf.text, /参与人次合计\s+300/, 'the computed total, not an empty cell');
  await context.close();

  // The province's coordinator imports the 报送包 as it came, and refuses one changed on the way.
  const desk = await browser.newContext({ viewport: { width: 1500, height: 1000 } });
  const coordinator = await openApp(desk, server.url);
  await click(coordinator, NAV.desk, { up: true });
  const pick = async (path) => {
    const c = coordinator.waitForEvent('filechooser');
    await click(coordinator, key('desk.import'), { up: true });
    await (await c).setFiles([path]);
  };
  await pick(starZip);
  await findItem(coordinator, /^submission-star\.zip › 学习周_太原市教育局_.*\.json：新增 1 条/);
  const bundleName = readdirSync(star).find((f) => f.endsWith('.json'));
  const changed = JSON.parse(readFileSync(join(star, bundleName), 'utf8'));
  changed.records[0].values.name = '李四';
  const tampered = join(work, 'tampered.zip');
  execFileSync('/usr/bin/python3', ['-c', `
import sys, zipfile
src, dst, name, text = sys.argv[1:5]
# Names are GBK, as Chinese Windows reads them (the Unicode Path field beside them is for other tools).
with zipfile.ZipFile(src, metadata_encoding='gbk') as a, zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED) as b:
    for n in a.namelist(): b.writestr(n, text.encode() if n == name else a.read(n))
`, starZip, tampered, bundleName, JSON.stringify(changed)]);
  await pick(tampered);
  await findItem(coordinator, new RegExp(`与报送清单记录的校验值不符`));
  await shot(coordinator, 'submission-coordinator.png');
  await desk.close();
});

test('print for a summary table: a landscape preview with its header and totals; 导出此表 Word', async () => {
  const context = await browser.newContext({ viewport: { width: 1500, height: 1000 }, acceptDownloads: true });
  const page = await openApp(context, server.url, { example: true });
  await click(page, NAV.desk, { up: true });
  await click(page, /^示范活动汇总表 \(\d+\)/);
  await click(page, '打印此表');
  await page.waitForSelector('#lw-print iframe');
  const html = await page.evaluate(() => document.querySelector('#lw-print iframe').srcdoc);
  assert.ok(html.includes('size: A4 landscape') && html.includes('<thead>') && html.includes('class="total"'));
  await page.waitForFunction(() => !document.querySelector('#lw-print button').disabled);
  await page.screenshot({ path: join(ARTIFACTS, 'submission-table-preview.png') });
  // What Chromium prints from it: landscape A4 pages, each numbered 第 N 页 共 M 页, the header on each.
  const paper = await context.newPage();
  await paper.setContent(html);
  const pdfPath = join(work, 'table-print.pdf');
  writeFileSync(pdfPath, await paper.pdf({ preferCSSPageSize: true }));
  await paper.close();
  const printed = execFileSync('pdftotext', ['-layout', pdfPath, '-']).toString().split('\f').filter((p) => p.trim());
  assert.ok(printed.length >= 2, `${printed.length} pages`);
  printed.forEach((p, i) => {
    assert.ok(p.includes(`第 ${i + 1} 页 共 ${printed.length} 页`), `page ${i + 1} is numbered`);
    assert.ok(p.includes('活动名称') && p.includes('参与人次'), `page ${i + 1} repeats the header row`);
  });
  assert.match(execFileSync("pdfinfo", [pdfPath]).toString(), /Page size:\s+841\.\d+ x 59[45]\.\d+ pts/);
  await page.click('#lw-print button:nth-of-type(2)');  // 关闭
  await page.waitForFunction(() => !document.getElementById('lw-print'));
  const pending = page.waitForEvent('download');
  await click(page, '导出此表 Word');
  const download = await pending;
  assert.match(download.suggestedFilename(), /_示范活动汇总表_\d{4}-\d\d-\d\d\.docx$/);
  const docx = join(work, 'table.docx');
  await download.saveAs(docx);
  const pdf = printDocx(docx, 'submission-table-page1');
  assert.match(pdf.info, /Page size:\s+841\.\d+ x 595\.\d+ pts/);
  assert.ok(pdf.text.includes('合计'));
  await context.close();
});
