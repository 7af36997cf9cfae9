import { Button } from '@vitrine/ui';
import { setStorePublishedAction, switchTenantAction } from './actions.ts';

/** The store switcher (when the person has several stores) and the publish toggle, for the admin's page headers. */
export function StoreHeaderActions({ mine, activeId, published }: { mine: { id: string; name: string }[]; activeId: string; published: boolean }) {
  return (
    <div className="v-row">
      {mine.length > 1 ? (
        <form action={switchTenantAction} className="v-row">
          <div className="v-field" style={{ marginBottom: 0 }}>
            <label htmlFor="tenant-switcher">Store</label>
            <select id="tenant-switcher" name="tenantId" defaultValue={activeId}>
              {mine.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </div>
          <Button type="submit" variant="secondary">
            Switch
          </Button>
        </form>
      ) : null}
      <form action={setStorePublishedAction}>
        <input type="hidden" name="published" value={published ? 'false' : 'true'} />
        <Button type="submit" variant={published ? 'secondary' : 'primary'}>
          {published ? 'Unpublish store' : 'Publish store'}
        </Button>
      </form>
    </div>
  );
}
