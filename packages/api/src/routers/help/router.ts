import { platformAdminProcedure, publicProcedure, router } from '../../trpc.ts';
import { getHelpArticle, listHelpArticles } from './articles.ts';
import { createArticle, deleteArticle, getArticleForEditor, listArticlesForEditor, setArticlePublished, updateArticle } from './editor.ts';
import { articleIdInput, createArticleInput, helpListInput, helpSlugInput, publishArticleInput, updateArticleInput } from './inputs.ts';

/** The help center: anyone reads published articles; platform staff (SUPER_ADMIN) write them, audited. */
export const helpRouter = router({
  /** Published articles in one language, optionally matching every word of a search. */
  list: publicProcedure.input(helpListInput).query(({ ctx, input }) => listHelpArticles(ctx, input)),
  /** A published article by its address; an unpublished one is NOT_FOUND like a missing one. */
  get: publicProcedure.input(helpSlugInput).query(({ ctx, input }) => getHelpArticle(ctx, input)),
  editor: router({
    list: platformAdminProcedure.query(({ ctx }) => listArticlesForEditor(ctx)),
    get: platformAdminProcedure.input(articleIdInput).query(({ ctx, input }) => getArticleForEditor(ctx, input)),
    create: platformAdminProcedure.input(createArticleInput).mutation(({ ctx, input }) => createArticle(ctx, input)),
    update: platformAdminProcedure.input(updateArticleInput).mutation(({ ctx, input }) => updateArticle(ctx, input)),
    setPublished: platformAdminProcedure.input(publishArticleInput).mutation(({ ctx, input }) => setArticlePublished(ctx, input)),
    delete: platformAdminProcedure.input(articleIdInput).mutation(({ ctx, input }) => deleteArticle(ctx, input)),
  }),
});
