#!/usr/bin/env node
// serve.mjs — a small static server for dist/: gzip (precompressed .gz files), the right MIME
// types (application/wasm), ETag revalidation. Used by tools/serve, the browser tests and the
// benchmarks. Usage: serve.mjs DIR [PORT]   (PORT also from $PORT; default 8080)
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const dir = resolve(process.env.LW_SERVE_DIR || process.argv[2] || 'dist');
const port = Number(process.argv[3] || process.env.PORT || 8080);
const host = process.env.HOST || '127.0.0.1';
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.data': 'application/octet-stream', '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json', '.svg': 'image/svg+xml', '.png': 'image/png', '.otf': 'font/otf',
};
const etags = new Map();
function etagOf(file) {
  const st = statSync(file);
  const key = file + ':' + st.mtimeMs + ':' + st.size;
  if (!etags.has(key)) etags.set(key, '"' + createHash('sha1').update(readFileSync(file)).digest('hex').slice(0, 16) + '"');
  return etags.get(key);
}

export function handler(req, res) {
  let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (path.endsWith('/')) path += 'index.html';
  const file = normalize(join(dir, path));
  if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('404 未找到');
    return;
  }
  const gz = (req.headers['accept-encoding'] || '').includes('gzip') && existsSync(file + '.gz');
  const body = gz ? file + '.gz' : file;
  const etag = etagOf(body);
  const headers = { 'content-type': types[extname(file)] || 'application/octet-stream', etag,
                    'cache-control': 'no-cache', vary: 'accept-encoding' };
  if (gz) headers['content-encoding'] = 'gzip';
  if (req.headers['if-none-match'] === etag) { res.writeHead(304, headers); res.end(); return; }
  const bytes = readFileSync(body);
  headers['content-length'] = bytes.length;
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : bytes);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  createServer(handler).listen(port, host, () => console.log(`LearnWeek: http://${host}:${port}/  (${dir})`));
}
