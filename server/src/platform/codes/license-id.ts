/**
 * Electronic license identifier (电子证照标识).
 *
 * Standard: GB/T 36904-2018 电子证照 标识规范. An identifier hangs under the national OID arc for electronic
 * licenses, `1.2.156.3005.2`, followed by five dot-separated parts:
 *   type code     证照类型代码: the defining authority's unified social credit code (18, GB 32100) + a 3-digit
 *                 sequence from the national license catalog — 21 characters
 *   issuer code   证照颁发机构代码: the issuing authority's unified social credit code (18)
 *   serial        流水号: 1–32 characters 0–9 A–Z, assigned by the issuer
 *   version       版本号: 001–999, incremented on each re-issue
 *   check         校验位: one character, ISO/IEC 7064 MOD 37,36 over type code + issuer code + serial + version
 *                 concatenated (without dots)
 *
 * ISO/IEC 7064:2003 MOD 37,36 is a hybrid system (M = 36, M+1 = 37, alphabet 0–9 A–Z valued 0–35):
 *   P₁ = M; for each character aⱼ: Sⱼ = (Pⱼ + aⱼ) mod‖ M (a remainder of 0 is written M),
 *   Pⱼ₊₁ = 2·Sⱼ mod (M+1). The check character c makes (Pₙ₊₁ + c) mod M = 1, i.e. c = (M + 1 − Pₙ₊₁) mod M.
 * Every step is a permutation of the states 1..M, so any single-character substitution changes the check character.
 * Adjacent transpositions are detected unless the two characters are neighbours in the alphabet (values differing
 * by 1 modulo 36, e.g. 'H'↔'I' or '0'↔'Z'), which escape in exactly one of the 36 running states
 * (see license-id.test.ts, which checks both statements exhaustively).
 */

import { isValidCreditCode } from './credit-code.ts';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const M = 36;

/** OID arc of electronic licenses (GB/T 36904-2018). */
export const LICENSE_ID_ROOT = '1.2.156.3005.2';

function runningState(s: string): number {
  let p = M;
  for (const ch of s) {
    const a = ALPHABET.indexOf(ch);
    if (a < 0) throw new RangeError(`character ${JSON.stringify(ch)} is not in the ISO/IEC 7064 MOD 37,36 alphabet 0-9A-Z`);
    const sum = (p + a) % M || M;
    p = (sum * 2) % (M + 1);
  }
  return p;
}

/** ISO/IEC 7064 MOD 37,36 check character of `s` (upper-case 0–9 A–Z only; RangeError otherwise). */
export function mod37_36Check(s: string): string {
  return ALPHABET[(M + 1 - runningState(s)) % M]!;
}

/** True when the last character of `sWithCheck` is the MOD 37,36 check character of the rest. */
export function isValidMod37_36(sWithCheck: string): boolean {
  if (!/^[0-9A-Z]+$/.test(sWithCheck)) return false;
  return mod37_36Check(sWithCheck.slice(0, -1)) === sWithCheck.slice(-1);
}

/** A license type code: the defining authority's credit code (valid check characters) + 3 digits. */
export function isValidLicenseTypeCode(code: string): boolean {
  return code.length === 21 && /^\d{3}$/.test(code.slice(18)) && isValidCreditCode(code.slice(0, 18));
}

export type LicenseIdentifierParts = { typeCode: string; issuerCode: string; serial: string; version: number };

const SERIAL = /^[0-9A-Z]{1,32}$/;

function checkOf(p: LicenseIdentifierParts): string {
  return mod37_36Check(`${p.typeCode}${p.issuerCode}${p.serial}${String(p.version).padStart(3, '0')}`);
}

/** The GB/T 36904 identifier for the parts. Throws RangeError naming the first bad part. */
export function formatLicenseIdentifier(p: LicenseIdentifierParts): string {
  if (!isValidLicenseTypeCode(p.typeCode)) {
    throw new RangeError(`license type code ${JSON.stringify(p.typeCode)} must be a valid 18-character credit code followed by 3 digits`);
  }
  if (!isValidCreditCode(p.issuerCode)) throw new RangeError(`issuer code ${JSON.stringify(p.issuerCode)} is not a valid unified social credit code`);
  if (!SERIAL.test(p.serial)) throw new RangeError(`serial ${JSON.stringify(p.serial)} must be 1 to 32 characters 0-9 A-Z`);
  if (!Number.isInteger(p.version) || p.version < 1 || p.version > 999) throw new RangeError(`version ${p.version} must be an integer from 1 to 999`);
  const version3 = String(p.version).padStart(3, '0');
  return `${LICENSE_ID_ROOT}.${p.typeCode}.${p.issuerCode}.${p.serial}.${version3}.${checkOf(p)}`;
}

const SHAPE = /^1\.2\.156\.3005\.2\.([0-9A-Z]{21})\.([0-9A-Z]{18})\.([0-9A-Z]{1,32})\.(\d{3})\.([0-9A-Z])$/;

/** Split an identifier into its parts; null when the shape is wrong (check characters are not verified here). */
export function parseLicenseIdentifier(s: string): (LicenseIdentifierParts & { check: string }) | null {
  const m = SHAPE.exec(s);
  if (!m) return null;
  const version = Number(m[4]);
  if (version < 1) return null;
  return { typeCode: m[1]!, issuerCode: m[2]!, serial: m[3]!, version, check: m[5]! };
}

/** Shape, MOD 37,36 check character, and the check characters of both embedded credit codes. */
export function isValidLicenseIdentifier(s: string): boolean {
  const p = parseLicenseIdentifier(s);
  return p !== null && isValidLicenseTypeCode(p.typeCode) && isValidCreditCode(p.issuerCode) && checkOf(p) === p.check;
}
