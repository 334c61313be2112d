// editor.test.mjs — issue 12 end to end, in three browser profiles: a provincial coordinator
// (山西省教育厅) writes "2026年山西省全民终身学习活动周" in the app — the notice, and a new table form
// made in the form editor and tried in its preview — and exports the campaign package; a unit in
// 太原 opens it from the file, another from the web address the province published; each sees
// the notice on 首页 with its deadline and days left; the first fills the new form and exports its
// bundle; the coordinator imports it and finds it in the summary tables.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  choose, click, findItem, focused, imeInto, importBundleFile, launch, openApp, reveal, serve, shot, typeInto,
  waitForState, waitSaved, NAV, field, key,
} from './harness.mjs';

const NOW = 'now=2026-10-08T09:00';  // Beijing time: the province's deadline is 2026-11-20 17:00
const TITLE = '2026年山西省全民终身学习活动周';
const FORM = '社区教育活动统计表';
let browser;
let server;
let published = null;  // the package as the province's web site serves it
const work = mkdtempSync(join(tmpdir(), 'lw-editor-'));
before(async () => {
  browser = await launch();
  server = await serve((req, res) => {
    if (!decodeURIComponent(req.url).startsWith('/jyt/2026活动包.json')) return false;
    if (!published) {
      res.writeHead(404).end();
      return true;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(published);
    return true;
  });
});
after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

async function profile(unit, province, city = null) {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, acceptDownloads: true });
  const page = await openApp(context, server.url, { query: NOW });
  await click(page, NAV.profile);
  await imeInto(page, field('unit'), unit);
  await choose(page, '所在地区·省', province);
  if (city) await choose(page, '所在地区·市', city);
  await waitForState(page, (s) => s.profile?.values?.unit === unit);
  await click(page, NAV.home, { up: true });
  return { context, page };
}

async function pickDate(page, label, y, m, d) {
  await choose(page, `${label}·年`, `${y} 年`);
  await choose(page, `${label}·月`, `${m} 月`);
  await choose(page, `${label}·日`, `${d} 日`);
}

// The editor's table of fields: one row per field, as in the spreadsheet template.
async function fieldRow(page, n, { id = null, label, type }) {
  await click(page, /^＋ 添加一行/);
  const row = n - 1;  // zero-based among the table's cells
  if (id) await typeInto(page, '字段标识', id, { index: row });
  await typeInto(page, '标题', label, { index: row });
  await choose(page, '类型', type, { index: row });
}

test('a coordinator writes a campaign with a new table form; units open it by file and by address; the bundle comes back', async () => {
  // --- The province writes its notice and a new form, and exports the package.
  const { context: deskContext, page: desk } = await profile('山西省教育厅', '山西省');
  await click(desk, '编写活动包（上级单位用）');
  await findItem(desk, '编写活动包');
  await imeInto(desk, '活动名称', TITLE);
  await imeInto(desk, '文号', '晋教职成函〔2026〕12号');
  await imeInto(desk, '通知标题', '关于举办2026年山西省全民终身学习活动周的通知');
  await imeInto(desk, '活动主题', '让学习成为一种生活方式');
  await pickDate(desk, '开幕式日期', 2026, 11, 6);
  await pickDate(desk, '活动开始日期', 2026, 10, 1);
  await pickDate(desk, '活动结束日期', 2026, 12, 10);
  await imeInto(desk, '推荐条件', '往届已获评者不得重复推荐');

  await click(desk, key('editor.new_form'), { up: true });
  await imeInto(desk, '表格名称', FORM);
  await choose(desk, '类别', '统计表');
  await fieldRow(desk, 2, { label: '填报单位', type: '文本' });
  await fieldRow(desk, 3, { id: 'activities', label: '社区教育活动', type: '表格' });
  await fieldRow(desk, 4, { id: 'activities.name', label: '活动名称', type: '文本' });
  await fieldRow(desk, 5, { id: 'activities.people', label: '参与人次', type: '整数' });
  // The preview shows the form as units will see it, and can be tried.
  await reveal(desk, '预览：单位看到的表格');
  await reveal(desk, '参与人次');  // the new table's column, as units will see it
  await shot(desk, 'editor-preview.png');

  // Exporting too early lists what is missing, each a link to the part it is in.
  await click(desk, '检查并导出活动包');
  await findItem(desk, /^活动包还有 [1-9]\d* 处需要修改/);  // the toast counts them
  const problem = await reveal(desk, /^活动信息 · 报送材料/);
  assert.equal(problem.role, 'link', 'a problem in 导出前需要修改 is a link');
  await desk.mouse.click(problem.x + 20, problem.y + problem.h / 2);
  await desk.waitForFunction(() => window.learnweek.ui.items().some((i) => i.label === '活动信息' && i.checked === true),
                             null, { timeout: 5000 });
  assert.equal((await focused(desk)).label, '活动信息', 'the focus is on the part the problem is in');

  await click(desk, '活动信息', { up: true });
  await reveal(desk, '报送材料');
  await click(desk, /^＋ 添加一行/);
  await choose(desk, '表格', FORM);
  await typeInto(desk, '最少份数', '1');
  await typeInto(desk, '最多份数', '3');
  await pickDate(desk, '截止日期', 2026, 11, 20);
  await typeInto(desk, '截止时间', '17:00');
  await shot(desk, 'editor-campaign.png');

  const pending = desk.waitForEvent('download');
  await click(desk, '检查并导出活动包');
  const download = await pending;
  const packagePath = join(work, download.suggestedFilename());
  await download.saveAs(packagePath);
  assert.match(download.suggestedFilename(), /^2026年山西省全民终身学习活动周.*第1版\.json$/);
  published = readFileSync(packagePath, 'utf8');
  const pkg = JSON.parse(published);
  assert.equal(pkg.format, 'learnweek-campaign-package');
  assert.equal(pkg.version, 1);
  assert.equal(pkg.issuer.region, '140000');
  assert.equal(pkg.campaign.issuers[0].notice, '关于举办2026年山西省全民终身学习活动周的通知');
  const form = pkg.forms.find((f) => f.title === FORM);
  assert.ok(form, 'the new form travels in the package');
  const table = form.sections.flatMap((s) => s.fields).find((f) => f.id === 'activities');
  assert.equal(table.type, 'table');
  assert.deepEqual(table.columns.map((c) => [c.id, c.type]), [['name', 'text'], ['people', 'integer']]);
  assert.equal(pkg.campaign.issuers[0].requirements[0].form, form.id);
  assert.equal(pkg.campaign.issuers[0].requirements[0].due, '2026-11-20 17:00');

  // --- A unit in 太原 opens it from the file it was sent, fills the new form, exports.
  const { context: unitContext, page: unit } = await profile('太原市教育局', '山西省', '太原市');
  const chooser = unit.waitForEvent('filechooser');
  await click(unit, '打开活动包…');
  await (await chooser).setFiles(packagePath);
  await findItem(unit, /^已安装活动包「2026年山西省全民终身学习活动周/);
  await findItem(unit, TITLE);
  await reveal(unit, '· 往届已获评者不得重复推荐');
  await reveal(unit, '2026年11月20日 17:00');
  await reveal(unit, '还剩 43 天');
  await shot(unit, 'editor-unit-home.png');

  await click(unit, `新建：${FORM}`);
  await click(unit, /^＋ 添加一行/);
  await imeInto(unit, '活动名称', '晋阳湖畔读书会');
  await typeInto(unit, '参与人次', '120');
  await waitForState(unit, (s) => s.drafts.some((d) => d.form === form.id && d.values.activities?.[0]?.people === 120));
  await waitSaved(unit);
  const sent = unit.waitForEvent('download');
  await click(unit, '导出此表', { up: true });  // a form with nothing left to correct goes at once
  const bundlePath = join(work, 'taiyuan.json');
  await (await sent).saveAs(bundlePath);
  const bundle = readFileSync(bundlePath, 'utf8');
  assert.ok(JSON.parse(bundle).packages.some((p) => p.id === pkg.id && p.version === 1));

  // --- Another unit opens it from the address the province published.
  const { context: webContext, page: web } = await profile('太原市小店区社区学院', '山西省', '太原市');
  await typeInto(web, '活动包网址', `${server.url}jyt/2026活动包.json`);
  await click(web, '从网址打开');
  await findItem(web, /^已安装活动包「2026年山西省全民终身学习活动周/);
  await reveal(web, `新建：${FORM}`);
  await web.reload();  // installed on the device: there after a reload, with no network needed
  await web.evaluate(() => window.learnweek.ready);
  await reveal(web, `新建：${FORM}`);
  await webContext.close();

  // --- The coordinator reads what came back.
  await click(desk, NAV.desk, { up: true });
  await importBundleFile(desk, work, '太原市教育局.json', bundle);
  await findItem(desk, /^太原市教育局\.json：新增 1 条/);
  await click(desk, `${FORM} (1)`, { up: true });  // its summary table, one record
  await reveal(desk, '晋阳湖畔读书会');
  await reveal(desk, '120');
  await shot(desk, 'editor-desk.png');
  // 按地区汇总 on paper too (issue 13): its print preview and its Word file.
  await click(desk, '打印此汇总');
  await desk.waitForSelector('#lw-print iframe');
  const html = await desk.evaluate(() => document.querySelector('#lw-print iframe').srcdoc);
  assert.ok(html.includes('按地区汇总：全部地区') && html.includes('山西省') && html.includes('class="total"'));
  await desk.click('#lw-print button:nth-of-type(2)');  // 关闭
  await desk.waitForFunction(() => !document.getElementById('lw-print'));
  const word = desk.waitForEvent('download');
  await click(desk, '导出此汇总 Word');
  const docx = await word;
  assert.match(docx.suggestedFilename(), /按地区汇总.*\.docx$/);
  const docxPath = join(work, 'regions.docx');
  await docx.saveAs(docxPath);
  assert.equal(readFileSync(docxPath).subarray(0, 2).toString(), 'PK');

  // --- The province adds a field and sends version 2; the unit sees what changed, its draft follows.
  await click(desk, NAV.home, { up: true });
  await click(desk, '编写活动包（上级单位用）');
  await click(desk, `表格：${FORM}`);
  await fieldRow(desk, 6, { id: 'place', label: '举办地点', type: '文本' });
  const pending2 = desk.waitForEvent('download');
  await click(desk, '检查并导出活动包');
  const download2 = await pending2;
  assert.match(download2.suggestedFilename(), /第2版\.json$/);
  const v2Path = join(work, download2.suggestedFilename());
  await download2.saveAs(v2Path);
  await deskContext.close();

  await click(unit, NAV.home, { up: true });
  const chooser2 = unit.waitForEvent('filechooser');
  await click(unit, '打开活动包…');
  await (await chooser2).setFiles(v2Path);
  await findItem(unit, /第 1 版 → 第 2 版：1 张表格有变化；1 份草稿已按新版表格更新$/);
  await reveal(unit, '　新增栏目“举办地点”（文本）');
  await shot(unit, 'editor-unit-v2.png');
  const after = await waitForState(unit, (s) => s.drafts.some((d) => d.form === form.id && d.formVersion === 2));
  assert.equal(after.drafts.find((d) => d.form === form.id).values.activities[0].name, '晋阳湖畔读书会');
  await click(unit, '知道了');
  await unitContext.close();
});
