// shell_bench.mjs — issue 2's numbers: first-visit bytes over the wire (gzip) by file, time to
// first frame on the first and on a cached visit, idle frames per second. Headless Chromium on
// localhost; budgets: ≤3.5 MB first visit, first frame ≤1.5 s, cached ≤0.8 s.
import { launch, serve } from '../e2e/harness.mjs';

const browser = await launch();
const server = await serve();
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Network.enable');
const urls = new Map();
const bytes = new Map();
cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
cdp.on('Network.loadingFinished', (e) => {
  const u = urls.get(e.requestId);
  if (u) bytes.set(u, (bytes.get(u) || 0) + e.encodedDataLength);
});

async function firstFrameMs() {
  return page.evaluate(async () => { await window.learnweek.ready; return performance.now(); });
}

await page.goto(server.url);
const first = await firstFrameMs();
await page.evaluate(async () => { await navigator.serviceWorker.ready; });
await page.waitForTimeout(1500);  // let the service worker finish precaching (counted below)

const rows = [...bytes.entries()].map(([u, b]) => [u.replace(server.url, '') || 'index.html', b]).sort((a, b) => b[1] - a[1]);
const total = rows.reduce((s, r) => s + r[1], 0);
console.log('First visit, bytes over the wire (gzip; the page\'s requests, the service worker precache then revalidates them with 304s):');
for (const [u, b] of rows) console.log(`  ${u.padEnd(28)} ${(b / 1024).toFixed(1).padStart(9)} KB`);
console.log(`  ${'TOTAL'.padEnd(28)} ${(total / 1048576).toFixed(2).padStart(9)} MB   (budget 3.50 MB) ${total <= 3.5 * 1048576 ? 'OK' : 'OVER'}`);
console.log(`Time to first frame, first visit:  ${first.toFixed(0)} ms   (budget 1500 ms) ${first <= 1500 ? 'OK' : 'OVER'}`);

const cached = [];
for (let i = 0; i < 3; i++) {
  await page.reload();
  cached.push(await firstFrameMs());
}
const cachedMedian = cached.sort((a, b) => a - b)[1];
console.log(`Time to first frame, cached visit: ${cachedMedian.toFixed(0)} ms median of 3 (budget 800 ms) ${cachedMedian <= 800 ? 'OK' : 'OVER'}`);

await page.waitForTimeout(1500);
const frames = () => page.evaluate(() => window.learnweek.frames);  // frames built, on any renderer
const c0 = await frames();
await page.waitForTimeout(10000);
const idle = ((await frames()) - c0) / 10;
console.log(`Idle frames per second (10 s, no input): ${idle.toFixed(2)}   (budget ≤ 1) ${idle <= 1 ? 'OK' : 'OVER'}`);

await browser.close();
await server.close();
