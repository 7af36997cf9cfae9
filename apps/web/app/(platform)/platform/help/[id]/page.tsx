import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { Badge, Card, PageHeader } from '@vitrine/ui';
import { load } from '../../../../../src/mercadolivre/load.ts';
import { currentUser } from '../../../../../src/server/auth.ts';
import { serverCaller } from '../../../../../src/server/caller.ts';
import { ArticleForm, DeleteArticle, PublishToggle } from '../article-form.tsx';

export const metadata = { title: 'Edit article · Vitrine platform' };

export default async function EditArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await currentUser();
  if (!user) redirect(`/login?next=/platform/help/${encodeURIComponent(id)}`);
  if (user.platformRole !== 'SUPER_ADMIN') notFound();
  const found = await load(async () => (await serverCaller()).help.editor.get({ id }));
  if (found.error !== null) notFound();
  const article = found.data;
  return (
    <main className="v-page">
      <PageHeader
        title={article.title}
        description={<Badge tone={article.published ? 'success' : 'neutral'}>{article.published ? 'published' : 'draft'}</Badge>}
        actions={
          <>
            <Link href="/platform/help">All articles</Link> {article.published ? <Link href={`/help/${article.slug}`}>View</Link> : null}
          </>
        }
      />
      <div className="v-row">
        <PublishToggle id={article.id} published={article.published} />
        <DeleteArticle id={article.id} />
      </div>
      <Card>
        <ArticleForm article={article} />
      </Card>
    </main>
  );
}
