/**
 * Private keys at rest: sealed with AES-256-GCM under one master key, so a database dump alone reveals no signing
 * key. The master key comes from `MASTER_KEY` (64 hex characters, or base64 of 32 bytes) or, when unset, from
 * `${DATA_DIR}/keys/master.key` (32 random bytes made on first use, mode 0600). Sealed values are
 * `v1.<iv>.<tag>.<ciphertext>` (base64url), with a random 96-bit IV each. See docs/adr/0009-license-keys.md.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export type KeyVault = {
  seal(plain: Uint8Array | string): string;
  open(sealed: string): Buffer;
  /** A secret for one purpose derived from the master key (HKDF-SHA256, RFC 5869, `label` as info): same on every instance, never stored. */
  derive(label: string): Buffer;
};

const B64URL = /^[A-Za-z0-9_-]*$/;

export function createKeyVault(key: Buffer): KeyVault {
  if (key.length !== 32) throw new Error(`The master key must be 32 bytes, got ${key.length}`);
  const master = Buffer.from(key);
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', master, iv);
      const ct = Buffer.concat([cipher.update(typeof plain === 'string' ? Buffer.from(plain, 'utf8') : plain), cipher.final()]);
      return ['v1', iv, cipher.getAuthTag(), ct].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
    },
    open(sealed) {
      const parts = sealed.split('.');
      if (parts.length !== 4 || parts[0] !== 'v1' || !parts.every((p) => B64URL.test(p))) {
        throw new Error('Sealed value is not in the v1.<iv>.<tag>.<ciphertext> format');
      }
      const [iv, tag, ct] = parts.slice(1).map((p) => Buffer.from(p, 'base64url')) as [Buffer, Buffer, Buffer];
      if (iv.length !== 12 || tag.length !== 16) throw new Error('Sealed value has a malformed IV or tag');
      try {
        const decipher = createDecipheriv('aes-256-gcm', master, iv);
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(ct), decipher.final()]);
      } catch {
        throw new Error('Sealed value cannot be opened: wrong master key, or the value was altered');
      }
    },
    derive(label) {
      return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `tongban:${label}`, 32));
    },
  };
}

/** Parse MASTER_KEY: 64 hex characters, or base64 (standard or url-safe) of exactly 32 bytes. */
export function parseMasterKey(raw: string): Buffer {
  const s = raw.trim();
  if (/^[0-9a-fA-F]{64}$/.test(s)) return Buffer.from(s, 'hex');
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(s)) {
    const b = Buffer.from(s, 'base64');
    if (b.length === 32) return b;
    throw new Error(`MASTER_KEY must hold 32 bytes (64 hex characters or base64 of 32 bytes); it decodes to ${b.length} bytes`);
  }
  throw new Error('MASTER_KEY must be 64 hex characters or base64 of 32 bytes');
}

/** The vault of this installation: MASTER_KEY if set, else `${dataDir}/keys/master.key` (created on first use). */
export function keyVaultFromEnv(dataDir: string): KeyVault {
  const raw = process.env.MASTER_KEY;
  if (raw !== undefined && raw.trim() !== '') return createKeyVault(parseMasterKey(raw));
  const dir = path.join(dataDir, 'keys');
  const file = path.join(dir, 'master.key');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!fs.existsSync(file)) {
    // Written aside, then linked into place: another process never reads a half-written key, and the first
    // link wins (a later one fails with EEXIST and uses the winner's key).
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    fs.writeFileSync(tmp, randomBytes(32), { flag: 'wx', mode: 0o600 });
    try {
      fs.linkSync(tmp, file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  }
  const key = fs.readFileSync(file);
  if (key.length !== 32) throw new Error(`${file} must hold exactly 32 bytes, found ${key.length}; restore it from backup`);
  return createKeyVault(key);
}
