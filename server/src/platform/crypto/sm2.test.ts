import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSm2, sm2PublicKeyPem, sm3Hex, SM2_DEFAULT_USER_ID } from './sm2.ts';

const { generateKeyPair: generateSm2KeyPair, sign: sm2Sign, verify: sm2Verify } = await loadSm2();

const data = Buffer.from('{"license":"1.2.156.3005.2","holder":"张三"}', 'utf8');
const flip = (b: Uint8Array, i: number) => {
  const c = Buffer.from(b);
  c[i]! ^= 0x01;
  return c;
};

describe('SM3 (GB/T 32905-2016)', () => {
  it('reproduces the standard example digests', () => {
    // GB/T 32905-2016 appendix A: "abc" and "abcd" × 16.
    expect(sm3Hex(Buffer.from('abc'))).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(sm3Hex(Buffer.from('abcd'.repeat(16)))).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
  });
});

describe('SM2 signatures', () => {
  const keys = generateSm2KeyPair();

  it('generates uncompressed public keys and 32-byte private keys', () => {
    expect(keys.publicKeyHex).toMatch(/^04[0-9a-f]{128}$/);
    expect(keys.privateKeyHex).toMatch(/^[0-9a-f]{64}$/);
    expect(generateSm2KeyPair().privateKeyHex).not.toBe(keys.privateKeyHex);
  });

  it('signs and verifies; a flipped byte of data or signature, or another key, fails', () => {
    const sig = sm2Sign(data, keys.privateKeyHex);
    expect(sig[0]).toBe(0x30); // DER SEQUENCE
    expect(sm2Verify(data, sig, keys.publicKeyHex)).toBe(true);
    for (const i of [0, 10, data.length - 1]) expect(sm2Verify(flip(data, i), sig, keys.publicKeyHex)).toBe(false);
    for (const i of [8, sig.length - 1]) expect(sm2Verify(data, flip(sig, i), keys.publicKeyHex)).toBe(false);
    expect(sm2Verify(data, sig, generateSm2KeyPair().publicKeyHex)).toBe(false);
  });

  it('never throws on garbage', () => {
    const sig = sm2Sign(data, keys.privateKeyHex);
    expect(sm2Verify(data, new Uint8Array(), keys.publicKeyHex)).toBe(false);
    expect(sm2Verify(data, Buffer.from('not a signature'), keys.publicKeyHex)).toBe(false);
    expect(sm2Verify(data, sig.subarray(0, 20), keys.publicKeyHex)).toBe(false);
    expect(sm2Verify(data, sig, '04abc')).toBe(false);
    expect(sm2Verify(data, sig, `04${'11'.repeat(64)}`)).toBe(false); // not a point on the curve
    expect(sm2Verify(data, sig, '')).toBe(false);
    expect(() => sm2Sign(data, 'xyz')).toThrow(RangeError);
  });

  it('writes the public key as SubjectPublicKeyInfo PEM', () => {
    const pem = sm2PublicKeyPem(keys.publicKeyHex);
    expect(pem).toMatch(/^-----BEGIN PUBLIC KEY-----\n[A-Za-z0-9+/=\n]+\n-----END PUBLIC KEY-----\n$/);
    const der = Buffer.from(pem.replace(/-----[A-Z ]+-----|\n/g, ''), 'base64');
    expect(der.subarray(-65).toString('hex')).toBe(keys.publicKeyHex);
    expect(() => sm2PublicKeyPem('04')).toThrow(RangeError);
  });
});

const hasOpenssl = spawnSync('openssl', ['version']).status === 0;
if (!hasOpenssl) console.warn('sm2.test.ts: `openssl` is not on PATH — the OpenSSL interoperability tests are skipped');

describe.skipIf(!hasOpenssl)('SM2 interoperability with the openssl CLI', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-sm2-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, content?: string | Uint8Array) => {
    const p = path.join(dir, name);
    if (content !== undefined) fs.writeFileSync(p, content);
    return p;
  };
  const opensslVerify = (dataFile: string, sigFile: string, pemFile: string) =>
    spawnSync('openssl', ['pkeyutl', '-verify', '-in', dataFile, '-rawin', '-digest', 'sm3', '-pubin', '-inkey', pemFile, '-sigfile', sigFile, '-pkeyopt', `distid:${SM2_DEFAULT_USER_ID}`], { encoding: 'utf8' });

  it('openssl verifies our signature and rejects a tampered file', () => {
    const keys = generateSm2KeyPair();
    const pem = file('pub.pem', sm2PublicKeyPem(keys.publicKeyHex));
    const sig = file('sig.der', sm2Sign(data, keys.privateKeyHex));
    const ok = opensslVerify(file('data.bin', data), sig, pem);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('Signature Verified Successfully');
    const bad = opensslVerify(file('tampered.bin', flip(data, 5)), sig, pem);
    expect(bad.status).not.toBe(0);
    expect(bad.stdout).not.toContain('Signature Verified Successfully');
  });

  it('we verify a signature made by openssl', () => {
    const key = file('key.pem');
    execFileSync('openssl', ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:SM2', '-out', key]);
    const pubDer = execFileSync('openssl', ['pkey', '-in', key, '-pubout', '-outform', 'DER']);
    const publicKeyHex = pubDer.subarray(-65).toString('hex');
    const sigFile = file('openssl-sig.der');
    execFileSync('openssl', ['pkeyutl', '-sign', '-in', file('data2.bin', data), '-rawin', '-digest', 'sm3', '-inkey', key, '-out', sigFile, '-pkeyopt', `distid:${SM2_DEFAULT_USER_ID}`]);
    const sig = fs.readFileSync(sigFile);
    expect(sm2Verify(data, sig, publicKeyHex)).toBe(true);
    expect(sm2Verify(flip(data, 0), sig, publicKeyHex)).toBe(false);
  });
});
