// signing.test.mjs — issue 11: signed bundles in the browser. A unit's browser makes its key
// (WebCrypto, IndexedDB), shows the fingerprint on 单位信息 and signs its export; the signature
// verifies over the file without it. In a coordinator's fresh profile the bundle imports with the
// same fingerprint beside it and pins the unit's key; the same content re-signed under another
// key, or sent unsigned, raises a warning; a byte changed after signing is refused.
import assert from 'node:assert/strict';
import { createHash, webcrypto } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  choose, click, findItem, imeInto, importBundleFile, launch, newDraft, openApp, reveal, serve, shot, waitForState, NAV, field, key,
} from './harness.mjs';

let browser;
let server;
const work = mkdtempSync(join(tmpdir(), 'lw-sign-'));
before(async () => { browser = await launch(); server = await serve(); });
after(async () => { await browser?.close(); await server?.close(); });

const fingerprint = (raw) => createHash('sha256').update(raw).digest('hex').slice(0, 16).toUpperCase().match(/.{4}/g).join('-');
const MARK = ',"signature":';

// The signed file's parts (README: bundle format): the canonical bytes and the signature.
function split(text) {
  const at = text.lastIndexOf(MARK);
  return { canonical: text.slice(0, at) + '}\n', signature: JSON.parse(text.slice(at + MARK.length, -2)) };
}
async function signWith(keys, canonical) {
  const value = new Uint8Array(await webcrypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, keys.privateKey, Buffer.from(canonical)));
  const raw = new Uint8Array(await webcrypto.subtle.exportKey('raw', keys.publicKey));
  const member = JSON.stringify({ algorithm: 'ECDSA-P256-SHA256', publicKey: Buffer.from(raw).toString('base64'),
                                  value: Buffer.from(value).toString('base64') });
  return canonical.slice(0, -2) + MARK + member + '}\n';
}
const importFile = (page, name, text) => importBundleFile(page, work, name, text);

test('a unit signs its export; the desk shows and pins its key, warns on another key or none, refuses a changed byte', async () => {
  // The unit.
  const unit = await browser.newContext({ viewport: { width: 1500, height: 1000 }, acceptDownloads: true });
  const a = await openApp(unit, server.url);
  await click(a, NAV.profile);
  await imeInto(a, field('unit'), '包头市教育局');
  await choose(a, '所在地区·省', '内蒙古自治区');
  await choose(a, '所在地区·市', '包头市');
  const shown = (await reveal(a, /^本机签名密钥指纹：/)).label.split('：')[1];
  assert.match(shown, /^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
  await shot(a, 'signing-profile.png');
  await newDraft(a, '“百姓学习之星”推荐表');
  await imeInto(a, '姓名', '张喆');
  await waitForState(a, (s) => s.drafts[0]?.values.name === '张喆');
  await click(a, NAV.desk, { up: true });
  await click(a, key('export.bundle'));
  await click(a, key('export.send_errors'));
  const pending = a.waitForEvent('download');
  await click(a, key('export.confirm'));
  const d = await pending;
  const path = join(work, d.suggestedFilename());
  await d.saveAs(path);
  const text = readFileSync(path, 'utf8');
  const { canonical, signature } = split(text);
  const raw = Buffer.from(signature.publicKey, 'base64');
  assert.equal(fingerprint(raw), shown, 'the key shown on 单位信息 signed the file');
  const publicKey = await webcrypto.subtle.importKey('raw', raw, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
  assert.ok(await webcrypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, publicKey, Buffer.from(signature.value, 'base64'),
                                          Buffer.from(canonical)), 'the signature verifies over the file without it');
  // The private key cannot be read out of the browser.
  const extractable = await a.evaluate(() => new Promise((resolve) => {
    const open = indexedDB.open('learnweek-keys');
    open.onsuccess = () => {
      const get = open.result.transaction('keys').objectStore('keys').get('device');
      get.onsuccess = () => resolve(get.result.privateKey.extractable);
    };
  }));
  assert.equal(extractable, false);
  await unit.close();

  // The coordinator, in another browser profile.
  const desk = await browser.newContext({ viewport: { width: 1500, height: 1000 } });
  const b = await openApp(desk, server.url);
  await click(b, NAV.desk);
  await importFile(b, d.suggestedFilename(), text);
  await findItem(b, `${d.suggestedFilename()}：新增 1 条`);
  await reveal(b, `指纹 ${shown}`);   // beside the imported bundle

  // A byte changed after signing: refused.
  await importFile(b, '改过的.json', text.replace('张喆', '李四'));
  await findItem(b, '改过的.json：已拒绝：数据包在签名后被改动过（签名不符），已拒绝', { timeout: 8000 });
  // The same content re-signed under another key: imported with a warning.
  const other = await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  await importFile(b, '另一把密钥.json', await signWith(other, canonical));
  await findItem(b, '另一把密钥.json：无变化 1 条');
  await findItem(b, new RegExp(`^警告：签名密钥与 包头市教育局 以前使用的不同（以前 ${shown}，这次 `));
  await shot(b, 'signing-other-key.png');
  // Unsigned: a warning too.
  await importFile(b, '未签名.json', canonical);
  await findItem(b, /^警告：包头市教育局 以前的数据包都有签名/);
  await desk.close();
});
