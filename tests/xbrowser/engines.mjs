// engines.mjs — one small driver interface over two other browser engines, so the scenarios in
// scenarios.mjs are written once:
//   firefox  Firefox ESR (Gecko), Debian's /usr/bin/firefox-esr, driven by puppeteer-core over
//            WebDriver BiDi (Debian has no geckodriver).
//   webkit   WebKitGTK (Safari's engine), Debian's MiniBrowser, driven by selenium-webdriver over
//            classic W3C WebDriver through Debian's WebKitWebDriver.
// Both run under Xvfb (tools/test wraps the run in xvfb-run): headless Firefox has no WebGL.
//
// A session offers: goto, reload, evaluate(fn, ...args), move/click/wheel at CSS-pixel page
// coordinates (real input events through the driver), type(text) / press(key) (real key events;
// the app's text agent <textarea> receives them), screenshot(path), errors(), upload(paths),
// downloads (a real download folder per session), close().
//
// Page errors: the test server injects init.js as the first script of the page (both engines, so
// the check is the same; WebKit's driver cannot capture the console at all). It records
// console.error, uncaught errors and unhandled rejections in window.__xbErrors; Firefox's BiDi
// console/pageerror events are collected as well.
//
// File chooser: neither driver can fill a native file dialog the page opens with
// input.click() on an <input type=file> that is not in the document (the app's openFiles does
// exactly that), and puppeteer's waitForFileChooser never fires in Firefox ESR 153 over BiDi
// (tried, with attached and detached inputs). So init.js wraps HTMLInputElement.prototype.click:
// for a file input it attaches *the app's own input element* to the page (id xb-file-input)
// instead of opening the dialog, and the driver then sets the files on that element the WebDriver
// way (BiDi input.setFiles in Firefox, Element Send Keys with the path in WebKit). The browser
// reads the real files from disk and fires the app's own change handler: the same code path as a
// person choosing files; only the dialog itself is skipped.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as netServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const ARTIFACTS = join(ROOT, 'test-results');
mkdirSync(ARTIFACTS, { recursive: true });

const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';
const MINIBROWSER = process.env.MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER || '/usr/bin/WebKitWebDriver';
export const VIEWPORT = { width: 1280, height: 900 };

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function needDisplay(engine) {
  if (!process.env.DISPLAY) {
    throw new Error(`${engine} needs an X display (WebGL): run under xvfb-run -a -s "-screen 0 1920x1080x24" (as tools/test does)`);
  }
}

// --- the page's init script (served by the test server, first script in <head>) ----------------
const INIT_JS = `(() => {
  const errors = window.__xbErrors = [];
  const text = (v) => (v && v.message !== undefined
    ? (v.name || 'Error') + ': ' + v.message + (v.stack ? ' @ ' + String(v.stack).split('\\n').slice(0, 3).join(' ← ') : '')
    : String(v));
  const consoleError = console.error;
  console.error = function (...args) { errors.push('console.error: ' + args.map(text).join(' ')); return consoleError.apply(this, args); };
  window.addEventListener('error', (e) => { if (e instanceof ErrorEvent) errors.push('error: ' + (e.error ? text(e.error) : e.message)); });
  window.addEventListener('unhandledrejection', (e) => errors.push('unhandledrejection: ' + text(e.reason)));
  const click = HTMLInputElement.prototype.click;
  HTMLInputElement.prototype.click = function () {
    if (this.type !== 'file') return click.call(this);
    document.getElementById('xb-file-input')?.remove();
    this.id = 'xb-file-input';
    this.style.cssText = 'position:fixed;right:0;bottom:0;width:160px;height:24px;z-index:99';
    this.addEventListener('change', () => setTimeout(() => this.remove(), 0));
    document.body.appendChild(this);
    window.__xbFileInputs = (window.__xbFileInputs || 0) + 1;
  };
})();`;

// Serves dist/ with the app's own handler (tools/serve.mjs), the page's HTML with init.js first.
export async function serve() {
  process.env.LW_SERVE_DIR = join(ROOT, 'dist');
  const { handler } = await import(pathToFileURL(join(ROOT, 'tools', 'serve.mjs')).href);
  const html = readFileSync(join(ROOT, 'dist', 'index.html'), 'utf8');
  if (!html.includes('<head>')) throw new Error('dist/index.html has no <head> to put the init script in');
  const page = Buffer.from(html.replace('<head>', '<head>\n  <script src="__xb-init.js"></script>'));
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path === '/__xb-init.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' });
      return res.end(INIT_JS);
    }
    if (req.method === 'GET' && (path === '/' || path === '/index.html')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache', 'content-length': page.length });
      return res.end(page);
    }
    return handler(req, res);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }) };
}

// Waits for a finished download in dir that was not there before (no partial-file suffix, size
// stable across two looks).
async function waitDownload(dir, before, timeout = 15000) {
  const deadline = Date.now() + timeout;
  let seen = new Map();
  while (Date.now() < deadline) {
    const now = new Map();
    for (const f of readdirSync(dir)) {
      if (before.has(f) || /\.(part|download|wkdownload|crdownload)$/.test(f) || f.startsWith('.')) continue;
      now.set(f, statSync(join(dir, f)).size);
    }
    for (const [f, size] of now) if (size > 0 && seen.get(f) === size) return { name: f, path: join(dir, f) };
    seen = now;
    await sleep(150);
  }
  throw new Error(`no download arrived in ${dir} within ${timeout} ms (have: ${readdirSync(dir).join(', ') || 'nothing'})`);
}

// Runs action (which makes the page download a file) and returns the real downloaded file.
async function downloadInto(dir, action) {
  const before = new Set(readdirSync(dir));
  await action();
  return waitDownload(dir, before);
}

// --- Firefox ESR through puppeteer-core (WebDriver BiDi) ----------------------------------------
let puppeteer;
export async function firefox() {
  needDisplay('firefox');
  puppeteer ??= (await import('puppeteer-core')).default;
  const home = mkdtempSync(join(tmpdir(), 'lw-xb-firefox-'));
  const downloads = join(home, 'downloads');
  mkdirSync(downloads);
  const browser = await puppeteer.launch({
    browser: 'firefox', executablePath: FIREFOX, headless: false,  // under Xvfb: WebGL needs a display
    userDataDir: join(home, 'profile'), defaultViewport: VIEWPORT,
    extraPrefsFirefox: {
      // Downloads land in our folder without a dialog.
      'browser.download.folderList': 2, 'browser.download.dir': downloads, 'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false, 'browser.download.alwaysOpenPanel': false,
      'browser.helperApps.neverAsk.saveToDisk': 'application/json,text/csv,application/octet-stream',
      'browser.download.start_downloads_in_tmp_dir': false,
    },
  });
  return {
    engine: 'firefox',
    version: await browser.version(),
    // A fresh profile: a new user context (own cookies, IndexedDB, service workers).
    async newSession() {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      const driverErrors = [];
      page.on('pageerror', (e) => driverErrors.push('pageerror: ' + (e.message || e)));
      page.on('console', (m) => { if (m.type() === 'error') driverErrors.push('console: ' + m.text()); });
      return { engine: 'firefox', ...puppeteerSession(page, context, driverErrors, downloads) };
    },
    async close() {
      await Promise.race([browser.close().catch(() => {}), sleep(10000)]);
      browser.process()?.kill('SIGKILL');
      rmSync(home, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    },
  };
}

const PUPPETEER_KEYS = { Enter: 'Enter', Escape: 'Escape', Backspace: 'Backspace', Tab: 'Tab', End: 'End', Home: 'Home' };

function puppeteerSession(page, context, driverErrors, downloads) {
  let pageErrors = [];
  const harvest = async () => { pageErrors.push(...(await page.evaluate(() => window.__xbErrors || []).catch(() => []))); };
  return {
    page,
    async goto(url) { await page.goto(url); },
    async reload() { await harvest(); await page.reload(); },
    evaluate: (fn, ...args) => page.evaluate(fn, ...args),
    viewport: () => ({ ...VIEWPORT }),
    move: (x, y) => page.mouse.move(x, y),
    click: (x, y) => page.mouse.click(x, y),
    async wheel(x, y, dx, dy) { await page.mouse.move(x, y); await page.mouse.wheel({ deltaX: dx, deltaY: dy }); },
    type: (text) => page.keyboard.type(text),
    press: (key) => page.keyboard.press(PUPPETEER_KEYS[key] || key),
    screenshot: (path) => page.screenshot({ path }),
    async errors() {
      const now = await page.evaluate(() => window.__xbErrors || []).catch((e) => ['could not read the page: ' + e.message]);
      return [...driverErrors, ...pageErrors, ...now];
    },
    async upload(paths) {
      const input = await page.waitForSelector('#xb-file-input', { timeout: 5000 })
        .catch(() => { throw new Error('the app opened no file chooser (no <input type=file> was clicked)'); });
      await input.uploadFile(...paths);
    },
    download: (action) => downloadInto(downloads, action),
    close: () => context.close().catch(() => {}),
  };
}

// --- WebKitGTK through selenium-webdriver (classic WebDriver, WebKitWebDriver) -------------------
let selenium;
const freePort = () => new Promise((resolve, reject) => {
  const s = netServer();
  s.once('error', reject);
  s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

export async function webkit() {
  needDisplay('webkit');
  selenium ??= await import('selenium-webdriver');
  const home = mkdtempSync(join(tmpdir(), 'lw-xb-webkit-'));
  const downloads = join(home, 'downloads');
  mkdirSync(downloads);
  mkdirSync(join(home, '.config'));
  // WebKitGTK saves a download without asking, into the XDG download folder (checked: a real
  // file, complete, with the name the page gave <a download>). Point it at our folder.
  writeFileSync(join(home, '.config', 'user-dirs.dirs'), `XDG_DOWNLOAD_DIR="${downloads}"\n`);
  const port = await freePort();
  const child = spawn(WEBKIT_DRIVER, [`--port=${port}`, '--host=127.0.0.1'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_DATA_HOME: join(home, 'data'), XDG_CACHE_HOME: join(home, 'cache') },
  });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr = (stderr + d).slice(-4000); });
  const exited = new Promise((r) => child.once('exit', r));
  // Wait until the driver answers /status.
  const deadline = Date.now() + 15000;
  for (;;) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/status`);
      if (r.ok) break;
    } catch (e) { /* not listening yet */ }
    if (child.exitCode !== null || Date.now() > deadline) throw new Error('WebKitWebDriver did not start: ' + stderr);
    await sleep(100);
  }
  const caps = {
    browserName: 'MiniBrowser',
    'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
  };
  const sessions = new Set();
  return {
    engine: 'webkit',
    version: (() => {
      try { return 'WebKitGTK ' + execFileSync('dpkg-query', ['-W', '-f=${Version}', 'libwebkit2gtk-4.1-0']).toString(); } catch (e) { return 'WebKitGTK'; }
    })(),
    // A fresh profile: each WebDriver session of MiniBrowser starts with empty storage.
    async newSession() {
      const driver = await new selenium.Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities(caps).build();
      sessions.add(driver);
      const s = { engine: 'webkit', ...(await seleniumSession(driver, downloads)) };
      const close = s.close;
      s.close = async () => { sessions.delete(driver); await close(); };
      return s;
    },
    async close() {
      for (const d of sessions) await d.quit().catch(() => {});
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(3000)]);
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(home, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    },
  };
}

async function seleniumSession(driver, downloads) {
  const { By, Key, Origin } = selenium;
  // Make the page (not the window) VIEWPORT large: the window has some chrome around the page.
  await driver.manage().window().setRect({ x: 0, y: 0, width: VIEWPORT.width, height: VIEWPORT.height });
  await driver.get('about:blank');
  const inner = await driver.executeScript('return [innerWidth, innerHeight]');
  await driver.manage().window().setRect({ x: 0, y: 0, width: 2 * VIEWPORT.width - inner[0], height: 2 * VIEWPORT.height - inner[1] });
  await driver.manage().setTimeouts({ script: 30000, pageLoad: 60000 });
  let pageErrors = [];
  const evaluate = (fn, ...args) => driver.executeScript(`return (${fn}).apply(null, arguments)`, ...args);
  const harvest = async () => { pageErrors.push(...(await evaluate(() => window.__xbErrors || []).catch(() => []))); };
  const actions = () => driver.actions({ async: true });
  const at = (x, y) => ({ x: Math.round(x), y: Math.round(y), origin: Origin.VIEWPORT });
  const KEYS = { Enter: Key.ENTER, Escape: Key.ESCAPE, Backspace: Key.BACK_SPACE, Tab: Key.TAB, End: Key.END, Home: Key.HOME };
  return {
    driver,
    async goto(url) { await driver.get(url); },
    async reload() { await harvest(); await driver.navigate().refresh(); },
    evaluate,
    viewport: () => ({ ...VIEWPORT }),
    move: (x, y) => actions().move(at(x, y)).perform(),
    click: (x, y) => actions().move(at(x, y)).press().release().perform(),
    // The app scrolls what is under the mouse pointer, so the pointer is moved there first (a real
    // move through the driver). The wheel itself is a DOM WheelEvent at that point:
    // WebKitWebDriver delivered only the first scroll action of a session (1 of 5 reached the
    // page when probed), so the driver's own scroll action cannot be relied on.
    async wheel(x, y, dx, dy) {
      await actions().move(at(x, y)).perform();
      await evaluate((px, py, ddx, ddy) => {
        const target = document.elementFromPoint(px, py) || document.body;
        target.dispatchEvent(new WheelEvent('wheel', { deltaX: ddx, deltaY: ddy, deltaMode: 0, clientX: px, clientY: py,
                                                       bubbles: true, cancelable: true }));
      }, x, y, dx, dy);
    },
    type: (text) => actions().sendKeys(text).perform(),
    press: (key) => actions().sendKeys(KEYS[key] || key).perform(),
    async screenshot(path) { writeFileSync(path, Buffer.from(await driver.takeScreenshot(), 'base64')); },
    async errors() {
      const now = await evaluate(() => window.__xbErrors || []).catch((e) => ['could not read the page: ' + e.message]);
      return [...pageErrors, ...now];
    },
    async upload(paths) {
      const deadline = Date.now() + 5000;
      let input;
      while (!input) {
        input = (await driver.findElements(By.id('xb-file-input')))[0];
        if (input) break;
        if (Date.now() > deadline) throw new Error('the app opened no file chooser (no <input type=file> was clicked)');
        await sleep(100);
      }
      await input.sendKeys(paths.join('\n'));
    },
    download: (action) => downloadInto(downloads, action),
    close: () => driver.quit().catch(() => {}),
  };
}
