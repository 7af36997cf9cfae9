import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../context.ts';
import { createApiHarness, type ApiHarness } from '../../test-support/harness.ts';
import { expectTRPCError } from '../../test-support/expect-error.ts';

let h: ApiHarness;
let operator: SessionUser;
let owner: SessionUser;
let store: { id: string };

beforeAll(async () => {
  h = await createApiHarness('platform_themes');
  operator = await h.createUser('themes-operator', 'SUPER_ADMIN');
  owner = await h.createUser('themes-owner');
  store = await h.createStore(owner, 'themes-shop');
});
afterAll(() => h?.close());

const staff = () => h.caller(operator);
const admin = () => h.caller(owner, { tenantId: store.id });

describe('the theme catalogue', () => {
  it('lists every theme, all offered at first', async () => {
    expect(await staff().platformThemes.list()).toEqual([
      expect.objectContaining({ code: 'classic', enabledForNewStores: true }),
      expect.objectContaining({ code: 'boutique', enabledForNewStores: true }),
      expect.objectContaining({ code: 'market', enabledForNewStores: true }),
    ]);
  });

  it('a theme switched off is no longer offered, but a store that uses it keeps it; both changes audited', async () => {
    await admin().setup.theme({ theme: 'boutique' });
    await staff().platformThemes.setEnabled({ code: 'boutique', enabled: false });
    expect(await admin().platformThemes.offered()).toEqual(['classic', 'market']);
    // The store keeps (and may save again) its theme.
    await expect(admin().setup.theme({ theme: 'boutique' })).resolves.toEqual({ theme: 'boutique' });
    // Another store cannot choose it.
    const other = await h.createUser('themes-other');
    const otherStore = await h.createStore(other, 'themes-shop-2');
    const refused = await expectTRPCError(h.caller(other, { tenantId: otherStore.id }).setup.theme({ theme: 'boutique' }), 'BAD_REQUEST', /no longer offered/);
    expect((refused.cause as unknown as { issues: { path: string[] }[] }).issues[0]!.path).toEqual(['theme']);
    await staff().platformThemes.setEnabled({ code: 'boutique', enabled: true });
    await expect(h.caller(other, { tenantId: otherStore.id }).setup.theme({ theme: 'boutique' })).resolves.toEqual({ theme: 'boutique' });
    const rows = await h.owner.platformAuditLog.findMany({ where: { targetType: 'theme' }, orderBy: { createdAt: 'asc' } });
    expect(rows.map((r) => [r.action, r.targetId, r.actorUserId])).toEqual([
      ['theme.disabled', 'boutique', operator.id],
      ['theme.enabled', 'boutique', operator.id],
    ]);
  });

  it('keeps at least one theme offered', async () => {
    await staff().platformThemes.setEnabled({ code: 'classic', enabled: false });
    await staff().platformThemes.setEnabled({ code: 'market', enabled: false });
    await expectTRPCError(staff().platformThemes.setEnabled({ code: 'boutique', enabled: false }), 'BAD_REQUEST', /At least one theme/);
    expect(await staff().platformThemes.list()).toContainEqual(expect.objectContaining({ code: 'boutique', enabledForNewStores: true }));
  });

  it('is for platform staff only', async () => {
    await expectTRPCError(h.caller(owner).platformThemes.setEnabled({ code: 'classic', enabled: true }), 'FORBIDDEN');
    await expectTRPCError(h.caller(owner).platformThemes.list(), 'FORBIDDEN');
  });
});
