// a11y_bench.mjs — issue 10's numbers: what the accessibility mirror (web/lw-a11y.js) costs per
// frame, and how many named nodes Chromium's accessibility tree has on each screen (3 before the
// mirror: the canvas, the text agent and the page). Budget: ≤ 1 ms per frame for a 60-field form.
//  synthetic  60 fields (label, text box with value and state, message), all moved by a scroll
//             and one value changed every frame: JSON parse + diff + the browser's style/layout.
//  app        the real mirror while the 百姓学习之星 form is scrolled by the mouse wheel.
//  map        地图 with every prefecture (the figures table: ~470 rows): the mouse moved over it
//             (tooltips are not mirrored: no update expected), then arrow keys region by region.
import { axTree, click, launch, moveTo, newDraft, openApp, serve, NAV } from '../e2e/harness.mjs';

const browser = await launch();
const server = await serve();
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await openApp(context, server.url);

const named = async () => (await axTree(page)).filter((n) => n.name && !['StaticText', 'InlineTextBox'].includes(n.role)).length;
console.log(`AX named nodes: 首页 ${await named()}`);

await page.evaluate(() => window.learnweek.a11y.bench(300));  // warm-up (JIT)
const runs = [];
for (let k = 0; k < 3; k++) runs.push(await page.evaluate(() => window.learnweek.a11y.bench(600)));
const best = runs.sort((a, b) => a.meanMs - b.meanMs)[0];
console.log(`synthetic 60-field form (${best.items} items), best of 3 × 600 frames: mean ${best.meanMs.toFixed(3)} ms, ` +
            `p95 ${best.p95Ms.toFixed(3)} ms, max ${best.maxMs.toFixed(3)} ms per frame → ${best.meanMs <= 1 ? 'within' : 'OVER'} the 1 ms budget`);

await page.reload();
await page.evaluate(() => window.learnweek.ready);
await newDraft(page, '“百姓学习之星”推荐表');
console.log(`AX named nodes: 百姓学习之星推荐表 ${await named()}`);
await page.evaluate(() => window.learnweek.a11y.resetStats());
await page.mouse.move(640, 600);
for (let i = 0; i < 40; i++) { await page.mouse.wheel(0, i < 20 ? 120 : -120); await page.waitForTimeout(50); }
const s = await page.evaluate(() => window.learnweek.a11y.stats());
console.log(`app, form scrolled 40 times: ${s.updates} mirror updates, ${s.nodes} elements, mean ${(s.totalMs / Math.max(1, s.updates)).toFixed(3)} ms, ` +
            `max ${s.maxMs.toFixed(3)} ms per update (the JSON built in C++, parsed and diffed)`);
await page.close();  // one tab: a second would be read-only
const mapPage = await openApp(context, server.url, { example: true });
await click(mapPage, NAV.map);
await click(mapPage, '按地级市显示');
await mapPage.waitForTimeout(500);
const mirrorStats = async (label, act) => {
  await mapPage.evaluate(() => window.learnweek.a11y.resetStats());
  await act();
  const m = await mapPage.evaluate(() => window.learnweek.a11y.stats());
  console.log(`map, every prefecture, ${label}: ${m.updates} mirror updates, ${m.nodes} elements, ` +
              `mean ${(m.totalMs / Math.max(1, m.updates)).toFixed(3)} ms, max ${m.maxMs.toFixed(3)} ms per update`);
};
await mirrorStats('mouse moved 40 times over the map', async () => {
  for (let i = 0; i < 40; i++) { await mapPage.mouse.move(200 + i * 12, 300 + (i % 5) * 30); await mapPage.waitForTimeout(40); }
});
await moveTo(mapPage, /^地图：/, { role: 'button', max: 60 });
await mirrorStats('10 arrow keys', async () => {
  for (let i = 0; i < 10; i++) { await mapPage.keyboard.press(i % 2 ? 'ArrowDown' : 'ArrowRight'); await mapPage.waitForTimeout(120); }
});
console.log(`machine load while measuring: ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')}`);
await browser.close();
await server.close();
