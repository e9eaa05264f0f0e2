import { describe, expect, it } from 'vitest';
import { maskPersonalData } from './redact.ts';

describe('maskPersonalData', () => {
  it('masks resident ID numbers and mobile numbers inside URLs', () => {
    const url = '/api/v1/x?id=32120219900307123X&phone=13912345678&n=12';
    const masked = maskPersonalData(url);
    expect(masked).toBe('/api/v1/x?id=321202********123X&phone=139****5678&n=12');
    expect(masked).not.toContain('19900307');
  });
  it('leaves ordinary numbers alone', () => {
    expect(maskPersonalData('/api/v1/cases?page=2&pageSize=20')).toBe('/api/v1/cases?page=2&pageSize=20');
  });
});
