// lw-text-agent.js — the text agent: a <textarea> placed at ImGui's caret that receives IME
// composition, typing, paste and the phone keyboard; committed text goes to ImGui exactly once.
// For a screen reader it is the edited field itself (lw-a11y.js labels it and, through showField,
// gives it the field's text and caret).
import { isTextFieldAt, keyEvent, module, rememberPaste, selectionText, textInput } from './lw-bridge.js';

const isMac = /Mac|iPhone|iPad/.test(navigator.platform || '');
const MOD = LWContract.MOD;

export const agent = document.createElement('textarea');
agent.id = 'lw-text-agent';
agent.setAttribute('aria-label', '文字输入');
agent.setAttribute('autocomplete', 'off');
agent.setAttribute('autocorrect', 'off');
agent.setAttribute('autocapitalize', 'off');
agent.spellcheck = false;
let composing = false;
let imeWanted = false;
let imeRect = { x: 0, y: 0, h: 24 };


function placeAgent() {
  const c = module().canvas.getBoundingClientRect();
  agent.style.left = (c.left + imeRect.x) + 'px';
  agent.style.top = (c.top + imeRect.y) + 'px';
  agent.style.height = imeRect.h + 'px';
  agent.style.fontSize = Math.round(imeRect.h / 1.45) + 'px';
  agent.style.lineHeight = imeRect.h + 'px';
}

export function setIme(want, x, y, h) {
  imeWanted = want;
  if (want) {
    imeRect = { x, y, h: h > 0 ? h : 24 };
    placeAgent();
    if (document.activeElement !== agent) agent.focus({ preventScroll: true });
  } else if (document.activeElement === agent && !composing) {
    agent.blur();
    forgetField();
  }
}

function mods(e) {
  const ctrl = isMac ? e.metaKey : e.ctrlKey;
  const sup = isMac ? e.ctrlKey : e.metaKey;
  return (ctrl ? MOD.Ctrl : 0) | (e.shiftKey ? MOD.Shift : 0) | (e.altKey ? MOD.Alt : 0) | (sup ? MOD.Super : 0);
}

// Keys that went down through the agent. When the agent loses the focus between a key's down and
// its up (Tab leaves the field in the frame between them, likely on a slow PC), the up goes to
// SDL, which drops an up it never saw go down, and ImGui would hold the key and repeat it: the
// focus would run on by itself. So leaving the agent releases them.
const agentKeys = new Set();
function onKey(down) {
  return (e) => {
    e.stopPropagation();  // SDL listens on window: text and keys must reach ImGui only from here
    if (e.isComposing || e.keyCode === 229 || composing) return;
    if (down) agentKeys.add(e.key); else agentKeys.delete(e.key);
    const handled = keyEvent(e.key, down, mods(e));
    if (handled) e.preventDefault();
  };
}
function releaseAgentKeys() {
  for (const key of agentKeys) keyEvent(key, false, 0);
  agentKeys.clear();
}

agent.addEventListener('keydown', onKey(true));
agent.addEventListener('keyup', onKey(false));
agent.addEventListener('keypress', (e) => e.stopPropagation());
// The agent holds the edited field's text and ImGui's selection (lw-a11y.js passes them on after
// each frame), so a screen reader reads and walks the field in the element that has the focus.
// ImGui owns the text: what the browser adds to the agent is sent on as typed text and the agent
// is put back as it was; the next frame shows ImGui's result. The IME's text being composed is
// shown beside it (#lw-preedit), as the field's text in the agent stays invisible. Not on touch
// screens: their keyboards recompose words already in the box, which would then be typed twice.
const holdsField = !(window.matchMedia && matchMedia('(pointer: coarse)').matches);
let shown = { text: '', anchor: 0, caret: 0 };
const preedit = document.createElement('div');
preedit.id = 'lw-preedit';
preedit.setAttribute('aria-hidden', 'true');

function selectShown() {
  const s = Math.min(shown.anchor, shown.caret), e = Math.max(shown.anchor, shown.caret);
  if (agent.selectionStart !== s || agent.selectionEnd !== e)
    agent.setSelectionRange(s, e, shown.caret < shown.anchor ? 'backward' : 'forward');
}
function putBack() {
  if (agent.value !== shown.text) agent.value = shown.text;
  if (document.activeElement === agent) selectShown();
}
export function showField(text, anchor, caret) {
  if (!holdsField) return false;
  shown = { text, anchor, caret };
  if (!composing && document.activeElement === agent) putBack();
  return true;
}
function forgetField() {
  shown = { text: '', anchor: 0, caret: 0 };
  agent.value = '';
}
// What the browser put into the agent: `before` had [start, end) selected, and typing or the IME
// replaced that selection. Read from where the selection was, not by comparing the texts: typing
// "1" over a selected "123" leaves "1", which a comparison would take for a deletion.
function added(before, after, start, end) {
  const tail = before.length - end;
  if (after.length >= start + tail && after.startsWith(before.slice(0, start)) && after.endsWith(before.slice(end)))
    return after.slice(start, after.length - tail);
  let p = 0;  // the box's selection was not ours after all: the first and last differences
  while (p < before.length && p < after.length && before[p] === after[p]) p++;
  let q = 0;
  while (q < before.length - p && q < after.length - p && before[before.length - 1 - q] === after[after.length - 1 - q]) q++;
  return after.slice(p, after.length - q);
}
// The selection an edit starts from: taken as the browser is about to change the box (and kept
// for a whole composition).
let editFrom = null;
function selectionNow() {
  return { start: agent.selectionStart, end: agent.selectionEnd };
}
function addedNow() {
  const from = editFrom || { start: Math.min(shown.anchor, shown.caret), end: Math.max(shown.anchor, shown.caret) };
  return added(shown.text, agent.value, from.start, from.end);
}
function showPreedit(text) {
  preedit.textContent = text;
  preedit.hidden = !text;
  if (!text) return;
  preedit.style.left = agent.style.left;
  preedit.style.top = agent.style.top;
  preedit.style.height = preedit.style.lineHeight = agent.style.height;
  preedit.style.fontSize = agent.style.fontSize;
}

agent.addEventListener('beforeinput', (e) => {
  if (!composing && !e.isComposing && agent.value === shown.text) editFrom = selectionNow();
});
agent.addEventListener('compositionstart', () => {
  composing = true;
  editFrom = agent.value === shown.text ? selectionNow() : null;
});
agent.addEventListener('compositionend', (e) => {
  composing = false;
  editFrom = null;
  showPreedit('');
  textInput(e.data);
  putBack();
});
agent.addEventListener('input', (e) => {
  if (e.isComposing || composing) {  // shown beside the agent until committed
    showPreedit(addedNow());
    return;
  }
  // Only typing inserts at the selection. Anything else is the box's, not the user's text: an
  // autocorrection or text replacement (insertReplacementText would replace words ImGui keeps),
  // the macOS editing keys ImGui does not take (transpose, yank), an undo of the box's history, and
  // the composition's last input after its compositionend (Firefox), already sent from there.
  const typed = !e.inputType || e.inputType === 'insertText';
  const text = typed ? addedNow() : '';
  editFrom = null;
  putBack();
  textInput(text);
});
agent.addEventListener('paste', (e) => {
  e.preventDefault();
  const text = (e.clipboardData && e.clipboardData.getData('text/plain')) || '';
  rememberPaste(text);
  // ImGui ignores typed text while Ctrl is held (Ctrl+letter shortcuts): release it first.
  keyEvent('', false, 0);
  textInput(text.replace(/\r\n?/g, '\n'));
});
agent.addEventListener('copy', (e) => {
  const text = selectionText();
  e.preventDefault();
  if (text && e.clipboardData) e.clipboardData.setData('text/plain', text);
});
agent.addEventListener('cut', (e) => {
  const text = selectionText();
  e.preventDefault();
  if (!text || !e.clipboardData) return;
  e.clipboardData.setData('text/plain', text);
  keyEvent('Delete', true, 0);
  keyEvent('Delete', false, 0);
});
agent.addEventListener('blur', () => {
  queueMicrotask(releaseAgentKeys);  // after the frame that blurred it, not inside it
  // Clicking the canvas keeps ImGui's field active; take the focus back for the next keystroke.
  if (imeWanted) setTimeout(() => { if (imeWanted && document.hasFocus()) agent.focus({ preventScroll: true }); }, 0);
});

export function clipboardWrite(text) {
  if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).catch(() => {});
}

// The agent keeps the focus while ImGui edits a field (a click on the canvas, a blur by the page).
export function keepFocus() {
  if (imeWanted && document.activeElement !== agent && document.hasFocus()) agent.focus({ preventScroll: true });
}

// Puts the agent and its composition box in the page and follows the canvas's clicks and taps.
export function installAgent(canvas) {
  document.body.appendChild(agent);
  preedit.hidden = true;
  document.body.appendChild(preedit);
  canvas.addEventListener('mousedown', (e) => { if (imeWanted) e.preventDefault(); });
  // Phones open their keyboard only for a focus() inside the touch itself: ask which item is
  // under the finger (from the last frame) and focus the agent right away.
  canvas.addEventListener('touchend', (e) => {
    const t = e.changedTouches[0];
    const r = canvas.getBoundingClientRect();
    if (t && isTextFieldAt(t.clientX - r.left, t.clientY - r.top)) {
      imeRect = { x: t.clientX - r.left, y: t.clientY - r.top, h: imeRect.h };
      placeAgent();
      agent.focus({ preventScroll: true });
    }
  }, { passive: true });
}
