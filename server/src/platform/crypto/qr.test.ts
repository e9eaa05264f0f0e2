import { describe, expect, it } from 'vitest';
import { qrPng, qrSvg } from './qr.ts';

const url = 'https://tongban.example/v/8f3a9c2e7b1d4f60a5e3c9b2d1f07a64';

describe('QR codes', () => {
  it('renders an SVG whose size grows with the content', async () => {
    const svg = await qrSvg(url);
    expect(svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    const modules = (s: string) => Number(/viewBox="0 0 (\d+) \1"/.exec(s)![1]);
    // 58 bytes at level M need version 4 (33 modules, up to 62 bytes) + 2 margin modules; more needs a bigger symbol.
    expect(modules(svg)).toBe(35);
    expect(modules(await qrSvg(url.repeat(4)))).toBeGreaterThan(35);
  });

  it('renders a PNG of 4 pixels per module', async () => {
    const png = await qrPng(url);
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    // IHDR width and height (bytes 16–23): 35 modules × 4 pixels.
    expect(png.readUInt32BE(16)).toBe(140);
    expect(png.readUInt32BE(20)).toBe(140);
  });
});
