'use client';
import { Input } from '@vitrine/ui';
import { ActionForm } from '../../../../src/forms/action-form.tsx';
import { InlineActionForm } from '../../../../src/forms/inline-action-form.tsx';
import { TextArea } from '../../../(admin)/admin/support/forms.tsx';
import { createArticleAction, deleteArticleAction, publishArticleAction, updateArticleAction } from './actions.ts';

export interface ArticleDraft {
  id?: string;
  slug: string;
  locale: string;
  title: string;
  category: string;
  body: string;
  published: boolean;
}

const EMPTY: ArticleDraft = { slug: '', locale: 'en', title: '', category: '', body: '', published: false };

/** The article editor: new (no id) or existing; each refusal beside its field. */
export function ArticleForm({ article = EMPTY }: { article?: ArticleDraft }) {
  const editing = Boolean(article.id);
  return (
    <ActionForm action={editing ? updateArticleAction : createArticleAction} submitLabel={editing ? 'Save article' : 'Create article'} pendingLabel="Saving…">
      {(state, err) => {
        const v = state.values ?? { ...article, published: article.published ? 'on' : '' };
        return (
          <>
            {article.id ? <input type="hidden" name="id" value={article.id} /> : null}
            <div className="v-row">
              <Input label="Title" name="title" defaultValue={v.title} error={err.title} />
              <Input label="Address (slug)" name="slug" defaultValue={v.slug} error={err.slug} placeholder="connecting-mercado-livre" />
            </div>
            <div className="v-row">
              <Input label="Category" name="category" defaultValue={v.category} error={err.category} />
              <div className={err.locale ? 'v-field v-field--invalid' : 'v-field'}>
                <label htmlFor="article-locale">Language</label>
                <select id="article-locale" name="locale" defaultValue={v.locale || 'en'}>
                  <option value="en">English</option>
                  <option value="pt-BR">Português (Brasil)</option>
                </select>
                {err.locale ? <span className="v-field__error" role="alert">{err.locale}</span> : null}
              </div>
            </div>
            <TextArea id="article-body" name="body" label="Text (blank lines between paragraphs)" rows={16} defaultValue={v.body} error={err.body} />
            <label htmlFor="article-published" style={{ display: 'block', margin: '8px 0 16px' }}>
              <input id="article-published" type="checkbox" name="published" defaultChecked={v.published === 'on'} /> Published (shown in the help center)
            </label>
          </>
        );
      }}
    </ActionForm>
  );
}

export function PublishToggle({ id, published }: { id: string; published: boolean }) {
  return <InlineActionForm action={publishArticleAction} label={published ? 'Unpublish' : 'Publish'} hidden={{ id, published: String(!published) }} />;
}

export function DeleteArticle({ id }: { id: string }) {
  return <InlineActionForm action={deleteArticleAction} label="Delete article" variant="danger" hidden={{ id }} />;
}
