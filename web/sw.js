// sw.js — offline support. Every file of the build is cached under one versioned cache (the
// version is a hash of the build, written by tools/make_dist.mjs), so an update never mixes an
// old .js with a new .wasm; old caches are deleted when the new worker activates. Font shards
// are cached the first time they are fetched.
const VERSION = '__VERSION__';
const PRECACHE = [/* __PRECACHE__ */];
const CACHE = 'learnweek-' + VERSION;

self.addEventListener('install', (event) => {
  // Default cache mode: the HTTP cache answers with 304s for what the page just loaded.
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(PRECACHE)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('learnweek-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.endsWith('/sw.js') || url.pathname.endsWith('/version.json')) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // The app is one page: its navigations (any query string) are answered by the cached shell.
    const scope = new URL(self.registration.scope).pathname;
    const isApp = req.mode === 'navigate' && (url.pathname === scope || url.pathname === scope + 'index.html');
    const key = isApp ? './' : req;
    const hit = await cache.match(key, { ignoreSearch: true });
    if (hit) return hit;
    const res = await fetch(req);
    if (res.ok && url.pathname.includes('/fonts/')) cache.put(req, res.clone());
    return res;
  })());
});
