/**
 * Personal data never reaches the logs in full: resident ID numbers (GB 11643, 18 chars) and mainland mobile
 * numbers (11 digits starting with 1) are masked wherever they appear in a logged string (URLs, messages).
 */
const RESIDENT_ID = /(?<![0-9A-Za-z])(\d{6})\d{8}(\d{3}[0-9Xx])(?![0-9A-Za-z])/g;
const MOBILE = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;

export function maskPersonalData(s: string): string {
  return s.replace(RESIDENT_ID, '$1********$2').replace(MOBILE, '$1****$2');
}

/**
 * A person's name as lists and public pages show it: the first character kept (李明 → 李*, 欧阳小明 → 欧***).
 * Entity names are public and stay whole.
 */
export function maskPersonName(name: string, kind: 'person' | 'entity'): string {
  if (kind === 'entity' || name.length < 2) return name;
  return name[0] + '*'.repeat(Math.min(name.length - 1, 3));
}

/** One mobile number masked the same way (139****5678); anything else is returned unchanged. */
export function maskMobile(phone: string): string {
  return phone.replace(MOBILE, '$1****$2');
}
