import { v7 } from 'uuid';

/** Primary keys are UUIDv7: time-ordered, so inserts stay local in B-tree indexes. */
export function newId(): string {
  return v7();
}
