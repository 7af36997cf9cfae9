import { redirect } from 'next/navigation';
import { adminCaller } from '../../../../src/admin/active-tenant.ts';
import { currentUser } from '../../../../src/server/auth.ts';

/** The wizard resumes where the store left it: the first step neither done nor skipped. */
export default async function SetupPage() {
  if (!(await currentUser())) redirect('/login?next=/admin/setup');
  const { caller } = await adminCaller();
  if (!caller) redirect('/admin/stores/new');
  const progress = await caller.setup.progress();
  redirect(`/admin/setup/${progress.nextStep ?? 'publish'}`);
}
