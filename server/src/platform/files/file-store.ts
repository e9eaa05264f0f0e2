/**
 * Where file bytes live. Content-addressed by SHA-256: the same bytes are stored once however often uploaded.
 * Local disk by default; an S3-compatible implementation plugs in behind the same interface.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';

export type FileStore = {
  put(bytes: Buffer): Promise<{ sha256: string; size: number }>;
  open(sha256: string): Readable;
  exists(sha256: string): Promise<boolean>;
};

export function localFileStore(root: string): FileStore {
  const pathOf = (sha: string) => {
    if (!/^[0-9a-f]{64}$/.test(sha)) throw new Error('bad content address');
    return path.join(root, sha.slice(0, 2), sha.slice(2, 4), sha);
  };
  return {
    async put(bytes) {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const target = pathOf(sha256);
      if (!fs.existsSync(target)) {
        await fs.promises.mkdir(path.dirname(target), { recursive: true });
        const tmp = `${target}.${process.pid}.${Date.now()}.tmp`;
        await fs.promises.writeFile(tmp, bytes);
        await fs.promises.rename(tmp, target);
      }
      return { sha256, size: bytes.length };
    },
    open(sha256) {
      return fs.createReadStream(pathOf(sha256));
    },
    async exists(sha256) {
      return fs.existsSync(pathOf(sha256));
    },
  };
}
