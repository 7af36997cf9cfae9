import { describe, expect, it } from 'vitest';
import { can, FINE_PERMISSIONS, PERMISSIONS, permissionsOf } from './permissions.ts';

describe('permission table', () => {
  it('gives the owner every permission', () => {
    expect([...permissionsOf({ role: 'OWNER', permissions: [] })].sort()).toEqual([...PERMISSIONS].sort());
  });

  it('gives an admin everything except billing', () => {
    const admin = { role: 'ADMIN' as const, permissions: [] };
    for (const p of PERMISSIONS) expect(can(admin, p)).toBe(p !== 'billing:manage');
  });

  it('gives staff nothing without fine permissions', () => {
    expect(permissionsOf({ role: 'STAFF', permissions: [] }).size).toBe(0);
  });

  it('gives staff exactly the areas its membership grants', () => {
    const staff = { role: 'STAFF' as const, permissions: ['catalog', 'support'] };
    expect([...permissionsOf(staff)].sort()).toEqual(['catalog:read', 'catalog:write', 'support:read', 'support:write']);
    expect(can(staff, 'settings:write')).toBe(false);
    expect(can(staff, 'team:manage')).toBe(false);
  });

  it('maps every fine permission to something and never to team management', () => {
    for (const word of FINE_PERMISSIONS) {
      const granted = permissionsOf({ role: 'STAFF', permissions: [word] });
      expect(granted.size).toBeGreaterThan(0);
      expect(granted.has('team:manage')).toBe(false);
    }
  });

  it('ignores unknown words in a membership', () => {
    expect(permissionsOf({ role: 'STAFF', permissions: ['everything', 'catalog:write', 'team'] }).size).toBe(0);
  });

  it('does not widen owner or admin roles through fine permissions', () => {
    expect(can({ role: 'ADMIN', permissions: ['billing'] }, 'billing:manage')).toBe(false);
  });
});
