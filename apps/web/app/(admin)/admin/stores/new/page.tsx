import { Card, PageHeader } from '@vitrine/ui';
import { CreateStoreForm } from '../../../../../src/admin/create-store-form.tsx';
import { getEnv } from '../../../../../src/server/env.ts';

export const metadata = { title: 'Open a store · Vitrine' };

export default function NewStorePage() {
  return (
    <main className="v-page" style={{ maxWidth: 520 }}>
      <PageHeader title="Open a store" description="Choose its name and web address. You can change the name later." />
      <Card>
        <CreateStoreForm platformDomain={getEnv().PLATFORM_DOMAIN} />
      </Card>
    </main>
  );
}
