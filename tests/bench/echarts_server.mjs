// echarts_server.mjs — dist/ served for the benchmarks, plus the ECharts reference page, ECharts 5
// and echarts@4.9.0's map data (/map/china.json, /map/province/*.json) beside it.
import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, serve } from '../e2e/harness.mjs';

export const MAP_DIR = join(ROOT, 'node_modules/echarts/map/json');

export function serveWithEcharts() {
  return serve((req, res) => {
    const url = new URL(req.url, 'http://x');
    let file = null;
    if (url.pathname === '/echarts-ref.html') file = join(ROOT, 'tests/bench/echarts_ref.html');
    else if (url.pathname === '/echarts5.js') file = join(ROOT, 'node_modules/echarts5/dist/echarts.min.js');
    else if (url.pathname.startsWith('/map/') && !url.pathname.includes('..')) file = join(MAP_DIR, url.pathname.slice(5));
    if (!file || !existsSync(file)) return false;
    const type = file.endsWith('.html') ? 'text/html; charset=utf-8' : file.endsWith('.js') ? 'text/javascript' : 'application/json';
    res.writeHead(200, { 'content-type': type });
    createReadStream(file).pipe(res);
    return true;
  });
}
