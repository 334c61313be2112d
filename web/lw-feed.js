// lw-feed.js — the live feed of the map: a bundle URL polled while online.
import { postEvent } from './lw-bridge.js';

const EVENT = LWContract.EVENT;

// The live feed: polled every 15 s while online; only content that changed is handed over
// (the importer would ignore a repeat anyway, by its SHA-256).
let feedTimer = 0;
let feedLast = '';
export function setFeed(url) {
  clearInterval(feedTimer);
  feedLast = '';
  if (!url) return;
  const poll = async () => {
    if (!navigator.onLine) return;
    try {
      const r = await fetch(url, { cache: 'no-store' });
      if (!r.ok) return;
      const bytes = new Uint8Array(await r.arrayBuffer());
      const key = bytes.length + ':' + bytes.slice(0, 64).join(',') + bytes.slice(-64).join(',');
      if (key === feedLast) return;
      feedLast = key;
      postEvent(EVENT.FeedBundle, url, bytes, true, bytes.length);
    } catch (e) { /* offline or unreachable: try again later */ }
  };
  poll();
  feedTimer = setInterval(poll, 15000);
}
