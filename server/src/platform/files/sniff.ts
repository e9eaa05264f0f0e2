/**
 * What a file really is, read from its first bytes; the client's file name and MIME type are never trusted.
 * Only formats a government office can open and archive are accepted for materials.
 */
export type SniffedType = { mime: string; ext: string };

const SIGNATURES: Array<{ mime: string; ext: string; match: (b: Buffer) => boolean }> = [
  { mime: 'application/pdf', ext: 'pdf', match: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  { mime: 'image/png', ext: 'png', match: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { mime: 'image/jpeg', ext: 'jpg', match: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mime: 'image/webp', ext: 'webp', match: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
  // OFD (GB/T 33190, China's fixed-layout format), DOCX and XLSX are ZIP containers; told apart by content later.
  { mime: 'application/zip', ext: 'zip', match: (b) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04 },
];

export function sniff(head: Buffer): SniffedType | undefined {
  for (const s of SIGNATURES) if (s.match(head)) return { mime: s.mime, ext: s.ext };
  return undefined;
}

export const ACCEPTED_LABEL = 'PDF、JPG、PNG、WEBP、OFD/ZIP';
