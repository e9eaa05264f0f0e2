import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createKeyVault, keyVaultFromEnv, parseMasterKey } from './vault.ts';

describe('createKeyVault (AES-256-GCM)', () => {
  const vault = createKeyVault(randomBytes(32));

  it('seals and opens strings and bytes; each seal uses a fresh IV', () => {
    const a = vault.seal('私钥 secret');
    const b = vault.seal('私钥 secret');
    expect(a).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('secret');
    expect(vault.open(a).toString('utf8')).toBe('私钥 secret');
    const bytes = randomBytes(100);
    expect(vault.open(vault.seal(bytes)).equals(bytes)).toBe(true);
    expect(vault.open(vault.seal('')).length).toBe(0);
  });

  it('refuses a wrong key or any altered part with a clear error', () => {
    const sealed = vault.seal('secret');
    expect(() => createKeyVault(randomBytes(32)).open(sealed)).toThrow(/wrong master key, or the value was altered/);
    const [v, iv, tag, ct] = sealed.split('.') as [string, string, string, string];
    const alter = (s: string) => (s[0] === 'A' ? 'B' : 'A') + s.slice(1);
    for (const bad of [[v, alter(iv), tag, ct], [v, iv, alter(tag), ct], [v, iv, tag, alter(ct)]]) {
      expect(() => vault.open(bad.join('.'))).toThrow(/cannot be opened/);
    }
    expect(() => vault.open('v2.a.b.c')).toThrow(/format/);
    expect(() => vault.open('garbage')).toThrow(/format/);
    expect(() => vault.open(`${v}.${iv}.${tag.slice(2)}.${ct}`)).toThrow(/malformed/);
  });

  it('needs a 32-byte key', () => {
    expect(() => createKeyVault(randomBytes(16))).toThrow(/32 bytes/);
  });
});

describe('parseMasterKey', () => {
  it('reads 64 hex characters or base64 of 32 bytes', () => {
    const key = randomBytes(32);
    expect(parseMasterKey(key.toString('hex')).equals(key)).toBe(true);
    expect(parseMasterKey(key.toString('base64')).equals(key)).toBe(true);
    expect(parseMasterKey(key.toString('base64url')).equals(key)).toBe(true);
  });
  it('rejects other lengths and shapes clearly', () => {
    expect(() => parseMasterKey('ab'.repeat(31))).toThrow(/decodes to/);
    expect(() => parseMasterKey(randomBytes(16).toString('base64'))).toThrow(/decodes to 16 bytes/);
    expect(() => parseMasterKey('not a key!')).toThrow(/64 hex characters or base64/);
  });
});

describe('keyVaultFromEnv', () => {
  const saved = process.env.MASTER_KEY;
  const dirs: string[] = [];
  const tmp = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-vault-'));
    dirs.push(d);
    return d;
  };
  afterEach(() => {
    process.env.MASTER_KEY = saved;
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it('test workers share the MASTER_KEY set in global setup', () => {
    expect(saved).toBeTruthy();
    expect(parseMasterKey(saved!).length).toBe(32);
  });

  it('uses MASTER_KEY when set, and writes no key file', () => {
    const key = randomBytes(32);
    process.env.MASTER_KEY = key.toString('hex');
    const dir = tmp();
    const sealed = keyVaultFromEnv(dir).seal('x');
    expect(createKeyVault(key).open(sealed).toString()).toBe('x');
    expect(fs.existsSync(path.join(dir, 'keys'))).toBe(false);
    process.env.MASTER_KEY = 'short';
    expect(() => keyVaultFromEnv(dir)).toThrow(/MASTER_KEY/);
  });

  it('otherwise creates data/keys/master.key once (0600 in a 0700 directory) and reuses it', () => {
    delete process.env.MASTER_KEY;
    const dir = tmp();
    const sealed = keyVaultFromEnv(dir).seal('kept across restarts');
    const file = path.join(dir, 'keys', 'master.key');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    expect(fs.readFileSync(file).length).toBe(32);
    expect(keyVaultFromEnv(dir).open(sealed).toString()).toBe('kept across restarts');
    expect(fs.readdirSync(path.dirname(file))).toEqual(['master.key']);
  });

  it('refuses a key file of the wrong size', () => {
    delete process.env.MASTER_KEY;
    const dir = tmp();
    fs.mkdirSync(path.join(dir, 'keys'));
    fs.writeFileSync(path.join(dir, 'keys', 'master.key'), 'short');
    expect(() => keyVaultFromEnv(dir)).toThrow(/exactly 32 bytes/);
  });
});
