// packages.test.mjs — issue 12, forms and campaigns at run time: a unit in 包头 opens the campaign
// package its province handed down (from a file through 首页's 打开活动包…), sees the notice on its
// checklist with dated deadlines and days left, fills the package's new form, and finds both after
// a reload; a second unit drops the same file on the page. A coordinator who has not opened the
// package is told which one a bundle needs; after opening it, the bundle imports.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  ROOT, choose, click, findItem, imeInto, importBundleFile, launch, openApp, reveal, serve, shot, waitForState, waitSaved, NAV, field, key,
} from './harness.mjs';

const PACKAGE = join(ROOT, 'assets/packages/example-2026-nmg.json');
const NOW = 'now=2026-09-01T09:00';
let browser;
let server;
const work = mkdtempSync(join(tmpdir(), 'lw-packages-'));
before(async () => { browser = await launch(); server = await serve(); });
after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

async function unit(name, city) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  const page = await openApp(context, server.url, { query: NOW });
  await click(page, NAV.profile);
  await imeInto(page, field('unit'), name);
  await choose(page, '所在地区·省', '内蒙古自治区');
  await choose(page, '所在地区·市', city);
  await click(page, NAV.home, { up: true });
  return { context, page };
}

test('a campaign package opened from a file: its notice on 首页, its new form filled, both kept after a reload', async () => {
  const { context, page } = await unit('包头市教育局', '包头市');
  const chooser = page.waitForEvent('filechooser');
  await click(page, '打开活动包…');
  await (await chooser).setFiles(PACKAGE);
  await findItem(page, /^已安装活动包「2026年全民终身学习活动周（示例）（内蒙古自治区教育厅）」第 1 版（新增 1 张表格）/);
  await findItem(page, '2026年全民终身学习活动周（示例）');
  await reveal(page, '2026年9月30日 24:00');  // the checklist, below the package row
  await reveal(page, '还剩 29 天');
  await reveal(page, '2026年10月20日 17:00');
  await shot(page, 'packages-home.png');

  await click(page, '新建：社区读书会登记表');
  await findItem(page, '社区读书会登记表（示例）');
  await imeInto(page, '读书会名称', '草原读书会');
  await waitForState(page, (s) => s.drafts.some((d) => d.form === 'reading_salon' && d.values.title === '草原读书会'));
  await waitSaved(page);
  await page.reload();
  await page.evaluate(() => window.learnweek.ready);
  await findItem(page, '2026年全民终身学习活动周（示例）');  // the package is still installed
  await findItem(page, /^已安装：2026年全民终身学习活动周（示例）/);
  const s = await waitForState(page, (st) => st.drafts.some((d) => d.form === 'reading_salon'));
  assert.equal(s.drafts.find((d) => d.form === 'reading_salon').values.title, '草原读书会');

  // The unit's bundle names the package its record was made with.
  await click(page, key('export.bundle'));
  await reveal(page, '导出前核对');
  const pending = page.waitForEvent('download');
  const confirm = await findItem(page, key('export.send_errors')).catch(() => null);
  if (confirm) await click(page, confirm.label);
  await click(page, key('export.confirm'));
  const bundlePath = join(work, 'bundle.json');
  await (await pending).saveAs(bundlePath);
  const bundle = readFileSync(bundlePath, 'utf8');
  assert.ok(JSON.parse(bundle).packages?.some((p) => p.id === 'example-2026-nmg' && p.version === 1));
  await context.close();

  // A coordinator without the package is told which one to open; with it, the bundle imports.
  const desk = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const coordinator = await openApp(desk, server.url);
  await click(coordinator, NAV.desk, { up: true });
  await importBundleFile(coordinator, work, '包头市教育局.json', bundle);
  await findItem(coordinator, /请先打开该活动包$/);
  await click(coordinator, NAV.home, { up: true });
  const chooser2 = coordinator.waitForEvent('filechooser');
  await click(coordinator, '打开活动包…');
  await (await chooser2).setFiles(PACKAGE);
  await findItem(coordinator, /^已安装活动包/);
  await click(coordinator, NAV.desk, { up: true });
  await importBundleFile(coordinator, work, '包头市教育局.json', bundle);
  await findItem(coordinator, /^包头市教育局\.json：新增 \d+ 条/);
  await desk.close();
});

test('a campaign package dropped on the page is opened, not imported as a bundle', async () => {
  const { context, page } = await unit('呼和浩特市教育局', '呼和浩特市');
  const text = readFileSync(PACKAGE, 'utf8');
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], '2026年活动包.json', { type: 'application/json' }));
    document.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, text);
  await findItem(page, /^已安装活动包「2026年全民终身学习活动周（示例）/);
  await findItem(page, '2026年全民终身学习活动周（示例）');
  // A package changed by hand after it was made is refused, and nothing is installed twice.
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t.replace('社区读书会登记表（示例）', '社区读书会登记表（改）')], '改过的活动包.json'));
    document.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, text);
  await findItem(page, /^“改过的活动包\.json”无法打开：/);
  await context.close();
});
