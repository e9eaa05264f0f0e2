import { randomFillSync } from 'node:crypto';
import { v7 } from 'uuid';

// Random bytes drawn 4 KB at a time: uuid's default draws 16 bytes through WebCrypto for every id, which cost ~4 %
// of a submission's CPU (three ids each).
const POOL = Buffer.alloc(4096);
let offset = POOL.length;
function random16(): Uint8Array {
  if (offset + 16 > POOL.length) {
    randomFillSync(POOL);
    offset = 0;
  }
  return POOL.subarray(offset, (offset += 16));
}

let lastMs = -Infinity;
let seq = 0;

/**
 * Primary keys are UUIDv7 (RFC 9562 §5.7): a 48-bit millisecond timestamp, then a 31-bit counter seeded at random
 * each millisecond (§6.2, method 1), then random bits — time-ordered, so inserts stay local in B-tree indexes, and
 * ids made in one process are increasing (what uuid's own v7 does, with the random bytes from the pool).
 */
export function newId(): string {
  const random = random16();
  const now = Date.now();
  if (now > lastMs) {
    lastMs = now;
    seq = ((random[6]! & 0x7f) << 24) | (random[7]! << 16) | (random[8]! << 8) | random[9]!;
  } else {
    seq = (seq + 1) | 0;
    if (seq === 0) lastMs++; // the counter ran over: borrow the next millisecond
  }
  return v7({ random, msecs: lastMs, seq });
}
