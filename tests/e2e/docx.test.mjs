// docx.test.mjs — issue 13, Word documents: a 百姓学习之星 nomination filled through IME and real
// clicks, with a photo, is downloaded with 导出 Word; every XML part parses (Python's minidom);
// LibreOffice opens the file and prints it to PDF (A4) with the nominee, the title, the seal line
// and the photo; poppler renders its first page to test-results/docx-star-page1.png beside the print view's
// test-results/docx-star-print.png, for a person to compare with the paper form.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ARTIFACTS, click, imeInto, launch, newDraft, openApp, serve, typeInto, waitForState, NAV, field } from './harness.mjs';
import { portraitPng, soffice } from './office.mjs';

let browser;
let server;
const work = mkdtempSync(join(tmpdir(), 'lw-docx-'));
before(async () => { browser = await launch(); server = await serve(); });
after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

const DEEDS = '张喆同志退休后坚持学习二十年，先后参加老年大学书法、摄影和智能手机课程。'.repeat(6) +
  '\n疫情期间，她组织社区老人通过微信群开展线上学习，带动一百多名老年人学会使用健康码和网上购物。';

test('导出 Word: a nomination as a .docx that LibreOffice opens, prints and renders like the paper form', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  const page = await openApp(context, server.url);
  await click(page, NAV.profile);
  await imeInto(page, field('unit'), '包头市教育局');
  await newDraft(page, '“百姓学习之星”推荐表');
  await imeInto(page, '姓名', '张喆');
  await click(page, '女');
  await typeInto(page, '身份证号码', '150203195507120024');
  await imeInto(page, '工作单位及职务', '包头市昆都仑区老年大学学员');
  const photo = join(work, '张喆近照.png');
  writeFileSync(photo, portraitPng());
  const chooser = page.waitForEvent('filechooser');
  await click(page, /^＋ 添加照片/);
  await (await chooser).setFiles(photo);
  await imeInto(page, '主要事迹', DEEDS);
  await imeInto(page, '推荐单位意见', '情况属实，同意推荐。');
  // 推荐单位 is prefilled from 单位信息; the Word file shows it as the paper form's last rows.
  await waitForState(page, (s) => s.drafts[0]?.values?.portrait?.length === 1 && s.drafts[0].values.opinion &&
                     s.drafts[0].values.recommender === '包头市教育局', 5000);

  const pending = page.waitForEvent('download');
  await click(page, '导出 Word', { up: true });
  const download = await pending;
  assert.equal(download.suggestedFilename(), '包头市教育局_百姓学习之星_张喆.docx');
  const docx = join(work, 'star.docx');
  await download.saveAs(docx);
  copyFileSync(docx, join(ARTIFACTS, 'docx-star.docx'));  // kept for a person to open in Word or WPS

  // A real XML parser on every part, and the picture where its relationship says.
  const parts = execFileSync('/usr/bin/python3', ['-c', `
import sys, zipfile, xml.dom.minidom
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
for n in z.namelist():
    if n.endswith('.xml') or n.endswith('.rels'): xml.dom.minidom.parseString(z.read(n))
print(' '.join(sorted(z.namelist())))
`, docx]).toString().trim().split(' ');
  assert.ok(parts.includes('word/document.xml') && parts.includes('word/media/image1.png'), parts.join(' '));

  // LibreOffice prints it to PDF; poppler reads that PDF back: pages, text, and page 1 as a PNG.
  soffice(['--convert-to', 'pdf', '--outdir', work, docx]);
  const pdf = join(work, 'star.pdf');
  copyFileSync(pdf, join(ARTIFACTS, 'docx-star.pdf'));
  const info = execFileSync('pdfinfo', [pdf]).toString();
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  assert.ok(pages >= 1 && pages <= 3, `${pages} pages`);
  assert.match(info, /Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
  for (const s of ['“百姓学习之星”推荐表', '张喆', '150203195507120024', '填报单位：包头市教育局', '情况属实，同意推荐。', '（盖章）', '推荐单位'])
    assert.ok(text.includes(s), `${s} in the printed text`);
  assert.match(text, /年\s+月\s+日/);
  execFileSync('pdftoppm', ['-png', '-r', '100', '-f', '1', '-l', '1', '-singlefile', pdf, join(ARTIFACTS, 'docx-star-page1')]);
  const photoIn = execFileSync('pdfimages', ['-list', pdf]).toString().trim().split('\n').length - 2;
  assert.ok(photoIn >= 1, 'the photo is drawn in the PDF');

  // The print view of the same record, for comparison.
  await click(page, '打印', { up: true });
  const html = await page.waitForFunction(() => document.querySelector('iframe')?.srcdoc).then((h) => h.jsonValue());
  const paper = await context.newPage();
  await paper.setViewportSize({ width: 794, height: 1123 });  // A4 at 96 dpi
  await paper.setContent(html);
  await paper.screenshot({ path: join(ARTIFACTS, 'docx-star-print.png'), fullPage: true });
  await context.close();
});
