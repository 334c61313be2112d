// bundles_bench.mjs — runs bundle_bench (WebAssembly, under node like the browser's engine) for
// 10,000 and 100,000 activity records: export, then import in a fresh process.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bench = new URL('../../build/web/tests/bundle_bench.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'lw-bundles-'));
console.log('LearnWeek bundle benchmark — WebAssembly under node', process.version);
for (const n of [10000, 100000]) {
  const file = join(dir, `bench-${n}.json`);
  for (const mode of ['export', 'import'])
    process.stdout.write(execFileSync('node', ['--no-experimental-fetch', bench, mode, String(n), file]));
}
process.stdout.write(execFileSync('node', ['--no-experimental-fetch', bench, 'save']));
rmSync(dir, { recursive: true, force: true });
