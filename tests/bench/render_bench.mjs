// render_bench.mjs — issue 9's budgets, on every renderer, in one run on this machine:
//  - typing one character in a form field: main-thread time of its frame (≤ 12 ms at 1920×1080,
//    ≤ 25 ms at 3840×2160), software rendering forced (SwiftShader WebGL, and the CPU renderer);
//  - map hover: main-thread time per mouse move, beside the ECharts reference page on the same
//    data and screen (≤ 0.5× ECharts), with every prefecture and with provinces;
//  - first frame (≤ 1.5 s) and idle frames (≤ 1/s) per renderer;
//  - issue 14: the ceremony screen's frame time and frame rate at 1920×1080, 3840×2160 and
//    7680×2160, with the renderer string (a GPU's figures where there is one).
// Main-thread time comes from Chromium's own trace (main_thread.mjs), the same way for both pages.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { click, findItem, items, launch, newDraft, openApp, NAV, key } from '../e2e/harness.mjs';
import { MAP_DIR, serveWithEcharts } from './echarts_server.mjs';
import { mainThreadPerEvent, median } from './main_thread.mjs';

const mapDir = MAP_DIR;
const server = await serveWithEcharts();
const browsers = { swiftshader: await launch(), 'no-gpu': await launch({ gpu: false }) };
const configs = [
  { browser: 'swiftshader', query: 'renderer=webgl2', label: 'WebGL2 on SwiftShader (forced)' },
  { browser: 'swiftshader', query: '', label: 'automatic with SwiftShader present' },
  { browser: 'no-gpu', query: '', label: 'automatic, no WebGL (CPU renderer)' },
];
const fmt = (x) => x.toFixed(1).padStart(6);
const verdict = (ok) => (ok ? 'OK' : 'OVER');

async function typing(cfg, w, h, dpr) {
  const context = await browsers[cfg.browser].newContext({ viewport: { width: w, height: h }, deviceScaleFactor: dpr });
  const page = await openApp(context, server.url, { query: cfg.query });
  const renderer = (await page.evaluate(() => window.learnweek.stats().renderer)).renderer;
  await newDraft(page, '“百姓学习之星”推荐表');
  await click(page, '姓名', { input: true });
  await page.waitForTimeout(1200);
  const per = await mainThreadPerEvent(page, 'keydown', async () => {
    for (const ch of 'abcdefghijklmn') {
      await page.keyboard.press(ch);
      await page.waitForTimeout(220);
    }
  });
  await context.close();
  return { renderer, frame: median(per.map((p) => p.longest)), busy: median(per.map((p) => p.busy)) };
}

// Mouse moves across the map region in small steps, as a person sweeping over provinces.
async function sweep(page, box) {
  for (let i = 0; i <= 24; i++) {
    const t = i / 24;
    await page.mouse.move(box.x + box.w * (0.3 + 0.45 * t), box.y + box.h * (0.35 + 0.3 * Math.sin(t * 3)));
    await page.waitForTimeout(150);
  }
}

async function mapHover(cfg, w, h, prefectures) {
  const context = await browsers[cfg.browser].newContext({ viewport: { width: w, height: h } });
  const page = await openApp(context, server.url, { query: cfg.query, example: true });
  const renderer = (await page.evaluate(() => window.learnweek.stats().renderer)).renderer;
  await click(page, NAV.map);
  if (prefectures) await click(page, '按地级市显示');
  await findItem(page, prefectures ? '地图·乌鲁木齐市' : '地图·新疆');
  await page.waitForTimeout(1200);
  // The box of every region's label point: where the map is on this screen.
  const pts = (await items(page)).filter((it) => it.label.startsWith('地图·'));
  const x0 = Math.min(...pts.map((p) => p.x)), x1 = Math.max(...pts.map((p) => p.x));
  const y0 = Math.min(...pts.map((p) => p.y)), y1 = Math.max(...pts.map((p) => p.y));
  const per = await mainThreadPerEvent(page, 'mousemove', () => sweep(page, { x: x0, y: y0, w: x1 - x0, h: y1 - y0 }));
  await context.close();
  return { renderer, busy: median(per.map((p) => p.busy)) };
}

async function echartsHover(browser, w, h, prefectures) {
  const context = await browsers[browser].newContext({ viewport: { width: w, height: h } });
  const page = await context.newPage();
  await page.goto(server.url + 'echarts-ref.html');
  const provinceFiles = readdirSync(join(mapDir, 'province')).filter((f) => f.endsWith('.json'));
  await page.evaluate(([files, p]) => window.hoverEcharts(files, p), [provinceFiles, prefectures]);
  await page.waitForTimeout(1200);
  const per = await mainThreadPerEvent(page, 'mousemove', () => sweep(page, { x: w * 0.1, y: h * 0.2, w: w * 0.8, h: h * 0.6 }));
  await context.close();
  return median(per.map((p) => p.busy));
}

async function startAndIdle(cfg) {
  const context = await browsers[cfg.browser].newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  await page.goto(server.url + '?example=0' + (cfg.query ? '&' + cfg.query : ''));
  const first = await page.evaluate(async () => { await window.learnweek.ready; return performance.now(); });
  await page.waitForTimeout(1500);
  const f0 = await page.evaluate(() => window.learnweek.frames);
  await page.waitForTimeout(5000);
  const idle = ((await page.evaluate(() => window.learnweek.frames)) - f0) / 5;
  await context.close();
  return { first, idle };
}

// The ceremony screen animates all the time: frames drawn per second over 4 s, and the median time
// of a frame in the app (building it and handing it to WebGL or the canvas: stats().recentFrameMs).
async function ceremony(cfg, w, h) {
  // Entered on a 4K screen (where its button is above the fold), then shown at the size measured.
  const context = await browsers[cfg.browser].newContext({ viewport: { width: 3840, height: 2160 } });
  const page = await openApp(context, server.url, { query: cfg.query, example: true });
  const info = (await page.evaluate(() => window.learnweek.stats().renderer));
  await click(page, NAV.map);
  await click(page, key('map.ceremony'), { timeout: 8000 });
  await findItem(page, /^正在展示：/, { timeout: 30000 });
  await page.setViewportSize({ width: w, height: h });
  await page.waitForTimeout(2500);
  const f0 = await page.evaluate(() => window.learnweek.frames);
  await page.waitForTimeout(4000);
  const stats = await page.evaluate(() => window.learnweek.stats());
  const fps = (stats.frames - f0) / 4;
  await context.close();
  const recent = stats.recentFrameMs.slice(-Math.max(1, Math.round(fps * 4)));
  return { renderer: info.renderer, gl: info.glRenderer || '', fps, frame: median(recent) };
}

// LW_BENCH_PARTS=typing,map,start,ceremony runs only those parts (all by default).
const parts = new Set((process.env.LW_BENCH_PARTS || 'typing,map,start,ceremony').split(','));
console.log('Renderer benchmark — headless Chromium on this machine, one run (medians over the events)');
if (parts.has('typing')) console.log('\nTyping one character in 百姓学习之星 · 姓名: main-thread time of its frame (longest task) / all tasks until the next key');
for (const cfg of parts.has('typing') ? configs : []) {
  for (const [w, h, dpr, budget] of [[1366, 768, 1, null], [1920, 1080, 1, 12], [1280, 800, 2, null], [3840, 2160, 1, 25]]) {
    const r = await typing(cfg, w, h, dpr);
    console.log(`  ${cfg.label.padEnd(38)} [${r.renderer.padEnd(6)}] ${`${w}×${h}${dpr > 1 ? ' DPR 2' : ''}`.padEnd(16)}` +
                `${fmt(r.frame)} ms frame, ${fmt(r.busy)} ms in all` + (budget ? `   budget ${budget} ms: ${verdict(r.frame <= budget)}` : ''));
  }
}

if (parts.has('map')) console.log('\nMap hover: main-thread time per mouse move (all tasks until the next move), beside ECharts 5 on the same data');
for (const [w, h] of parts.has('map') ? [[1920, 1080], [3840, 2160]] : []) {
  for (const prefectures of [true, false]) {
    const what = prefectures ? 'every prefecture' : 'provinces';
    const ref = {};
    for (const b of Object.keys(browsers)) ref[b] = await echartsHover(b, w, h, prefectures);
    console.log(`  ${w}×${h}, ${what}: ECharts ${fmt(ref.swiftshader)} ms (SwiftShader browser), ${fmt(ref['no-gpu'])} ms (no-GPU browser)`);
    for (const cfg of configs) {
      const r = await mapHover(cfg, w, h, prefectures);
      const ratio = r.busy / ref[cfg.browser];
      console.log(`    ${cfg.label.padEnd(38)} [${r.renderer.padEnd(6)}] ${fmt(r.busy)} ms = ${ratio.toFixed(2)}× ECharts in the same browser   budget ≤ 0.5×: ${verdict(ratio <= 0.5)}`);
    }
  }
}

if (parts.has('start')) console.log('\nFirst frame (first visit, 1920×1080) and idle frames per second (5 s, no input)');
for (const cfg of parts.has('start') ? configs : []) {
  const r = await startAndIdle(cfg);
  console.log(`  ${cfg.label.padEnd(38)} first frame ${r.first.toFixed(0).padStart(5)} ms (budget 1500: ${verdict(r.first <= 1500)}), ` +
              `idle ${r.idle.toFixed(2)} frames/s (budget 1: ${verdict(r.idle <= 1)})`);
}
if (parts.has('ceremony')) console.log('\nCeremony screen (example data): frames per second and the app\'s time per frame (build + hand-off), median over 4 s');
for (const cfg of parts.has('ceremony') ? configs : []) {
  for (const [w, h] of [[1920, 1080], [3840, 2160], [7680, 2160]]) {
    const r = await ceremony(cfg, w, h);
    console.log(`  ${cfg.label.padEnd(38)} [${r.renderer.padEnd(6)}] ${`${w}×${h}`.padEnd(10)} ${r.fps.toFixed(1).padStart(5)} frames/s, ` +
                `${fmt(r.frame)} ms a frame   (${r.renderer !== 'cpu' ? r.gl : r.gl ? 'CPU renderer; WebGL would be ' + r.gl : 'CPU renderer, no WebGL'})`);
  }
}
// What WebGL is in the default browser: said, not assumed.
{
  const context = await browsers.swiftshader.newContext();
  const page = await openApp(context, server.url, { query: 'renderer=webgl2' });
  const info = await page.evaluate(() => window.learnweek.stats().renderer);
  await context.close();
  console.log(info.software || !info.glRenderer
    ? `\nNo GPU measured: WebGL here is ${info.glRenderer || 'unavailable'} (software); no hardware-GPU figures were measured.`
    : `\nWebGL here is a GPU: ${info.glRenderer}. The [webgl2] figures above are on it.`);
}
for (const b of Object.values(browsers)) await b.close();
await server.close();
