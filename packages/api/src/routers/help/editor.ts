import { platformAudit, staffActor } from '../../audit.ts';
import { conflict, isUniqueViolation, notFound } from '../../errors.ts';
import type { AuthedContext } from '../../trpc.ts';
import type { ArticleIdInput, CreateArticleInput, PublishArticleInput, UpdateArticleInput } from './inputs.ts';

/** Platform staff writing the help center; every change leaves a row in platform_audit_logs. */

const NOT_FOUND = 'There is no help article with this id.';
const SLUG_TAKEN = 'Another article already uses this address. Choose another one.';

const EDITOR_SELECT = {
  id: true, slug: true, locale: true, title: true, category: true, body: true, published: true,
  publishedAt: true, authorUserId: true, createdAt: true, updatedAt: true,
} as const;

/** Every article, published or not, both languages. */
export async function listArticlesForEditor(ctx: AuthedContext) {
  const articles = await ctx.db.platform.helpArticle.findMany({
    orderBy: [{ locale: 'asc' }, { category: 'asc' }, { title: 'asc' }],
    select: { id: true, slug: true, locale: true, title: true, category: true, published: true, updatedAt: true },
  });
  return { articles };
}

export async function getArticleForEditor(ctx: AuthedContext, input: ArticleIdInput) {
  const article = await ctx.db.platform.helpArticle.findUnique({ where: { id: input.id }, select: EDITOR_SELECT });
  if (!article) throw notFound(NOT_FOUND);
  return article;
}

/** A unique-address refusal as a sentence; anything else goes on. */
function slugTaken(error: unknown): never {
  if (isUniqueViolation(error, 'slug')) throw conflict(SLUG_TAKEN);
  throw error;
}

export async function createArticle(ctx: AuthedContext, input: CreateArticleInput) {
  return ctx.db.platform
    .$transaction(async (tx) => {
      const article = await tx.helpArticle.create({
        data: { ...input, authorUserId: ctx.user.id, publishedAt: input.published ? new Date() : null },
        select: EDITOR_SELECT,
      });
      await platformAudit(tx, staffActor(ctx), {
        action: 'help.article_created',
        targetType: 'help_article',
        targetId: article.id,
        data: { slug: article.slug, locale: article.locale, published: article.published },
      });
      return article;
    })
    .catch(slugTaken);
}

export async function updateArticle(ctx: AuthedContext, input: UpdateArticleInput) {
  const { id, ...fields } = input;
  return ctx.db.platform
    .$transaction(async (tx) => {
      const current = await tx.helpArticle.findUnique({ where: { id }, select: { slug: true, published: true, publishedAt: true } });
      if (!current) throw notFound(NOT_FOUND);
      const publishedAt = fields.published ? (current.publishedAt ?? new Date()) : null;
      const article = await tx.helpArticle.update({ where: { id }, data: { ...fields, publishedAt }, select: EDITOR_SELECT });
      await platformAudit(tx, staffActor(ctx), {
        action: 'help.article_updated',
        targetType: 'help_article',
        targetId: id,
        data: { slug: article.slug, ...(current.slug !== article.slug ? { previousSlug: current.slug } : {}), published: article.published },
      });
      return article;
    })
    .catch(slugTaken);
}

export async function setArticlePublished(ctx: AuthedContext, input: PublishArticleInput) {
  return ctx.db.platform.$transaction(async (tx) => {
    const current = await tx.helpArticle.findUnique({ where: { id: input.id }, select: { published: true } });
    if (!current) throw notFound(NOT_FOUND);
    if (current.published === input.published) throw conflict(input.published ? 'This article is already published.' : 'This article is not published.');
    const article = await tx.helpArticle.update({
      where: { id: input.id },
      data: { published: input.published, publishedAt: input.published ? new Date() : null },
      select: EDITOR_SELECT,
    });
    await platformAudit(tx, staffActor(ctx), {
      action: input.published ? 'help.article_published' : 'help.article_unpublished',
      targetType: 'help_article',
      targetId: input.id,
      data: { slug: article.slug },
    });
    return article;
  });
}

export async function deleteArticle(ctx: AuthedContext, input: ArticleIdInput) {
  return ctx.db.platform.$transaction(async (tx) => {
    const current = await tx.helpArticle.findUnique({ where: { id: input.id }, select: { slug: true, locale: true, title: true } });
    if (!current) throw notFound(NOT_FOUND);
    await tx.helpArticle.delete({ where: { id: input.id } });
    await platformAudit(tx, staffActor(ctx), { action: 'help.article_deleted', targetType: 'help_article', targetId: input.id, data: current });
    return { id: input.id };
  });
}
