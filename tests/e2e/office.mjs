// office.mjs — what the Word and 报送包 browser tests share: a real picture to attach, and
// LibreOffice run headless on a file we wrote.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

// A 150×200 portrait PNG (a grey figure on blue): a real picture LibreOffice has to draw.
export function portraitPng(w = 150, h = 200) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => { let c = 0xFFFFFFFF; for (const b of buf) c = crcTable[(c ^ b) & 0xFF] ^ (c >>> 8); return (c ^ 0xFFFFFFFF) >>> 0; };
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0); ihdr.writeUInt32BE(h, 4); ihdr[8] = 8; ihdr[9] = 2;  // 8-bit RGB
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const head = (x - w / 2) ** 2 + (y - h * 0.35) ** 2 < (w * 0.22) ** 2;
      const body = y > h * 0.6 && Math.abs(x - w / 2) < w * 0.35;
      const px = head || body ? [150, 150, 150] : [70, 130, 200];
      px.forEach((v, i) => { raw[y * (w * 3 + 1) + 1 + x * 3 + i] = v; });
    }
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

// LibreOffice with a profile of its own, so it never clashes with another soffice on the machine.
export function soffice(args) {
  const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'));
  try {
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', ...args], { timeout: 120000, stdio: 'pipe' });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
