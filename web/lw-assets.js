// lw-assets.js — what the core asks the browser to fetch or decode: CJK font shards (fetched on
// demand; the service worker keeps them for offline use) and photos (decoded and scaled by the
// browser's own image decoders).
import { postEvent } from './lw-bridge.js';

const EVENT = LWContract.EVENT;

export async function fetchFontShard(file) {
  try {
    const r = await fetch('fonts/' + file);
    if (!r.ok) throw new Error(r.status);
    postEvent(EVENT.FontShard, file, new Uint8Array(await r.arrayBuffer()), true, 0);
  } catch (e) {
    postEvent(EVENT.FontShard, file, null, false, 0);
  }
}

export async function decodeImage(key, bytes, maxPx) {
  try {
    const bmp = await createImageBitmap(new Blob([bytes]));
    const k = Math.min(1, maxPx / Math.max(bmp.width, bmp.height));
    const w = Math.max(1, Math.round(bmp.width * k));
    const h = Math.max(1, Math.round(bmp.height * k));
    const canvas = new OffscreenCanvas(w, h);
    const g = canvas.getContext('2d');
    g.imageSmoothingQuality = 'high';
    g.drawImage(bmp, 0, 0, w, h);
    const rgba = new Uint8Array(g.getImageData(0, 0, w, h).data.buffer);
    postEvent(EVENT.ImageDecoded, key, rgba, true, 0, w, h);
  } catch (e) {
    postEvent(EVENT.ImageDecoded, key, null, false, 0);
  }
}
