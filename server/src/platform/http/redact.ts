/**
 * Personal data never reaches the logs in full: resident ID numbers (GB 11643, 18 chars) and mainland mobile
 * numbers (11 digits starting with 1) are masked wherever they appear in a logged string (URLs, messages).
 */
const RESIDENT_ID = /(?<![0-9A-Za-z])(\d{6})\d{8}(\d{3}[0-9Xx])(?![0-9A-Za-z])/g;
const MOBILE = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;

export function maskPersonalData(s: string): string {
  return s.replace(RESIDENT_ID, '$1********$2').replace(MOBILE, '$1****$2');
}

/** One mobile number masked the same way (139****5678); anything else is returned unchanged. */
export function maskMobile(phone: string): string {
  return phone.replace(MOBILE, '$1****$2');
}
