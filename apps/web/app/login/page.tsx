import Link from 'next/link';
import { redirect } from 'next/navigation';
import { Card, PageHeader } from '@vitrine/ui';
import { LoginForm } from '../../src/auth/login-form.tsx';
import { currentUser } from '../../src/server/auth.ts';

export const metadata = { title: 'Sign in · Vitrine' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  if (await currentUser()) redirect('/admin');
  return (
    <main className="v-page" style={{ maxWidth: 420 }}>
      <PageHeader title="Sign in" description="Manage your store." />
      <Card>
        <LoginForm next={next ?? '/admin'} />
      </Card>
      <p>
        New to Vitrine? <Link href="/signup">Create an account</Link>
      </p>
    </main>
  );
}
