// lw-signing.js — this device's ECDSA P-256 signing key and the signatures of exported bundles.
// Made once per browser profile with the private key non-extractable; the CryptoKey objects
// themselves are kept in IndexedDB (a structured clone stays usable and stays non-extractable),
// so only the public key ever leaves WebCrypto. Format of the signed file: core/signature.h.
import { bundleSigned, postEvent } from './lw-bridge.js';

const EVENT = LWContract.EVENT;
const KEY_DB = 'learnweek-keys';
let deviceKeyPromise = null;
const idbDone = (req) => new Promise((resolve, reject) => {
  req.onsuccess = () => resolve(req.result);
  req.onerror = () => reject(req.error);
});
async function loadOrMakeKey() {
  if (!window.crypto || !crypto.subtle || !window.indexedDB) return null;  // e.g. plain http: no WebCrypto
  const open = indexedDB.open(KEY_DB, 1);
  open.onupgradeneeded = () => open.result.createObjectStore('keys');
  const db = await idbDone(open);
  const get = () => idbDone(db.transaction('keys').objectStore('keys').get('device'));
  try {
    let pair = await get();
    if (!pair) {
      pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
      // add, not put: when two tabs start at once, the first key stored is the device's key.
      await idbDone(db.transaction('keys', 'readwrite').objectStore('keys').add(pair, 'device')).catch(() => {});
      pair = await get();
    }
    return pair;
  } finally {
    db.close();
  }
}
function deviceKey() {
  if (!deviceKeyPromise) {
    deviceKeyPromise = loadOrMakeKey().catch((e) => { console.error('[host] signing key unavailable', e); return null; });
  }
  return deviceKeyPromise;
}
const publicKeyOf = async (pair) => new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
export async function announceKey() {
  const pair = await deviceKey();
  if (pair) postEvent(EVENT.SigningKey, '', await publicKeyOf(pair), true, 0);
}
// bytes: the canonical bundle. Only the signature is made here; the core writes the signed
// file (core/signature.h) and downloads it: one writer of that format.
export async function signBundle(request, bytes) {
  const pair = await deviceKey();
  let out = new Uint8Array(0);
  if (pair) {
    const value = new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, bytes));
    const key = await publicKeyOf(pair);
    out = new Uint8Array(key.length + value.length);
    out.set(key);
    out.set(value, key.length);
  }
  bundleSigned(request, out);
}
