// lw-files.js — files in and out: downloads, the file chooser, drops on the page.
import { postEvent } from './lw-bridge.js';

const EVENT = LWContract.EVENT;
const MAX_FILE_BYTES = LWContract.LIMIT.MaxFileBytes;

export function download(name, mime, bytes) {
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

// A file's SHA-256 (hex) by WebCrypto: native code, off the main thread — 0.025 s for a 35 MB bundle,
// 0.145 s in WebAssembly. '' where the page has no WebCrypto (plain http off localhost):
// C++ then computes it.
async function digestOf(bytes) {
  if (!(globalThis.crypto && crypto.subtle)) return '';
  try {
    const d = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    return Array.from(d, (b) => b.toString(16).padStart(2, '0')).join('');
  } catch {
    return '';
  }
}

// Reads every chosen file first, then hands them over together: one batch, one import report.
// request: the id C++ gave the file chooser (0 for files dropped on the page).
async function readFiles(files, request) {
  const loaded = await Promise.all(files.map(async (f) => {
    if (f.size > MAX_FILE_BYTES) return { f, big: true };
    const bytes = new Uint8Array(await f.arrayBuffer());
    return { f, bytes, digest: await digestOf(bytes) };
  }));
  for (const { f, big, bytes, digest } of loaded) {
    if (big) postEvent(EVENT.FileTooLarge, f.name, null, false, f.size, 0, 0, request);
    else postEvent(EVENT.FileOpened, f.name, bytes, true, f.size, 0, 0, request, digest);
  }
}

export function openFiles(accept, multiple, request) {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = accept;
  input.multiple = multiple;
  input.onchange = () => readFiles(Array.from(input.files || []), request);
  input.click();
}

// A file from a web address (platform::FetchFile). No-cache: a coordinator who re-publishes a
// package under the same address is read anew (once installed, it stays on the device offline).
export async function fetchFile(url, request) {
  let status = 0;
  try {
    const res = await fetch(url, { cache: 'no-cache' });
    status = res.status;
    if (res.ok) {
      const bytes = new Uint8Array(await res.arrayBuffer());
      if (bytes.length > MAX_FILE_BYTES) return postEvent(EVENT.FileTooLarge, url, null, false, bytes.length, 0, 0, request);
      const name = decodeURIComponent(new URL(res.url || url, location.href).pathname.split('/').pop() || 'download');
      return postEvent(EVENT.FileOpened, name, bytes, true, bytes.length, 0, 0, request, await digestOf(bytes));
    }
  } catch (e) {
    status = 0;
  }
  postEvent(EVENT.FetchFailed, url, null, false, status, 0, 0, request);
}

// Files dropped anywhere on the page go to the screen they land on (request 0).
export function installDrop() {
  document.addEventListener('dragover', (e) => { e.preventDefault(); document.body.classList.add('dropping'); });
  document.addEventListener('dragleave', () => document.body.classList.remove('dropping'));
  document.addEventListener('drop', (e) => {
    e.preventDefault();
    document.body.classList.remove('dropping');
    readFiles(Array.from((e.dataTransfer && e.dataTransfer.files) || []), 0);
  });
}
