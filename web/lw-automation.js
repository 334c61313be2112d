// lw-automation.js — window.learnweek, the interface end-to-end tests and benchmarks drive the app
// through (documented in README.md).
import * as bridge from './lw-bridge.js';
import { storage } from './lw-storage.js';

let resolveReady;
export const api = {
  ready: new Promise((r) => { resolveReady = r; }),
  ui: { items: () => JSON.parse(bridge.itemsJson()) },
  state: () => JSON.parse(bridge.stateJson()),
  storage: () => ({ ...storage }),
  fonts: () => JSON.parse(bridge.fontsJson()),
  stats: () => JSON.parse(bridge.statsJson()),
  mapFigures: () => JSON.parse(bridge.mapFiguresJson()),
  // Benchmarks: stop drawing, let the GPU finish, then build n frames back to back (CPU only).
  benchFrames: async (n) => {
    bridge.setPaused(true);
    await new Promise((r) => setTimeout(r, 1500));
    const times = JSON.parse(bridge.benchFrames(n));
    bridge.setPaused(false);
    return times;
  },
  // Tests: hold frames back (as a slow machine would) while input queues up.
  holdFrames: (on) => bridge.setPaused(on),
  // Tests: draw the next frame whole, to compare it with the frames drawn in part.
  redrawWhole: () => bridge.redrawWhole(),
  a11y: { stats: () => window.LWA11y.stats(), resetStats: () => window.LWA11y.resetStats(),
          bench: (n) => window.LWA11y.bench(n) },
  frames: 0,
};
window.learnweek = api;

// The first frame was drawn: the app is ready.
export function ready() { resolveReady(); }
