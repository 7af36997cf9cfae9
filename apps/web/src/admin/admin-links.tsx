import Link from 'next/link';
import { can, type Permission } from '@vitrine/api';
import { myModules } from '../modules/my-modules.ts';
import { adminCaller } from './active-tenant.ts';

/** `module`: shown only when that module is on for the store and the member (src/modules). */
const LINKS: { href: string; label: string; needs?: Permission; module?: string }[] = [
  { href: '/admin', label: 'Dashboard', needs: 'orders:read' },
  { href: '/admin/orders', label: 'Orders', needs: 'orders:read' },
  { href: '/admin/products', label: 'Products' },
  { href: '/admin/coupons', label: 'Coupons', needs: 'catalog:read', module: 'coupons' },
  { href: '/admin/team', label: 'Team', needs: 'team:manage' },
  { href: '/admin/settings', label: 'Settings', needs: 'settings:read' },
  { href: '/admin/settings/shipping', label: 'Shipping', needs: 'settings:read' },
  { href: '/admin/settings/tax', label: 'Tax', needs: 'settings:read' },
  { href: '/admin/audit', label: 'Audit log', needs: 'audit:read' },
  { href: '/admin/support', label: 'Support', needs: 'support:read', module: 'support' },
  { href: '/admin/mercadolivre', label: 'Mercado Livre', module: 'mercadolivre' },
  { href: '/admin/settings/modules', label: 'Modules', needs: 'team:manage' },
  { href: '/admin/settings/data', label: 'Your data', needs: 'data:export' },
  { href: '/admin/billing', label: 'Plan', needs: 'billing:manage' },
];

/**
 * The running-the-store links of the admin bar, each shown only to members whose role in the active store
 * allows its page (the pages and the router refuse the others anyway).
 */
export async function StoreAdminLinks() {
  const { active } = await adminCaller();
  if (!active) return null;
  const modules = await myModules();
  return (
    <>
      {LINKS.filter((l) => (!l.needs || can(active, l.needs)) && (!l.module || modules?.get(l.module)?.enabled !== false)).map((l) => (
        <Link key={l.href} href={l.href}>
          {l.label}
        </Link>
      ))}
    </>
  );
}
