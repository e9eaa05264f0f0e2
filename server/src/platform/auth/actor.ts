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
  /** When the session last proved the password (sign-in or re-authentication), for sensitive actions. */
  authAt?: Date;
  /** Real-name level of the account: L1 self-declared, L2 checked against a register, L3 checked in person. */
  realNameLevel?: 'L1' | 'L2' | 'L3';
  /**
   * A person acting for this entity as its agent (经办人): who they are, and what the entity allowed them
   * ('apply' | 'cases' | 'licenses'). Their permissions are already narrowed to those scopes.
   */
  agent?: { id: string; name: string; scopes: readonly string[] };
  /** A staff session working in another of the account's posts (or as a delegate), not its own organisation. */
  post?: { id: string; kind: 'post' | 'delegation'; orgName: string };
};

/**
 * The name under which what the actor does is recorded (a case's timeline): a person acting for an entity is named
 * with it — 李明（泰州某某有限公司经办人） — so the record says who did it, not only for whom.
 */
export function recordedName(actor: Pick<Actor, 'displayName' | 'agent'>): string {
  return actor.agent ? `${actor.agent.name}（${actor.displayName}经办人）` : actor.displayName;
}

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
