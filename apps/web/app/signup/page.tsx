import Link from 'next/link';
import { Card, PageHeader } from '@vitrine/ui';
import { SignupForm } from '../../src/auth/signup-form.tsx';

export const metadata = { title: 'Create your account · Vitrine' };

export default function SignupPage() {
  return (
    <main className="v-page" style={{ maxWidth: 420 }}>
      <PageHeader title="Create your account" description="Next you will name your store." />
      <Card>
        <SignupForm />
      </Card>
      <p>
        Already have an account? <Link href="/login">Sign in</Link>
      </p>
    </main>
  );
}
