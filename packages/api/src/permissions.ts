import type { MembershipRole } from '@vitrine/db';

/**
 * The one permission table. Every tenant procedure names the permission it needs; this file decides
 * who has it. OWNER and ADMIN hold their permissions by role; STAFF holds only what its membership's
 * fine permissions grant.
 */
export const PERMISSIONS = [
  'catalog:read',
  'catalog:write',
  'orders:read',
  'orders:write',
  'support:read',
  'support:write',
  'settings:read',
  'settings:write',
  'team:manage',
  'billing:manage',
  /** Reading the audit log: OWNER and ADMIN only (no fine permission grants it). */
  'audit:read',
  /** Exporting all of the store's data ("data rights" archive): OWNER and ADMIN only (no fine permission grants it). */
  'data:export',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

/** What `memberships.permissions` may hold (for STAFF): one word per area. */
export const FINE_PERMISSIONS = ['catalog', 'orders', 'support', 'settings', 'billing'] as const;
export type FinePermission = (typeof FINE_PERMISSIONS)[number];

const FINE_GRANTS: Record<FinePermission, readonly Permission[]> = {
  catalog: ['catalog:read', 'catalog:write'],
  orders: ['orders:read', 'orders:write'],
  support: ['support:read', 'support:write'],
  settings: ['settings:read', 'settings:write'],
  billing: ['billing:manage'],
};

const ROLE_GRANTS: Record<MembershipRole, readonly Permission[]> = {
  OWNER: PERMISSIONS,
  // Everything but the money: billing stays with the owner.
  ADMIN: PERMISSIONS.filter((p) => p !== 'billing:manage'),
  STAFF: [],
};

export interface MembershipGrant {
  role: MembershipRole;
  permissions: readonly string[];
}

function isFinePermission(value: string): value is FinePermission {
  return (FINE_PERMISSIONS as readonly string[]).includes(value);
}

/** Every permission a membership holds. Unknown words in `permissions` grant nothing. */
export function permissionsOf(membership: MembershipGrant): Set<Permission> {
  const granted = new Set<Permission>(ROLE_GRANTS[membership.role] ?? []);
  if (membership.role === 'STAFF') {
    for (const word of membership.permissions) {
      if (isFinePermission(word)) for (const p of FINE_GRANTS[word]) granted.add(p);
    }
  }
  return granted;
}

export function can(membership: MembershipGrant, permission: Permission): boolean {
  return permissionsOf(membership).has(permission);
}
