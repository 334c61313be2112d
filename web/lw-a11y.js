// lw-a11y.js — LearnWeek's accessibility mirror: the canvas shows ImGui's drawing, this module
// keeps a tree of real DOM elements with ARIA roles in step with it (the way Flutter's web engine
// exposes its semantics tree), so screen readers and the browser's accessibility tree see every
// control, its label, value, state and message.
//
//  Source    the item registry (src/ui/item_registry.*), sent by lw_a11y_update() after a frame
//            only when something changed.
//  Diff      elements are keyed by ImGui id and only changed attributes are written; nothing is
//            rebuilt per frame (window.learnweek.a11y.bench(): cost per frame, 60-field form).
//  Position  every element sits exactly over what ImGui drew (CSS px), invisible, and lets the
//            mouse through (pointer-events: none): a screen reader's highlight matches the screen.
//            Elements sit in one layer per ImGui window, placed at the window's scrolled content
//            origin: scrolling moves one layer, not every element (the budget's worst case).
//  Focus     one focus: ImGui's focus moves the DOM focus to its element; a screen reader moving
//            focus (or "clicking") an element moves ImGui's focus (lw_a11y_focus/activate). While a
//            text field is edited, the text agent (lw-text-agent.js) is that field's labelled element.
//  Live      toasts and the save status are announced through polite/assertive live regions.
'use strict';

(function () {
  const ROLES_WITH_TEXT_NAME = new Set(['button', 'link', 'tab', 'checkbox', 'radio', 'option', 'heading', 'menuitem']);
  let port = null;  // lw-bridge.js's a11yPort: the mirror's calls into C++
  let root = null;
  let agent = null;
  let agentValue = null;  // the edited field's text, describing the text agent where it cannot hold it
  let showField = null;   // (text, anchor, caret) → whether the agent now holds the field's text
  const live = { polite: null, assertive: null };
  const nodes = new Map();   // id → { el, item, desc }
  const groups = new Map();  // group key → element
  const layers = new Map();  // ImGui window id → { el, x, y }
  let activeId = '00000000';
  let applying = false;      // our own el.focus() calls must not echo back into ImGui
  let requested = null;      // a focus asked of ImGui by the DOM (a screen reader), not yet taken
  let groupSeq = 0;
  const announced = new Map();  // live item id → text last announced
  let started = false;          // the first update (the page as loaded) announces nothing
  // A layer with more elements than this lies under the canvas. On every mouse move the browser
  // hit-tests each positioned element stacked above the canvas, even with pointer-events: none:
  // over the map's 1,448 regions that was 3.4 ms a move (LW_TRACE_BREAKDOWN in tools/bench
  // render). Under the canvas the hit test stops at the canvas; the elements keep their places,
  // so focus and a screen reader's highlight are unchanged (a touch explorer there finds the
  // canvas, and the map's figures table says the same as its regions).
  const UNDER_CANVAS = 400;
  const stats = { updates: 0, totalMs: 0, maxMs: 0, lastMs: 0 };

  function css(el, text) { el.style.cssText = text; return el; }

  // Text only assistive technology reads (live regions, descriptions): off screen, not hidden.
  function offscreen(id) {
    const el = css(document.createElement('div'), 'position:fixed;left:-10000px;top:0;width:1px;height:1px;overflow:hidden;');
    el.id = id;
    document.body.appendChild(el);
    return el;
  }

  function init(a11yPort, textAgent, showInAgent) {
    port = a11yPort;
    agent = textAgent;
    showField = showInAgent;
    root = document.createElement('div');
    root.id = 'lw-a11y';
    // Absolute, not fixed, and without a z-index: the root makes no stacking context, so each
    // layer decides whether it lies over the canvas (z-index 1) or under it (see UNDER_CANVAS).
    css(root, 'position:absolute;left:0;top:0;width:0;height:0;overflow:visible;pointer-events:none;' +
      'color:transparent;background:transparent;');
    document.body.insertBefore(root, document.body.firstChild);
    agentValue = offscreen('lw-agent-value');
    labelAgent(null);
    for (const kind of ['polite', 'assertive']) {
      const el = offscreen('lw-live-' + kind);
      el.setAttribute('role', kind === 'polite' ? 'status' : 'alert');
      el.setAttribute('aria-live', kind);
      live[kind] = el;
    }
    root.addEventListener('focusin', onFocusIn);
    root.addEventListener('click', onClick);
    // Keys typed while a mirror text box has the focus belong to ImGui (which gets them from
    // SDL): the box keeps showing the field's value.
    root.addEventListener('input', (e) => {
      const node = nodes.get(hexId(e.target));
      if (node && node.item) e.target.value = node.item.value || '';
    });
    window.addEventListener('resize', placeRoot);
    placeRoot();
  }

  function placeRoot() {
    if (!root || !port || !port.canvas()) return;
    const r = port.canvas().getBoundingClientRect();
    root.style.left = r.left + 'px';
    root.style.top = r.top + 'px';
  }

  const hexId = (el) => el && el.dataset && el.dataset.lwId;

  function onFocusIn(e) {
    const id = hexId(e.target);
    if (applying || !id || !port) return;
    requested = { id, frames: 3 };  // until ImGui has taken it, its old focus is not given back
    port.focus(parseInt(id, 16));
  }

  function onClick(e) {
    const el = e.target.closest('[data-lw-id]');
    if (!el || !port) return;
    e.preventDefault();
    port.activate(parseInt(el.dataset.lwId, 16));
  }

  // --- One element per item ------------------------------------------------------------------
  // Text boxes are real <input>/<textarea> elements (their value is what the browser reports);
  // everything else is a <div> with a role, which keys never "click" (ImGui handles the keys).
  function tagFor(item) { return item.role === 'textbox' ? (item.multiline ? 'TEXTAREA' : 'INPUT') : 'DIV'; }

  function setAttr(el, name, value) {
    if (value === null || value === undefined || value === false) {
      if (el.hasAttribute(name)) el.removeAttribute(name);
    } else {
      const v = value === true ? 'true' : String(value);
      if (el.getAttribute(name) !== v) el.setAttribute(name, v);
    }
  }

  function setText(el, text) {
    if (el.textContent !== text) el.textContent = text;
  }

  function create(item) {
    const el = document.createElement(tagFor(item));
    if (el.tagName === 'INPUT') el.type = 'text';
    el.dataset.lwId = item.id;
    el.id = 'lw-i-' + item.id;
    css(el, 'position:absolute;left:0;top:0;margin:0;padding:0;border:0;overflow:hidden;white-space:nowrap;outline:none;' +
      'pointer-events:none;color:transparent;background:transparent;contain:strict;font-size:1px;resize:none;');
    return { el, item: null, desc: null };
  }

  // Writes only what differs from the item this element showed last.
  function apply(node, item) {
    const el = node.el;
    const prev = node.item || {};
    // A transform, not left/top: scrolling moves every element, and a transform needs no layout.
    if (prev.x !== item.x || prev.y !== item.y) el.style.transform = 'translate(' + item.x + 'px,' + item.y + 'px)';
    if (prev.w !== item.w) el.style.width = item.w + 'px';
    if (prev.h !== item.h) el.style.height = item.h + 'px';
    if (prev.role !== item.role || prev.label !== item.label || prev.value !== item.value ||
        prev.level !== item.level || prev.multiline !== item.multiline || prev.placeholder !== item.placeholder)
      describeRole(el, item);
    // A field's state belongs to the control a screen reader names it by: its radio group (ARIA
    // allows aria-required on the group, not on one radio) or its combo box (not the list's options).
    const own = item.role !== 'radio' && item.role !== 'option';
    if (prev.required !== item.required || prev.role !== item.role) setAttr(el, 'aria-required', own && item.required ? 'true' : null);
    if (prev.invalid !== item.invalid || prev.role !== item.role) setAttr(el, 'aria-invalid', own && item.invalid ? 'true' : null);
    if (prev.disabled !== item.disabled) setAttr(el, 'aria-disabled', item.disabled ? 'true' : null);
    if (prev.checked !== item.checked) setAttr(el, 'aria-checked', item.checked === undefined ? null : String(item.checked));
    if (prev.selected !== item.selected) setAttr(el, 'aria-selected', item.selected === undefined ? null : String(item.selected));
    if (prev.expanded !== item.expanded) setAttr(el, 'aria-expanded', item.expanded === undefined ? null : String(item.expanded));
    if (prev.haspopup !== item.haspopup) setAttr(el, 'aria-haspopup', item.haspopup || null);
    if (prev.pos !== item.pos || prev.setsize !== item.setsize) {
      setAttr(el, 'aria-posinset', item.pos || null);
      setAttr(el, 'aria-setsize', item.setsize || null);
    }
    if (prev.controls !== item.controls || prev.role !== item.role)
      setAttr(el, 'aria-controls', item.role === 'combobox' && item.controls ? 'lw-list-' + item.controls : null);
    if (prev.describe !== item.describe || prev.role !== item.role) describe(node, item.role === 'option' ? '' : item.describe);
    if (prev.now !== item.now || prev.min !== item.min || prev.max !== item.max) {
      setAttr(el, 'aria-valuenow', item.now);
      setAttr(el, 'aria-valuemin', item.min);
      setAttr(el, 'aria-valuemax', item.max);
    }
    node.item = item;
  }

  function describeRole(el, item) {
    const interactive = item.role !== 'text';
    setAttr(el, 'role', item.role === 'text' ? null : item.role);
    if (item.role !== 'slider') setAttr(el, 'aria-valuetext', null);
    setAttr(el, 'tabindex', interactive ? '-1' : null);
    setAttr(el, 'aria-level', item.role === 'heading' ? String(item.level || 2) : null);
    setAttr(el, 'aria-multiline', item.role === 'textbox' && item.multiline ? 'true' : null);
    if (item.role === 'text' || ROLES_WITH_TEXT_NAME.has(item.role)) {
      setAttr(el, 'aria-label', null);
      setText(el, item.label);
    } else if (el.tagName !== 'DIV') {  // a text box: named by its label, its value is the field's
      setAttr(el, 'aria-label', item.label || null);
      if (el.value !== (item.value || '')) el.value = item.value || '';
      setAttr(el, 'placeholder', item.placeholder || null);
    } else if (item.role === 'slider') {  // named by its label, its value read as text ("截至 10月25日")
      setAttr(el, 'aria-label', item.label || null);
      setAttr(el, 'aria-valuetext', item.value || null);
      setText(el, '');
    } else {  // a combo box: the label names it, the content is its value
      setAttr(el, 'aria-label', item.label || null);
      setText(el, item.value || '');
    }
  }

  // aria-describedby → a hidden element holding the field's message (read after the label).
  function describe(node, text) {
    if (!text) {
      if (node.desc) { node.desc.remove(); node.desc = null; }
      setAttr(node.el, 'aria-describedby', null);
      return;
    }
    if (!node.desc) {
      node.desc = document.createElement('span');
      node.desc.id = 'lw-d-' + node.el.dataset.lwId;
      node.desc.hidden = true;
      root.appendChild(node.desc);
    }
    setText(node.desc, text);
    setAttr(node.el, 'aria-describedby', node.desc.id);
  }

  // --- Containers: radio groups, the navigation tab list, a combo's list box, the error summary,
  // tables (table → row → cell). Containers are not positioned: their items place themselves.
  function make(role, label) {
    const el = document.createElement('div');
    el.setAttribute('role', role);
    if (label) el.setAttribute('aria-label', label);
    return el;
  }

  // The element an item goes into; `use(key, parent, create)` gives a container placed in its parent.
  function parentFor(item, use) {
    const layer = layerEl(item.layer);
    if (item.table) {
      const t = use('t\u0001' + item.layer + '\u0001' + item.table, layer, () => make('table', item.table));
      if (item.rows) { setAttr(t, 'aria-rowcount', item.rows); setAttr(t, 'aria-colcount', item.cols); }
      const rk = 'r\u0001' + item.layer + '\u0001' + item.table + '\u0001' + item.row;
      const r = use(rk, t, () => { const e = make('row'); e.setAttribute('aria-rowindex', item.row); return e; });
      const c = use(rk + '\u0001' + item.col, r, () => { const e = make(item.cell); e.setAttribute('aria-colindex', item.col); return e; });
      setAttr(c, 'aria-sort', item.sort || null);
      return c;
    }
    if (item.groupRole) {
      const key = item.groupRole + '\u0001' + item.group + '\u0001' + item.layer + '\u0001' + (item.controls || '');
      const group = use(key, layer, () => {
        const el = make(item.groupRole, item.group);
        el.id = item.groupRole === 'listbox' && item.controls ? 'lw-list-' + item.controls : 'lw-g-' + (++groupSeq);
        return el;
      });
      if (item.groupRole === 'radiogroup') {
        setAttr(group, 'aria-required', item.required ? 'true' : null);
        setAttr(group, 'aria-invalid', item.invalid ? 'true' : null);
      }
      return group;
    }
    return layer;
  }

  // A window's layer: positioned at its content origin, so its elements' places stay put while it
  // scrolls. (Layers without an id — the benchmark's items — share one at the page's origin.)
  function layerEl(id) {
    const l = layers.get(id || '');
    return l ? l.el : root;
  }

  function placeLayers(list, place) {
    for (const l of list || []) {
      let layer = layers.get(l.id);
      if (!layer) {
        const el = document.createElement('div');
        css(el, 'position:absolute;left:0;top:0;width:0;height:0;overflow:visible;');
        layers.set(l.id, layer = { el, x: null, y: null });
      }
      if (layer.dialog !== (l.dialog || '')) {  // a modal window: the rest of the page is inert meanwhile
        layer.dialog = l.dialog || '';
        setAttr(layer.el, 'role', layer.dialog ? 'dialog' : null);
        setAttr(layer.el, 'aria-modal', layer.dialog ? 'true' : null);
        setAttr(layer.el, 'aria-label', layer.dialog || null);
      }
      layer.texts = [];
      if (layer.x !== l.x || layer.y !== l.y) {
        layer.el.style.transform = 'translate(' + l.x + 'px,' + l.y + 'px)';
        layer.x = l.x;
        layer.y = l.y;
      }
      layer.used = true;
      layer.count = 0;
      place(root, layer.el);
    }
  }

  function stackLayer(layer) {
    const z = layer.count > UNDER_CANVAS ? '' : '1';  // '' : below the canvas, which follows the root
    if (layer.el.style.zIndex !== z) layer.el.style.zIndex = z;
  }

  // Puts `children` into `parent` in this order, moving only what is out of place.
  function order(parent, children) {
    let at = parent.firstChild;
    for (const child of children) {
      while (at && at.lwSkip) at = at.nextSibling;  // description spans stay where they are
      if (at === child) { at = at.nextSibling; continue; }
      parent.insertBefore(child, at);
    }
  }

  // --- Frame ------------------------------------------------------------------------------------
  function update(data) {
    const t0 = performance.now();
    if (!root) return 0;
    const seen = new Set();
    const news = { polite: [], assertive: [] };  // live texts that changed: one announcement each
    const kids = new Map([[root, []]]);  // parent element → its children this frame, in order
    const place = (parent, el) => {
      let list = kids.get(parent);
      if (!list) kids.set(parent, list = []);
      list.push(el);
    };
    const use = (key, parent, create) => {
      let el = groups.get(key);
      if (!el) { el = create(); groups.set(key, el); }
      if (!el.lwUsed) { el.lwUsed = true; place(parent, el); }
      return el;
    };
    for (const g of groups.values()) g.lwUsed = false;
    for (const l of layers.values()) l.used = false;
    placeLayers(data.layers, place);
    for (const item of data.items) {
      if (seen.has(item.id)) continue;  // an id listed twice (a text item repeated): first wins
      if (item.name) item.label = item.name;  // the mirror's name; items() keeps the visible label
      seen.add(item.id);
      let node = nodes.get(item.id);
      if (node && node.el.tagName !== tagFor(item)) { remove(node); node = null; }
      if (!node) { node = create(item); nodes.set(item.id, node); }
      apply(node, item);
      place(parentFor(item, use), node.el);
      if (item.live) announce(item, news);
      const layer = layers.get(item.layer || '');
      if (layer) layer.count++;
      if (layer && layer.dialog && item.role === 'text') layer.texts.push(node.el.id);
    }
    // A dialog is described by its text (what it asks), read when it opens.
    for (const l of layers.values()) if (l.used && l.dialog) setAttr(l.el, 'aria-describedby', l.texts.join(' ') || null);
    for (const l of layers.values()) if (l.used) stackLayer(l);
    for (const [id, node] of nodes) if (!seen.has(id)) { remove(node); nodes.delete(id); announced.delete(id); }
    for (const [key, g] of groups) if (!g.lwUsed) { g.remove(); groups.delete(key); }
    for (const [id, l] of layers) if (!l.used) { l.el.remove(); layers.delete(id); }
    for (const node of nodes.values()) if (node.desc) node.desc.lwSkip = true;
    for (const [parent, list] of kids) order(parent, list);
    for (const kind of ['polite', 'assertive']) if (news[kind].length) setText(live[kind], news[kind].join('。'));
    started = true;
    syncFocus(data);
    return performance.now() - t0;
  }

  function remove(node) {
    node.el.remove();
    if (node.desc) node.desc.remove();
  }

  // A live item is announced when it appears or its text changes, except on the page's first
  // frame (its "已保存到本机" is a state, not news). Forgotten when it goes, so the same toast
  // shown again is announced again.
  function announce(item, news) {
    if (announced.get(item.id) === item.label) return;
    announced.set(item.id, item.label);
    if (!started) return;
    news[item.live === 'assertive' ? 'assertive' : 'polite'].push(item.label);
  }

  // ImGui's focus → the DOM focus (and the text agent's label while a field is edited).
  function syncFocus(data) {
    if (data.active !== activeId || activeId !== '00000000') {  // its state changes as the user types
      activeId = data.active;
      labelAgent(nodes.get(activeId));
    }
    if (requested && data.focus !== requested.id && --requested.frames > 0) return;
    requested = null;
    const node = nodes.get(data.focus);
    if (!node || data.active !== '00000000') return;  // the text agent holds the focus while editing
    const current = document.activeElement;
    if (current === node.el) return;
    // Not only when ImGui's focus moves: also when the DOM focus fell to the page (Esc left a
    // text field and the agent let go) or the item's element appeared after the move (a field
    // the error summary scrolled into view). Never taken from something outside the app.
    const ours = !current || current === document.body || current === port.canvas() || root.contains(current) ||
                 current === agent;
    if (!ours) return;
    applying = true;
    try { node.el.focus({ preventScroll: true }); } finally { applying = false; }
  }

  // The text agent becomes the edited field's own element: its label, state and message.
  function labelAgent(node) {
    if (!agent) return;
    const item = node && node.item;
    // Idle, the agent is nothing a user can reach: hidden, so the tree has no stray "文字输入" box.
    setAttr(agent, 'aria-hidden', activeId !== '00000000' ? null : 'true');
    setAttr(agent, 'aria-label', item ? item.label : '文字输入');
    setAttr(agent, 'aria-required', item && item.required ? 'true' : null);
    setAttr(agent, 'aria-invalid', item && item.invalid ? 'true' : null);
    // A textarea is multi-line unless it says otherwise: a single-line field says so.
    setAttr(agent, 'aria-multiline', item ? (item.multiline ? 'true' : 'false') : null);
    setAttr(agent, 'placeholder', item && item.placeholder ? item.placeholder : null);
    // The agent holds the field's text and caret; where it cannot (touch screens), the text is its
    // description, so a screen reader focusing the field still says what is in it.
    const value = item && item.value ? item.value : '';
    const sel = item && item.sel;
    const held = showField(value, sel ? sel[0] : value.length, sel ? sel[1] : value.length);
    setText(agentValue, held ? '' : value);
    const described = [value && !held ? agentValue.id : '', item && node.desc ? node.desc.id : ''].filter(Boolean);
    setAttr(agent, 'aria-describedby', described.length ? described.join(' ') : null);
  }

  // Called by lw-host.js after every drawn frame.
  function afterFrame() {
    if (!root || !port) return;
    const t0 = performance.now();
    const text = port.update();
    if (!text) return;
    update(JSON.parse(text));
    const ms = performance.now() - t0;  // the JSON built in C++, read and parsed included
    stats.updates++;
    stats.totalMs += ms;
    stats.lastMs = ms;
    stats.maxMs = Math.max(stats.maxMs, ms);
  }

  // Benchmark: a 60-field form (label, text box with value and state, message) in a page layer
  // scrolled by one pixel and one value changed per frame, through JSON parse, diff and the
  // style/layout that the browser then does, as a real frame would be (the app sends positions
  // in their window's layer and the layer's origin, see item_registry.cpp). Leaves the mirror
  // showing the synthetic form until the app's next change: for benchmark pages only.
  function bench(frames) {
    const make = (k) => {
      const items = [];
      for (let i = 0; i < 60; i++) {
        const y = 100 + i * 48;
        const id = (0x10000000 + i * 4).toString(16);
        items.push({ id: (0x20000000 + i).toString(16), layer: 'b0', label: '字段' + i, window: 'page', x: 40, y, w: 120, h: 30, input: false, role: 'text' });
        items.push({ id, layer: 'b0', label: '字段' + i, window: 'page', x: 180, y, w: 400, h: 30, input: true, role: 'textbox',
                     value: i === k % 60 ? 'v' + k : 'v', required: i % 3 === 0, invalid: i % 7 === 0,
                     describe: i % 7 === 0 ? '请填写字段' + i : undefined });
        if (i % 7 === 0) items.push({ id: (0x30000000 + i).toString(16), layer: 'b0', label: '请填写字段' + i, window: 'page', x: 180, y: y + 32, w: 200, h: 16, input: false, role: 'text' });
      }
      return JSON.stringify({ focus: '00000000', active: '00000000', items, layers: [{ id: 'b0', x: 0, y: -k }] });
    };
    const texts = [];
    for (let k = 0; k < frames + 1; k++) texts.push(make(k));
    update(JSON.parse(texts[0]));  // first frame builds the tree: not what a frame costs later
    const times = [];
    for (let k = 1; k <= frames; k++) {
      const t0 = performance.now();
      update(JSON.parse(texts[k]));
      void layerEl('b0').lastElementChild.getBoundingClientRect().top;  // + the browser's style and layout
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const mean = times.reduce((a, b) => a + b, 0) / times.length;
    return { frames, items: JSON.parse(texts[0]).items.length, meanMs: mean, p95Ms: times[Math.floor(times.length * 0.95)],
             maxMs: times[times.length - 1] };
  }

  const resetStats = () => Object.assign(stats, { updates: 0, totalMs: 0, maxMs: 0, lastMs: 0 });
  window.LWA11y = { init, afterFrame, stats: () => ({ ...stats, nodes: nodes.size }), resetStats, bench };
})();
