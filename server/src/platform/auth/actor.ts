import type { DataScope, Permission, Role } from './permissions.ts';
import { scopeFor } from './permissions.ts';
import { HttpErrors } from '../http/errors.ts';

export type SubjectType = 'person' | 'entity' | 'staff';

/** The authenticated caller of a request. */
export type Actor = {
  id: string;
  username: string;
  displayName: string;
  subjectType: SubjectType;
  roles: Role[];
  permissions: Set<Permission>;
  orgId: string | null;
  regionCode: string | null;
  sessionId: string;
  csrfToken: string;
};

export function requirePermission(actor: Actor | undefined, permission: Permission): Actor {
  if (!actor) throw HttpErrors.UNAUTHENTICATED();
  if (!actor.permissions.has(permission)) throw HttpErrors.FORBIDDEN();
  return actor;
}

/** The actor's data scope for a permission (throws FORBIDDEN when the actor lacks it). */
export function scopeOf(actor: Actor, permission: Permission): DataScope {
  const s = scopeFor(actor.roles, permission);
  if (!s) throw HttpErrors.FORBIDDEN();
  return s;
}
