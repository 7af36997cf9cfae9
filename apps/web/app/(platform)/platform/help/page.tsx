import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { Badge, Card, EmptyState, PageHeader, Table } from '@vitrine/ui';
import { formatDateTime } from '../../../../src/mercadolivre/format.ts';
import { currentUser } from '../../../../src/server/auth.ts';
import { serverCaller } from '../../../../src/server/caller.ts';
import { ArticleForm, PublishToggle } from './article-form.tsx';

export const metadata = { title: 'Help center · Vitrine platform' };

export default async function PlatformHelpPage() {
  const user = await currentUser();
  if (!user) redirect('/login?next=/platform/help');
  if (user.platformRole !== 'SUPER_ADMIN') notFound();
  const { articles } = await (await serverCaller()).help.editor.list();
  return (
    <main className="v-page">
      <PageHeader title="Help center" description="Articles in English and Portuguese; only published ones are public." actions={<Link href="/help">Open the help center</Link>} />
      {articles.length === 0 ? (
        <EmptyState title="No articles yet" />
      ) : (
        <Table data-testid="help-editor-list">
          <thead>
            <tr>
              <th>Title</th>
              <th>Language</th>
              <th>Category</th>
              <th>State</th>
              <th>Updated</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {articles.map((a) => (
              <tr key={a.id}>
                <td>
                  <Link href={`/platform/help/${a.id}`}>{a.title}</Link>
                  <div style={{ fontSize: '0.85rem' }}>/help/{a.slug}</div>
                </td>
                <td>{a.locale}</td>
                <td>{a.category}</td>
                <td>
                  <Badge tone={a.published ? 'success' : 'neutral'}>{a.published ? 'published' : 'draft'}</Badge>
                </td>
                <td>{formatDateTime(a.updatedAt)}</td>
                <td>
                  <PublishToggle id={a.id} published={a.published} />
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Card>
        <h2 style={{ marginTop: 0 }}>New article</h2>
        <ArticleForm />
      </Card>
    </main>
  );
}
