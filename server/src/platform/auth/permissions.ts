/**
 * Who may do what. One table maps each role to its permissions and its data scope; routes declare the
 * permission they need (see http/route-guard.ts) and services narrow every query by the actor's scope.
 * Deny by default: a permission not listed for a role is not granted.
 */
export const ROLES = ['platform_admin', 'catalog_admin', 'window_clerk', 'reviewer', 'supervisor', 'hotline_operator', 'data_admin', 'data_officer', 'applicant'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'catalog:read',
  'catalog:edit',
  'catalog:review',
  'catalog:publish',
  'case:apply',
  'case:read',
  'case:accept',
  'case:decide',
  'case:extend',
  /** 综合窗口收件: file a case or a 一件事 for an applicant who came to the window (modules/window). */
  'case:file_at_window',
  /** 12345 热线: answer a 一件事 questionnaire with a caller and send them the one-time list by SMS (modules/hotline). */
  'hotline:refer',
  /** 电子证照: look up licenses (a holder's, or by identifier) for handling cases; every lookup is logged (modules/licenses). */
  'license:read',
  /** Suspend, reinstate, revoke, annotate and re-issue the organisation's licenses. */
  'license:manage',
  /** License types, seals and legacy imports. */
  'license:admin',
  /** An applicant's own electronic licenses (电子证照夹): list, show, print, use for a material. */
  'license:own',
  /** An entity authorises its agents (经办人) for a scope and a period, and revokes them (the entity's own account). */
  'entity:agents',
  /** 数据共享: read the resource catalog, and one's own organisation's requests, grants and access log (modules/sharing). */
  'sharing:read',
  /** Request a resource for one's own organisation and manage the API keys of its grants. */
  'sharing:request',
  /** Approve or refuse requests for one's own organisation's conditional resources; read who read its data. */
  'sharing:provide',
  /** Load register data as a source department (the organisation's own registers only). */
  'sharing:load',
  /** The platform's review of requests (3 working days) and provision of open resources (seed 000 §(十) 23). */
  'sharing:review',
  /** Edit the resource catalog, manage grants, resolve register conflicts (数据管理员 of the platform). */
  'sharing:admin',
  /** 统一身份认证: register department systems as OpenID Connect clients (modules/identity/oidc). */
  'identity:clients',
  'file:upload',
  'org:read',
  'user:read',
  /** Create staff accounts, set roles, posts in other organisations and delegations, disable accounts. */
  'user:manage',
  'audit:verify',
  'dashboard:read',
  'calendar:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * Data scope, narrowest first:
 * - own: records the actor filed (applicants)
 * - org: records handled by the actor's organisation (a department's reviewers)
 * - region: records of the actor's region and every region below it (window clerks, supervisors)
 * - all: everything (platform administrators)
 */
export type DataScope = 'own' | 'org' | 'region' | 'all';

export const ROLE_GRANTS = {
  platform_admin: { scope: 'all', permissions: ['identity:clients', 'user:manage', 'catalog:read', 'org:read', 'user:read', 'audit:verify', 'dashboard:read', 'case:read', 'file:upload', 'calendar:manage', 'license:read', 'license:manage', 'license:admin'] },
  catalog_admin: { scope: 'region', permissions: ['catalog:read', 'catalog:edit', 'catalog:review', 'catalog:publish', 'org:read', 'file:upload'] },
  window_clerk: { scope: 'region', permissions: ['catalog:read', 'case:read', 'case:accept', 'case:file_at_window', 'file:upload', 'license:read'] },
  reviewer: { scope: 'org', permissions: ['catalog:read', 'case:read', 'case:decide', 'file:upload', 'license:read', 'license:manage'] },
  supervisor: { scope: 'region', permissions: ['catalog:read', 'case:read', 'case:extend', 'dashboard:read', 'license:read'] },
  hotline_operator: { scope: 'region', permissions: ['catalog:read', 'hotline:refer'] },
  // 数据管理员 of the platform (市数据局): reviews sharing requests and keeps the resource catalog and registers.
  data_admin: { scope: 'all', permissions: ['catalog:read', 'org:read', 'sharing:read', 'sharing:review', 'sharing:admin', 'sharing:load'] },
  // 部门数据专员: requests resources for their department, approves requests for its resources, loads its registers.
  data_officer: { scope: 'org', permissions: ['catalog:read', 'sharing:read', 'sharing:request', 'sharing:provide', 'sharing:load'] },
  applicant: { scope: 'own', permissions: ['case:apply', 'case:read', 'file:upload', 'license:own', 'entity:agents'] },
} as const satisfies Record<Role, { scope: DataScope; permissions: readonly Permission[] }>;

/** Where each role starts working after login (the first matching role wins). */
export const LANDING: Array<[Role, '/' | '/workbench' | '/admin' | '/dashboard']> = [
  ['platform_admin', '/admin'],
  ['catalog_admin', '/admin'],
  ['supervisor', '/dashboard'],
  ['window_clerk', '/workbench'],
  ['reviewer', '/workbench'],
  ['hotline_operator', '/workbench'],
  ['data_admin', '/admin'],
  ['data_officer', '/admin'],
  ['applicant', '/'],
];

const SCOPE_ORDER: DataScope[] = ['own', 'org', 'region', 'all'];

/** The permissions each scope an entity grants its agent opens (a subset of the applicant's; never 'entity:agents'). */
export const AGENT_SCOPE_PERMISSIONS: Readonly<Record<string, readonly Permission[]>> = {
  apply: ['case:apply', 'file:upload'],
  cases: ['case:read'],
  licenses: ['license:own'],
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  const out = new Set<Permission>();
  for (const r of roles) for (const p of ROLE_GRANTS[r].permissions) out.add(p);
  return out;
}

/** The widest scope among the roles that grant `permission`; undefined when none does. */
export function scopeFor(roles: readonly Role[], permission: Permission): DataScope | undefined {
  let best: DataScope | undefined;
  for (const r of roles) {
    const g = ROLE_GRANTS[r];
    if (!(g.permissions as readonly Permission[]).includes(permission)) continue;
    if (best === undefined || SCOPE_ORDER.indexOf(g.scope) > SCOPE_ORDER.indexOf(best)) best = g.scope;
  }
  return best;
}

export function landingFor(roles: readonly Role[]): '/' | '/workbench' | '/admin' | '/dashboard' {
  for (const [role, landing] of LANDING) if (roles.includes(role)) return landing;
  return '/';
}
