#!/usr/bin/env node
// make_dist.mjs — assembles dist/: the Emscripten output, the web/ shell, the lazily fetched
// font shards, a service worker whose cache name is the hash of everything it caches, and a
// gzip copy of each compressible file (the server sends those to browsers that accept gzip).
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const web = join(root, 'web');
const build = join(root, 'build', process.env.LW_PRESET || 'web');  // tools/build: web or web-debug
const fonts = join(root, '.cache', 'fonts');

rmSync(dist, { recursive: true, force: true });
mkdirSync(join(dist, 'fonts'), { recursive: true });

for (const f of ['learnweek.js', 'learnweek.wasm', 'learnweek.data']) copyFileSync(join(build, f), join(dist, f));
if (existsSync(join(build, 'learnweek.wasm.map'))) copyFileSync(join(build, 'learnweek.wasm.map'), join(dist, 'learnweek.wasm.map'));
for (const f of readdirSync(web)) if (f !== 'sw.js') copyFileSync(join(web, f), join(dist, f));
copyFileSync(join(build, 'generated', 'lw-contract.js'), join(dist, 'lw-contract.js'));  // tools/gen_contract.mjs
for (const f of readdirSync(join(root, 'build', 'icons'))) copyFileSync(join(root, 'build', 'icons', f), join(dist, f));
for (const f of readdirSync(fonts)) if (f.startsWith('shard-')) copyFileSync(join(fonts, f), join(dist, 'fonts', f));

function walk(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

// Precache the app itself; font shards are cached when first fetched (they are 7 MB together).
const files = walk(dist).map((p) => relative(dist, p).split('\\').join('/')).sort();
const precache = files.filter((f) => !f.startsWith('fonts/'));
const hash = createHash('sha256');
for (const f of files) hash.update(f).update(readFileSync(join(dist, f)));
const version = hash.digest('hex').slice(0, 12);
const sw = readFileSync(join(web, 'sw.js'), 'utf8')
  .replace("'__VERSION__'", JSON.stringify(version))
  .replace('[/* __PRECACHE__ */]', JSON.stringify(['./', ...precache]));
writeFileSync(join(dist, 'sw.js'), sw);
writeFileSync(join(dist, 'version.json'), JSON.stringify({ version, files: files.length }));

const compressible = /\.(html|js|css|wasm|data|json|webmanifest|svg|otf)$/;
let raw = 0;
let gz = 0;
for (const f of walk(dist)) {
  const bytes = readFileSync(f);
  raw += bytes.length;
  if (!compressible.test(f)) { gz += bytes.length; continue; }
  const z = gzipSync(bytes, { level: 9 });
  writeFileSync(f + '.gz', z);
  gz += z.length;
}
console.log(`dist/: ${files.length} files, ${(raw / 1048576).toFixed(2)} MB (${(gz / 1048576).toFixed(2)} MB gzip), version ${version}`);
