/**
 * SM2 signatures and SM3 digests for sealing electronic licenses.
 *
 * Standards: GB/T 32918.2-2016 SM2 椭圆曲线公钥密码算法 第2部分：数字签名算法; GB/T 32905-2016 SM3 密码杂凑算法;
 * GM/T 0009-2012 SM2 密码算法使用规范 (§10: the default user ID `1234567812345678` that enters the Z digest when
 * the parties agree on no other). Signatures are DER `SEQUENCE { r INTEGER, s INTEGER }` (GM/T 0009 §7.3) over
 * SM3(Z ‖ M), so `openssl pkeyutl -verify -rawin -digest sm3 -pkeyopt distid:1234567812345678` checks them.
 *
 * Node's crypto hashes SM3 but cannot make standard SM2 signatures (no way to set the user ID of the Z digest; its
 * SM2 signatures do not verify, ADR 0009), so the arithmetic is done by sm-crypto-v2 (on @noble/curves). This file
 * is the only place that touches that library.
 */
import { createHash } from 'node:crypto';

/** GM/T 0009-2012 default signer ID, used in the Z digest. */
export const SM2_DEFAULT_USER_ID = '1234567812345678';

/** SubjectPublicKeyInfo DER prefix for an SM2 key: id-ecPublicKey (1.2.840.10045.2.1), curve SM2 (1.2.156.10197.1.301). */
const SPKI_PREFIX = Buffer.from('3059301306072a8648ce3d020106082a811ccf5501822d034200', 'hex');
const PUBLIC_HEX = /^04[0-9a-f]{128}$/i;
const PRIVATE_HEX = /^[0-9a-f]{64}$/i;

export type Sm2 = {
  /** A new key pair: public key uncompressed (04‖x‖y, 130 hex), private key 64 hex. */
  generateKeyPair(): { publicKeyHex: string; privateKeyHex: string };
  /**
   * DER signature of `data` (SM3 with the Z digest of the default user ID). Pass the key's public key when it is at
   * hand: the Z digest needs it, and deriving it from the private key costs a point multiplication — about as much
   * as the signature itself (bulk sealing signs ~1.8× faster with it).
   */
  sign(data: Uint8Array, privateKeyHex: string, publicKeyHex?: string): Buffer;
  /** True when `derSignature` is a valid signature of `data` by `publicKeyHex`; false (never throws) otherwise. */
  verify(data: Uint8Array, derSignature: Uint8Array, publicKeyHex: string): boolean;
};

let loaded: Promise<Sm2> | undefined;

/**
 * The SM2/SM3 functions. The library is imported on first use, like pdfkit (ADR 0007): a server that never seals
 * or verifies a license does not keep it resident.
 */
export function loadSm2(): Promise<Sm2> {
  return (loaded ??= import('sm-crypto-v2').then(({ sm2 }) => ({
    generateKeyPair() {
      const { publicKey, privateKey } = sm2.generateKeyPairHex();
      return { publicKeyHex: publicKey, privateKeyHex: privateKey };
    },
    sign(data, privateKeyHex, publicKeyHex) {
      if (!PRIVATE_HEX.test(privateKeyHex)) throw new RangeError('SM2 private key must be 64 hex characters');
      const publicKey = publicKeyHex && PUBLIC_HEX.test(publicKeyHex) ? { publicKey: publicKeyHex } : {};
      return Buffer.from(sm2.doSignature(data, privateKeyHex, { hash: true, der: true, userId: SM2_DEFAULT_USER_ID, ...publicKey }), 'hex');
    },
    verify(data, derSignature, publicKeyHex) {
      if (!PUBLIC_HEX.test(publicKeyHex) || derSignature.length === 0) return false;
      try {
        return sm2.doVerifySignature(data, Buffer.from(derSignature).toString('hex'), publicKeyHex, { hash: true, der: true, userId: SM2_DEFAULT_USER_ID });
      } catch {
        return false;
      }
    },
  })));
}

/** The public key as an X.509 SubjectPublicKeyInfo PEM, as `openssl pkey -pubin` reads it. */
export function sm2PublicKeyPem(publicKeyHex: string): string {
  if (!PUBLIC_HEX.test(publicKeyHex)) throw new RangeError('SM2 public key must be 130 hex characters starting with 04 (uncompressed point)');
  const b64 = Buffer.concat([SPKI_PREFIX, Buffer.from(publicKeyHex, 'hex')]).toString('base64');
  return `-----BEGIN PUBLIC KEY-----\n${b64.match(/.{1,64}/g)!.join('\n')}\n-----END PUBLIC KEY-----\n`;
}

/** SM3 digest (GB/T 32905), lower-case hex: Node's OpenSSL has SM3, so no library is needed. */
export function sm3Hex(data: Uint8Array): string {
  return createHash('sm3').update(data).digest('hex');
}
