import Link from 'next/link';
import { Card, PageHeader } from '@vitrine/ui';
import { currentUser } from '../src/server/auth.ts';

export default async function Home() {
  const user = await currentUser();
  return (
    <main className="v-page">
      <PageHeader title="Vitrine" description="Your online store, ready in minutes." />
      <Card>
        {user ? (
          <p>
            Signed in as {user.email}. <Link href="/admin">Go to your admin</Link>
          </p>
        ) : (
          <p>
            <Link href="/login">Sign in</Link> or <Link href="/signup">open a store</Link>.
          </p>
        )}
      </Card>
    </main>
  );
}
