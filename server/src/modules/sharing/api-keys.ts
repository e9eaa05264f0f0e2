/**
 * API keys of grants (beside OAuth2 client-credentials tokens of registered systems, ADR 0012): `tbk_` and 32 random
 * bytes (base64url), shown once; only the SHA-256 is stored, and the first characters as a visible prefix.
 * Changes made in this process empty this process's key caches at once (`forgetSharingKeysLocally`); other
 * instances empty theirs at the NOTIFY on tongban_sharing_keys.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { NotifiedCache } from '../../platform/db/listen.ts';

export const API_KEY_MARK = 'tbk_';
export const PREFIX_CHARS = 12;

export const newApiKey = () => API_KEY_MARK + randomBytes(32).toString('base64url');
export const apiKeyHash = (key: string) => createHash('sha256').update(key).digest();

/** Every live key cache of this process. */
export const liveKeyCaches = new Set<NotifiedCache<unknown>>();

export function forgetSharingKeysLocally(): void {
  for (const c of liveKeyCaches) c.clear();
}
