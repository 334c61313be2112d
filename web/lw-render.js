// lw-render.js — how LearnWeek draws, the JavaScript half of src/platform/render_web.cpp.
//
//  Choice     Before the WebAssembly starts, WebGL2 and WebGL1 are tried on a throwaway canvas.
//             Where WebGL is a software rasterizer (SwiftShader, llvmpipe, WARP) or missing, the CPU
//             renderer is chosen: on those machines it measures faster (tests/bench/render_bench.mjs).
//             ?renderer=webgl2|webgl1|cpu forces one; a forced one that cannot start is reported.
//  Present    The CPU renderer's framebuffer lives in WebAssembly memory; only its changed
//             rectangles are copied to a 2D canvas (putImageData with a dirty rectangle).
//  Loss       webglcontextlost is caught; the C++ side then carries on with the CPU renderer on a
//             2D canvas laid over the lost one.
'use strict';

(function () {
  // ?renderer= names → contract::Renderer (generated into LWContract by tools/gen_contract.mjs).
  const KINDS = { cpu: LWContract.RENDERER.Cpu, webgl1: LWContract.RENDERER.WebGL1, webgl2: LWContract.RENDERER.WebGL2 };
  const SOFTWARE = /swiftshader|llvmpipe|softpipe|lavapipe|software|basic render driver|microsoft basic/i;

  function probe(type) {
    try {
      const canvas = document.createElement('canvas');
      const gl = canvas.getContext(type);
      if (!gl) return null;
      const debug = gl.getExtension('WEBGL_debug_renderer_info');
      const name = String(gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER) || '');
      const lose = gl.getExtension('WEBGL_lose_context');
      if (lose) lose.loseContext();  // free it now: browsers allow only a few live contexts
      return { name, software: SOFTWARE.test(name) };
    } catch (e) {
      return null;
    }
  }

  // Creating a WebGL context to look at it costs up to a second where WebGL is software: the
  // answer is kept for this browser (its user agent) and probed again only when that changes.
  const PROBE_KEY = 'learnweek-webgl-probe';
  function probeAll(forced) {
    if (!forced) {
      try {
        const kept = JSON.parse(localStorage.getItem(PROBE_KEY) || 'null');
        if (kept && kept.ua === navigator.userAgent) return kept;
      } catch (e) { /* no storage: probe */ }
    }
    const gl2 = forced === 'cpu' || forced === 'webgl1' ? null : probe('webgl2');
    const gl1 = forced === 'cpu' || gl2 ? null : probe('webgl');
    const result = { ua: navigator.userAgent, gl2, gl1 };
    if (!forced) try { localStorage.setItem(PROBE_KEY, JSON.stringify(result)); } catch (e) { /* fine */ }
    return result;
  }

  function decide() {
    const asked = new URLSearchParams(location.search).get('renderer');
    const forced = Object.prototype.hasOwnProperty.call(KINDS, asked || '') ? asked : null;
    const { gl2, gl1 } = probeAll(forced);
    const gl = gl2 || gl1;
    const info = { requested: forced || 'auto', glRenderer: gl ? gl.name : '', software: !!(gl && gl.software),
                   webgl2: !!gl2, webgl1: !!(gl2 || gl1) };
    if (forced) {
      const available = forced === 'cpu' || (forced === 'webgl2' ? !!gl2 : !!gl);
      return { first: available ? KINDS[forced] : -1, forced: true, info };
    }
    const first = !gl || gl.software ? KINDS.cpu : gl2 ? KINDS.webgl2 : KINDS.webgl1;
    return { first, forced: false, info };
  }

  let decision = null;
  let running = '';
  let lost = false;
  let target = null;  // { canvas, ctx } receiving CPU frames
  let image = null;   // ImageData over WebAssembly memory, rebuilt when memory grows or the size changes

  function choice() {
    if (!decision) {
      decision = decide();
      if (decision.first > KINDS.cpu) keepDrawingBuffer(Module.canvas);
    }
    return decision;
  }

  function forgetProbe() {
    try { localStorage.removeItem(PROBE_KEY); } catch (e) { /* fine */ }
  }

  // Frames drawn in part (only what changed) need the canvas to keep its pixels between frames.
  function keepDrawingBuffer(canvas) {
    const getContext = HTMLCanvasElement.prototype.getContext;
    canvas.getContext = function (type, attrs) {
      const keep = /^(webgl|webgl2|experimental-webgl)$/.test(type) ? { ...attrs, preserveDrawingBuffer: true } : attrs;
      return getContext.call(this, type, keep);
    };
  }

  function started(name) {
    running = name;
    if (!choice().forced && KINDS[name] !== choice().first) forgetProbe();  // the kept answer was wrong
    if (name !== 'cpu') {
      Module.canvas.addEventListener('webglcontextlost', (e) => {
        e.preventDefault();
        lost = true;
        forgetProbe();
        console.warn('[renderer] WebGL context lost: switching to the CPU renderer');
      }, { once: true });
    }
  }

  // The canvas SDL owns takes a 2D context unless WebGL ever ran on it; after a context loss a
  // second canvas covers it (pointer events still reach SDL's canvas below).
  function presentTarget() {
    if (target) return target;
    let canvas = Module.canvas;
    let ctx = canvas.getContext('2d', { alpha: false });
    if (!ctx) {
      canvas = document.createElement('canvas');
      canvas.id = 'lw-frame';
      canvas.setAttribute('aria-hidden', 'true');
      Module.canvas.after(canvas);
      ctx = canvas.getContext('2d', { alpha: false });
    }
    target = { canvas, ctx };
    return target;
  }

  function present(ptr, w, h, rectsPtr, n) {
    const t = presentTarget();
    if (t.canvas !== Module.canvas && (t.canvas.width !== w || t.canvas.height !== h)) {
      t.canvas.width = w;
      t.canvas.height = h;
    }
    const buffer = Module.HEAPU8.buffer;
    if (!image || image.data.buffer !== buffer || image.data.byteOffset !== ptr || image.width !== w || image.height !== h) {
      image = new ImageData(new Uint8ClampedArray(buffer, ptr, w * h * 4), w, h);
    }
    const r = new Int32Array(buffer, rectsPtr, n * 4);
    for (let i = 0; i < n; i++) t.ctx.putImageData(image, 0, 0, r[i * 4], r[i * 4 + 1], r[i * 4 + 2], r[i * 4 + 3]);
  }

  function info() {
    const d = choice();
    return { renderer: running, requested: d.info.requested, glRenderer: d.info.glRenderer,
             software: d.info.software, webgl2: d.info.webgl2, webgl1: d.info.webgl1, forced: d.forced };
  }

  // Opens the page again with another renderer (设置 → 显示方式), or with the automatic choice.
  function restartWith(kind) {
    const url = new URL(location.href);
    if (kind) url.searchParams.set('renderer', kind);
    else url.searchParams.delete('renderer');
    location.replace(url.toString());
  }

  window.LWRender = { choice, started, present, info, restartWith, contextLost: () => lost };
})();
