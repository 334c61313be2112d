// main_thread.mjs — the time a user waits for, measured from outside the page: Chromium's trace
// of its renderer main thread (every task: input handling, our frame, handing it to WebGL or the
// 2D canvas, style, paint), cut into one window per input event. Used by render_bench.mjs for
// LearnWeek and for the ECharts reference alike, so both are measured the same way.

// Runs `act` while tracing; returns, per input event of `type` on the page's main thread, the
// main-thread busy time until the next such event and the longest single task in that window.
export async function mainThreadPerEvent(page, type, act) {
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    categories: 'toplevel,devtools.timeline,disabled-by-default-devtools.timeline',
    transferMode: 'ReportEvents',
  });
  await act();
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();

  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
    .map((e) => `${e.pid}:${e.tid}`));
  const onMain = (e) => mains.has(`${e.pid}:${e.tid}`);
  const inputs = events.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === type && onMain(e))
    .sort((a, b) => a.ts - b.ts);
  if (inputs.length < 2) throw new Error(`trace has ${inputs.length} ${type} events`);
  const thread = `${inputs[0].pid}:${inputs[0].tid}`;
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && `${e.pid}:${e.tid}` === thread);
  const out = [];
  for (let i = 0; i + 1 < inputs.length; i++) {
    const from = inputs[i].ts, to = inputs[i + 1].ts;
    let busy = 0, longest = 0;
    for (const t of tasks) {
      const overlap = Math.min(t.ts + t.dur, to) - Math.max(t.ts, from);
      if (overlap > 0) busy += overlap;
      if (t.ts >= from && t.ts < to) longest = Math.max(longest, t.dur);
    }
    out.push({ busy: busy / 1000, longest: longest / 1000 });
  }
  // LW_TRACE_BREAKDOWN=1: also print where the main thread's time went (trace event names).
  if (process.env.LW_TRACE_BREAKDOWN) {
    const by = {};
    const t0 = inputs[0].ts, t1 = inputs[inputs.length - 1].ts;
    for (const e of events) if (e.ph === 'X' && `${e.pid}:${e.tid}` === thread && e.ts >= t0 && e.ts < t1) by[e.name] = (by[e.name] || 0) + e.dur;
    const rows = Object.entries(by).sort((a, b) => b[1] - a[1]).slice(0, 25);
    for (const [k, v] of rows) console.log(`    ${(v / 1000 / (inputs.length - 1)).toFixed(2).padStart(7)} ms/event  ${k}`);
  }
  return out;
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};
